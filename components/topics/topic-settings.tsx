'use client';

import { useEffect, useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import type { TopicConfigRequest } from '@/lib/contract/action-schemas';
import { useAction } from '@/components/ui/use-action';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { ActionMessage } from '@/components/ui/action-message';
import { allValid, useIntCheck } from '@/components/ui/validate';
import { CleanupPolicySelect } from './cleanup-policy-select';
import { useTopicConfig } from './use-topic-config';

// Retention and compaction settings of one topic. The form starts from the topic's current
// overrides (read over GET, not an action); an empty box removes that override (back to the broker's default). Overrides
// this form does not show (max.message.bytes, say) are kept by the server.

const FIELDS = [
  { key: 'retentionMs', name: 'retention.ms', label: 'retentionMs', hint: 'retentionMsHint', min: -1 },
  { key: 'retentionBytes', name: 'retention.bytes', label: 'retentionBytes', hint: 'retentionBytesHint', min: -1 },
  { key: 'segmentMs', name: 'segment.ms', label: 'segmentMs', hint: 'segmentMsHint', min: 1 },
  { key: 'minCleanableDirtyRatio', name: 'min.cleanable.dirty.ratio', label: 'dirtyRatio', hint: 'dirtyRatioHint' },
] as const;

type Key = (typeof FIELDS)[number]['key'];

const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text.trim()));

export function TopicSettings({ topic }: { topic: string }) {
  const t = useTranslations('topics.settings');
  const v = useTranslations('common.validation');
  const check = useIntCheck();
  const [errors, setErrors] = useState<Partial<Record<Key, string | null>>>({});
  const read = useTopicConfig(topic);
  const save = useAction('topic:configure');
  const [policy, setPolicy] = useState('');
  const [values, setValues] = useState<Record<Key, string>>({
    retentionMs: '',
    retentionBytes: '',
    segmentMs: '',
    minCleanableDirtyRatio: '',
  });
  const overrides = save.result?.overrides ?? read.overrides;

  useEffect(() => {
    if (!overrides) return;
    setPolicy(overrides['cleanup.policy'] ?? '');
    setValues(Object.fromEntries(FIELDS.map((f) => [f.key, overrides[f.name] ?? ''])) as Record<Key, string>);
  }, [overrides]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = Object.fromEntries(
      FIELDS.map((f) => {
        const text = values[f.key];
        if (!('min' in f)) {
          const n = Number(text.trim());
          return [f.key, text.trim() === '' || (Number.isFinite(n) && n >= 0 && n <= 1) ? null : v('ratio')];
        }
        return [f.key, check(text, { min: f.min, optional: true })];
      }),
    ) as Record<Key, string | null>;
    setErrors(found);
    if (!allValid(found)) return;
    // The select offers only valid policies; the numbers were checked above.
    const payload = {
      topic,
      cleanupPolicy: policy === '' ? null : (policy as TopicConfigRequest['cleanupPolicy']),
      ...(Object.fromEntries(FIELDS.map((f) => [f.key, numberOrNull(values[f.key])])) as Record<Key, number | null>),
    };
    await save.run(payload);
  }

  return (
    <form onSubmit={submit} aria-label={t('label')} data-testid="topic-settings" className="space-y-3" noValidate>
      <div className="grid gap-3 sm:grid-cols-2 md:grid-cols-5">
        <Field label={t('cleanup')} hint={t('cleanupHint')}>
          <CleanupPolicySelect
            withDefault
            value={policy}
            onChange={(e) => {
              save.reset();
              setPolicy(e.target.value);
            }}
            data-testid="settings-cleanup"
          />
        </Field>
        {FIELDS.map((f) => (
          <Field key={f.key} label={t(f.label)} hint={t(f.hint)} error={errors[f.key]}>
            <TextInput
              inputMode="decimal"
              value={values[f.key]}
              placeholder={t('default')}
              onChange={(e) => {
                save.reset();
                setErrors((x) => ({ ...x, [f.key]: null }));
                setValues((old) => ({ ...old, [f.key]: e.target.value }));
              }}
              data-testid={`settings-${f.name.replace(/\./g, '-')}`}
            />
          </Field>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button tone="primary" type="submit" disabled={save.pending || !overrides} data-testid="settings-save">
          {save.pending ? t('saving') : t('save')}
        </Button>
        <span className="text-xs text-zinc-400">{t('now')}</span>
        <span className="font-mono text-xs text-zinc-300" data-testid="settings-overrides">
          {overrides === null
            ? '…'
            : Object.keys(overrides).length === 0
              ? t('noOverrides')
              : Object.entries(overrides)
                  .map(([k, v]) => `${k}=${v}`)
                  .join(', ')}
        </span>
      </div>
      <ActionMessage error={save.error ?? read.error} testId="settings-error" />
    </form>
  );
}
