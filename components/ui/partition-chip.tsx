// One colour per partition number, the same on every screen, so a person can follow where
// messages land from the produce panel to the tail.
// Dark enough for white 11px text (WCAG AA, 4.5:1 and more).
const COLORS = [
  'bg-sky-700',
  'bg-emerald-700',
  'bg-amber-700',
  'bg-fuchsia-700',
  'bg-rose-700',
  'bg-teal-700',
  'bg-indigo-600',
  'bg-lime-800',
];

export const partitionColor = (partition: number): string => COLORS[partition % COLORS.length];

export function PartitionChip({ partition, testId }: { partition: number; testId?: string }) {
  return (
    <span
      data-testid={testId}
      className={`inline-grid min-w-6 place-items-center rounded px-1 font-mono text-[11px] font-semibold text-white ${partitionColor(partition)}`}
    >
      P{partition}
    </span>
  );
}
