import type { LabInstance, LabInstanceStatus } from '@/lib/contract/actions';

// Instance naming and which instances the list keeps, apart from the processes so they can be
// tested alone.

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A, B, ... Z, then A2 ... Z2, A3 ...: the first name nobody in the list has. A letter comes
 *  back only once its old instance left the list, so a badge never means two instances. */
export function nextInstanceName(taken: ReadonlySet<string>): string {
  for (let round = 1; ; round++) {
    for (const letter of LETTERS) {
      const name = round === 1 ? letter : `${letter}${round}`;
      if (!taken.has(name)) return name;
    }
  }
}

const ENDED: ReadonlySet<LabInstanceStatus> = new Set(['stopped', 'killed', 'crashed']);

export const isEnded = (i: Pick<LabInstance, 'status'>) => ENDED.has(i.status);

/** Names of ended instances past `cap`, oldest first: the ones to drop from the list. */
export function endedToDrop(instances: readonly LabInstance[], cap: number): string[] {
  const ended = instances.filter(isEnded).sort((a, b) => (a.endedAt ?? 0) - (b.endedAt ?? 0));
  return ended.slice(0, Math.max(0, ended.length - cap)).map((i) => i.name);
}
