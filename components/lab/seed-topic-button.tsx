'use client';

import { useTranslations } from 'use-intl';
import { useLiveStore } from '@/lib/store';
import { Button } from '@/components/ui/button';
import { ActionMessage } from '@/components/ui/action-message';
import { useAction } from '@/components/ui/use-action';

/** One click to the lab's own topic, as in the seed scenario: 3 partitions, replicated on up to 3 brokers. */
export function SeedTopicButton({ name, onCreated }: { name: string; onCreated: (topic: string) => void }) {
  const t = useTranslations('lab');
  const create = useAction('topic:create');
  const online = useLiveStore((s) => s.cluster?.brokers.filter((b) => b.online).length ?? 1);
  const click = async () => {
    const answer = await create.run({
      name,
      partitions: 3,
      replicationFactor: Math.max(1, Math.min(3, online)),
      cleanupPolicy: 'delete',
      retentionMs: null,
      retentionBytes: null,
      segmentMs: null,
    });
    if (answer.ok) onCreated(name);
  };
  return (
    <div>
      <Button
        tone="primary"
        size="sm"
        onClick={() => void click()}
        disabled={create.pending}
        data-testid="create-seed-topic"
      >
        {t('createTopic', { name })}
      </Button>
      <ActionMessage error={create.error} />
    </div>
  );
}
