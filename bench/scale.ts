import { execFile, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { Kafka, logLevel, type Admin, type Consumer, type Producer } from 'kafkajs';
import { io, type Socket } from 'socket.io-client';
import { RATE_WINDOW_MS } from '@/lib/contract/groups';
import { loadEmbeddedSettings } from '@/server/config';
import { EmbeddedCluster } from '@/server/embedded/cluster';
import { createKafkaClients } from '@/server/kafka/client';
import {
  BASE,
  cpuSeconds,
  launchBrowser,
  median,
  percentile,
  report,
  rssMb,
  serverPid,
  sleep,
  startServer,
  stopServer,
  waitHealthy,
} from './support';
import { cleanup, commitGroups, createTopics, fill, groupName, sizesFromEnv, topicName } from './scale-state';
import { measureRefresh, roundMedian, warmMedian } from './scale-refresh';
import { manyClients } from './scale-clients';
import { PAGE_PROBE, armWatch, firstRender, longestTask, seenAt, textOf, untilTrue } from './scale-browser';

// npm run bench:scale: the figures of the Scale and speed work. Builds a large state
// on the embedded cluster (BENCH_PRESET=quick|large; BENCH_TOPICS, BENCH_PARTITIONS,
// BENCH_GROUPS, BENCH_REPLICATION override), then measures in one run: a full refresh (time,
// requests), server CPU/RSS and socket bytes idle and while 50 groups commit every second,
// produce → browser and rebalance → browser latency, first render and the longest main-thread
// task in Chromium, 50 socket clients at once for 60 s (BENCH_CLIENTS, BENCH_CLIENT_SECONDS),
// and Kafka's own consumer-groups tool on the same cluster. Measures only;
// asserts nothing. Writes bench/results/scale-<preset>.json. Removes its topics and groups.

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
const sizes = sizesFromEnv();
const WINDOW_SECONDS = Number(process.env.BENCH_WINDOW_SECONDS ?? (sizes.preset === 'large' ? 30 : 15));
const PRODUCE_SAMPLES = 20;
const REBALANCE_SAMPLES = 8;
const ACTIVE_GROUPS = Math.min(50, sizes.groups);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const CLIENT_SECONDS = Number(process.env.BENCH_CLIENT_SECONDS ?? 60);
// Every wait has an end: a bench that hangs measures nothing.
const SETTLE_TIMEOUT_MS = 600_000;
const TOOL_TIMEOUT_MS = 600_000;

const cluster = new EmbeddedCluster(loadEmbeddedSettings(), () => undefined);
const kafka = new Kafka({ clientId: 'kafka-live-bench', brokers: cluster.bootstrap, logLevel: logLevel.NOTHING });
const committer = createKafkaClients(
  { brokers: cluster.bootstrap, clientId: 'kafka-live-bench', ssl: null, sasl: null },
  cluster.bootstrap,
).pollConnections;
const prefix = `bench.scale-${Math.random().toString(16).slice(2, 8)}`;
const topics = Array.from({ length: sizes.topics }, (_, i) => topicName(prefix, i));
const groups = Array.from({ length: sizes.groups }, (_, i) => groupName(prefix, i));
const rows: [string, string][] = [];
// Each figure is printed as it is measured too: a run that stops early still shows what it had.
const push = rows.push.bind(rows);
rows.push = (...items: [string, string][]) => {
  for (const [k, v] of items) console.log(`  ${k}: ${v}`);
  return push(...items);
};
const started = Date.now();
const log = (line: string) =>
  console.log(`[scale ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const ms = (x: number) => `${x.toFixed(0)} ms`;
const dist = (xs: number[]) =>
  `median ${ms(median(xs))}, p95 ${ms(percentile(xs, 95))} (n=${xs.length}, max ${ms(Math.max(...xs))})`;

/** One socket.io client, counting what the server sends it: the encoded socket.io packets as
 *  they come off the websocket (the server does not compress them). */
function socketMeter(): { take(): { bytes: number; messages: number; seconds: number }; close(): void } {
  const socket: Socket = io(BASE, { transports: ['websocket'], forceNew: true });
  let bytes = 0;
  let messages = 0;
  let since = Date.now();
  socket.io.on('open', () =>
    socket.io.engine.on('data', (data: string | Buffer | ArrayBuffer) => {
      messages++;
      bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
    }),
  );
  return {
    take() {
      const out = { bytes, messages, seconds: (Date.now() - since) / 1000 };
      bytes = 0;
      messages = 0;
      since = Date.now();
      return out;
    },
    close: () => void socket.close(),
  };
}

/** Server CPU, RSS and one client's socket traffic over one window. */
async function serverWindow(label: string, pid: number): Promise<void> {
  const meter = socketMeter();
  // The connect snapshots are not steady traffic: count from a few seconds on.
  await sleep(3000);
  meter.take();
  const cpu0 = cpuSeconds(pid);
  const t0 = Date.now();
  let peakRss = 0;
  while (Date.now() - t0 < WINDOW_SECONDS * 1000) {
    peakRss = Math.max(peakRss, rssMb(pid));
    await sleep(1000);
  }
  const cpu = ((cpuSeconds(pid) - cpu0) / ((Date.now() - t0) / 1000)) * 100;
  const socket = meter.take();
  meter.close();
  rows.push([`server CPU, ${label} (${WINDOW_SECONDS} s)`, `${cpu.toFixed(1)} % of one core (CPU s per wall s × 100)`]);
  rows.push([`server RSS, ${label}`, `${rssMb(pid).toFixed(0)} MB at the end, ${peakRss.toFixed(0)} MB peak`]);
  rows.push([
    `socket traffic to one client, ${label}`,
    `${(socket.bytes / socket.seconds / 1024).toFixed(2)} KiB/s, ${(socket.messages / socket.seconds).toFixed(1)} messages/s`,
  ]);
}

/** 50 groups commit new offsets every second while a producer writes to their topics, until
 *  stopped: every group's lag and every topic's watermark moves each second. */
function commitLoad(producer: Producer): { stop(): Promise<void> } {
  let running = true;
  const active = groups.slice(0, ACTIVE_GROUPS);
  const loop = (async () => {
    for (let round = 1; running; round++) {
      const t0 = Date.now();
      const written = [...new Set(active.map((_, i) => topics[i % topics.length]))];
      await producer
        .sendBatch({
          topicMessages: written.map((topic) => ({
            topic,
            messages: Array.from({ length: sizes.partitions }, (_, p) => ({ partition: p, value: `r${round}` })),
          })),
        })
        .catch((e: unknown) => log(`load produce failed: ${String(e)}`));
      // Offsets 1 (the fill) + round messages per partition: commit one behind the end.
      await commitGroups(committer, active, topics, sizes.partitions, () => round).catch((e: unknown) =>
        log(`load commit failed: ${String(e)}`),
      );
      await sleep(Math.max(0, 1000 - (Date.now() - t0)));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
    },
  };
}

async function produceToBrowser(browser: Browser, producer: Producer): Promise<void> {
  // The last topic: no group commits on it during the run, so only our produces move it.
  const topic = topics[topics.length - 1];
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${BASE}/topics/${encodeURIComponent(topic)}`);
  await page.getByTestId('partition-high-0').waitFor({ timeout: 60_000 });
  let high = Number(((await page.evaluate(textOf('partition-high-0'))) as string).replace(/,/g, ''));
  const samples: number[] = [];
  for (let i = 0; i < PRODUCE_SAMPLES; i++) {
    high++;
    await armWatch(page, `${textOf('partition-high-0')} === '${high.toLocaleString('en-US')}'`);
    const t0 = Date.now();
    await producer.send({ topic, messages: [{ partition: 0, value: `p${i}` }] });
    samples.push((await seenAt(page)) - t0);
    // A random pause, so samples fall at every point of the poll interval.
    await sleep(300 + Math.random() * 700);
  }
  await page.close();
  rows.push(['produce → new high watermark shown on the topic page', dist(samples)]);
}

async function member(groupId: string, topic: string): Promise<{ consumer: Consumer; joined: Promise<number> }> {
  const consumer = kafka.consumer({
    groupId,
    sessionTimeout: 10_000,
    heartbeatInterval: 300,
    maxWaitTimeInMs: 300,
    rebalanceTimeout: 10_000,
  });
  const joined = new Promise<number>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve(Date.now())));
  await consumer.connect();
  await consumer.subscribe({ topic });
  await consumer.run({ autoCommit: false, eachMessage: async () => undefined });
  return { consumer, joined };
}

async function rebalanceToBrowser(browser: Browser): Promise<void> {
  const group = `${prefix}.rebalance`;
  const topic = topics[0];
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const first = await member(group, topic);
  const consumers = [first.consumer];
  try {
    await first.joined;
    await page.goto(`${BASE}/groups/${encodeURIComponent(group)}`);
    await page.getByTestId('group-generation').waitFor({ timeout: 60_000 });
    const samples: number[] = [];
    for (let i = 0; i < REBALANCE_SAMPLES; i++) {
      // Timed from the moment the joining member's rebalance completed (its GROUP_JOIN) to
      // the browser showing a new generation.
      await armWatch(
        page,
        `${textOf('group-generation')} !== ${JSON.stringify(await page.evaluate(textOf('group-generation')))}`,
      );
      const second = await member(group, topic);
      consumers.push(second.consumer);
      samples.push((await seenAt(page)) - (await second.joined));
      // Its leave is a rebalance too: let it show before the next sample.
      const shown = await page.evaluate(textOf('group-generation'));
      await second.consumer.disconnect();
      await untilTrue(page, `${textOf('group-generation')} !== ${JSON.stringify(shown)}`, 30_000);
      await sleep(500);
    }
    rows.push(['rebalance completed → new generation in the browser', dist(samples)]);
  } finally {
    await Promise.all(consumers.map((c) => c.disconnect().catch(() => undefined)));
    await page.close();
  }
  groups.push(group);
}

/** `kafka-consumer-groups.sh --describe --all-groups` from the kafka-tools jars the embedded
 *  cluster runs on (the same Kafka version), JVM start included: what a person waits for. */
function consumerGroupsTool(): Promise<number> {
  const jvm = [
    '-Xmx256m',
    '-XX:+UseSerialGC',
    '-Dlog4j.configuration=file:/dev/null',
    '-cp',
    path.join(cluster.layout.libDir, '*'),
  ];
  const args = [
    ...jvm,
    'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand',
    '--bootstrap-server',
    cluster.bootstrap.join(','),
    '--describe',
    '--all-groups',
  ];
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    execFile('java', args, { timeout: TOOL_TIMEOUT_MS, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`kafka-consumer-groups failed: ${error.message}\n${stderr.slice(0, 500)}`));
      else if (!stdout.includes(prefix)) reject(new Error('kafka-consumer-groups did not list the bench groups'));
      else resolve(performance.now() - t0);
    });
  });
}

/** `work`, or an error after `ms`: a step that never ends must not hang the whole bench. */
function within<T>(what: string, work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no end after ${ms / 1000} s`)), ms)),
  );
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

async function waitGroupsListed(): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    const list = (await (await fetch(`${BASE}/api/groups`)).json()) as { groupId: string }[];
    if (list.filter((g) => g.groupId.startsWith(prefix)).length >= sizes.groups) return Date.now() - t0;
    if (Date.now() - t0 > SETTLE_TIMEOUT_MS) throw new Error('the dashboard did not list every bench group in time');
    await sleep(200);
  }
}

/** Verdicts and lag in seconds are always on (no switch): this shows that they were really
 *  computed for the bench groups in the run the CPU and RSS figures come from. */
async function judgedFigure(): Promise<string> {
  type Row = { groupId: string; health: { verdict: string } | null; lagAge: { seconds: number | null } };
  const list = ((await (await fetch(`${BASE}/api/groups`)).json()) as Row[]).filter((g) =>
    g.groupId.startsWith(prefix),
  );
  const verdicts = new Map<string, number>();
  for (const g of list) if (g.health) verdicts.set(g.health.verdict, (verdicts.get(g.health.verdict) ?? 0) + 1);
  const judged = [...verdicts.values()].reduce((a, b) => a + b, 0);
  const aged = list.filter((g) => g.lagAge.seconds !== null).length;
  const spread = [...verdicts].map(([v, n]) => `${v} ${n}`).join(', ');
  return `${judged} of ${list.length} groups judged (${spread}), ${aged} with lag seconds known`;
}

async function browserFigures(browser: Browser): Promise<{ groupsPage: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(PAGE_PROBE);
  const page = await context.newPage();
  // One warm-up load: the first page load also compiles nothing (production build), but
  // fills the OS and browser caches the way a second visit would.
  await page.goto(`${BASE}/`);
  const t = await firstRender(page, '/topics', '[data-testid^="topic-row-"]', 'topic-count', sizes.topics);
  rows.push([
    `topics page: first row / all ${sizes.topics.toLocaleString('en')} topics listed (rows in view drawn)`,
    `${ms(t.first)} / ${ms(t.all)} from navigation start (${t.drawn} rows in the DOM)`,
  ]);
  const g = await firstRender(page, '/groups', '[data-testid^="group-row-"]', 'group-count', sizes.groups);
  rows.push([
    `groups page: first row / all ${sizes.groups.toLocaleString('en')} groups listed (rows in view drawn)`,
    `${ms(g.first)} / ${ms(g.all)} from navigation start (${g.drawn} rows in the DOM)`,
  ]);
  return {
    // While updates stream (the commit load running), on each page in turn.
    async groupsPage() {
      for (const [label, url] of [
        ['groups', '/groups'],
        ['topics', '/topics'],
      ]) {
        await page.goto(`${BASE}${url}`);
        await sleep(2000);
        const lt = await longestTask(page, WINDOW_SECONDS);
        rows.push([
          `longest main-thread task on the ${label} page while commits stream (${WINDOW_SECONDS} s)`,
          `${ms(lt.max)} (${lt.count} tasks ≥ 50 ms)`,
        ]);
      }
      await context.close();
    },
  };
}

async function main(): Promise<void> {
  log(
    `preset ${sizes.preset}: ${sizes.topics} topics × ${sizes.partitions} partitions (replication ${sizes.replication}), ${sizes.groups} groups; prefix ${prefix}`,
  );
  await cluster.ensureRunning();
  const admin: Admin = kafka.admin();
  await admin.connect();
  const producer = kafka.producer();
  let server: ChildProcess | null = null;
  let browser: Browser | null = null;
  try {
    let t0 = Date.now();
    await createTopics(admin, topics, sizes, log, SETTLE_TIMEOUT_MS);
    rows.push([
      'build: create topics until every partition has a leader',
      `${((Date.now() - t0) / 1000).toFixed(1)} s`,
    ]);
    t0 = Date.now();
    await fill(kafka, topics, sizes.partitions, 1, SETTLE_TIMEOUT_MS);
    await committer.connect();
    await commitGroups(committer, groups, topics, sizes.partitions, () => 0);
    rows.push(['build: one message per partition, one commit per group', `${((Date.now() - t0) / 1000).toFixed(1)} s`]);
    log('state built');

    const known = cluster.layout.nodes.map((n) => ({ id: n.id, host: '127.0.0.1', port: n.clientPort, rack: null }));
    const refresh = await measureRefresh(cluster.bootstrap, known, 5);
    const total = [...refresh.requests.values()].reduce((a, b) => a + b, 0);
    const roundTotal = [...refresh.roundRequests.values()].reduce((a, b) => a + b, 0);
    const list = (m: Map<string, number>) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
    rows.push(['round: metadata, log ends, group state (every poll), warm', `${dist(refresh.roundMs)}`]);
    rows.push(['requests sent per round', `${roundTotal}: ${list(refresh.roundRequests)}`]);
    rows.push([
      'full refresh: a round + log starts + every topic setting (every 10 s), warm',
      `${dist(refresh.warmMs)}`,
    ]);
    rows.push(['full refresh, cold (connecting included)', ms(refresh.coldMs)]);
    rows.push(['requests sent per full refresh', `${total}: ${list(refresh.requests)}`]);
    for (const [part, t] of refresh.parts) rows.push([`  refresh part: ${part}`, ms(t)]);
    log('refresh measured');

    await producer.connect();
    t0 = Date.now();
    server = startServer();
    await waitHealthy();
    const listed = await waitGroupsListed();
    rows.push([
      'npm start → Kafka reachable → every bench group listed',
      `${((Date.now() - t0) / 1000).toFixed(1)} s (groups listed ${(listed / 1000).toFixed(1)} s after healthy)`,
    ]);
    const pid = serverPid(server.pid);
    if (!pid) throw new Error('server process not found');
    // Idle is the steady state: once each group's rate window is full, its trend and rates stop
    // changing. Before that, the first group patch after start carries every group once.
    await sleep(RATE_WINDOW_MS + 5000);
    await serverWindow('idle', pid);
    log('idle window done');
    rows.push(['verdicts and lag seconds in this run', await judgedFigure()]);

    browser = await launchBrowser();
    await produceToBrowser(browser, producer);
    await rebalanceToBrowser(browser);
    log('latencies measured');
    const pages = await browserFigures(browser);
    log('first renders measured');

    const load = commitLoad(producer);
    try {
      await serverWindow(`${ACTIVE_GROUPS} groups committing every second`, pid);
      await pages.groupsPage();
      log(`${CLIENTS} socket clients for ${CLIENT_SECONDS} s`);
      const markerTopic = topics[topics.length - 1];
      rows.push(
        ...(await manyClients(
          CLIENTS,
          CLIENT_SECONDS,
          { cpu: () => cpuSeconds(pid), rss: () => rssMb(pid) },
          async () => {
            const [sent] = await producer.send({ topic: markerTopic, messages: [{ partition: 0, value: 'marker' }] });
            return { topic: markerTopic, partition: 0, high: Number(sent.baseOffset) + 1 };
          },
        )),
      );
    } finally {
      await load.stop();
    }
    log('active window done');
    await within('closing the browser', browser.close(), 30_000);
    browser = null;
    await within('stopping the dashboard', stopServer(server), 30_000);
    server = null;
    log('running the consumer-groups tool');

    const tool = await consumerGroupsTool();
    rows.push([
      `kafka-consumer-groups --describe --all-groups (${sizes.groups + 1}+ groups, JVM start included)`,
      `${ms(tool)}`,
    ]);
    rows.push([
      'consumer-groups tool ÷ dashboard round (warm median; the all-groups view)',
      `${(tool / roundMedian(refresh)).toFixed(1)}×`,
    ]);
    rows.push([
      'consumer-groups tool ÷ dashboard full refresh (warm median)',
      `${(tool / warmMedian(refresh)).toFixed(1)}×`,
    ]);
  } finally {
    if (browser) await within('closing the browser', browser.close(), 30_000).catch(() => undefined);
    if (server) await within('stopping the dashboard', stopServer(server), 30_000).catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    log('cleaning up topics and groups');
    await cleanup(admin, groups, topics, log);
    await committer.disconnect().catch(() => undefined);
    await admin.disconnect();
  }
  report(
    `scale-${sizes.preset}`,
    `scale, preset ${sizes.preset}: ${sizes.topics.toLocaleString('en')} topics, ${(sizes.topics * sizes.partitions).toLocaleString('en')} partitions (replication ${sizes.replication}), ${sizes.groups} groups`,
    rows,
  );
}

// Whatever happens, the bench ends: a stuck Kafka call must not keep it (or its topics) alive.
const HARD_LIMIT_MS = Number(process.env.BENCH_HARD_LIMIT_MS ?? 3_600_000);
setTimeout(() => {
  console.error(`bench:scale gave up after ${HARD_LIMIT_MS / 1000} s`);
  process.exit(2);
}, HARD_LIMIT_MS).unref();

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
