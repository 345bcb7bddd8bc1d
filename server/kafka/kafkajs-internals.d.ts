// Types for the one kafkajs source file imported directly (see ./kafkajs-private.ts).
declare module 'kafkajs/src/protocol/error' {
  export const errorCodes: { type: string; code: number; message: string; retriable: boolean }[];
}
