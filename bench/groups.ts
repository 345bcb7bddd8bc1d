import type { ChildProcess } from 'node:child_process';
import type { Page } from '@playwright/test';
import { io } from 'socket.io-client';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { loadEmbeddedSettings } from '@/server/config';
import { EmbeddedCluster } from '@/server/embedded/cluster';
import { createKafkaClients } from '@/server/kafka/client';
import { groupCoordinator } from '@/server/kafka/kafkajs-private';
import {
  BASE,
  cpuSeconds,
  launchBrowser,
  median,
  report,
  serverPid,
  sleep,
  startServer,
  stopServer,
  waitHealthy,
} from './support';

// npm run bench (second half): consumer-group figures on the real embedded cluster through the
// real `npm start`: a commit → the browser shows the new lag; a completed rebalance → the
// browser shows the generation; server CPU and socket traffic with 500 groups. Writes
// bench/results/groups.json.

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
const GROUPS = Number(process.env.BENCH_GROUPS ?? 500);
const cluster = new EmbeddedCluster(loadEmbeddedSettings(), () => undefined);
const kafka = new Kafka({ clientId: 'kafka-live-bench', brokers: cluster.bootstrap, logLevel: logLevel.NOTHING });
const rows: [string, string][] = [];
const suffix = Math.random().toString(16).slice(2, 8);

async function member(groupId: string, topic: string): Promise<{ consumer: Consumer; joinedAt: () => number }> {
  const consumer = kafka.consumer({
    groupId,
    sessionTimeout: 6000,
    heartbeatInterval: 300,
    maxWaitTimeInMs: 300,
    rebalanceTimeout: 5000,
  });
  let joinedAt = 0;
  consumer.on(consumer.events.GROUP_JOIN, () => (joinedAt = Date.now()));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ autoCommit: false, eachMessage: async () => undefined });
  return { consumer, joinedAt: () => joinedAt };
}

async function commitToBrowser(page: Page, topic: string): Promise<void> {
  const group = `bench-commit-${suffix}`;
  const { consumer } = await member(group, topic);
  await page.goto(`${BASE}/groups`);
  const lagCell = page.getByTestId(`group-lag-${group}`);
  await lagCell.waitFor({ timeout: 60_000 });
  const samples: number[] = [];
  for (let i = 1; i <= 20; i++) {
    await consumer.commitOffsets([{ topic, partition: 0, offset: String(i * 5) }]);
    const t0 = Date.now();
    // 100 messages per partition, commits only on partition 0 (the others have nothing
    // committed, so they add no lag): total lag = 100 - i*5 once it shows.
    const expected = String(100 - i * 5);
    await page.waitForFunction(
      ([id, text]) => document.querySelector(`[data-testid="group-lag-${id}"]`)?.textContent?.trim() === text,
      [group, expected] as const,
      { timeout: 10_000, polling: 'raf' },
    );
    samples.push(Date.now() - t0);
    await sleep(300);
  }
  rows.push([
    'commit → new lag in the browser (median of 20)',
    `${median(samples)} ms (max ${Math.max(...samples)} ms)`,
  ]);
  await consumer.disconnect();
}

async function rebalanceToBrowser(page: Page, topic: string): Promise<void> {
  const group = `bench-rebalance-${suffix}`;
  const first = await member(group, topic);
  await page.goto(`${BASE}/groups/${encodeURIComponent(group)}`);
  await page.getByTestId('rebalance-timeline').waitFor({ timeout: 60_000 });
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const before = await page.locator('[data-testid^="rebalance-gen-"]').count();
    const second = await member(group, topic);
    while (second.joinedAt() === 0) await sleep(5);
    const joined = second.joinedAt();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid^="rebalance-gen-"]').length > n, before, {
      timeout: 20_000,
      polling: 'raf',
    });
    samples.push(Date.now() - joined);
    await second.consumer.disconnect();
    await sleep(3000);
  }
  rows.push([
    'rebalance completed (member joined) → generation in the browser (median of 5)',
    `${median(samples)} ms (max ${Math.max(...samples)} ms)`,
  ]);
  await first.consumer.disconnect();
}

// A "simple" commit (generation -1, no member id): what a client without group management
// sends. Kafka keeps the offsets under a group with no members.
const committer = createKafkaClients(
  { brokers: cluster.bootstrap, clientId: 'kafka-live-bench', ssl: null, sasl: null },
  cluster.bootstrap,
).pollConnections;

async function commit(
  groupId: string,
  topic: string,
  partitions: { partition: number; offset: number }[],
): Promise<void> {
  const coordinator = await groupCoordinator(committer, groupId);
  await coordinator.offsetCommit({
    groupId,
    groupGenerationId: -1,
    memberId: '',
    topics: [{ topic, partitions: partitions.map((p) => ({ partition: p.partition, offset: String(p.offset) })) }],
  });
}

async function manyGroups(topic: string, pid: number): Promise<void> {
  // Groups with committed offsets and no members (one OffsetCommit each, generation -1), then
  // steady traffic: 100 messages/s produced and 50 groups committing per second, so every
  // group's lag moves each round.
  await committer.connect();
  const admin = kafka.admin();
  await admin.connect();
  const ids = Array.from({ length: GROUPS }, (_, i) => `bench-many-${suffix}-${String(i).padStart(3, '0')}`);
  for (let i = 0; i < ids.length; i += 50) {
    await Promise.all(
      ids.slice(i, i + 50).map((groupId) =>
        commit(
          groupId,
          topic,
          [0, 1, 2].map((partition) => ({ partition, offset: 0 })),
        ),
      ),
    );
  }
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const list = (await (await fetch(`${BASE}/api/groups`)).json()) as { groupId: string }[];
    if (list.filter((g) => g.groupId.startsWith(`bench-many-${suffix}`)).length === GROUPS) break;
    await sleep(500);
  }
  const producer = kafka.producer();
  await producer.connect();
  let running = true;
  let offset = 0;
  const traffic = (async () => {
    while (running) {
      await producer.send({
        topic,
        messages: Array.from({ length: 100 }, (_, i) => ({ value: `m${i}`, partition: i % 3 })),
      });
      offset += 10;
      const batch = ids.slice(((offset / 10) % 10) * 50, ((offset / 10) % 10) * 50 + 50);
      await Promise.all(
        batch.map((groupId) => commit(groupId, topic, [{ partition: 0, offset }]).catch(() => undefined)),
      );
      await sleep(1000);
    }
  })();
  const socket = io(BASE, { transports: ['websocket'], forceNew: true });
  let messages = 0;
  let bytes = 0;
  socket.onAny((_event: string, payload: unknown) => {
    messages++;
    bytes += JSON.stringify(payload).length;
  });
  await sleep(5000);
  messages = 0;
  bytes = 0;
  const cpu0 = cpuSeconds(pid);
  const t0 = Date.now();
  await sleep(30_000);
  const secs = (Date.now() - t0) / 1000;
  const cpu = ((cpuSeconds(pid) - cpu0) / secs) * 100;
  running = false;
  await traffic;
  socket.close();
  rows.push([`server CPU with ${GROUPS} groups, lag moving every round (30 s)`, `${cpu.toFixed(1)} % of one core`]);
  rows.push([
    `socket messages to one client with ${GROUPS} groups`,
    `${(messages / secs).toFixed(1)} /s, ${(bytes / secs / 1024).toFixed(1)} KiB/s`,
  ]);
  await producer.disconnect();
  await Promise.all(ids.map((groupId) => admin.deleteGroups([groupId]).catch(() => undefined)));
  await admin.disconnect();
  await committer.disconnect();
}

async function main(): Promise<void> {
  await cluster.ensureRunning();
  const topic = `bench.groups-${suffix}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 3 }], waitForLeaders: false });
  await sleep(2000);
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({
    topic,
    messages: Array.from({ length: 300 }, (_, i) => ({ value: `order-${i}`, partition: i % 3 })),
  });
  await producer.disconnect();

  const child: ChildProcess = startServer();
  try {
    await waitHealthy();
    const browser = await launchBrowser();
    const page = await browser.newPage();
    await commitToBrowser(page, topic);
    await rebalanceToBrowser(page, topic);
    await browser.close();
    const pid = serverPid(child.pid);
    if (!pid) throw new Error('server process not found');
    await manyGroups(topic, pid);
  } finally {
    await stopServer(child);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }

  report('groups', 'consumer groups', rows);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
