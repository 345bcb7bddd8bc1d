import { EventEmitter } from 'node:events';
import type { LabInstance } from '../../lib/contract/actions';
import type { KafkaSettings } from '../config';

// STUB (to be built): starts and supervises lab "app instances" as separate OS processes.

export interface LabSupervisorEvents {
  /** The whole instance list, whenever any instance changes. */
  instances: [LabInstance[]];
}

export interface LabSupervisorOptions {
  kafka: KafkaSettings;
  bootstrap: string[];
  log?: (line: string) => void;
}

export class LabSupervisor extends EventEmitter<LabSupervisorEvents> {
  constructor(readonly opts: LabSupervisorOptions) {
    super();
  }

  instances(): LabInstance[] {
    return [];
  }

  /** Stops every instance (graceful, then killed); used on server shutdown. */
  async stopAll(): Promise<void> {}
}
