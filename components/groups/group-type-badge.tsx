import type { GroupType } from '@/lib/contract/groups';
import { Badge } from '@/components/ui/badge';

const TITLE: Record<GroupType, string> = {
  classic: 'Classic group protocol: members rejoin and sync at each rebalance.',
  consumer: 'KIP-848 consumer group: the coordinator assigns, members reconcile partition by partition.',
  share: 'KIP-932 share group: several members may read the same partition, acknowledging records one by one.',
  streams: 'KIP-1071 Kafka Streams group.',
};

export function GroupTypeBadge({ type, testId }: { type: GroupType; testId?: string }) {
  return (
    <Badge tone="neutral" testId={testId} title={TITLE[type]}>
      {type}
    </Badge>
  );
}
