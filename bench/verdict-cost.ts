import type { PartitionLag } from '@/lib/contract/groups';
import { evaluateGroup } from '@/lib/lag/verdict';
import { DEFAULT_VERDICT_CONFIG } from '@/lib/lag/verdict-config';
import { VerdictHistory } from '@/server/lag/verdict-history';

// npx tsx bench/verdict-cost.ts: what judging costs per poll round at 500 busy groups (every
// partition committing and its log end moving every round, the worst case for the sample
// history), without Kafka: CPU ms per round of record + evaluate, and the heap the samples hold.

const GROUPS = Number(process.env.BENCH_GROUPS ?? 500);
const PARTITIONS = Number(process.env.BENCH_PARTITIONS ?? 10);
const ROUNDS = 300;

const history = new VerdictHistory(DEFAULT_VERDICT_CONFIG.windowMs);
const rows = (g: number, round: number): PartitionLag[] =>
  Array.from({ length: PARTITIONS }, (_, p) => {
    const end = round * 100 + g + p;
    const committed = end - 20 - (round % 7);
    return {
      topic: `t${g}`,
      partition: p,
      committed,
      logEnd: end,
      logStart: 0,
      lag: end - committed,
      lagUnknown: null,
      lagAtLeast: null,
      expiredUnread: 0,
      memberId: 'm',
      committedAt: round * 1_000 - 300,
      lagAge: { seconds: null, estimate: false, reason: 'lag-unknown' } as const,
    };
  });

const heapBefore = process.memoryUsage().heapUsed;
const perRound: number[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  const at = round * 1_000;
  const cpu0 = process.cpuUsage();
  for (let g = 0; g < GROUPS; g++) {
    const r = rows(g, round);
    history.record(`g${g}`, r, at);
    evaluateGroup({ members: 1, partitions: history.inputs(`g${g}`, r) }, at, DEFAULT_VERDICT_CONFIG);
  }
  const cpu = process.cpuUsage(cpu0);
  perRound.push((cpu.user + cpu.system) / 1000);
}
global.gc?.();
const sorted = perRound.slice(ROUNDS / 2).sort((a, b) => a - b);
console.log(
  JSON.stringify({
    groups: GROUPS,
    partitions: GROUPS * PARTITIONS,
    samplesHeld: history.size,
    roundMsMedian: Math.round(sorted[sorted.length >> 1]),
    roundMsP95: Math.round(sorted[Math.floor(sorted.length * 0.95)]),
    heapGrowthMb: Math.round((process.memoryUsage().heapUsed - heapBefore) / 1e6),
  }),
);
