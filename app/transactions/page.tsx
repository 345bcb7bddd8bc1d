import { TransactionsScreen } from '@/components/transactions/transactions-screen';

export default function TransactionsPage() {
  return <TransactionsScreen />;
}
