import type { ChildProcess } from 'node:child_process';
import type { Page } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { io } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/contract/events';
import type { ActionResult, LoadRun } from '@/lib/contract/actions';
import { loadEmbeddedSettings } from '@/server/config';
import { EmbeddedCluster } from '@/server/embedded/cluster';
import {
  BASE,
  cpuSeconds,
  launchBrowser,
  median,
  percentile,
  report,
  serverPid,
  sleep,
  startServer,
  stopServer,
  waitHealthy,
} from './support';

// npm run bench (third part): actions on the real embedded cluster through the real
// `npm start`. A produce click → the offset Kafka gave shows in the browser, and → the message
// shows in the live tail (20 clicks); the load generator's achieved rate against the asked
// rate at 1,000 and 10,000 messages/s. Writes bench/results/actions.json.

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
const CLICKS = 20;
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const cluster = new EmbeddedCluster(loadEmbeddedSettings(), () => undefined);
const kafka = new Kafka({ clientId: 'kafka-live-bench', brokers: cluster.bootstrap, logLevel: logLevel.NOTHING });
const rows: [string, string][] = [];
const suffix = Math.random().toString(16).slice(2, 8);

// Runs in the page, as a string: tsx would wrap a function's inner closures in a helper the
// page does not have. Clicks Send and times, in the page's own clock, until the new offset is
// shown in the produce panel and until its row is in the live tail.
const CLICK_AND_TIME = `(prev) => new Promise((resolve) => {
  const button = document.querySelector('[data-testid="produce-send"]');
  const t0 = performance.now();
  let result = 0;
  let offset = -1;
  let partition = null;
  const observer = new MutationObserver(() => {
    const el = document.querySelector('[data-testid="produced-offset"]');
    if (!result && el && el.getAttribute('data-offset') !== prev) {
      result = performance.now() - t0;
      offset = Number(el.getAttribute('data-offset'));
      partition = el.getAttribute('data-partition');
    }
    if (result && document.querySelector('[data-testid="tail-row-' + partition + '-' + offset + '"]')) {
      observer.disconnect();
      resolve({ offset, result, tail: performance.now() - t0 });
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  button.click();
})`;

async function clickToBrowser(
  page: Page,
  previous: string | null,
): Promise<{ offset: number; result: number; tail: number }> {
  return page.evaluate(`(${CLICK_AND_TIME})(${JSON.stringify(previous)})`);
}

async function produceClicks(topic: string): Promise<void> {
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${BASE}/lab?topic=${encodeURIComponent(topic)}`);
  await page.getByTestId('produce-panel').getByLabel('key', { exact: true }).fill('order-1');
  await page.getByTestId('tail-panel').waitFor();
  await sleep(1000);
  const results: number[] = [];
  const tails: number[] = [];
  // The first click also connects the dashboard's producer: reported on its own.
  const first = await clickToBrowser(page, null);
  let previous: string | null = String(first.offset);
  await sleep(200);
  for (let i = 0; i < CLICKS; i++) {
    const t = await clickToBrowser(page, previous);
    previous = String(t.offset);
    results.push(t.result);
    tails.push(t.tail);
    await sleep(200);
  }
  await browser.close();
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  rows.push(['first produce click (connects the producer) → offset shown', ms(first.result)]);
  rows.push([
    `produce click → offset shown in the panel (median of ${CLICKS})`,
    `${ms(median(results))} (p95 ${ms(percentile(results, 95))}, max ${ms(Math.max(...results))})`,
  ]);
  rows.push([
    `produce click → message in the live tail (median of ${CLICKS})`,
    `${ms(median(tails))} (p95 ${ms(percentile(tails, 95))}, max ${ms(Math.max(...tails))})`,
  ]);
}

async function loadRun(topic: string, rate: number, pid: number): Promise<void> {
  const socket = io(BASE, { transports: ['websocket'] }) as unknown as import('socket.io-client').Socket<
    ServerToClientEvents,
    ClientToServerEvents
  >;
  let runs: LoadRun[] = [];
  socket.on('produce:loads', (r) => (runs = r));
  const cpu0 = cpuSeconds(pid);
  const t0 = Date.now();
  const answer = (await socket.timeout(30_000).emitWithAck('action:run', {
    name: 'produce:load-start',
    payload: { topic, rate, durationSeconds: LOAD_SECONDS, keyPattern: 'order-{n}', keySpace: 1000 },
  })) as ActionResult<LoadRun>;
  if (!answer.ok) throw new Error(answer.error);
  const id = answer.result.id;
  let run: LoadRun | undefined;
  while (!(run = runs.find((r) => r.id === id && r.status !== 'running'))) await sleep(200);
  const cpu = ((cpuSeconds(pid) - cpu0) / ((Date.now() - t0) / 1000)) * 100;
  socket.close();
  rows.push([
    `load generator at ${rate.toLocaleString('en')} msg/s for ${LOAD_SECONDS} s`,
    `achieved ${run.achievedRate.toLocaleString('en')} msg/s (${((run.achievedRate / rate) * 100).toFixed(0)} %), ${run.acked.toLocaleString('en')} acked, ${run.failed} failed, server CPU ${cpu.toFixed(0)} % of one core`,
  ]);
}

async function main(): Promise<void> {
  await cluster.ensureRunning();
  const topic = `bench.actions-${suffix}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 3 }], waitForLeaders: false });
  const child: ChildProcess = startServer();
  try {
    await waitHealthy();
    await sleep(2000);
    await produceClicks(topic);
    const pid = serverPid(child.pid);
    if (!pid) throw new Error('server process not found');
    for (const rate of [1_000, 10_000]) await loadRun(topic, rate, pid);
  } finally {
    await stopServer(child);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
  report('actions', 'actions', rows);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
