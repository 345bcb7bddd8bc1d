'use client';

import { useTranslations } from 'use-intl';
import type { GroupHealthDetail } from '@/lib/contract/lag';
import { useDuration } from '@/components/ui/use-duration';
import { useVerdictText } from './use-verdict-text';
import { VerdictBadge } from './verdict-badge';

// The group's verdict with its reason in words, the partitions that are not OK with theirs,
// and the windows behind it, so "Stopped" can be checked against what it means.

const LISTED = 5;

/** `silent`: members the coordinator still lists whose process is gone (the lab knows its own);
 *  Kafka's verdict cannot see them until their lag grows, so the card says it at once. */
export function GroupHealthCard({ health, silent = 0 }: { health: GroupHealthDetail | null; silent?: number }) {
  const t = useTranslations('groups.health');
  const tv = useTranslations('verdicts');
  const words = useVerdictText();
  const duration = useDuration();
  const notHeard = silent > 0 && (
    <p className="text-xs text-rose-300" data-testid="group-health-silent">
      {t('notHeard', { count: silent })}
    </p>
  );
  if (!health)
    return (
      <div className="space-y-2" data-testid="group-health">
        <p className="text-sm text-zinc-400">{t('notJudged')}</p>
        {notHeard}
      </div>
    );
  const notOk = health.partitions.filter((p) => p.verdict !== 'OK');
  const groupText = words.group(health, health.partitions.length);
  const w = health.windows;
  return (
    <div className="space-y-2 text-sm" data-testid="group-health">
      <div className="flex flex-wrap items-center gap-2">
        <VerdictBadge verdict={health.verdict} text={groupText} testId="group-verdict" />
        <span className="text-zinc-200" data-testid="group-verdict-text">
          {groupText}
        </span>
      </div>
      {notHeard}
      {notOk.length > 0 && (
        <ul className="space-y-1 text-xs text-zinc-400">
          {notOk.slice(0, LISTED).map((p) => (
            <li key={`${p.topic}:${p.partition}`} className="flex gap-2">
              <VerdictBadge verdict={p.verdict} />
              <span>
                <span className="font-mono text-zinc-300">
                  {p.topic}/{p.partition}
                </span>
                : {words.reason(p.reason)}
              </span>
            </li>
          ))}
          {notOk.length > LISTED && <li>{t('more', { count: notOk.length - LISTED })}</li>}
        </ul>
      )}
      <p className="text-xs text-zinc-400" data-testid="verdict-windows">
        {tv('windows', {
          window: duration(w.windowMs),
          factor: w.stopFactor,
          median:
            health.pattern.medianIntervalMs === null ? tv('medianUnknown') : duration(health.pattern.medianIntervalMs),
          floor: duration(w.stopFloorMs),
          stopAfter: duration(health.pattern.stopAfterMs),
          trendMin: duration(w.trendMinMs),
          trendCommits: w.trendMinCommits,
          rewind: duration(w.rewindHoldMs),
        })}
      </p>
    </div>
  );
}
