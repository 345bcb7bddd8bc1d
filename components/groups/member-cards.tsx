'use client';

import type { GroupDetail } from '@/lib/contract/groups';
import { idleReason, unassignedReason } from '@/lib/group-derive';
import { labInstanceOf } from '@/lib/lab-derive';
import { useLiveStore } from '@/lib/store';
import { Badge } from '@/components/ui/badge';

function Tile({ label, color, testId, member, title }: { label: string; color: string | null; testId: string; member?: string; title?: string }) {
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
export function MemberCards({ detail, colors }: { detail: GroupDetail; colors: Map<string, string> }) {
  const multiTopic = detail.topics.length > 1;
  const unassigned = detail.offsets.filter((o) => o.memberId === null);
  const lab = useLiveStore((s) => s.labInstances);
  return (
    <div className="space-y-3">
      <div className="grid gap-3 md:grid-cols-2 2xl:grid-cols-3">
        {detail.members.map((m) => {
          const reason = idleReason(detail, m);
          const color = colors.get(m.memberId) ?? '#71717a';
          const instance = labInstanceOf(detail.groupId, m, lab);
          return (
            <div key={m.memberId} data-testid={`member-${m.memberId}`} data-idle={reason ? 'true' : 'false'} className="rounded-lg border border-zinc-800 bg-zinc-950/60 p-3" style={{ borderLeft: `4px solid ${color}` }}>
              <div className="flex items-center gap-2">
                <span className="font-mono text-sm font-semibold text-zinc-100">{m.clientId}</span>
                {instance && (
                  <Badge tone="accent" testId={`instance-badge-${instance.name}`} title={`a consumer of lab instance ${instance.name} (pid ${instance.pid ?? '—'}, ${instance.status})`}>
                    instance {instance.name}
                  </Badge>
                )}
                {reason && <Badge tone="warn">idle</Badge>}
                {m.groupInstanceId && (
                  <Badge tone="info" title="static member: group.instance.id">
                    {m.groupInstanceId}
                  </Badge>
                )}
                <span className="ml-auto text-xs text-zinc-500">{m.host}</span>
              </div>
              <div className="mt-0.5 truncate font-mono text-[10px] text-zinc-600" title={m.memberId}>
                {m.memberId}
              </div>
              <div className="mt-2 flex flex-wrap gap-1.5">
                {m.assignments.map((tp) => (
                  <Tile key={`${tp.topic}:${tp.partition}`} label={`${short(tp.topic, multiTopic)}${tp.partition}`} color={color} member={m.memberId} testId={`assignment-tile-${tp.topic}-${tp.partition}`} title={`${tp.topic} partition ${tp.partition}`} />
                ))}
              </div>
              {reason && <p className="mt-2 text-xs text-amber-300/90">{reason}</p>}
            </div>
          );
        })}
      </div>
      {detail.members.length === 0 && <p className="text-sm text-zinc-500">No members right now. Committed offsets stay; the next member to join starts from them.</p>}
      {unassigned.length > 0 && (
        <div className="rounded-lg border border-dashed border-zinc-700 p-3" data-testid="unassigned-partitions">
          <div className="text-xs font-medium text-zinc-400">Without an owner</div>
          <div className="mt-2 flex flex-wrap gap-1.5">
            {unassigned.map((o) => (
              <Tile key={`${o.topic}:${o.partition}`} label={`${short(o.topic, multiTopic)}${o.partition}`} color={null} testId={`unassigned-tile-${o.topic}-${o.partition}`} title={`${o.topic} partition ${o.partition}`} />
            ))}
          </div>
          <p className="mt-2 text-xs text-zinc-500">{unassignedReason(detail, unassigned[0])}</p>
        </div>
      )}
    </div>
  );
}
