import { defineRequest } from '@/server/kafka/protocol/request';

// Metadata (API key 3) v12, flexible, asked only for each topic's id: the new group protocols'
// records in __consumer_offsets name topics by id (KIP-516), and the poller's Metadata v6
// (./metadata.ts) predates ids. v12 is the first version whose topic name may be null (a topic
// asked by id); Kafka 3.1+ serves it.

export const topicIds = defineRequest<Record<string, never>, Map<string, string>>({
  name: 'Metadata',
  apiKey: 3,
  version: 12,
  flexible: true,
  encode(w) {
    w.arrayLength(-1); // null: every topic
    w.int8(0); // allow_auto_topic_creation
    w.int8(0); // include_topic_authorized_operations
    w.emptyTaggedFields();
  },
  decode(r) {
    r.int32(); // throttle time
    r.array((b) => {
      b.int32();
      b.string();
      b.int32();
      b.nullableString();
      b.skipTaggedFields();
    });
    r.nullableString(); // cluster id
    r.int32(); // controller id
    const ids = new Map<string, string>();
    r.array((t) => {
      const errorCode = t.int16();
      const name = t.nullableString();
      const id = t.uuid();
      t.int8(); // is internal
      t.array((p) => {
        p.int16();
        p.int32();
        p.int32();
        p.int32(); // leader epoch
        for (let i = 0; i < 3; i++) p.array((x) => x.int32()); // replicas, isr, offline
        p.skipTaggedFields();
      });
      t.int32(); // authorized operations
      t.skipTaggedFields();
      if (errorCode === 0 && name !== null) ids.set(id, name);
    });
    r.skipTaggedFields();
    return ids;
  },
});
