'use client';

import { useMemo, useState, type FormEvent } from 'react';
import { useLiveStore } from '@/lib/store';
import { selectTopics } from '@/lib/store/selectors';
import { labStartSchema, MAX_LAB_CONSUMERS } from '@/lib/contract/action-schemas';
import { useAction } from '@/components/ui/use-action';
import { Button } from '@/components/ui/button';
import { Field, Select, TextInput } from '@/components/ui/field';
import { ActionMessage } from '@/components/ui/action-message';
import { describeIssue } from '@/lib/contract/describe-issue';

const DEFAULT_GROUP = 'order-processing-group';
const DEFAULT_TOPIC = 'order.processing';

/** Starts one app instance: a new process with K consumers in the group. */
export function LabStartForm() {
  const allTopics = useLiveStore(selectTopics);
  const topicNames = useMemo(() => allTopics.filter((t) => !t.internal).map((t) => t.name).sort(), [allTopics]);
  const [groupId, setGroupId] = useState(DEFAULT_GROUP);
  // null: untouched, so the default follows the cluster (order.processing once it exists).
  const [picked, setPicked] = useState<string[] | null>(null);
  const [consumers, setConsumers] = useState('1');
  const [delay, setDelay] = useState('100');
  const [session, setSession] = useState('10000');
  const [formError, setFormError] = useState<string | null>(null);
  const start = useAction('lab:start');
  const topics = picked ?? (topicNames.includes(DEFAULT_TOPIC) ? [DEFAULT_TOPIC] : []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const payload = { groupId: groupId.trim(), topics, consumers: Number(consumers), processingDelayMs: Number(delay), sessionTimeoutMs: Number(session) };
    // The server's own schema, so the form refuses exactly what the server would.
    const parsed = labStartSchema.safeParse(payload);
    if (!parsed.success) {
      setFormError(describeIssue(parsed.error));
      return;
    }
    setFormError(null);
    await start.run(parsed.data);
  }

  return (
    <form onSubmit={submit} className="grid gap-3 md:grid-cols-[2fr_2fr_1fr_1fr_1fr_auto] md:items-start" aria-label="Start an app instance">
      <Field label="Group id">
        <TextInput value={groupId} onChange={(e) => setGroupId(e.target.value)} required />
      </Field>
      <Field label="Topics" hint={topicNames.length ? 'ctrl/cmd-click for more than one' : 'no topics on the cluster yet'}>
        <Select multiple size={3} value={topics} onChange={(e) => setPicked([...e.target.selectedOptions].map((o) => o.value))}>
          {topicNames.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Consumers">
        <TextInput type="number" min={1} max={MAX_LAB_CONSUMERS} value={consumers} onChange={(e) => setConsumers(e.target.value)} />
      </Field>
      <Field label="Delay per message (ms)" hint="builds lag on purpose">
        <TextInput type="number" min={0} max={10_000} value={delay} onChange={(e) => setDelay(e.target.value)} />
      </Field>
      <Field label="Session timeout (ms)" hint="how long a killed member counts">
        <TextInput type="number" min={6_000} max={60_000} step={1000} value={session} onChange={(e) => setSession(e.target.value)} />
      </Field>
      <div className="md:pt-5">
        <Button type="submit" tone="primary" disabled={start.pending}>
          {start.pending ? 'Starting…' : 'Start instance'}
        </Button>
      </div>
      <div className="md:col-span-6">
        <ActionMessage error={formError ?? start.error} testId="lab-start-error" />
      </div>
    </form>
  );
}
