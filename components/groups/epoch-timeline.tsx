'use client';

import { useTranslations } from 'use-intl';
import type { EpochTimelineView, TimelineEvent, TimelinePartition } from '@/lib/contract/epoch-timeline';
import { TIMELINE_EVENTS_CAP, TIMELINE_MOVES_CAP } from '@/lib/contract/epoch-timeline';
import { useFormat } from '@/components/ui/format';

// The rebalance timeline of a consumer (KIP-848), share or streams group, from its records in
// __consumer_offsets: per-partition moves with how long each was without an owner, and every
// epoch step. The classic timeline (./rebalance-timeline.tsx) shows generations instead.

const tp = (p: TimelinePartition) => `${p.topic}-${p.partition}`;
const list = (ps: TimelinePartition[]) => ps.map(tp).join(', ');
const short = (id: string | null) => (id === null ? '?' : id.length > 12 ? `${id.slice(0, 12)}…` : id);

function Step({ e }: { e: TimelineEvent }) {
  const t = useTranslations('groups.epochTimeline');
  switch (e.kind) {
    case 'group-epoch':
      return <span className="font-semibold text-zinc-100">{t('groupEpoch', { epoch: e.epoch })}</span>;
    case 'target-assignment':
      return <span className="text-sky-300">{t('targetAssignment', { epoch: e.epoch })}</span>;
    case 'member-joined':
      return <span className="text-emerald-400">{t('memberJoined', { client: e.clientId ?? short(e.memberId) })}</span>;
    case 'member-left':
      return <span className="text-rose-400">{t('memberLeft', { client: e.clientId ?? short(e.memberId) })}</span>;
    case 'group-deleted':
      return <span className="text-rose-400">{t('groupDeleted')}</span>;
    case 'member-epoch':
      return (
        <span className="flex flex-wrap gap-x-2">
          <span>{t('memberEpoch', { client: e.clientId ?? short(e.memberId), epoch: e.epoch })}</span>
          {e.revoking.length > 0 && (
            <span className="text-amber-300">{t('revoking', { partitions: list(e.revoking) })}</span>
          )}
          {e.revoked.length > 0 && (
            <span className="text-rose-300">{t('revoked', { partitions: list(e.revoked) })}</span>
          )}
          {e.received.length > 0 && (
            <span className="text-emerald-300">{t('received', { partitions: list(e.received) })}</span>
          )}
        </span>
      );
  }
}

export function EpochTimeline({ timeline }: { timeline: EpochTimelineView | null }) {
  const t = useTranslations('groups.epochTimeline');
  const fmt = useFormat();
  if (timeline === null || timeline.events.length === 0)
    return (
      <p className="text-sm text-zinc-400" data-testid="epoch-timeline">
        {t('none')}
      </p>
    );
  return (
    <div className="space-y-3 text-xs break-words" data-testid="epoch-timeline">
      <p className="text-zinc-400">{t('note')}</p>
      <p className="font-mono text-zinc-300" data-testid="timeline-epochs">
        {t('epochs', { group: timeline.groupEpoch ?? '–', assignment: timeline.assignmentEpoch ?? '–' })}
      </p>
      {timeline.groupEpoch !== null &&
        timeline.assignmentEpoch !== null &&
        timeline.assignmentEpoch < timeline.groupEpoch && (
          <p className="text-amber-300" data-testid="timeline-assignment-pending">
            {t('assignmentPending', { group: timeline.groupEpoch, assignment: timeline.assignmentEpoch })}
          </p>
        )}
      {timeline.ownerless.map((p) => (
        <p key={tp(p)} className="text-amber-300" data-testid="timeline-ownerless">
          {t('ownerlessNow', { partition: tp(p), since: fmt.time(p.since) })}
        </p>
      ))}
      <section>
        <h3 className="mb-1 font-semibold text-zinc-200">{t('moves')}</h3>
        {timeline.moves.length === 0 ? (
          <p className="text-zinc-400">{t('noMoves')}</p>
        ) : (
          <ul className="space-y-0.5 text-zinc-300">
            {timeline.moves.map((m) => (
              <li key={`${tp(m)}@${m.receivedAt}`} data-testid="timeline-move" title={`${m.from ?? ''} → ${m.to}`}>
                <span className="text-zinc-400">{fmt.time(m.receivedAt)} </span>
                {m.ownerlessMs === null
                  ? t('firstAssigned', { partition: tp(m), to: m.toClientId ?? short(m.to) })
                  : t('moved', {
                      partition: tp(m),
                      from: m.fromClientId ?? short(m.from),
                      to: m.toClientId ?? short(m.to),
                      duration: fmt.span(m.ownerlessMs),
                    })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h3 className="mb-1 font-semibold text-zinc-200">{t('steps')}</h3>
        <ol className="space-y-0.5 text-zinc-300">
          {timeline.events.map((e, i) => (
            <li key={`${e.at}-${i}`} className="flex gap-2" data-testid={`timeline-step-${e.kind}`}>
              <span className="shrink-0 text-zinc-400">{fmt.time(e.at)}</span>
              <Step e={e} />
            </li>
          ))}
        </ol>
      </section>
      <p className="text-[11px] text-zinc-400">
        {t('kept', { steps: TIMELINE_EVENTS_CAP, moves: TIMELINE_MOVES_CAP })}
      </p>
    </div>
  );
}
