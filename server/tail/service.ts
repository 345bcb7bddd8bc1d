import type { TailMessage } from '../../lib/contract/actions';
import type { KafkaClients } from '../kafka/client';
import type { ClusterStore } from '../cluster/store';

export interface TailSink {
  (topic: string, messages: TailMessage[], reset: boolean): void;
}

export class TailService {
  constructor(
    readonly clients: KafkaClients,
    readonly store: ClusterStore,
  ) {}
  watch(subscriber: string, topic: string | null, sink: TailSink): void {
    void subscriber;
    void topic;
    void sink;
  }
  async close(): Promise<void> {}
}
