import { useDuration } from '@/components/ui/use-duration';

/** An age as people read one ("42 s", "3 min 5 s", "2 h 10 min"), in the UI's language; "—" when
 *  not known. */
export function useAge(): (ms: number | null) => string {
  const duration = useDuration();
  return (ms) => (ms === null ? '—' : duration(Math.floor(ms / 1000) * 1000));
}
