'use client';

import { useTranslations } from 'use-intl';
import { partitionColor } from '@/components/ui/partition-chip';

/** Partitions to scan as toggle chips: "All", or any set, one tap each (no ctrl-click). */
export function PartitionPicker({
  count,
  value,
  onChange,
}: {
  count: number;
  value: number[] | null;
  onChange(partitions: number[] | null): void;
}) {
  const t = useTranslations('browse.form');
  const chosen = new Set(value ?? []);
  const toggle = (p: number) => {
    const next = new Set(chosen);
    if (next.has(p)) next.delete(p);
    else next.add(p);
    onChange(next.size === 0 || next.size === count ? null : [...next].sort((a, b) => a - b));
  };
  const chip = 'min-h-8 min-w-10 rounded px-2 text-xs font-semibold ring-1 ring-inset';
  return (
    <fieldset>
      <legend className="mb-1 text-[11px] font-medium uppercase tracking-wider text-zinc-400">{t('partitions')}</legend>
      <div className="flex max-h-28 flex-wrap gap-1.5 overflow-y-auto" data-testid="browse-partitions">
        <button
          type="button"
          aria-pressed={value === null}
          onClick={() => onChange(null)}
          className={`${chip} ${value === null ? 'bg-violet-700 text-white ring-violet-500' : 'bg-zinc-900 text-zinc-300 ring-zinc-700'}`}
        >
          {t('all')}
        </button>
        {Array.from({ length: count }, (_, p) => (
          <button
            key={p}
            type="button"
            aria-pressed={chosen.has(p)}
            title={t('partitionTitle', { partition: p })}
            onClick={() => toggle(p)}
            className={`${chip} font-mono ${chosen.has(p) ? `${partitionColor(p)} text-white ring-white/40` : 'bg-zinc-900 text-zinc-400 ring-zinc-700'}`}
          >
            P{p}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
