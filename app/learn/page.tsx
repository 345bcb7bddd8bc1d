import { LearnScreen } from '@/components/learn/learn-screen';

export default function LearnPage() {
  return <LearnScreen />;
}
