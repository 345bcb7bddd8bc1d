'use client';

import Link from 'next/link';
import { useTranslations } from 'use-intl';
import type { LabConsumer, LabInstance, LabInstanceStatus } from '@/lib/contract/actions';
import { MAX_LAB_CONSUMERS } from '@/lib/contract/action-schemas';
import { isLive, sharedPartitions } from '@/lib/lab-derive';
import { useLiveStore } from '@/lib/store';
import { Badge, type Tone } from '@/components/ui/badge';
import { formatCount } from '@/components/ui/format';
import { InstanceControls } from './instance-controls';
import { EndedNote } from './ended-note';
import { partitionKey } from '@/lib/contract/cluster';

const STATUS_TONE: Record<LabInstanceStatus, Tone> = {
  starting: 'info',
  running: 'good',
  paused: 'warn',
  stopping: 'warn',
  stopped: 'neutral',
  killed: 'bad',
  crashed: 'bad',
};

function ConsumerRow({
  consumer,
  multiTopic,
  ended,
  shared,
}: {
  consumer: LabConsumer;
  multiTopic: boolean;
  ended: boolean;
  shared: Set<string>;
}) {
  const t = useTranslations('lab.instance');
  return (
    <li
      data-testid={`lab-consumer-${consumer.clientId}`}
      className="rounded border border-zinc-800 bg-zinc-950/60 px-2 py-1.5"
    >
      <div className="flex items-center gap-2">
        <span className="font-mono text-xs font-semibold text-zinc-200">{consumer.clientId}</span>
        <span className="ml-auto font-mono text-[11px] text-zinc-400" title={t('processed')}>
          {t('consumedCount', { count: formatCount(consumer.consumed) })}
        </span>
      </div>
      <div className="truncate font-mono text-[10px] text-zinc-400" title={consumer.memberId ?? undefined}>
        {consumer.memberId ?? t('joining')}
      </div>
      <div className="mt-1 flex flex-wrap gap-1">
        {consumer.assignments.map((tp) => {
          const isShared = shared.has(partitionKey(tp.topic, tp.partition));
          return (
            <span
              key={partitionKey(tp.topic, tp.partition)}
              data-testid={`lab-tile-${consumer.clientId}-${tp.partition}`}
              data-shared={isShared ? 'true' : undefined}
              title={`${t('tileTitle', { topic: tp.topic, partition: tp.partition })}${isShared ? ` · ${t('sharedTile')}` : ''}`}
              className={`rounded px-1.5 py-0.5 font-mono text-[10px] font-semibold ${ended ? 'bg-zinc-700 text-zinc-300' : 'bg-violet-500 text-zinc-950'} ${isShared ? 'ring-2 ring-amber-300' : ''}`}
            >
              {multiTopic ? `${tp.topic}-` : 'P'}
              {tp.partition}
            </span>
          );
        })}
        {consumer.assignments.length === 0 && consumer.memberId !== null && !ended && (
          <span className="text-[11px] text-zinc-400">{t('noPartitions')}</span>
        )}
      </div>
    </li>
  );
}

/** One app instance: its process, group, consumers and what can be done to it. */
export function InstanceCard({ instance }: { instance: LabInstance }) {
  const t = useTranslations('lab.instance');
  const { name } = instance;
  const ended = !isLive(instance);
  const all = useLiveStore((s) => s.labInstances);
  const shared = ended ? new Set<string>() : sharedPartitions(instance.groupId, all);
  const mine = instance.consumers.some((c) =>
    c.assignments.some((tp) => shared.has(partitionKey(tp.topic, tp.partition))),
  );
  return (
    <article
      data-testid={`lab-instance-${name}`}
      data-status={instance.status}
      className={`rounded-lg border p-3 ${ended ? 'border-zinc-800 bg-zinc-950/40' : 'border-zinc-700 bg-zinc-900/80'}`}
    >
      <header className="flex items-start gap-3">
        <span
          className={`font-mono text-4xl font-bold leading-none ${ended ? 'text-zinc-400' : 'text-violet-300'}`}
          aria-label={t('instanceLabel', { name })}
        >
          {name}
        </span>
        <div className="min-w-0 flex-1 space-y-0.5">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={STATUS_TONE[instance.status]} testId={`lab-instance-status-${name}`}>
              {t(`status.${instance.status}`)}
            </Badge>
            <Badge tone="info" testId={`lab-instance-protocol-${name}`}>
              {t(`protocol.${instance.protocol}`)}
            </Badge>
            <span className="font-mono text-[11px] text-zinc-400">{t('pid', { pid: instance.pid ?? '—' })}</span>
          </div>
          <div className="truncate text-xs text-zinc-400">
            {t('group')}{' '}
            <Link
              href={`/groups/${encodeURIComponent(instance.groupId)}`}
              className="font-mono text-violet-300 hover:underline"
            >
              {instance.groupId}
            </Link>
          </div>
          <div className="truncate font-mono text-[11px] text-zinc-400" title={instance.topics.join(', ')}>
            {instance.topics.join(', ')}
          </div>
        </div>
        <div className="text-right text-[11px] text-zinc-400">
          <div className="font-mono text-sm text-zinc-200" data-testid={`lab-consumed-${name}`}>
            {formatCount(instance.consumed)}
          </div>
          {t('consumed')}
          <div>{t('delay', { ms: instance.processingDelayMs })}</div>
          <div title={t('sessionTitle')}>{t('session', { seconds: Math.round(instance.sessionTimeoutMs / 1000) })}</div>
        </div>
      </header>
      <ul className="mt-2 space-y-1.5">
        {instance.consumers.map((c) => (
          <ConsumerRow
            key={c.clientId}
            consumer={c}
            multiTopic={instance.topics.length > 1}
            ended={ended}
            shared={shared}
          />
        ))}
      </ul>
      {mine && (
        <p className="mt-2 text-xs text-amber-200" data-testid={`lab-shared-${name}`}>
          {t('shared')}
        </p>
      )}
      <EndedNote instance={instance} />
      {!ended && instance.lastError && (
        <p className="mt-2 text-xs text-amber-300/90" data-testid={`lab-instance-error-${name}`}>
          {instance.lastError}
        </p>
      )}
      {!ended && <InstanceControls instance={instance} maxConsumers={MAX_LAB_CONSUMERS} />}
    </article>
  );
}
