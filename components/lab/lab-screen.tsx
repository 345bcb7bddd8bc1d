'use client';

import { useState } from 'react';
import { useLiveStore } from '@/lib/store';
import { Card } from '@/components/ui/card';
import { useCanAct } from '@/components/ui/use-action';
import { ProducePanel } from './produce-panel';
import { LoadPanel } from './load-panel';
import { TailPanel } from './tail-panel';
import { SeedTopicButton } from './seed-topic-button';
import { TopicPicker, useUserTopics } from './topic-picker';
import { InstancesPanel } from './instances-panel';

export const SEED_TOPIC = 'order.processing';

/** The lab: produce, generate load and watch a topic's messages, all on one topic at a time. */
export function LabScreen({ initialTopic }: { initialTopic?: string }) {
  const topics = useUserTopics();
  const loaded = useLiveStore((s) => s.cluster !== null);
  const canAct = useCanAct();
  const [chosen, setChosen] = useState<string | null>(initialTopic ?? null);
  const fallback = topics.find((t) => t.name === SEED_TOPIC)?.name ?? topics[0]?.name ?? '';
  const topic = chosen ?? fallback;
  const partitions = topics.find((t) => t.name === topic)?.partitions ?? 0;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-semibold text-zinc-100">Lab</h1>
        <p className="text-xs text-zinc-500">Produce messages, start app instances, and watch Kafka place, read and rebalance them.</p>
      </div>
      <div className="flex flex-wrap items-center gap-3 rounded-lg border border-zinc-800 bg-zinc-900/60 px-4 py-2">
        <span className="text-[11px] font-medium uppercase tracking-wider text-zinc-500">Topic</span>
        <div className="w-80">
          <TopicPicker value={topic} onChange={setChosen} testId="lab-topic" />
        </div>
        {loaded && !topics.some((t) => t.name === SEED_TOPIC) && canAct && <SeedTopicButton name={SEED_TOPIC} onCreated={setChosen} />}
        {!canAct && <span className="text-xs text-amber-300">read-only: actions are off</span>}
      </div>
      <div className="grid gap-4 xl:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
        {canAct && (
          <div className="space-y-4">
            <Card title="Produce">{topic ? <ProducePanel topic={topic} partitions={partitions} /> : <p className="text-zinc-500">Create a topic first.</p>}</Card>
            <Card title="Load generator">
              <LoadPanel topic={topic} />
            </Card>
          </div>
        )}
        <Card title={`Live tail${topic ? ` · ${topic}` : ''}`}>{topic ? <TailPanel topic={topic} /> : <p className="text-zinc-500">No topic to tail yet.</p>}</Card>
      </div>
      <InstancesPanel />
    </div>
  );
}
