'use client';

import { useTranslations } from 'use-intl';
import type { ScanOutcome, ScanTotals } from '@/lib/contract/browse';
import {
  describeDuration,
  describeOutcome,
  estimateLeftMs,
  partitionFraction,
  type DurationWords,
  type OutcomeWords,
} from '@/lib/browse-derive';
import { Button } from '@/components/ui/button';
import { useFormat } from '@/components/ui/format';
import { PartitionChip } from '@/components/ui/partition-chip';

const DURATION_KEY = {
  seconds: 'duration.seconds',
  minutes: 'duration.minutes',
  hours: 'duration.hours',
} as const;
const OUTCOME_KEY = {
  limit: 'outcome.limit',
  maxScanned: 'outcome.maxScanned',
  end: 'outcome.end',
  cancelled: 'outcome.cancelled',
  error: 'outcome.error',
  errorWith: 'outcome.errorWith',
} as const satisfies Record<OutcomeWords['key'], string>;

/** How far a scan is: totals, a bar per partition, the time left, and at the end why it stopped. */
export function ScanProgress({
  progress,
  outcome,
  running,
  direction,
  limits,
  onCancel,
}: {
  progress: ScanTotals | null;
  outcome: ScanOutcome | null;
  running: boolean;
  direction: 'forward' | 'backward';
  limits: { limit: number; maxScanned: number };
  onCancel(): void;
}) {
  const t = useTranslations('browse.scan');
  const f = useTranslations('browse.form');
  const fmt = useFormat();
  const durationText = (d: DurationWords) =>
    d.key === 'underSecond' ? t('duration.underSecond') : t(DURATION_KEY[d.key], { value: d.value });
  const outcomeText = (o: OutcomeWords) => t(OUTCOME_KEY[o.key], o.values);
  const totals = outcome ?? progress;
  const left = running && progress ? estimateLeftMs(progress) : null;
  return (
    <div className="space-y-3" data-testid="browse-progress">
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2 text-sm">
        <span>
          <span className="text-zinc-400">{t('scanned')} </span>
          <span className="font-semibold tabular-nums text-zinc-100" data-testid="browse-scanned">
            {fmt.count(totals?.scanned ?? 0)}
          </span>
        </span>
        <span>
          <span className="text-zinc-400">{t('matches')} </span>
          <span className="font-semibold tabular-nums text-zinc-100" data-testid="browse-matches">
            {fmt.count(totals?.matches ?? 0)}
          </span>
        </span>
        {running && (
          <span className="text-zinc-400" data-testid="browse-eta">
            {left === null ? t('estimating') : t('left', { duration: durationText(describeDuration(left)) })}
          </span>
        )}
        {running && (
          <Button size="sm" tone="warn" onClick={onCancel} className="ml-auto" data-testid="browse-cancel">
            {t('cancel')}
          </Button>
        )}
      </div>
      <p role="status" className="text-sm text-zinc-300" data-testid="browse-outcome">
        {outcome ? outcomeText(describeOutcome(outcome, limits)) : running ? f('searching') : ''}
      </p>
      {totals && totals.partitions.length > 0 && (
        <ul className="grid max-h-40 gap-x-4 gap-y-1 overflow-y-auto sm:grid-cols-2 xl:grid-cols-3">
          {totals.partitions.map((p) => {
            const fraction = partitionFraction(p, direction);
            return (
              <li
                key={p.partition}
                className="flex items-center gap-2 text-xs"
                data-testid={`browse-part-${p.partition}`}
              >
                <PartitionChip partition={p.partition} />
                <div
                  role="progressbar"
                  aria-label={t('partitionRead', { partition: p.partition })}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={Math.round(fraction * 100)}
                  className="h-1.5 min-w-0 flex-1 overflow-hidden rounded bg-zinc-800"
                >
                  <div className="h-full bg-violet-500" style={{ width: `${fraction * 100}%` }} />
                </div>
                <span className="w-28 shrink-0 text-right font-mono tabular-nums text-zinc-400" title={t('nextOfEnd')}>
                  {fmt.count(p.position)} / {fmt.count(p.end)}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
