import { GroupsScreen } from '@/components/groups/groups-screen';

export default function GroupsPage() {
  return <GroupsScreen />;
}
