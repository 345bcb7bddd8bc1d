import type { ActionHandlers } from '@/server/actions/dispatcher';
import { ActionError } from '@/server/actions/errors';
import type { EmbeddedCluster } from '@/server/embedded/cluster';

// Broker faults for the embedded cluster: graceful stop (SIGTERM, controlled shutdown), hard
// kill (SIGKILL, fenced after the session timeout) and start. One fault action per node at a
// time: a second click while a stop or start runs would race it.

type BrokerActions = Pick<ActionHandlers, 'broker:stop' | 'broker:kill' | 'broker:start'>;
type Fault = 'stop' | 'kill' | 'start';

const NOT_EMBEDDED =
  'broker faults are for the embedded cluster; this dashboard reads a cluster given by KAFKA_BROKERS';

export function brokerActions(embedded: EmbeddedCluster | null): BrokerActions {
  const busy = new Map<number, Fault>();

  async function run(fault: Fault, brokerId: number): Promise<{ brokerId: number }> {
    if (!embedded) throw new ActionError(NOT_EMBEDDED);
    const nodes = embedded.status();
    const node = nodes.find((n) => n.id === brokerId);
    if (!node)
      throw new ActionError(
        `no broker ${brokerId} in the embedded cluster; its nodes are ${nodes.map((n) => n.id).join(', ')}`,
      );
    const running = busy.get(brokerId);
    if (running) throw new ActionError(`broker ${brokerId} is busy with a ${running} already; wait for it to finish`);
    if (fault === 'start' && node.running) throw new ActionError(`broker ${brokerId} is already running`);
    if (fault !== 'start' && !node.running) throw new ActionError(`broker ${brokerId} is not running; start it first`);
    busy.set(brokerId, fault);
    try {
      if (fault === 'stop') await embedded.stopNode(brokerId);
      else if (fault === 'kill') await embedded.killNode(brokerId);
      else await embedded.startNode(brokerId);
      return { brokerId };
    } finally {
      busy.delete(brokerId);
    }
  }

  return {
    'broker:stop': ({ brokerId }) => run('stop', brokerId),
    'broker:kill': ({ brokerId }) => run('kill', brokerId),
    'broker:start': ({ brokerId }) => run('start', brokerId),
  };
}
