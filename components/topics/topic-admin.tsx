'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { useIntCheck } from '@/components/ui/validate';
import { useAction, useCanAct } from '@/components/ui/use-action';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, TextInput } from '@/components/ui/field';
import { ActionMessage } from '@/components/ui/action-message';
import { TopicSettings } from './topic-settings';

// Admin for one topic: more partitions, settings, and delete. Hidden in read-only mode.

function AddPartitions({ topic, current }: { topic: string; current: number }) {
  const t = useTranslations('topics.admin');
  const check = useIntCheck();
  const add = useAction('topic:add-partitions');
  const [total, setTotal] = useState(String(current + 1));
  const [problem, setProblem] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = check(total, { min: current + 1, max: 1000 });
    setProblem(found);
    if (found === null) await add.run({ topic, partitions: Number(total) });
  }
  return (
    <form onSubmit={submit} aria-label={t('addLabel')} className="space-y-2" noValidate>
      <div className="flex flex-wrap items-end gap-2">
        <div className="w-full max-w-72">
          <Field label={t('total')} hint={t('totalHint', { count: current })} error={problem}>
            <TextInput
              type="number"
              min={current + 1}
              max={1000}
              value={total}
              onChange={(e) => {
                setProblem(null);
                add.reset();
                setTotal(e.target.value);
              }}
              data-testid="add-partitions-total"
            />
          </Field>
        </div>
        <Button type="submit" disabled={add.pending} data-testid="add-partitions-submit" className="mb-5">
          {add.pending ? t('adding') : t('add')}
        </Button>
      </div>
      <ActionMessage error={add.error} testId="add-partitions-error" />
    </form>
  );
}

function DeleteTopic({ topic }: { topic: string }) {
  const t = useTranslations('topics.admin');
  const remove = useAction('topic:delete');
  const router = useRouter();
  const [confirm, setConfirm] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    const answer = await remove.run({ topic, confirm });
    if (answer.ok) router.push('/topics');
  }
  return (
    <form onSubmit={submit} aria-label={t('deleteLabel')} className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <div className="w-full max-w-72">
          <Field label={t('deleteField')} hint={t('deleteHint')}>
            <TextInput
              value={confirm}
              onChange={(e) => {
                remove.reset();
                setConfirm(e.target.value);
              }}
              placeholder={topic}
              data-testid="delete-topic-confirm"
            />
          </Field>
        </div>
        <Button
          tone="danger"
          type="submit"
          disabled={confirm !== topic || remove.pending}
          data-testid="delete-topic-submit"
          className="mb-5"
        >
          {remove.pending ? t('deleting') : t('delete')}
        </Button>
      </div>
      <ActionMessage error={remove.error} testId="delete-topic-error" />
    </form>
  );
}

export function TopicAdmin({ topic, partitions, internal }: { topic: string; partitions: number; internal: boolean }) {
  const t = useTranslations('topics.admin');
  const canAct = useCanAct();
  if (!canAct) return null;
  return (
    <Card title={t('title')} testId="topic-admin">
      {internal ? (
        <p className="text-xs text-zinc-400">{t('internal')}</p>
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
