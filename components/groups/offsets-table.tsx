'use client';

import { useTranslations } from 'use-intl';
import type { GroupDetail } from '@/lib/contract/groups';
import type { PartitionHealth } from '@/lib/contract/lag';
import { lagByTopic } from '@/lib/lag/totals';
import Link from 'next/link';
import { browseHref } from '@/lib/browse-url';
import { useFormat } from '@/components/ui/format';
import { VerdictBadge } from './verdict-badge';
import { PartitionLagAge } from './lag-age';
import { useVerdictText, type VerdictText } from './use-verdict-text';

function verdictCell(p: PartitionHealth | undefined, words: VerdictText) {
  if (!p) return <span className="text-zinc-400">—</span>;
  return <VerdictBadge verdict={p.verdict} text={words.reason(p.reason)} />;
}

/** Committed offset against log end, per partition, grouped by topic with the topic's total. */
export function OffsetsTable({ detail, colors }: { detail: GroupDetail; colors: Map<string, string> }) {
  const t = useTranslations('groups.offsets');
  const c = useTranslations('common');
  const fmt = useFormat();
  const words = useVerdictText();
  const owners = new Map(detail.members.map((m) => [m.memberId, m.clientId]));
  const health = new Map((detail.health?.partitions ?? []).map((p) => [`${p.topic}:${p.partition}`, p]));
  return (
    <div className="space-y-4">
      {lagByTopic(detail.offsets).map((row) => (
        <table key={row.topic} className="w-full text-left text-xs" data-testid={`offsets-${row.topic}`}>
          <caption className="pb-1 text-left text-zinc-400">
            {t.rich('caption', {
              topic: () => <span className="font-mono text-zinc-200">{row.topic}</span>,
              partitions: c('count.partitions', { count: row.partitions }),
              lag: () => <span className="font-semibold text-zinc-100">{fmt.count(row.lag)}</span>,
            })}
            {row.uncommitted > 0 && (
              <span className="text-zinc-400">{t('uncommitted', { count: row.uncommitted })}</span>
            )}
          </caption>
          <thead className="text-zinc-400">
            <tr className="border-b border-zinc-800">
              <th className="py-1.5 font-medium">{t('partition')}</th>
              <th className="font-medium">{t('owner')}</th>
              <th className="text-right font-medium">{t('committed')}</th>
              <th className="text-right font-medium">{t('logEnd')}</th>
              <th className="text-right font-medium">{t('lag')}</th>
              <th className="text-right font-medium">{t('lastCommit')}</th>
              <th className="pl-3 font-medium">{t('health')}</th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {detail.offsets
              .filter((o) => o.topic === row.topic)
              .map((o) => (
                <tr
                  key={o.partition}
                  className="border-b border-zinc-800/60"
                  data-testid={`offset-row-${o.topic}-${o.partition}`}
                >
                  <td className="py-1 font-mono">{o.partition}</td>
                  <td>
                    {o.memberId ? (
                      <span className="inline-flex items-center gap-1.5">
                        <span className="h-2 w-2 rounded-full" style={{ backgroundColor: colors.get(o.memberId) }} />
                        {owners.get(o.memberId) ?? o.memberId}
                      </span>
                    ) : (
                      <span className="text-zinc-400">{c('nobody')}</span>
                    )}
                  </td>
                  <td className="text-right">
                    {o.committed === null ? (
                      <span className="text-zinc-400">{c('nothingCommitted')}</span>
                    ) : (
                      <>
                        {fmt.count(o.committed)}
                        {(o.logEnd === null || o.committed < o.logEnd) && (
                          <Link
                            href={browseHref(o.topic, {
                              partitions: [o.partition],
                              from: { offset: o.committed },
                              limit: 1,
                            })}
                            className="ml-2 text-violet-300 hover:underline"
                            title={t('showTitle', { offset: o.committed })}
                            aria-label={t('showLabel', { offset: o.committed, topic: o.topic, partition: o.partition })}
                            data-testid={`offset-browse-${o.topic}-${o.partition}`}
                          >
                            {c('show')}
                          </Link>
                        )}
                      </>
                    )}
                  </td>
                  <td className="text-right">{fmt.count(o.logEnd)}</td>
                  <td
                    className={`text-right font-medium ${o.lag ? 'text-amber-300' : 'text-zinc-100'}`}
                    data-testid={`offset-lag-${o.topic}-${o.partition}`}
                  >
                    {o.lag !== null ? (
                      fmt.count(o.lag)
                    ) : o.committed !== null ? (
                      <span className="text-zinc-400" title={t('waiting')}>
                        {o.lagAtLeast !== null ? `≥ ${fmt.count(o.lagAtLeast)}` : t('notKnown')}
                      </span>
                    ) : (
                      '—'
                    )}
                    <PartitionLagAge age={o.lagAge} testId={`offset-age-${o.topic}-${o.partition}`} />
                    {!!o.expiredUnread && (
                      <div className="text-xs font-normal text-zinc-400">
                        {t('expired', { count: fmt.count(o.expiredUnread) })}
                      </div>
                    )}
                  </td>
                  <td className="text-right text-zinc-400">{fmt.time(o.committedAt)}</td>
                  <td className="pl-3" data-testid={`offset-verdict-${o.topic}-${o.partition}`}>
                    {verdictCell(health.get(`${o.topic}:${o.partition}`), words)}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      ))}
      {detail.offsets.length === 0 && <p className="text-sm text-zinc-400">{t('none')}</p>}
    </div>
  );
}
