import type { GroupMember } from '@/lib/contract/groups';
import { reconciliation, taskNames } from '@/lib/member-protocol';
import { Badge } from '@/components/ui/badge';

// The new protocols' view of one member: its epoch, whether it is a classic client inside a
// consumer group (a mixed group), the partitions it is still giving up or receiving on its way
// to the coordinator's target (KIP-848 moves partitions one member at a time), and a streams
// member's process and tasks.

const list = (tps: { topic: string; partition: number }[]) => tps.map((tp) => `${tp.topic}/${tp.partition}`).join(', ');

export function MemberProtocol({ member }: { member: GroupMember }) {
  const e = member.epochs;
  if (!e) return null;
  const moving = reconciliation(member);
  const streams = e.streams;
  return (
    <div className="mt-2 space-y-1 text-xs text-zinc-400" data-testid={`member-protocol-${member.memberId}`}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-mono">member epoch {e.memberEpoch}</span>
        {e.usesClassicProtocol && (
          <Badge tone="warn" testId="classic-member" title="a classic-protocol client in a consumer group">
            classic member (mixed group)
          </Badge>
        )}
        {e.subscribedTopicRegex && <span className="font-mono">subscribed to /{e.subscribedTopicRegex}/</span>}
      </div>
      {moving && (moving.revoking.length > 0 || moving.assigning.length > 0) && (
        <p className="text-amber-300" data-testid="member-reconciling">
          Reconciling towards its target:
          {moving.revoking.length > 0 && <> giving up {list(moving.revoking)}</>}
          {moving.revoking.length > 0 && moving.assigning.length > 0 && ';'}
          {moving.assigning.length > 0 && <> receiving {list(moving.assigning)}</>}
        </p>
      )}
      {streams && (
        <p data-testid="member-streams-tasks">
          process <span className="font-mono">{streams.processId.slice(0, 8)}</span> · active{' '}
          <span className="font-mono text-zinc-200">{taskNames(streams.active).join(' ') || 'none'}</span>
          {streams.standby.length > 0 && <> · standby {taskNames(streams.standby).join(' ')}</>}
          {streams.warmup.length > 0 && <> · warm-up {taskNames(streams.warmup).join(' ')}</>}
        </p>
      )}
    </div>
  );
}
