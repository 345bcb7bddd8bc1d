import { LabScreen } from '@/components/lab/lab-screen';

export default async function LabPage({ searchParams }: { searchParams: Promise<{ topic?: string | string[] }> }) {
  const { topic } = await searchParams;
  return <LabScreen initialTopic={typeof topic === 'string' ? topic : undefined} />;
}
