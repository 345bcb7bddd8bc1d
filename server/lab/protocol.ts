import type { LabConsumer, LabProtocol } from '@/lib/contract/actions';
import type { KafkaSettings } from '@/server/config';

// The IPC messages between the supervisor and a lab worker process. Kafka settings (with any
// SASL password) travel here, never on the command line where `ps` would show them.

export interface WorkerConfig {
  name: string;
  protocol: LabProtocol;
  groupId: string;
  topics: string[];
  consumers: number;
  processingDelayMs: number;
  sessionTimeoutMs: number;
  kafka: KafkaSettings;
  bootstrap: string[];
}

/** Commands that answer with a `reply` carrying the same id. */
export type WorkerCommand =
  | { type: 'pause'; id: number }
  | { type: 'resume'; id: number }
  | { type: 'scale'; id: number; consumers: number }
  | { type: 'rebalance'; id: number };

/** `stop`: every consumer leaves its group, then the process exits (no reply: the exit is it). */
export type ToWorker = { type: 'start'; config: WorkerConfig } | { type: 'stop' } | WorkerCommand;

export type FromWorker =
  /** Every consumer has joined its group once (the instance is up). */
  | { type: 'ready' }
  /** The consumers as they are now; sent at most a few times a second. */
  | { type: 'state'; consumers: LabConsumer[] }
  /** A consumer's heartbeat (or join) was answered at `at`; sent at once, not coalesced, so a
   *  killed instance's last contact is known to within a heartbeat. */
  | { type: 'heard'; clientId: string; memberId: string; at: number }
  | { type: 'reply'; id: number; error: string | null; clientId?: string }
  /** Something went wrong inside a consumer, worded for the UI; the worker keeps running. */
  | { type: 'problem'; message: string };

export function isFromWorker(m: unknown): m is FromWorker {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string';
}
