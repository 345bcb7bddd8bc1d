import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import type { BrowseQueryInput, BrowseResponse } from '@/lib/contract/browse';
import { loadEmbeddedSettings } from '@/server/config';
import { EmbeddedCluster } from '@/server/embedded/cluster';
import { LiveClient } from '@/tests/support/live-client';
import { browseHref } from '@/lib/browse-url';
import { BASE, launchBrowser, median, report, rssMb, sleep, startServer, stopServer, waitHealthy } from './support';

// npm run bench (browse part): the message browser's search against kcat on one topic of
// BROWSE_BENCH_MESSAGES (default 1,000,000) ~200-byte JSON values over 6 partitions, kept
// between runs (named by its size, made again only when its count is wrong). In one run:
// (a) POST /api/topics/:name/messages/search for a value that matches one message (near the end
//     of the last partition), every message read, against `kcat -C -e` on each partition piped
//     into `grep -c`, all partitions at once; the ratio (goal <= 1.5x);
// (b) the dashboard's RSS during the searches against idle, sampled every 100 ms from
//     /proc/<pid>/status (goal: within 50 MB);
// (c) time to the first match of a live scan when the match is in the first 1% of a partition:
//     over the socket, and in Chromium on the Browse screen (the real `npm start`), from opening
//     a shared link with the query to the match's row drawn.
// The dashboard runs as a child process without Next.js (tests/support/api-server.ts): the
// search is all server code. BROWSE_BENCH_PROFILE=1 writes its CPU profile to bench/results/.

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
const N = Number(process.env.BROWSE_BENCH_MESSAGES ?? 1_000_000);
const REPEAT = Number(process.env.BROWSE_BENCH_REPEAT ?? 3);
const PROFILE = process.env.BROWSE_BENCH_PROFILE === '1';
const PARTITIONS = 6;
const TOPIC = `bench.browse-${N}`;
const EARLY = 'needle-early-7f3a9c';
const LATE = 'needle-late-2b8e41';
const ROOT = path.resolve(__dirname, '..');
const KCAT = process.env.KCAT ?? '/usr/bin/kcat';

const cluster = new EmbeddedCluster(loadEmbeddedSettings(), () => undefined);
const brokers = cluster.bootstrap.join(',');
const kafka = new Kafka({ clientId: 'kafka-live-bench', brokers: cluster.bootstrap, logLevel: logLevel.NOTHING });
const rows: [string, string][] = [];
const figures: Record<string, unknown> = { messages: N, partitions: PARTITIONS, topic: TOPIC };

const perPartition = (p: number) => Math.floor(N / PARTITIONS) + (p === PARTITIONS - 1 ? N % PARTITIONS : 0);
/** The early needle sits in the first 1% of partition 0, the late one near the end of the last. */
const EARLY_AT = { partition: 0, index: Math.floor(perPartition(0) * 0.005) };
const LATE_AT = { partition: PARTITIONS - 1, index: perPartition(PARTITIONS - 1) - 10 };

function value(p: number, i: number): string {
  const tag =
    p === EARLY_AT.partition && i === EARLY_AT.index
      ? EARLY
      : p === LATE_AT.partition && i === LATE_AT.index
        ? LATE
        : 'none';
  const id = p * 10_000_000 + i;
  // About 200 bytes, like an order event.
  return JSON.stringify({
    id,
    order: { status: i % 7 === 0 ? 'paid' : 'open', customer: `c-${id % 9973}`, amount: (id % 10_000) / 100 },
    tag,
    note: 'x'.repeat(96),
    at: 1_760_000_000_000 + id,
  });
}

async function topicCount(): Promise<number | null> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { topics } = await admin.fetchTopicMetadata({ topics: [TOPIC] }).catch(() => ({ topics: [] }));
    if (topics[0]?.partitions.length !== PARTITIONS) return null;
    const offsets = await admin.fetchTopicOffsets(TOPIC);
    return offsets.reduce((n, o) => n + Number(o.high) - Number(o.low), 0);
  } finally {
    await admin.disconnect();
  }
}

function run(cmd: string, args: string[], stdin?: string): Promise<{ code: number | null; out: string; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: [stdin ? fs.openSync(stdin, 'r') : 'ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out, ms: performance.now() - t0 }));
  });
}

/** The topic as the run needs it: reused when it holds N messages, made again otherwise. */
async function ensureTopic(): Promise<void> {
  if ((await topicCount()) === N) {
    rows.push(['topic', `${TOPIC}: reused (${N.toLocaleString('en')} messages)`]);
    return;
  }
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [TOPIC] }).catch(() => undefined);
  await sleep(2000);
  await admin.createTopics({
    topics: [{ topic: TOPIC, numPartitions: PARTITIONS, replicationFactor: 1 }],
    waitForLeaders: true,
  });
  await admin.disconnect();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'browse-bench-'));
  const t0 = performance.now();
  try {
    const files = Array.from({ length: PARTITIONS }, (_, p) => {
      const file = path.join(dir, `p${p}.txt`);
      const lines: string[] = [];
      for (let i = 0; i < perPartition(p); i++) lines.push(`order-${p}-${i}\t${value(p, i)}`);
      fs.writeFileSync(file, lines.join('\n') + '\n');
      return file;
    });
    const produced = await Promise.all(
      files.map((file, p) =>
        run(
          KCAT,
          [
            '-P',
            '-b',
            brokers,
            '-t',
            TOPIC,
            '-p',
            String(p),
            '-K',
            '\t',
            '-X',
            'linger.ms=20',
            '-X',
            'batch.size=1000000',
          ],
          file,
        ),
      ),
    );
    if (produced.some((r) => r.code !== 0)) throw new Error('kcat -P failed');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const count = await topicCount();
  if (count !== N) throw new Error(`${TOPIC} holds ${count} messages after producing, not ${N}`);
  rows.push([
    'topic',
    `${TOPIC}: produced ${N.toLocaleString('en')} messages in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  ]);
}

interface Dashboard {
  child: ChildProcess;
  url: string;
}

async function startDashboard(): Promise<Dashboard> {
  const profileDir = path.join(ROOT, 'bench/results/profiles');
  const child = fork(path.join(ROOT, 'tests/support/api-server.ts'), [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx', ...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
    env: { ...process.env, POLL_INTERVAL_MS: '2000' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`dashboard exited with ${code}`)));
  });
  return { child, url };
}

async function stopDashboard(d: Dashboard): Promise<void> {
  if (d.child.exitCode !== null) return;
  const exited = new Promise((r) => d.child.once('exit', r));
  d.child.kill('SIGTERM');
  await exited;
}

async function search(url: string, query: BrowseQueryInput): Promise<{ body: BrowseResponse; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(`${url}/api/topics/${TOPIC}/messages/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(query),
  });
  const body = (await res.json()) as BrowseResponse & { error?: string };
  if (res.status !== 200) throw new Error(`search answered ${res.status}: ${body.error}`);
  return { body, ms: performance.now() - t0 };
}

/** Every partition at once, each `kcat -C -e | grep -c`: the total count of matching values. */
async function kcatGrep(needle: string): Promise<{ count: number; ms: number }> {
  const script = Array.from(
    { length: PARTITIONS },
    (_, p) => `(${KCAT} -C -e -q -b ${brokers} -t ${TOPIC} -p ${p} | grep -c ${needle}) &`,
  ).join('\n');
  const r = await run('bash', ['-c', `${script}\nwait`]);
  return { count: r.out.split('\n').reduce((n, line) => n + (Number(line) || 0), 0), ms: r.ms };
}

class RssSampler {
  private readonly samples: { at: number; mb: number; phase: string }[] = [];
  private timer: NodeJS.Timeout;
  phase = 'idle';
  constructor(pid: number) {
    this.timer = setInterval(() => {
      try {
        this.samples.push({ at: Date.now(), mb: rssMb(pid), phase: this.phase });
      } catch {
        // the process ended
      }
    }, 100);
  }
  of(phase: string): number[] {
    return this.samples.filter((s) => s.phase === phase).map((s) => s.mb);
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

async function firstMatchOverSocket(url: string): Promise<{ first: number; end: number }> {
  const client = new LiveClient(url);
  try {
    await client.waitFor('a snapshot', () => true);
    const t0 = Date.now();
    const id = client.startScan(TOPIC, { from: { position: 'oldest' }, filters: { valueContains: EARLY }, limit: 1 });
    const state = await client.waitForScan(id, (s) => s.status === 'ended', 120_000);
    const first = client.scanLog.find((e) => e.scanId === id && e.event === 'scan:matches');
    if (state.matches.length !== 1 || !first) throw new Error(`the early needle was not found: ${state.error}`);
    const end = client.scanLog.find((e) => e.scanId === id && e.event === 'scan:end');
    return { first: first.at - t0, end: (end?.at ?? Date.now()) - t0 };
  } finally {
    client.close();
  }
}

/** Opens the Browse screen at a link holding the query (it runs once the socket is up) and
 *  times the navigation to the first match's row. */
async function firstMatchInBrowser(): Promise<number[]> {
  const server = startServer();
  const browser = await launchBrowser();
  try {
    await waitHealthy();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const href = browseHref(TOPIC, { from: { position: 'oldest' }, filters: { valueContains: EARLY }, limit: 1 });
    const out: number[] = [];
    for (let r = 0; r < REPEAT + 1; r++) {
      const t0 = Date.now();
      await page.goto(`${BASE}${href}`);
      await page.locator('[data-testid^="browse-row-"]').first().waitFor({ timeout: 120_000 });
      // The first visit also loads and compiles the page's code: kept out of the median.
      if (r > 0) out.push(Date.now() - t0);
    }
    return out;
  } finally {
    await browser.close();
    await stopServer(server);
  }
}

async function main(): Promise<void> {
  await ensureTopic();
  const dashboard = await startDashboard();
  const pid = dashboard.child.pid!;
  const rss = new RssSampler(pid);
  try {
    // Until the poller knows the topic and a search can run.
    for (let i = 0; ; i++) {
      const ok = await search(dashboard.url, { from: { position: 'oldest' }, limit: 1, maxScanned: 1 }).then(
        () => true,
        (e: unknown) => (i > 100 ? Promise.reject(e) : false),
      );
      if (ok) break;
      await sleep(200);
    }
    await sleep(3000);
    rss.phase = 'before';
    await sleep(3000);

    const query: BrowseQueryInput = {
      from: { position: 'oldest' },
      filters: { valueContains: LATE },
      limit: 100,
      maxScanned: Math.min(10_000_000, N * 2),
    };
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let r = 0; r < REPEAT; r++) {
      // Alternating, so neither always reads a cache warmed by the other.
      const order = r % 2 === 0 ? ['kcat', 'dashboard'] : ['dashboard', 'kcat'];
      for (const who of order) {
        if (who === 'kcat') {
          const k = await kcatGrep(LATE);
          if (k.count !== 1) throw new Error(`kcat | grep counted ${k.count} needles, not 1`);
          theirs.push(k.ms);
        } else {
          rss.phase = 'scan';
          const { body, ms } = await search(dashboard.url, query);
          rss.phase = 'between';
          if (body.messages.length !== 1 || body.scanned !== N || body.stoppedBy !== 'end')
            throw new Error(`search: ${body.messages.length} matches, ${body.scanned} scanned, ${body.stoppedBy}`);
          ours.push(ms);
        }
        await sleep(1000);
      }
    }
    const socket: { first: number; end: number }[] = [];
    for (let r = 0; r < REPEAT; r++) {
      socket.push(await firstMatchOverSocket(dashboard.url));
      await sleep(500);
    }

    const ms = (x: number) => `${(x / 1000).toFixed(2)} s`;
    const list = (xs: number[]) => xs.map((x) => (x / 1000).toFixed(2)).join(', ');
    const dash = median(ours);
    const kcat = median(theirs);
    const ratio = dash / kcat;
    const idle = median(rss.of('before'));
    const peak = Math.max(...rss.of('scan'));
    const during = median(rss.of('scan'));
    const rate = (x: number) => `${Math.round(N / (x / 1000)).toLocaleString('en')} msg/s`;
    rows.push([
      `(a) dashboard search, ${N.toLocaleString('en')} messages, 1 match (median of ${REPEAT})`,
      `${ms(dash)} (${rate(dash)}; runs ${list(ours)} s)`,
    ]);
    rows.push([
      `(a) kcat -C -e | grep -c, ${PARTITIONS} partitions at once (median of ${REPEAT})`,
      `${ms(kcat)} (${rate(kcat)}; runs ${list(theirs)} s)`,
    ]);
    rows.push(['(a) ratio dashboard / kcat (goal <= 1.5)', `${ratio.toFixed(2)}x ${ratio <= 1.5 ? 'ok' : 'MISSED'}`]);
    rows.push([
      '(b) dashboard RSS idle -> peak during the searches (goal: within 50 MB)',
      `${idle.toFixed(0)} MB -> peak ${peak.toFixed(0)} MB (+${(peak - idle).toFixed(0)} MB) ${peak - idle <= 50 ? 'ok' : 'MISSED'}; median during ${during.toFixed(0)} MB (+${(during - idle).toFixed(0)} MB)`,
    ]);
    rows.push([
      `(c) live scan over the socket: first match, needle at 0.5% of partition ${EARLY_AT.partition} (median of ${REPEAT})`,
      `${median(socket.map((s) => s.first)).toFixed(0)} ms (scan:end ${median(socket.map((s) => s.end)).toFixed(0)} ms)`,
    ]);
    const inBrowser = await firstMatchInBrowser();
    rows.push([
      `(c) in Chromium: shared link opened -> the match's row drawn (median of ${REPEAT}, after one warm-up)`,
      `${median(inBrowser).toFixed(0)} ms (runs ${inBrowser.join(', ')} ms)`,
    ]);
    Object.assign(figures, {
      dashboardMs: ours,
      kcatMs: theirs,
      ratio,
      rssIdleMb: idle,
      rssPeakMb: peak,
      rssMedianDuringMb: during,
      rssDeltaMb: peak - idle,
      socketFirstMatchMs: socket.map((s) => s.first),
      socketEndMs: socket.map((s) => s.end),
      browserFirstMatchMs: inBrowser,
    });
  } finally {
    rss.stop();
    await stopDashboard(dashboard);
  }
  report('browse', 'message browser search', rows);
  console.log(`\n${JSON.stringify(figures)}`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
