// One colour per partition number, the same on every screen, so a person can follow where
// messages land from the produce panel to the tail.
const COLORS = ['bg-sky-600', 'bg-emerald-600', 'bg-amber-600', 'bg-fuchsia-600', 'bg-rose-600', 'bg-teal-600', 'bg-indigo-600', 'bg-lime-700'];

export const partitionColor = (partition: number): string => COLORS[partition % COLORS.length];

export function PartitionChip({ partition, testId }: { partition: number; testId?: string }) {
  return (
    <span data-testid={testId} className={`inline-grid min-w-6 place-items-center rounded px-1 font-mono text-[11px] font-semibold text-white ${partitionColor(partition)}`}>
      P{partition}
    </span>
  );
}
