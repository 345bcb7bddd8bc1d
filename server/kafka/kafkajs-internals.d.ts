// kafkajs's own Metadata request definitions (all versions, negotiated per broker through
// `broker.lookupRequest`). Not part of its typed API; kafkajs is pinned at 2.2.4.
declare module 'kafkajs/src/protocol/requests/metadata' {
  const definition: unknown;
  export default definition;
}
