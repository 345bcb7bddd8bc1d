import { TopicDetailScreen } from '@/components/topics/topic-detail-screen';

export default async function TopicPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  return <TopicDetailScreen name={decodeURIComponent(name)} />;
}
