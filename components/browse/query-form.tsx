'use client';

import type { FormEvent, ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import type { BrowseDraft, StartKind } from '@/lib/browse-draft';
import { ActionMessage } from '@/components/ui/action-message';
import { Button } from '@/components/ui/button';
import { Field, Select, TextInput } from '@/components/ui/field';
import { FilterFields } from './filter-fields';
import { PartitionPicker } from './partition-picker';

const STARTS: StartKind[] = ['oldest', 'newest', 'offset', 'timestamp', 'beforeEnd'];

function Switch({
  checked,
  onChange,
  children,
}: {
  checked: boolean;
  onChange(v: boolean): void;
  children: ReactNode;
}) {
  return (
    <label className="inline-flex min-h-8 cursor-pointer items-center gap-2 text-sm text-zinc-300">
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="h-4 w-4 accent-violet-500"
      />
      {children}
    </label>
  );
}

function Direction({
  value,
  onChange,
}: {
  value: BrowseDraft['direction'];
  onChange(v: BrowseDraft['direction']): void;
}) {
  const t = useTranslations('browse.form');
  return (
    <fieldset>
      <legend className="mb-1 text-[11px] font-medium uppercase tracking-wider text-zinc-400">{t('direction')}</legend>
      <div className="inline-flex overflow-hidden rounded ring-1 ring-zinc-700">
        {(['forward', 'backward'] as const).map((d) => (
          <button
            key={d}
            type="button"
            aria-pressed={value === d}
            onClick={() => onChange(d)}
            className={`min-h-8 px-3 text-sm ${value === d ? 'bg-violet-700 text-white' : 'bg-zinc-950 text-zinc-400 hover:text-zinc-200'}`}
          >
            {d === 'forward' ? t('forward') : t('backward')}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

/** What to read and what to look for. `error` is the refusal of the last run, shown until the
 *  query changes. */
export function QueryForm({
  draft,
  set,
  partitions,
  running,
  error,
  onSubmit,
}: {
  draft: BrowseDraft;
  set(patch: Partial<BrowseDraft>): void;
  partitions: number;
  running: boolean;
  error: string | null;
  onSubmit(): void;
}) {
  const t = useTranslations('browse.form');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} className="space-y-4" data-testid="browse-form" aria-label={t('label')}>
      <PartitionPicker count={partitions} value={draft.partitions} onChange={(p) => set({ partitions: p })} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-44">
          <Field label={t('startAt')}>
            <Select value={draft.start} onChange={(e) => set({ start: e.target.value as StartKind })}>
              {STARTS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(kind)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {draft.start === 'offset' && (
          <div className="w-36">
            <Field label={t('offsetField')}>
              <TextInput
                inputMode="numeric"
                value={draft.startOffset}
                onChange={(e) => set({ startOffset: e.target.value })}
              />
            </Field>
          </div>
        )}
        {draft.start === 'timestamp' && (
          <div className="w-56">
            <Field label={t('dateTime')}>
              <TextInput
                type="datetime-local"
                step={1}
                value={draft.startTime}
                onChange={(e) => set({ startTime: e.target.value })}
              />
            </Field>
          </div>
        )}
        {draft.start === 'beforeEnd' && (
          <div className="w-36">
            <Field label={t('beforeEndField')}>
              <TextInput
                inputMode="numeric"
                value={draft.beforeEnd}
                onChange={(e) => set({ beforeEnd: e.target.value })}
              />
            </Field>
          </div>
        )}
        <Direction value={draft.direction} onChange={(d) => set({ direction: d })} />
      </div>
      <FilterFields draft={draft} set={set} />
      <div className="flex flex-wrap items-end gap-x-5 gap-y-3">
        <div className="w-28">
          <Field label={t('limit')}>
            <TextInput inputMode="numeric" value={draft.limit} onChange={(e) => set({ limit: e.target.value })} />
          </Field>
        </div>
        <div className="w-36">
          <Field label={t('maxScanned')}>
            <TextInput
              inputMode="numeric"
              value={draft.maxScanned}
              onChange={(e) => set({ maxScanned: e.target.value })}
            />
          </Field>
        </div>
        <Switch checked={draft.readCommitted} onChange={(v) => set({ readCommitted: v })}>
          read_committed
        </Switch>
        <Switch checked={draft.showControl} onChange={(v) => set({ showControl: v })}>
          {t('markers')}
        </Switch>
        <Button type="submit" tone="primary" disabled={running} className="ml-auto" data-testid="browse-run">
          {running ? t('searching') : t('submit')}
        </Button>
      </div>
      <ActionMessage error={error} testId="browse-error" />
    </form>
  );
}
