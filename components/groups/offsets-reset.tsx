'use client';

import { useMemo, useState, type FormEvent } from 'react';
import type { GroupDetail } from '@/lib/contract/groups';
import { offsetsResetSchema, type OffsetsResetRequest } from '@/lib/contract/action-schemas';
import { useLiveStore } from '@/lib/store';
import { selectTopics } from '@/lib/store/selectors';
import { useAction, useCanAct } from '@/components/ui/use-action';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Select, TextInput } from '@/components/ui/field';
import { ActionMessage } from '@/components/ui/action-message';
import { describeIssue } from '@/lib/contract/describe-issue';

// Moves a group's committed offsets. Kafka allows it only while the group has no members
// (members would overwrite the reset with their next commit), so the form says why it is off.

type Target = OffsetsResetRequest['to'];
const TARGETS: { value: Target; label: string }[] = [
  { value: 'earliest', label: 'earliest (log start: re-read everything)' },
  { value: 'latest', label: 'latest (log end: skip everything)' },
  { value: 'timestamp', label: 'a point in time' },
  { value: 'explicit', label: 'explicit offsets per partition' },
];

export function OffsetsReset({ detail }: { detail: GroupDetail }) {
  const canAct = useCanAct();
  const reset = useAction('offsets:reset');
  const allTopics = useLiveStore(selectTopics);
  const known = detail.topics.length > 0;
  const choices = useMemo(() => (known ? detail.topics : allTopics.filter((t) => !t.internal).map((t) => t.name)), [known, detail.topics, allTopics]);
  const [picked, setTopic] = useState('');
  // The group's own topics: the first is shown until one is picked. A group that committed
  // nothing yet could mean any topic, so then nothing is picked for the person.
  const topic = choices.includes(picked) ? picked : known ? (choices[0] ?? '') : '';
  const [to, setTo] = useState<Target>('earliest');
  const [when, setWhen] = useState('');
  const [explicit, setExplicit] = useState<Record<number, string>>({});
  const [invalid, setInvalid] = useState<string | null>(null);
  const partitions = useLiveStore((s) => s.cluster?.topics.find((t) => t.name === topic)?.partitions ?? null);
  if (!canAct) return null;

  const members = detail.members.length;
  const blocked = members > 0 ? `group ${detail.groupId} is ${detail.state} with ${members} member${members === 1 ? '' : 's'}; stop its consumers first` : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const base = { groupId: detail.groupId, topic };
    const payload =
      to === 'timestamp'
        ? { ...base, to, timestamp: when ? new Date(when).getTime() : NaN }
        : to === 'explicit'
          ? { ...base, to, offsets: Object.entries(explicit).filter(([, v]) => v.trim() !== '').map(([p, v]) => ({ partition: Number(p), offset: Number(v) })) }
          : { ...base, to };
    const parsed = offsetsResetSchema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setInvalid(to === 'timestamp' ? 'pick a date and time' : to === 'explicit' && issue.path.length <= 1 ? 'enter an offset for at least one partition' : describeIssue(parsed.error));
      return;
    }
    setInvalid(null);
    await reset.run(parsed.data);
  }

  return (
    <Card title="Reset offsets" testId="offsets-reset">
      <form onSubmit={submit} aria-label="Reset offsets" className="space-y-3">
        <div className="grid gap-3 md:grid-cols-3">
          <Field label="Topic">
            <Select value={topic} onChange={(e) => setTopic(e.target.value)} data-testid="reset-topic">
              {topic === '' && <option value="">choose a topic</option>}
              {choices.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Reset to">
            <Select value={to} onChange={(e) => setTo(e.target.value as Target)} data-testid="reset-target">
              {TARGETS.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </Select>
          </Field>
          {to === 'timestamp' && (
            <Field label="Time (your clock)" hint="first message at or after it; past the end: the log end">
              <TextInput type="datetime-local" step={1} value={when} onChange={(e) => setWhen(e.target.value)} data-testid="reset-timestamp" />
            </Field>
          )}
        </div>
        {to === 'explicit' && partitions && (
          <div className="grid gap-2 sm:grid-cols-3 lg:grid-cols-6" data-testid="reset-explicit">
            {partitions.map((p) => (
              <Field key={p.partition} label={`Partition ${p.partition}`} hint={p.low !== null && p.high !== null ? `${p.low}–${p.high}` : undefined}>
                <TextInput inputMode="numeric" placeholder="unchanged" value={explicit[p.partition] ?? ''} onChange={(e) => setExplicit((x) => ({ ...x, [p.partition]: e.target.value }))} />
              </Field>
            ))}
          </div>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <Button tone="warn" type="submit" className="disabled:opacity-50" disabled={blocked !== null || reset.pending || !topic} data-testid="reset-submit">
            {reset.pending ? 'Resetting…' : 'Reset offsets'}
          </Button>
          {blocked && (
            <span className="text-xs text-amber-300" data-testid="reset-blocked">
              {blocked}
            </span>
          )}
          {reset.result && (
            <span className="font-mono text-xs text-emerald-300" data-testid="reset-done">
              set {reset.result.offsets.map((o) => `${o.partition}→${o.offset}`).join(', ')}
            </span>
          )}
        </div>
        <ActionMessage error={invalid ?? reset.error} testId="reset-error" />
      </form>
    </Card>
  );
}
