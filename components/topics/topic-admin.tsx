'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useAction, useCanAct } from '@/components/ui/use-action';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, TextInput } from '@/components/ui/field';
import { ActionMessage } from '@/components/ui/action-message';
import { TopicSettings } from './topic-settings';

// Admin for one topic: more partitions, settings, and delete. Hidden in read-only mode.

function AddPartitions({ topic, current }: { topic: string; current: number }) {
  const add = useAction('topic:add-partitions');
  const [total, setTotal] = useState(String(current + 1));
  async function submit(e: FormEvent) {
    e.preventDefault();
    await add.run({ topic, partitions: Number(total) });
  }
  return (
    <form onSubmit={submit} aria-label="Add partitions" className="space-y-2">
      <div className="flex items-end gap-2">
        <div className="w-72">
          <Field label="Partitions in total" hint={`now ${current}; keys then map to other partitions`}>
            <TextInput type="number" min={current + 1} max={1000} value={total} onChange={(e) => setTotal(e.target.value)} data-testid="add-partitions-total" />
          </Field>
        </div>
        <Button type="submit" disabled={add.pending} data-testid="add-partitions-submit" className="mb-5">
          {add.pending ? 'Adding…' : 'Add partitions'}
        </Button>
      </div>
      <ActionMessage error={add.error} testId="add-partitions-error" />
    </form>
  );
}

function DeleteTopic({ topic }: { topic: string }) {
  const remove = useAction('topic:delete');
  const router = useRouter();
  const [confirm, setConfirm] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    const answer = await remove.run({ topic, confirm });
    if (answer.ok) router.push('/topics');
  }
  return (
    <form onSubmit={submit} aria-label="Delete topic" className="space-y-2">
      <div className="flex items-end gap-2">
        <div className="w-72">
          <Field label="Delete: type the topic name" hint="removes every message; it cannot be undone">
            <TextInput value={confirm} onChange={(e) => setConfirm(e.target.value)} placeholder={topic} data-testid="delete-topic-confirm" />
          </Field>
        </div>
        <Button tone="danger" type="submit" disabled={confirm !== topic || remove.pending} data-testid="delete-topic-submit" className="mb-5">
          {remove.pending ? 'Deleting…' : 'Delete topic'}
        </Button>
      </div>
      <ActionMessage error={remove.error} testId="delete-topic-error" />
    </form>
  );
}

export function TopicAdmin({ topic, partitions, internal }: { topic: string; partitions: number; internal: boolean }) {
  const canAct = useCanAct();
  if (!canAct) return null;
  return (
    <Card title="Topic admin" testId="topic-admin">
      {internal ? (
        <p className="text-xs text-zinc-500">Kafka&apos;s internal topics are left alone: their partitions and settings are Kafka&apos;s business.</p>
      ) : (
        <div className="space-y-5">
          <TopicSettings topic={topic} />
          <div className="grid gap-4 border-t border-zinc-800 pt-4 md:grid-cols-2">
            <AddPartitions key={partitions} topic={topic} current={partitions} />
            <DeleteTopic topic={topic} />
          </div>
        </div>
      )}
    </Card>
  );
}
