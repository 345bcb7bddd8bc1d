'use client';

import { useEffect, useState, type FormEvent } from 'react';
import { topicConfigSchema } from '@/lib/contract/action-schemas';
import { useAction } from '@/components/ui/use-action';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { ActionMessage } from '@/components/ui/action-message';
import { describeIssue } from '@/lib/contract/describe-issue';
import { CleanupPolicySelect } from './cleanup-policy-select';

// Retention and compaction settings of one topic. The form starts from the topic's current
// overrides; an empty box removes that override (back to the broker's default). Overrides
// this form does not show (max.message.bytes, say) are kept by the server.

const FIELDS = [
  { key: 'retentionMs', name: 'retention.ms', label: 'Retention ms', hint: '-1: forever' },
  { key: 'retentionBytes', name: 'retention.bytes', label: 'Retention bytes', hint: 'per partition; -1: no limit' },
  { key: 'segmentMs', name: 'segment.ms', label: 'Segment ms', hint: 'cleaning waits for the segment to roll' },
  { key: 'minCleanableDirtyRatio', name: 'min.cleanable.dirty.ratio', label: 'Min cleanable dirty ratio', hint: '0–1; low = clean sooner' },
] as const;

type Key = (typeof FIELDS)[number]['key'];

const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text.trim()));

export function TopicSettings({ topic }: { topic: string }) {
  const read = useAction('topic:configure');
  const save = useAction('topic:configure');
  const [policy, setPolicy] = useState('');
  const [values, setValues] = useState<Record<Key, string>>({ retentionMs: '', retentionBytes: '', segmentMs: '', minCleanableDirtyRatio: '' });
  const [invalid, setInvalid] = useState<string | null>(null);
  const overrides = save.result?.overrides ?? read.result?.overrides ?? null;
  const { run: readRun } = read;

  // A configure with nothing to change only reads the overrides.
  useEffect(() => {
    void readRun({ topic });
  }, [readRun, topic]);

  useEffect(() => {
    if (!overrides) return;
    setPolicy(overrides['cleanup.policy'] ?? '');
    setValues(Object.fromEntries(FIELDS.map((f) => [f.key, overrides[f.name] ?? ''])) as Record<Key, string>);
  }, [overrides]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const payload = {
      topic,
      cleanupPolicy: policy === '' ? null : policy,
      ...Object.fromEntries(FIELDS.map((f) => [f.key, numberOrNull(values[f.key])])),
    };
    const parsed = topicConfigSchema.safeParse(payload);
    if (!parsed.success) {
      setInvalid(describeIssue(parsed.error));
      return;
    }
    setInvalid(null);
    await save.run(parsed.data);
  }

  return (
    <form onSubmit={submit} aria-label="Topic settings" data-testid="topic-settings" className="space-y-3">
      <div className="grid gap-3 md:grid-cols-5">
        <Field label="Cleanup policy" hint="empty: broker default">
          <CleanupPolicySelect withDefault value={policy} onChange={(e) => setPolicy(e.target.value)} data-testid="settings-cleanup" />
        </Field>
        {FIELDS.map((f) => (
          <Field key={f.key} label={f.label} hint={f.hint}>
            <TextInput inputMode="decimal" value={values[f.key]} placeholder="default" onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))} data-testid={`settings-${f.name.replace(/\./g, '-')}`} />
          </Field>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button tone="primary" type="submit" disabled={save.pending || !overrides} data-testid="settings-save">
          {save.pending ? 'Saving…' : 'Save settings'}
        </Button>
        <span className="text-xs text-zinc-500">Overrides now:</span>
        <span className="font-mono text-xs text-zinc-300" data-testid="settings-overrides">
          {overrides === null ? '…' : Object.keys(overrides).length === 0 ? 'none (all broker defaults)' : Object.entries(overrides).map(([k, v]) => `${k}=${v}`).join(', ')}
        </span>
      </div>
      <ActionMessage error={invalid ?? save.error ?? read.error} testId="settings-error" />
    </form>
  );
}
