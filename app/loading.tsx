import { LoadingText } from '@/components/shell/not-found-content';

export default function Loading() {
  return <LoadingText />;
}
