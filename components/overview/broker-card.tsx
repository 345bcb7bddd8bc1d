import type { Broker } from '@/lib/contract/cluster';
import { Badge, type Tone } from '@/components/ui/badge';
import { StatusDot } from '@/components/ui/status-dot';
import { brokerLabel } from '@/lib/derive';
import { BrokerFaults } from './broker-faults';

const STATUS: Record<Broker['status'], { tone: Tone; label: string; why: string }> = {
  online: { tone: 'good', label: 'online', why: 'In the cluster metadata and answering on its client port.' },
  unreachable: { tone: 'warn', label: 'unreachable', why: 'Still in the metadata, but its port refuses connections: the controller will fence it after the session timeout.' },
  offline: { tone: 'bad', label: 'offline', why: 'Gone from the cluster metadata (stopped or fenced).' },
};

const CLUSTER_AWAY = 'The dashboard cannot reach the cluster; this is the last state it saw.';

export function BrokerCard({
  broker,
  isController,
  leaders,
  maxLeaders,
  replicas,
  clusterReachable,
}: {
  broker: Broker;
  isController: boolean;
  leaders: number;
  maxLeaders: number;
  replicas: number;
  clusterReachable: boolean;
}) {
  const status = STATUS[broker.status];
  const why = clusterReachable ? status.why : CLUSTER_AWAY;
  return (
    <article
      data-testid={`broker-card-${broker.id}`}
      data-status={broker.status}
      className={`rounded-lg border bg-zinc-900/60 p-4 ${broker.online ? 'border-zinc-800' : 'border-rose-900/80 bg-rose-950/20'}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <StatusDot tone={status.tone} />
        <h3 className="whitespace-nowrap text-base font-semibold text-zinc-100">Broker {broker.id}</h3>
        {isController && (
          <Badge tone="accent" testId="controller-badge" title="Active KRaft controller: leader of the metadata quorum">
            ★ controller
          </Badge>
        )}
        <span className="ml-auto">
          <Badge tone={status.tone} testId={`broker-status-${broker.id}`} title={why}>
            {status.label}
          </Badge>
        </span>
      </div>
      <div className="mt-1 font-mono text-xs text-zinc-500">
        {brokerLabel(broker)}
        {broker.rack && <span className="ml-2 text-zinc-400">rack {broker.rack}</span>}
      </div>
      <div className="mt-3 flex items-baseline justify-between text-xs text-zinc-400">
        <span>
          Leads <span data-testid={`broker-leaders-${broker.id}`} className="text-base font-semibold tabular-nums text-zinc-100">{leaders}</span> partitions
        </span>
        <span className="tabular-nums">{replicas} replicas</span>
      </div>
      <div className="mt-1.5 h-1.5 overflow-hidden rounded bg-zinc-800" aria-hidden>
        <div className="h-full rounded bg-emerald-500 transition-all duration-500" style={{ width: `${maxLeaders ? (leaders / maxLeaders) * 100 : 0}%` }} />
      </div>
      {!broker.online && <p className="mt-2 text-xs text-rose-300/80">{why}</p>}
      <BrokerFaults broker={broker} />
    </article>
  );
}
