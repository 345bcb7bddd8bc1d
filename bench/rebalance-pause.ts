import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { Kafka, logLevel } from 'kafkajs';
import type { GroupDetail } from '@/lib/contract/groups';
import { startDashboard, type Dashboard } from '@/server/app';
import { loadConfig } from '@/server/config';
import { EmbeddedCluster } from '@/server/embedded/cluster';
import { kafkaToolJvmArgs } from '@/server/embedded/tools';
import { report, sleep } from './support';

// npm run bench (rebalance pause): the classic protocol's stop-the-world pause versus the
// consumer protocol's (KIP-848) per-partition moves, on one topic under steady produce, with the
// same client (Kafka's own Java ConsoleConsumer, group.protocol=classic or consumer) going
// through the same steps: two members, a third joins, then it leaves. Measured from the records
// consumed: per partition, the longest gap between two consumed records around each change, and
// the longest time in which no partition at all was consumed. The dashboard's side: the
// ownerless times its epoch timeline shows for the consumer-protocol group. Writes
// bench/results/rebalance-pause.json.

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
const PARTITIONS = 3;
const PRODUCE_EVERY_MS = 20;
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 20_000);
const CHANGE_WINDOW_MS = Number(process.env.BENCH_CHANGE_MS ?? 20_000);
const config = loadConfig();
const cluster = new EmbeddedCluster(config.embedded, () => undefined);
const kafka = new Kafka({ clientId: 'kafka-live-bench', brokers: cluster.bootstrap, logLevel: logLevel.NOTHING });
const suffix = Math.random().toString(16).slice(2, 8);
const topic = `bench-pause-${suffix}`;

type Protocol = 'classic' | 'consumer';
/** When our process read each consumed record, per partition (ConsoleConsumer flushes per record). */
type Arrivals = number[][];

interface Member {
  child: ChildProcess;
  stop(): Promise<void>;
}

function startMember(protocol: Protocol, group: string, clientId: string, arrivals: Arrivals): Member {
  const child = spawn(
    'java',
    [
      ...kafkaToolJvmArgs(cluster.layout),
      'org.apache.kafka.tools.consumer.ConsoleConsumer',
      '--bootstrap-server',
      cluster.bootstrap.join(','),
      '--topic',
      topic,
      '--group',
      group,
      '--formatter-property',
      'print.partition=true',
      '--consumer-property',
      `group.protocol=${protocol}`,
      '--consumer-property',
      `client.id=${clientId}`,
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    const m = /^Partition:(\d+)/.exec(line);
    if (m) arrivals[Number(m[1])]?.push(Date.now());
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM'); // closes the consumer: it leaves the group
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Longest gap between consecutive times in [from, to], counting from the last time before `from`. */
function longestGap(times: number[], from: number, to: number): number {
  const inside = times.filter((t) => t <= to);
  const start = inside.findLastIndex((t) => t < from);
  let gap = 0;
  for (let i = Math.max(1, start); i < inside.length; i++) gap = Math.max(gap, inside[i]! - inside[i - 1]!);
  // Nothing at all since the change: the partition is still waiting.
  if (inside.length > 0 && inside.at(-1)! < to) gap = Math.max(gap, to - Math.max(from, inside.at(-1)!));
  return gap;
}

interface Figures {
  perPartitionMs: number[];
  noPartitionMs: number;
}

function figures(arrivals: Arrivals, from: number, to: number): Figures {
  const all = arrivals.flat().sort((a, b) => a - b);
  return {
    perPartitionMs: arrivals.map((times) => longestGap(times, from, to)),
    noPartitionMs: longestGap(all, from, to),
  };
}

async function run(protocol: Protocol, dashboard: Dashboard) {
  const group = `bench-pause-${protocol}-${suffix}`;
  const arrivals: Arrivals = Array.from({ length: PARTITIONS }, () => []);
  const members = [
    startMember(protocol, group, `${protocol}-0`, arrivals),
    startMember(protocol, group, `${protocol}-1`, arrivals),
  ];
  await sleep(SETTLE_MS);
  const joinAt = Date.now();
  const third = startMember(protocol, group, `${protocol}-2`, arrivals);
  await sleep(CHANGE_WINDOW_MS);
  const leaveAt = Date.now();
  await third.stop();
  await sleep(CHANGE_WINDOW_MS);
  const endAt = Date.now();
  const detail = (await (
    await fetch(`${dashboard.url}/api/groups/${encodeURIComponent(group)}`)
  ).json()) as GroupDetail;
  await Promise.all(members.map((m) => m.stop()));
  const ownerless = (from: number, to: number) =>
    (detail.timeline?.moves ?? [])
      .filter((m) => m.ownerlessMs !== null && m.receivedAt >= from && m.receivedAt < to)
      .map((m) => `${m.partition}: ${m.ownerlessMs} ms`);
  return {
    join: figures(arrivals, joinAt, leaveAt),
    leave: figures(arrivals, leaveAt, endAt),
    timelineJoin: ownerless(joinAt, leaveAt),
    timelineLeave: ownerless(leaveAt, endAt),
    consumed: arrivals.map((a) => a.length),
  };
}

async function main(): Promise<void> {
  await cluster.ensureRunning();
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: 3 }],
    waitForLeaders: true,
  });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  let producing = true;
  const produceLoop = (async () => {
    for (let i = 0; producing; i++) {
      await producer
        .send({ topic, messages: [{ partition: i % PARTITIONS, value: String(i) }] })
        .catch(() => undefined);
      await sleep(PRODUCE_EVERY_MS / PARTITIONS);
    }
  })();
  const dashboard = await startDashboard({
    config: loadConfig({ ...process.env, PORT: '0', POLL_INTERVAL_MS: '500' }),
    log: () => undefined,
  });
  const rows: [string, string][] = [
    [
      'setup',
      `${PARTITIONS} partitions, one record every ${PRODUCE_EVERY_MS} ms per partition, Java ConsoleConsumer members`,
    ],
  ];
  try {
    for (const protocol of ['classic', 'consumer'] as const) {
      const r = await run(protocol, dashboard);
      const ms = (f: Figures) =>
        `no partition consumed for ${f.noPartitionMs} ms; per partition ${f.perPartitionMs.join(' / ')} ms`;
      rows.push([`${protocol}: third member joins`, ms(r.join)]);
      rows.push([`${protocol}: third member leaves`, ms(r.leave)]);
      rows.push([`${protocol}: records consumed per partition`, r.consumed.join(' / ')]);
      if (protocol === 'consumer') {
        rows.push(['consumer: dashboard ownerless, join', r.timelineJoin.join(', ') || 'none']);
        rows.push(['consumer: dashboard ownerless, leave', r.timelineLeave.join(', ') || 'none']);
      }
    }
  } finally {
    producing = false;
    await produceLoop;
    await producer.disconnect();
    await dashboard.close();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
  report('rebalance-pause', 'Rebalance pause: classic versus consumer protocol', rows);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
