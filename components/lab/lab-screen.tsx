'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { useLiveStore } from '@/lib/store';
import { Card } from '@/components/ui/card';
import { useCanAct } from '@/components/ui/use-action';
import { ProducePanel } from './produce-panel';
import { LoadPanel } from './load-panel';
import { TailPanel } from './tail-panel';
import { SeedTopicButton } from './seed-topic-button';
import { TopicPicker, useUserTopics } from './topic-picker';
import { InstancesPanel } from './instances-panel';
import { LAB_TOPIC } from './guard';

/** The lab: produce, generate load and watch a topic's messages, all on one topic at a time.
 *  It starts on its own topic (lab-orders), never on someone else's. */
export function LabScreen({ initialTopic }: { initialTopic?: string }) {
  const t = useTranslations('lab');
  const topics = useUserTopics();
  const loaded = useLiveStore((s) => s.cluster !== null);
  const canAct = useCanAct();
  const [chosen, setChosen] = useState<string | null>(initialTopic ?? null);
  const fallback = topics.find((x) => x.name === LAB_TOPIC)?.name ?? '';
  const topic = chosen ?? fallback;
  const partitions = topics.find((x) => x.name === topic)?.partitions ?? 0;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-semibold text-zinc-100">{t('title')}</h1>
        <p className="text-xs text-zinc-400">{t('intro')}</p>
      </div>
      <div className="flex flex-wrap items-center gap-3 rounded-lg border border-zinc-800 bg-zinc-900/60 px-4 py-2">
        <span className="text-[11px] font-medium uppercase tracking-wider text-zinc-400">{t('topic')}</span>
        <div className="w-full max-w-80">
          <TopicPicker value={topic} onChange={setChosen} testId="lab-topic" />
        </div>
        {loaded && !topics.some((x) => x.name === LAB_TOPIC) && canAct && (
          <SeedTopicButton name={LAB_TOPIC} onCreated={setChosen} />
        )}
        {!canAct && <span className="text-xs text-amber-300">{t('readOnly')}</span>}
      </div>
      <div className="grid gap-4 xl:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
        {canAct && (
          <div className="min-w-0 space-y-4">
            <Card title={t('produce.title')}>
              {topic ? (
                <ProducePanel topic={topic} partitions={partitions} />
              ) : (
                <p className="text-zinc-400">{t('createTopicFirst')}</p>
              )}
            </Card>
            <Card title={t('load.title')}>
              <LoadPanel topic={topic} />
            </Card>
          </div>
        )}
        <Card title={topic ? t('tail.titleOf', { topic }) : t('tail.title')}>
          {topic ? <TailPanel topic={topic} /> : <p className="text-zinc-400">{t('tail.noTopic')}</p>}
        </Card>
      </div>
      <InstancesPanel />
    </div>
  );
}
