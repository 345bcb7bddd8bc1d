'use client';

import { useTranslations } from 'use-intl';
import { JSON_MODES, type BrowseDraft, type JsonMode } from '@/lib/browse-draft';
import { Field, Select, TextInput } from '@/components/ui/field';

const MODE_LABELS: Record<JsonMode, string | null> = {
  exists: null,
  equals: null,
  '=': null,
  '!=': '≠',
  '<': '<',
  '<=': '≤',
  '>': '>',
  '>=': '≥',
};

/** The search filters; every filled one must hold. */
export function FilterFields({ draft, set }: { draft: BrowseDraft; set(patch: Partial<BrowseDraft>): void }) {
  const t = useTranslations('browse.filter');
  const worded: Partial<Record<JsonMode, string>> = { exists: t('exists'), equals: t('equals'), '=': t('compare') };
  return (
    <fieldset className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
      <legend className="sr-only">{t('filters')}</legend>
      <Field label={t('keyEquals')}>
        <TextInput
          value={draft.key}
          onChange={(e) => set({ key: e.target.value })}
          placeholder={t('example', { example: 'order-4711' })}
        />
      </Field>
      <Field label={t('keyContains')}>
        <TextInput value={draft.keyContains} onChange={(e) => set({ keyContains: e.target.value })} />
      </Field>
      <Field label={t('valueContains')}>
        <TextInput value={draft.valueContains} onChange={(e) => set({ valueContains: e.target.value })} />
      </Field>
      <Field label={t('valueRegex')} hint={t('regexHint')}>
        <TextInput
          value={draft.valueRegex}
          onChange={(e) => set({ valueRegex: e.target.value })}
          placeholder={t('example', { example: 'status.*paid' })}
          className="font-mono"
        />
      </Field>
      <div className="grid grid-cols-[auto_minmax(0,1fr)] gap-2 sm:col-span-2 sm:grid-cols-[minmax(0,1fr)_auto_minmax(0,1fr)]">
        <div className="col-span-2 sm:col-span-1">
          <Field label={t('jsonPath')}>
            <TextInput
              value={draft.jsonPath}
              onChange={(e) => set({ jsonPath: e.target.value })}
              placeholder={t('example', { example: '$.order.status' })}
              className="font-mono"
            />
          </Field>
        </div>
        <Field label={t('test')}>
          <Select value={draft.jsonMode} onChange={(e) => set({ jsonMode: e.target.value as JsonMode })}>
            {JSON_MODES.map((m) => (
              <option key={m} value={m}>
                {MODE_LABELS[m] ?? worded[m]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('jsonValue')}>
          <TextInput
            value={draft.jsonValue}
            onChange={(e) => set({ jsonValue: e.target.value })}
            disabled={draft.jsonMode === 'exists'}
            placeholder={draft.jsonMode === 'exists' ? '—' : '"paid" or 5'}
            className="font-mono"
          />
        </Field>
      </div>
      <div className="grid grid-cols-2 gap-2 sm:col-span-2">
        <Field label={t('headerKey')}>
          <TextInput value={draft.headerKey} onChange={(e) => set({ headerKey: e.target.value })} />
        </Field>
        <Field label={t('headerValue')}>
          <TextInput
            value={draft.headerValue}
            onChange={(e) => set({ headerValue: e.target.value })}
            placeholder={t('any')}
          />
        </Field>
      </div>
      <div className="grid grid-cols-1 gap-2 min-[420px]:grid-cols-2 sm:col-span-2">
        <Field label={t('timeFrom')}>
          <TextInput
            type="datetime-local"
            step={1}
            value={draft.timeFrom}
            onChange={(e) => set({ timeFrom: e.target.value })}
          />
        </Field>
        <Field label={t('timeTo')}>
          <TextInput
            type="datetime-local"
            step={1}
            value={draft.timeTo}
            onChange={(e) => set({ timeTo: e.target.value })}
          />
        </Field>
      </div>
    </fieldset>
  );
}
