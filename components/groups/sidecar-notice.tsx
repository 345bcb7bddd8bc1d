import type { SidecarState } from '@/lib/contract/groups';

/** Group data is complete only once __consumer_offsets has been read to its end. */
export function SidecarNotice({ sidecar }: { sidecar: SidecarState | null }) {
  if (!sidecar || sidecar.status === 'live') return null;
  const text =
    sidecar.status === 'unavailable'
      ? `Cannot read __consumer_offsets: ${sidecar.lastError ?? 'Kafka is not answering'}. Groups show their last known state.`
      : `Reading __consumer_offsets (${sidecar.recordsRead.toLocaleString('en-US')} records so far): generations and commits from before now are still arriving.`;
  return (
    <p data-testid="sidecar-notice" data-status={sidecar.status} className={`rounded border px-3 py-2 text-xs ${sidecar.status === 'unavailable' ? 'border-rose-900 bg-rose-950/40 text-rose-300' : 'border-amber-900 bg-amber-950/30 text-amber-300'}`}>
      {text}
    </p>
  );
}
