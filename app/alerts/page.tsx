import { AlertsScreen } from '@/components/alerts/alerts-screen';

export default function AlertsPage() {
  return <AlertsScreen />;
}
