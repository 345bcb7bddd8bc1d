import { GroupDetailScreen } from '@/components/groups/group-detail-screen';

export default async function GroupPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <GroupDetailScreen groupId={decodeURIComponent(id)} />;
}
