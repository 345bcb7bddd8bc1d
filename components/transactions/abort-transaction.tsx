'use client';

import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import type { OpenTransaction } from '@/lib/contract/transactions';
import { useAction, useCanAct } from '@/components/ui/use-action';
import { Button } from '@/components/ui/button';
import { TextInput } from '@/components/ui/field';
import { ActionMessage } from '@/components/ui/action-message';

// Aborts one producer's transaction on one partition (an ABORT marker at the leader, as Kafka's
// Admin abortTransaction). Typed confirmation: the producer id. Hidden in read-only mode; the
// server refuses it there too.

export function AbortTransaction({ open, onDone }: { open: OpenTransaction; onDone(): void }) {
  const t = useTranslations('transactions.abort');
  const canAct = useCanAct();
  const abort = useAction('transaction:abort');
  const [confirm, setConfirm] = useState('');
  if (!canAct) return null;
  const id = `${open.topic}-${open.partition}-${open.producerId}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const answer = await abort.run({
      topic: open.topic,
      partition: open.partition,
      producerId: open.producerId,
      confirm,
    });
    if (answer.ok) onDone();
  }

  return (
    <form onSubmit={submit} aria-label={t('form', { id })} className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <TextInput
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          placeholder={t('placeholder', { producerId: open.producerId })}
          aria-label={t('confirm')}
          data-testid={`abort-confirm-${id}`}
          className="w-32"
        />
        <Button
          tone="danger"
          type="submit"
          disabled={confirm !== String(open.producerId) || abort.pending}
          className="disabled:opacity-50"
          data-testid={`abort-submit-${id}`}
        >
          {abort.pending ? t('aborting') : t('abort')}
        </Button>
      </div>
      <ActionMessage error={abort.error} testId={`abort-error-${id}`} />
    </form>
  );
}
