'use client';

import { useTranslations } from 'use-intl';
import type { GroupDetail } from '@/lib/contract/groups';
import { idleReason, unassignedReason } from '@/lib/group-derive';
import { labInstanceOf, type SilentMember } from '@/lib/lab-derive';
import { useLiveStore } from '@/lib/store';
import { Badge } from '@/components/ui/badge';
import { partitionKey } from '@/lib/contract/cluster';
import { MemberProtocol } from './member-protocol';
import { useGroupWords } from './use-group-words';

function Tile({
  label,
  color,
  testId,
  member,
  title,
}: {
  label: string;
  color: string | null;
  testId: string;
  member?: string;
  title?: string;
}) {
  return (
    <span
      data-testid={testId}
      data-member={member}
      title={title}
      className={`inline-flex h-8 min-w-14 items-center justify-center rounded px-2 font-mono text-[11px] font-semibold ${color ? 'text-zinc-950' : 'border border-dashed border-zinc-600 text-zinc-400'}`}
      style={color ? { backgroundColor: color } : undefined}
    >
      {label}
    </span>
  );
}

const short = (topic: string, multi: boolean) => (multi ? `${topic}-` : 'P');

/** One card per member with its partitions as tiles in the member's colour; idle members
 *  and partitions without an owner are marked, each with the reason. */
/** A member whose process is gone: counted down to the coordinator dropping it, from its last
 *  heartbeat (the coordinator's clock starts there, not at the kill or when the page opened). */
function NotHeard({ silent, now, timeoutMs }: { silent: SilentMember; now: number; timeoutMs: number }) {
  const t = useTranslations('groups.members');
  const since = silent.lastHeardAt ?? silent.deadline - timeoutMs;
  return (
    <p
      className="mt-2 text-xs text-rose-300"
      data-testid={`silent-countdown-${silent.memberId}`}
      data-seconds-left={silent.secondsLeft}
      data-deadline={silent.deadline}
    >
      {silent.secondsLeft > 0
        ? t('dropIn', {
            silence: Math.max(0, Math.floor((now - since) / 1000)),
            seconds: silent.secondsLeft,
            timeout: Math.round(timeoutMs / 1000),
          })
        : t('dropDue')}
    </p>
  );
}

export function MemberCards({
  detail,
  colors,
  silent,
  now,
}: {
  detail: GroupDetail;
  colors: Map<string, string>;
  silent: ReadonlyMap<string, SilentMember>;
  now: number;
}) {
  const multiTopic = detail.topics.length > 1;
  const unassigned = detail.offsets.filter((o) => o.memberId === null);
  const lab = useLiveStore((s) => s.labInstances);
  const t = useTranslations('groups.members');
  const words = useGroupWords();
  const unassignedWhy = unassigned[0] ? unassignedReason(detail, unassigned[0]) : null;
  const unassignedText = unassignedWhy ? words.unassigned(unassignedWhy) : null;
  return (
    <div className="space-y-3">
      <div className="grid gap-3 md:grid-cols-2 2xl:grid-cols-3">
        {detail.members.map((m) => {
          const quiet = silent.get(m.memberId);
          const reason = quiet ? null : idleReason(detail, m);
          const color = colors.get(m.memberId) ?? '#71717a';
          const instance = labInstanceOf(detail.groupId, m, lab);
          return (
            <div
              key={m.memberId}
              data-testid={`member-${m.memberId}`}
              data-member-card
              data-idle={reason ? 'true' : 'false'}
              data-silent={quiet ? 'true' : 'false'}
              className="rounded-lg border border-zinc-800 bg-zinc-950/60 p-3"
              style={{ borderLeft: `4px solid ${color}` }}
            >
              <div className="flex items-center gap-2">
                <span className="font-mono text-sm font-semibold text-zinc-100">{m.clientId}</span>
                {instance && (
                  <Badge
                    tone="accent"
                    testId={`instance-badge-${instance.name}`}
                    title={`a consumer of lab instance ${instance.name} (pid ${instance.pid ?? '—'}, ${instance.status})`}
                  >
                    {t('instance', { name: instance.name })}
                  </Badge>
                )}
                {quiet && (
                  <Badge tone="bad" testId={`silent-badge-${m.memberId}`}>
                    {t('notHeard')}
                  </Badge>
                )}
                {reason && <Badge tone="warn">{t('idle')}</Badge>}
                {m.groupInstanceId && (
                  <Badge tone="info" title={t('staticMember')}>
                    {m.groupInstanceId}
                  </Badge>
                )}
                <span className="ml-auto text-xs text-zinc-400">{m.host}</span>
              </div>
              <div className="mt-0.5 truncate font-mono text-[10px] text-zinc-400" title={m.memberId}>
                {m.memberId}
              </div>
              <div className="mt-2 flex flex-wrap gap-1.5">
                {m.assignments.map((tp) => (
                  <Tile
                    key={partitionKey(tp.topic, tp.partition)}
                    label={`${short(tp.topic, multiTopic)}${tp.partition}`}
                    color={color}
                    member={m.memberId}
                    testId={`assignment-tile-${tp.topic}-${tp.partition}`}
                    title={t('partitionTitle', { topic: tp.topic, partition: tp.partition })}
                  />
                ))}
              </div>
              <MemberProtocol member={m} />
              {reason && <p className="mt-2 text-xs text-amber-300/90">{words.idle(reason)}</p>}
              {quiet && instance && <NotHeard silent={quiet} now={now} timeoutMs={instance.sessionTimeoutMs} />}
            </div>
          );
        })}
      </div>
      {detail.members.length === 0 && <p className="text-sm text-zinc-400">{t('none')}</p>}
      {unassigned.length > 0 && (
        <div className="rounded-lg border border-dashed border-zinc-700 p-3" data-testid="unassigned-partitions">
          <div className="text-xs font-medium text-zinc-400">{t('withoutOwner')}</div>
          <div className="mt-2 flex flex-wrap gap-1.5">
            {unassigned.map((o) => (
              <Tile
                key={partitionKey(o.topic, o.partition)}
                label={`${short(o.topic, multiTopic)}${o.partition}`}
                color={null}
                testId={`unassigned-tile-${o.topic}-${o.partition}`}
                title={t('partitionTitle', { topic: o.topic, partition: o.partition })}
              />
            ))}
          </div>
          <p className="mt-2 text-xs text-zinc-400">{unassignedText}</p>
        </div>
      )}
    </div>
  );
}
