'use client';

import { useMemo } from 'react';
import { useTranslations } from 'use-intl';
import { useLiveStore } from '@/lib/store';
import { useWatch } from '@/lib/store/use-live-bridge';
import { viewOf } from '@/lib/store/watch-slice';
import { selectBrokers, selectTopics } from '@/lib/store/selectors';
import { PartitionChip } from '@/components/ui/partition-chip';
import type { TailMessage } from '@/lib/contract/actions';
import type { StepDef, StepNames, Outcome } from './steps';
import { RetentionView } from './retention-view';

// Live mini-views of the real cluster inside a step, for effects whose real screen is
// elsewhere. The element the step is about carries data-learn-highlight, which the step
// scrolls to and rings.

const NO_MESSAGES: TailMessage[] = [];
const ring = (on: boolean) => (on ? 'ring-2 ring-amber-400 ring-offset-2 ring-offset-zinc-950' : '');

function PartitionsView({
  topic,
  highlight,
  empty = false,
}: {
  topic: string;
  highlight: (p: number) => boolean;
  /** Highlight partitions without messages too (the leader step sends none). */
  empty?: boolean;
}) {
  const t = useTranslations('learn.view');
  useWatch({ kind: 'tail', topic });
  const messages = useLiveStore((s) => viewOf(s, { kind: 'tail', topic })?.messages ?? NO_MESSAGES);
  const partitions = useLiveStore((s) => selectTopics(s).find((x) => x.name === topic)?.partitions ?? null);
  if (!partitions) return <p className="text-sm text-zinc-400">{t('noTopic')}</p>;
  return (
    <ul className="grid gap-2 sm:grid-cols-3" data-testid="learn-partitions">
      {partitions.map((p) => {
        const here = messages.filter((m) => m.partition === p.partition);
        const on = highlight(p.partition) && (empty || here.length > 0);
        return (
          <li
            key={p.partition}
            data-learn-highlight={on ? 'true' : undefined}
            data-testid={`learn-partition-${p.partition}`}
            className={`min-w-0 rounded border border-zinc-700 bg-zinc-950 p-2 ${ring(on)}`}
          >
            <div className="mb-1 flex flex-wrap items-center gap-2 text-xs text-zinc-300">
              <PartitionChip partition={p.partition} />
              <span>{t('messages', { count: here.length })}</span>
              <span className="text-zinc-400">{t('leader', { broker: p.leader, isr: p.isr.join(', ') })}</span>
            </div>
            <ol className="space-y-0.5 font-mono text-[11px] text-zinc-300">
              {here.slice(-6).map((m) => (
                <li key={m.offset} className="truncate">
                  #{m.offset} {m.key ?? '∅'} → {m.value ?? 'null'}
                </li>
              ))}
            </ol>
          </li>
        );
      })}
    </ul>
  );
}

function ConsumersView({ groupId, highlightIdle }: { groupId: string; highlightIdle: boolean }) {
  const t = useTranslations('learn.view');
  // Select the store's own array and filter after: a new array from the selector would re-render forever.
  const all = useLiveStore((s) => s.labInstances);
  const instances = useMemo(() => all.filter((i) => i.groupId === groupId), [all, groupId]);
  const groups = useLiveStore((s) => s.groups?.groups.filter((g) => g.groupId === groupId).length ?? 0);
  if (instances.length === 0) return <p className="text-sm text-zinc-400">{t('noInstances')}</p>;
  return (
    <div className="space-y-2" data-testid="learn-consumers">
      <p className="text-xs text-zinc-300">
        {t('groupLine', { group: groupId, groups, consumers: instances.reduce((n, i) => n + i.consumers.length, 0) })}
      </p>
      <div className="grid gap-2 sm:grid-cols-2">
        {instances.map((i) => (
          <div key={`${i.name}-${i.startedAt}`} className="min-w-0 rounded border border-zinc-700 bg-zinc-950 p-2">
            <p className="mb-1 text-xs font-semibold text-zinc-200">
              {t('instance', { name: i.name, status: i.status })}
            </p>
            <ul className="space-y-1 text-xs">
              {i.consumers.map((c) => {
                const idle = c.memberId !== null && c.assignments.length === 0;
                const on = highlightIdle ? idle : c.assignments.length > 0;
                return (
                  <li
                    key={c.clientId}
                    data-learn-highlight={on ? 'true' : undefined}
                    data-testid={idle ? 'learn-consumer-idle' : 'learn-consumer'}
                    className={`flex flex-wrap items-center gap-1 rounded px-1 py-0.5 ${ring(on)}`}
                  >
                    <span className="font-mono text-zinc-300">{c.clientId}</span>
                    {c.assignments.map((a) => (
                      <PartitionChip key={a.partition} partition={a.partition} />
                    ))}
                    {idle && <span className="text-amber-300">{t('idle')}</span>}
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </div>
    </div>
  );
}

function OffsetsRow({ groupId, highlight }: { groupId: string; highlight: boolean }) {
  const t = useTranslations('learn.view');
  useWatch({ kind: 'group', groupId });
  const detail = useLiveStore((s) => viewOf(s, { kind: 'group', groupId })?.detail ?? null);
  const coordinator = useLiveStore((s) => s.groups?.groups.find((g) => g.groupId === groupId)?.coordinator ?? null);
  return (
    <li
      data-learn-highlight={highlight ? 'true' : undefined}
      data-testid={`learn-offsets-${groupId}`}
      className={`min-w-0 rounded border border-zinc-700 bg-zinc-950 p-2 text-xs ${ring(highlight)}`}
    >
      <p className="mb-1 font-mono text-zinc-200">{groupId}</p>
      {coordinator !== null && <p className="text-zinc-400">{t('coordinator', { broker: coordinator })}</p>}
      {(detail?.offsets ?? []).map((o) => (
        <p key={o.partition} className="text-zinc-300">
          <PartitionChip partition={o.partition} />{' '}
          {o.committed === null || o.logEnd === null || o.lag === null
            ? t('readUnknown', { read: o.committed ?? '—', end: o.logEnd ?? '—' })
            : t('readOf', { read: o.committed, end: o.logEnd, lag: o.lag })}
        </p>
      ))}
      {detail?.members.map((m) => (
        <p key={m.memberId} className="truncate font-mono text-zinc-400">
          {m.clientId} → {m.assignments.map((a) => `P${a.partition}`).join(' ') || t('idle')}
        </p>
      ))}
    </li>
  );
}

function KeysView({ outcome }: { outcome: Outcome }) {
  const t = useTranslations('learn.view');
  return (
    <p
      data-learn-highlight="true"
      data-testid="learn-keys"
      className={`rounded bg-zinc-950 p-2 text-sm text-zinc-200 ${ring(true)}`}
    >
      {t('keysLeft', { keys: String(outcome.keys ?? ''), before: outcome.before ?? 0, after: outcome.after ?? 0 })}
    </p>
  );
}

function ControllerView() {
  const t = useTranslations('learn.view');
  const controller = useLiveStore((s) => s.cluster?.controllerId ?? null);
  const brokers = useLiveStore(selectBrokers);
  return (
    <ul className="flex flex-wrap gap-2" data-testid="learn-brokers">
      {brokers.map((b) => {
        const on = b.id === controller;
        return (
          <li
            key={b.id}
            data-learn-highlight={on ? 'true' : undefined}
            className={`rounded border border-zinc-700 bg-zinc-950 px-2 py-1 text-xs text-zinc-200 ${ring(on)}`}
          >
            {t('broker', { id: b.id })} {on && <span className="text-amber-300">{t('controller')}</span>}
          </li>
        );
      })}
    </ul>
  );
}

/** The live view a step's effect shows in, once it ran. */
export function StepView({ step, names, outcome }: { step: StepDef; names: StepNames; outcome: Outcome }) {
  switch (step.id) {
    case 'controller':
      return <ControllerView />;
    case 'compaction':
      return <KeysView outcome={outcome} />;
    case 'keys':
      return <PartitionsView topic={names.topic ?? ''} highlight={(p) => String(p) === String(outcome.partition)} />;
    case 'leader':
      return <PartitionsView topic={names.topic ?? ''} highlight={(p) => p === 0} empty />;
    case 'retention':
      return <RetentionView topic={names.topic ?? ''} outcome={outcome} />;
    case 'spread':
      return <PartitionsView topic={names.topic ?? ''} highlight={() => true} />;
    case 'onePerPartition':
    case 'idle':
    case 'instances':
    case 'share':
      return <ConsumersView groupId={names.groups[0]} highlightIdle={step.id === 'idle'} />;
    case 'coordinator':
    case 'twoGroups':
    case 'reprocess':
      return (
        <ul className="grid gap-2 sm:grid-cols-2">
          {names.groups.map((g, i) => (
            <OffsetsRow key={g} groupId={g} highlight={step.id !== 'twoGroups' || i === 1} />
          ))}
        </ul>
      );
  }
}
