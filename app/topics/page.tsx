import { TopicsScreen } from '@/components/topics/topics-screen';

export default function TopicsPage() {
  return <TopicsScreen />;
}
