'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { topicCreateSchema, type TopicCreateRequest } from '@/lib/contract/action-schemas';
import { useLiveStore } from '@/lib/store';
import { useAction } from '@/components/ui/use-action';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { ActionMessage } from '@/components/ui/action-message';
import { describeIssue } from '@/lib/contract/describe-issue';
import { CleanupPolicySelect } from './cleanup-policy-select';

// The "New topic" panel. The payload is checked with the server's own zod schema before it is
// sent, so a bad name is explained at once; the server checks it again, with the cluster.

/** An empty box means "the broker's default" (null); anything else must be a whole number. */
function optionalInt(text: string): number | null {
  const t = text.trim();
  return t === '' ? null : Number(t);
}

export function CreateTopicForm({ onClose }: { onClose(): void }) {
  const live = useLiveStore((s) => s.cluster?.brokers.filter((b) => b.online).length ?? 0);
  const create = useAction('topic:create');
  const [name, setName] = useState('');
  const [partitions, setPartitions] = useState('3');
  const [replication, setReplication] = useState(() => String(Math.max(1, Math.min(3, live))));
  const [cleanupPolicy, setCleanupPolicy] = useState<TopicCreateRequest['cleanupPolicy']>('delete');
  const [retentionMs, setRetentionMs] = useState('');
  const [retentionBytes, setRetentionBytes] = useState('');
  const [segmentMs, setSegmentMs] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const payload = {
      name: name.trim(),
      partitions: Number(partitions),
      replicationFactor: Number(replication),
      cleanupPolicy,
      retentionMs: optionalInt(retentionMs),
      retentionBytes: optionalInt(retentionBytes),
      segmentMs: optionalInt(segmentMs),
    };
    const parsed = topicCreateSchema.safeParse(payload);
    if (!parsed.success) {
      setInvalid(describeIssue(parsed.error));
      return;
    }
    setInvalid(null);
    const answer = await create.run(parsed.data);
    if (answer.ok) setName('');
  }

  const created = create.result?.topic;
  return (
    <form onSubmit={submit} data-testid="create-topic-form" aria-label="New topic" className="space-y-3">
      <div className="grid gap-3 md:grid-cols-4">
        <div className="md:col-span-2">
          <Field label="Name" hint="letters, digits, '.', '_' and '-'; at most 249">
            <TextInput value={name} onChange={(e) => setName(e.target.value)} placeholder="orders" autoFocus data-testid="create-topic-name" />
          </Field>
        </div>
        <Field label="Partitions">
          <TextInput type="number" min={1} max={1000} value={partitions} onChange={(e) => setPartitions(e.target.value)} data-testid="create-topic-partitions" />
        </Field>
        <Field label="Replication factor" hint={`${live} live broker${live === 1 ? '' : 's'}`}>
          <TextInput type="number" min={1} max={32} value={replication} onChange={(e) => setReplication(e.target.value)} data-testid="create-topic-replication" />
        </Field>
        <Field label="Cleanup policy" hint="compact keeps the latest value per key">
          <CleanupPolicySelect value={cleanupPolicy} onChange={(e) => setCleanupPolicy(e.target.value as TopicCreateRequest['cleanupPolicy'])} data-testid="create-topic-cleanup" />
        </Field>
        <Field label="Retention ms" hint="empty: broker default; -1: forever">
          <TextInput inputMode="numeric" value={retentionMs} onChange={(e) => setRetentionMs(e.target.value)} placeholder="default" />
        </Field>
        <Field label="Retention bytes" hint="per partition; -1: no limit">
          <TextInput inputMode="numeric" value={retentionBytes} onChange={(e) => setRetentionBytes(e.target.value)} placeholder="default" />
        </Field>
        <Field label="Segment ms" hint="the active segment is never cleaned">
          <TextInput inputMode="numeric" value={segmentMs} onChange={(e) => setSegmentMs(e.target.value)} placeholder="default" />
        </Field>
      </div>
      <div className="flex items-center gap-2">
        <Button tone="primary" type="submit" disabled={create.pending} data-testid="create-topic-submit">
          {create.pending ? 'Creating…' : 'Create topic'}
        </Button>
        <Button onClick={onClose}>Close</Button>
        {created && (
          <span className="text-sm text-emerald-300" data-testid="create-topic-done">
            Created{' '}
            <Link href={`/topics/${encodeURIComponent(created)}`} className="font-mono underline">
              {created}
            </Link>
          </span>
        )}
      </div>
      <ActionMessage error={invalid ?? create.error} testId="create-topic-error" />
    </form>
  );
}
