import type { Partition } from '@/lib/contract/cluster';
import { Badge } from '@/components/ui/badge';
import { formatCount } from '@/components/ui/format';

const ids = (list: number[]) => (list.length ? list.join(', ') : '—');

export function PartitionTable({ partitions }: { partitions: Partition[] }) {
  return (
    <table className="w-full text-left text-xs" data-testid="partition-table">
      <thead className="text-zinc-500">
        <tr className="border-b border-zinc-800">
          <th className="py-2 font-medium">Partition</th>
          <th className="font-medium">Leader</th>
          <th className="font-medium">Replicas</th>
          <th className="font-medium">ISR</th>
          <th className="font-medium">Offline replicas</th>
          <th className="text-right font-medium">Low watermark</th>
          <th className="text-right font-medium">High watermark</th>
          <th className="text-right font-medium">Messages</th>
          <th className="pl-4 font-medium">State</th>
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {partitions.map((p) => (
          <tr key={p.partition} data-testid={`partition-row-${p.partition}`} className="border-b border-zinc-800/60">
            <td className="py-1.5 font-mono">{p.partition}</td>
            <td data-testid={`partition-leader-${p.partition}`}>{p.leader < 0 ? <span className="text-rose-400">none</span> : p.leader}</td>
            <td>{ids(p.replicas)}</td>
            <td data-testid={`partition-isr-${p.partition}`}>{ids(p.isr)}</td>
            <td className={p.offlineReplicas.length ? 'text-rose-400' : ''}>{ids(p.offlineReplicas)}</td>
            <td className="text-right">{formatCount(p.low)}</td>
            <td className="text-right" data-testid={`partition-high-${p.partition}`}>{formatCount(p.high)}</td>
            <td className="text-right">{p.low !== null && p.high !== null ? formatCount(p.high - p.low) : '—'}</td>
            <td className="pl-4">
              {p.offline ? <Badge tone="bad">offline</Badge> : p.underReplicated ? <Badge tone="warn">under-replicated</Badge> : <Badge tone="good">in sync</Badge>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
