import { EventEmitter } from 'node:events';
import type { LoadRun, ProduceResult } from '../../lib/contract/actions';
import type { LoadStartRequest, ProduceRequest } from '../../lib/contract/action-schemas';
import type { KafkaClients } from '../kafka/client';
import type { ClusterStore } from '../cluster/store';
import { ActionError } from '../actions/errors';

export interface ProduceEvents {
  loads: [LoadRun[]];
}

export class ProduceService extends EventEmitter<ProduceEvents> {
  constructor(
    readonly clients: KafkaClients,
    readonly store: ClusterStore,
  ) {
    super();
  }
  async send(req: ProduceRequest): Promise<ProduceResult> {
    void req;
    throw new ActionError('not built yet');
  }
  async startLoad(req: LoadStartRequest): Promise<LoadRun> {
    void req;
    throw new ActionError('not built yet');
  }
  async stopLoad(id: string): Promise<LoadRun> {
    void id;
    throw new ActionError('not built yet');
  }
  loads(): LoadRun[] {
    return [];
  }
  async close(): Promise<void> {}
}
