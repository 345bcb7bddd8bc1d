'use client';

import { useTranslations } from 'use-intl';
import { useLiveStore } from '@/lib/store';
import { selectBrokers } from '@/lib/store/selectors';
import { Badge } from '@/components/ui/badge';
import { useFormat } from '@/components/ui/format';

/** The KRaft metadata quorum: who leads it (the active controller) and how far each voter lags. */
export function QuorumPanel() {
  const t = useTranslations('overview.quorum');
  const fmt = useFormat();
  const quorum = useLiveStore((s) => s.cluster?.quorum ?? null);
  const brokers = useLiveStore(selectBrokers);
  if (!quorum) return <p className="text-xs text-zinc-400">{t('none')}</p>;
  return (
    <div className="text-xs">
      <div className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-zinc-300">
        <span>
          {t('leader')} <span className="font-semibold text-violet-300">#{quorum.leaderId}</span>
        </span>
        <span>{t('epoch', { epoch: quorum.leaderEpoch })}</span>
        <span>{t('highWatermark', { value: fmt.count(quorum.highWatermark) })}</span>
      </div>
      <div>
        <table className="w-full">
          <thead className="text-left text-zinc-400">
            <tr>
              <th className="py-1 font-medium">{t('node')}</th>
              <th className="font-medium">{t('role')}</th>
              <th className="text-right font-medium">{t('logEnd')}</th>
              <th className="text-right font-medium">{t('behind')}</th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {[
              ...quorum.voters.map((r) => ({ ...r, role: 'voter' })),
              ...quorum.observers.map((r) => ({ ...r, role: 'observer' })),
            ].map((r) => (
              <tr key={`${r.role}-${r.replicaId}`} className="border-t border-zinc-800/70">
                <td className="py-1">#{r.replicaId}</td>
                <td className="space-x-1">
                  {r.replicaId === quorum.leaderId ? (
                    <Badge tone="accent">{t('leader')}</Badge>
                  ) : (
                    <span className="text-zinc-300">{t(r.role === 'voter' ? 'voter' : 'observer')}</span>
                  )}
                  {brokers.find((b) => b.id === r.replicaId)?.online === false && <Badge tone="bad">{t('down')}</Badge>}
                </td>
                <td className="text-right">{r.logEndOffset < 0 ? '—' : fmt.count(r.logEndOffset)}</td>
                <td className="text-right">
                  {r.logEndOffset < 0 ? '—' : fmt.count(Math.max(0, quorum.highWatermark - r.logEndOffset))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
