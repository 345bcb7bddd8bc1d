import { LabScreen } from '@/components/lab/lab-screen';

export default function LabPage() {
  return <LabScreen />;
}
