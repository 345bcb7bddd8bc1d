'use client';

import { useLiveStore } from '@/lib/store';
import { selectBrokers } from '@/lib/store/selectors';
import { Badge } from '@/components/ui/badge';
import { formatCount } from '@/components/ui/format';

/** The KRaft metadata quorum: who leads it (the active controller) and how far each voter lags. */
export function QuorumPanel() {
  const quorum = useLiveStore((s) => s.cluster?.quorum ?? null);
  const brokers = useLiveStore(selectBrokers);
  if (!quorum) return <p className="text-xs text-zinc-500">The metadata quorum is not answering: no active controller is known.</p>;
  return (
    <div className="text-xs">
      <div className="mb-2 flex gap-4 text-zinc-400">
        <span>
          leader <span className="font-semibold text-violet-300">#{quorum.leaderId}</span>
        </span>
        <span>epoch {quorum.leaderEpoch}</span>
        <span>high watermark {formatCount(quorum.highWatermark)}</span>
      </div>
      <table className="w-full">
        <thead className="text-left text-zinc-500">
          <tr>
            <th className="py-1 font-medium">Node</th>
            <th className="font-medium">Role</th>
            <th className="text-right font-medium">Log end</th>
            <th className="text-right font-medium">Behind leader</th>
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {[...quorum.voters.map((r) => ({ ...r, role: 'voter' })), ...quorum.observers.map((r) => ({ ...r, role: 'observer' }))].map((r) => (
            <tr key={`${r.role}-${r.replicaId}`} className="border-t border-zinc-800/70">
              <td className="py-1">#{r.replicaId}</td>
              <td className="space-x-1">
                {r.replicaId === quorum.leaderId ? <Badge tone="accent">leader</Badge> : <span className="text-zinc-400">{r.role}</span>}
                {brokers.find((b) => b.id === r.replicaId)?.online === false && <Badge tone="bad">down</Badge>}
              </td>
              <td className="text-right">{r.logEndOffset < 0 ? '—' : formatCount(r.logEndOffset)}</td>
              <td className="text-right">{r.logEndOffset < 0 ? '—' : formatCount(Math.max(0, quorum.highWatermark - r.logEndOffset))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
