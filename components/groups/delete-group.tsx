'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import type { GroupDetail } from '@/lib/contract/groups';
import { membersBlocking } from '@/lib/group-derive';
import { useAction, useCanAct } from '@/components/ui/use-action';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, TextInput } from '@/components/ui/field';
import { ActionMessage } from '@/components/ui/action-message';

// Deletes the group (any type) with its committed offsets. Kafka allows it only while nobody
// is in the group; the server checks the real state again, since a member may join meanwhile.

export function DeleteGroup({ detail }: { detail: GroupDetail }) {
  const t = useTranslations('groups.delete');
  const canAct = useCanAct();
  const remove = useAction('group:delete');
  const router = useRouter();
  const [confirm, setConfirm] = useState('');
  if (!canAct) return null;
  const blocked = membersBlocking(detail);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const answer = await remove.run({ groupId: detail.groupId, confirm });
    if (answer.ok) router.push('/groups');
  }

  return (
    <Card title={t('title')} testId="delete-group">
      <form onSubmit={submit} aria-label={t('title')} className="space-y-2">
        <div className="flex flex-wrap items-end gap-2">
          <div className="w-full max-w-sm">
            <Field label={t('confirmLabel')} hint={t('hint')}>
              <TextInput
                value={confirm}
                onChange={(e) => {
                  remove.reset();
                  setConfirm(e.target.value);
                }}
                placeholder={detail.groupId}
                data-testid="delete-group-confirm"
              />
            </Field>
          </div>
          <Button
            tone="danger"
            type="submit"
            className="mb-5 disabled:opacity-50"
            disabled={blocked !== null || confirm !== detail.groupId || remove.pending}
            data-testid="delete-group-submit"
          >
            {remove.pending ? t('pending') : t('submit')}
          </Button>
        </div>
        {blocked && (
          <p className="text-xs text-amber-300" data-testid="delete-group-blocked">
            {blocked}
          </p>
        )}
        <ActionMessage error={remove.error} testId="delete-group-error" />
      </form>
    </Card>
  );
}
