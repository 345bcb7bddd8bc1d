'use client';

import { useTranslations } from 'use-intl';
import type { Broker, Partition } from '@/lib/contract/cluster';
import { replicaRole, type ReplicaRole } from '@/lib/derive';

const CELL: Record<ReplicaRole, { className: string; label: string }> = {
  leader: { className: 'bg-emerald-500 text-emerald-950 font-bold', label: 'L' },
  'in-sync': { className: 'bg-sky-900 text-sky-200', label: 'F' },
  'out-of-sync': { className: 'bg-amber-600 text-amber-950 font-semibold', label: '!' },
  offline: { className: 'bg-rose-700 text-rose-100 font-semibold', label: '×' },
  none: { className: 'bg-zinc-900', label: '' },
};

export function LeadershipLegend() {
  const t = useTranslations('topics.role');
  return (
    <div className="flex flex-wrap gap-3 text-xs text-zinc-400">
      {(['leader', 'in-sync', 'out-of-sync', 'offline'] as const).map((role) => (
        <span key={role} className="flex items-center gap-1.5">
          <span className={`grid h-4 w-4 place-items-center rounded text-[10px] ${CELL[role].className}`}>
            {CELL[role].label}
          </span>
          {t(role)}
        </span>
      ))}
    </div>
  );
}

/** Partition × broker: which broker leads each partition and which followers keep up. */
export function LeadershipMap({ partitions, brokers }: { partitions: Partition[]; brokers: Broker[] }) {
  const t = useTranslations('topics');
  return (
    <div>
      <table className="text-xs" data-testid="leadership-map">
        <thead>
          <tr>
            <th className="pr-3 text-left font-medium text-zinc-400">{t('partition.partition')}</th>
            {brokers.map((b) => (
              <th
                key={b.id}
                className={`px-1 pb-1 text-center font-medium ${b.online ? 'text-zinc-400' : 'text-rose-400'}`}
                title={b.status}
              >
                B{b.id}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {partitions.map((p) => (
            <tr key={p.partition}>
              <td className="pr-3 font-mono text-zinc-400">
                {p.partition}
                {p.offline && <span className="ml-1 text-rose-400">{t('partition.noLeader')}</span>}
              </td>
              {brokers.map((b) => {
                const role = replicaRole(p, b.id);
                const cell = CELL[role];
                return (
                  <td key={b.id} className="p-0.5">
                    <div
                      data-testid={`leadership-cell-${p.partition}-${b.id}`}
                      data-role={role}
                      title={t('role.cellTitle', { partition: p.partition, broker: b.id, role: t(`role.${role}`) })}
                      className={`grid h-7 w-10 place-items-center rounded transition-colors duration-300 ${cell.className}`}
                    >
                      {cell.label}
                    </div>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
