'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import type { TopicCreateRequest } from '@/lib/contract/action-schemas';
import { topicNameSchema } from '@/lib/contract/schemas';
import { useLiveStore } from '@/lib/store';
import { useAction } from '@/components/ui/use-action';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { ActionMessage } from '@/components/ui/action-message';
import { allValid, useIntCheck } from '@/components/ui/validate';
import { CleanupPolicySelect } from './cleanup-policy-select';

// The "New topic" panel. Each box is checked in the browser first, with its problem in plain
// words under it (cleared as soon as it is edited); the server checks again, with the cluster,
// and its answer shows under the form.

type Box = 'name' | 'partitions' | 'replication' | 'retentionMs' | 'retentionBytes' | 'segmentMs';

/** An empty box means "the broker's default" (null); anything else is a whole number. */
function optionalInt(text: string): number | null {
  const t = text.trim();
  return t === '' ? null : Number(t);
}

export function CreateTopicForm({ onClose }: { onClose(): void }) {
  const t = useTranslations('topics');
  const c = useTranslations('common');
  const v = useTranslations('common.validation');
  const check = useIntCheck();
  const live = useLiveStore((s) => s.cluster?.brokers.filter((b) => b.online).length ?? 0);
  const create = useAction('topic:create');
  const [boxes, setBoxes] = useState<Record<Box, string>>(() => ({
    name: '',
    partitions: '3',
    replication: String(Math.max(1, Math.min(3, live))),
    retentionMs: '',
    retentionBytes: '',
    segmentMs: '',
  }));
  const [cleanupPolicy, setCleanupPolicy] = useState<TopicCreateRequest['cleanupPolicy']>('delete');
  const [errors, setErrors] = useState<Partial<Record<Box, string | null>>>({});

  const edit = (box: Box) => (e: { target: { value: string } }) => {
    setBoxes((b) => ({ ...b, [box]: e.target.value }));
    setErrors((x) => ({ ...x, [box]: null }));
    create.reset();
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Record<Box, string | null> = {
      name: topicNameSchema.safeParse(boxes.name.trim()).success ? null : v('topicName'),
      partitions: check(boxes.partitions, { min: 1, max: 1000 }),
      replication: check(boxes.replication, { min: 1, max: 32 }),
      retentionMs: check(boxes.retentionMs, { min: -1, optional: true }),
      retentionBytes: check(boxes.retentionBytes, { min: -1, optional: true }),
      segmentMs: check(boxes.segmentMs, { min: 1, optional: true }),
    };
    setErrors(found);
    if (!allValid(found)) return;
    const answer = await create.run({
      name: boxes.name.trim(),
      partitions: Number(boxes.partitions),
      replicationFactor: Number(boxes.replication),
      cleanupPolicy,
      retentionMs: optionalInt(boxes.retentionMs),
      retentionBytes: optionalInt(boxes.retentionBytes),
      segmentMs: optionalInt(boxes.segmentMs),
    });
    if (answer.ok) setBoxes((b) => ({ ...b, name: '' }));
  }

  const created = create.result?.topic;
  return (
    <form
      onSubmit={submit}
      data-testid="create-topic-form"
      aria-label={t('create.label')}
      className="space-y-3"
      noValidate
    >
      <div className="grid gap-3 md:grid-cols-4">
        <div className="md:col-span-2">
          <Field label={t('create.name')} hint={t('create.nameHint')} error={errors.name}>
            <TextInput
              value={boxes.name}
              onChange={edit('name')}
              placeholder="orders"
              autoFocus
              data-testid="create-topic-name"
            />
          </Field>
        </div>
        <Field label={t('create.partitions')} error={errors.partitions}>
          <TextInput
            type="number"
            min={1}
            max={1000}
            value={boxes.partitions}
            onChange={edit('partitions')}
            data-testid="create-topic-partitions"
          />
        </Field>
        <Field label={t('create.replication')} hint={c('count.brokers', { count: live })} error={errors.replication}>
          <TextInput
            type="number"
            min={1}
            max={32}
            value={boxes.replication}
            onChange={edit('replication')}
            data-testid="create-topic-replication"
          />
        </Field>
        <Field label={t('create.cleanup')} hint={t('create.cleanupHint')}>
          <CleanupPolicySelect
            value={cleanupPolicy}
            onChange={(e) => {
              create.reset();
              setCleanupPolicy(e.target.value as TopicCreateRequest['cleanupPolicy']);
            }}
            data-testid="create-topic-cleanup"
          />
        </Field>
        <Field label={t('settings.retentionMs')} hint={t('create.retentionMsHint')} error={errors.retentionMs}>
          <TextInput
            inputMode="numeric"
            value={boxes.retentionMs}
            onChange={edit('retentionMs')}
            placeholder={t('settings.default')}
          />
        </Field>
        <Field
          label={t('settings.retentionBytes')}
          hint={t('settings.retentionBytesHint')}
          error={errors.retentionBytes}
        >
          <TextInput
            inputMode="numeric"
            value={boxes.retentionBytes}
            onChange={edit('retentionBytes')}
            placeholder={t('settings.default')}
          />
        </Field>
        <Field label={t('settings.segmentMs')} hint={t('settings.segmentMsHint')} error={errors.segmentMs}>
          <TextInput
            inputMode="numeric"
            value={boxes.segmentMs}
            onChange={edit('segmentMs')}
            placeholder={t('settings.default')}
          />
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button tone="primary" type="submit" disabled={create.pending} data-testid="create-topic-submit">
          {create.pending ? t('create.creating') : t('create.submit')}
        </Button>
        <Button onClick={onClose}>{c('close')}</Button>
        {created && (
          <span className="text-sm text-emerald-300" data-testid="create-topic-done">
            {t.rich('create.created', {
              link: () => (
                <Link href={`/topics/${encodeURIComponent(created)}`} className="font-mono underline">
                  {created}
                </Link>
              ),
            })}
          </span>
        )}
      </div>
      <ActionMessage error={create.error} testId="create-topic-error" />
    </form>
  );
}
