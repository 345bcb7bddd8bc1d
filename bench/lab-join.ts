import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import type { Page } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { loadEmbeddedSettings } from '@/server/config';
import { EmbeddedCluster } from '@/server/embedded/cluster';
import { armWatch, seenAt, untilTrue } from './scale-browser';
import {
  BASE,
  launchBrowser,
  median,
  percentile,
  report,
  sleep,
  startServer,
  stopServer,
  waitHealthy,
} from './support';

// npm run bench: a KIP-848 member joins a lab group (lab:start of a `consumer` instance, on
// Kafka's own Java client) → the group page in Chromium shows its new assignment. Measured from
// the action's answer (the worker said its member joined) and from the request being sent.
// Writes bench/results/lab-join.json.

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
const RUNS = Number(process.env.BENCH_LAB_RUNS ?? 8);
const cluster = new EmbeddedCluster(loadEmbeddedSettings(), () => undefined);
const kafka = new Kafka({ clientId: 'kafka-live-bench', brokers: cluster.bootstrap, logLevel: logLevel.NOTHING });
const suffix = Math.random().toString(16).slice(2, 8);

async function action(name: string, data: object): Promise<{ name: string }> {
  const res = await fetch(`${BASE}/api/actions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(data),
  });
  const body = (await res.json()) as { ok: boolean; result?: { name: string }; error?: string };
  if (!body.ok || !body.result) throw new Error(`${name} refused: ${body.error}`);
  return body.result;
}

/** Page-side: the members other than lab-<first>-1 that hold at least one tile, with 3 tiles in all. */
const newMemberShown = (first: string) => `(() => {
  const members = [...document.querySelectorAll('[data-member-card]')];
  const tiles = document.querySelectorAll('[data-testid^="assignment-tile-"]').length;
  const other = members.filter((m) => !m.textContent.includes('lab-${first}-1') && m.querySelector('[data-testid^="assignment-tile-"]'));
  return members.length === 2 && other.length === 1 && tiles === 3;
})()`;
const aloneWithAll = (first: string) => `(() => {
  const members = [...document.querySelectorAll('[data-member-card]')];
  return members.length === 1 && members[0].textContent.includes('lab-${first}-1') &&
    members[0].querySelectorAll('[data-testid^="assignment-tile-"]').length === 3;
})()`;

async function measure(page: Page, groupId: string, topic: string, first: string) {
  const fromAck: number[] = [];
  const fromRequest: number[] = [];
  const start = {
    groupId,
    topics: [topic],
    consumers: 1,
    processingDelayMs: 0,
    sessionTimeoutMs: 10_000,
    protocol: 'consumer',
  };
  for (let i = 0; i < RUNS; i++) {
    await untilTrue(page, aloneWithAll(first), 60_000);
    await armWatch(page, newMemberShown(first));
    const sent = Date.now();
    const b = await action('lab:start', start);
    const acked = Date.now();
    const shown = await seenAt(page);
    fromAck.push(Math.max(0, shown - acked));
    fromRequest.push(shown - sent);
    await action('lab:stop', { instance: b.name });
    await sleep(500);
  }
  return { fromAck, fromRequest };
}

const ms = (xs: number[]) =>
  `${Math.round(median(xs))} ms median (p95 ${Math.round(percentile(xs, 95))} ms, max ${Math.round(Math.max(...xs))} ms, ${xs.length} joins)`;

async function main(): Promise<void> {
  await cluster.ensureRunning();
  const topic = `bench.lab-join-${suffix}`;
  const groupId = `bench-lab-join-${suffix}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 3 }], waitForLeaders: true });
  const child: ChildProcess = startServer();
  try {
    await waitHealthy();
    const browser = await launchBrowser();
    const page = await browser.newPage();
    const a = await action('lab:start', {
      groupId,
      topics: [topic],
      consumers: 1,
      processingDelayMs: 0,
      sessionTimeoutMs: 10_000,
      protocol: 'consumer',
    });
    await page.goto(`${BASE}/groups/${encodeURIComponent(groupId)}`);
    const { fromAck, fromRequest } = await measure(page, groupId, topic, a.name);
    await browser.close();
    report('lab-join', 'lab: a KIP-848 member joins → the browser shows its assignment', [
      ['lab:start answered (member joined) → group page shows its partitions', ms(fromAck)],
      ['lab:start sent → group page shows its partitions', ms(fromRequest)],
      ['load average (1 min) at the end', os.loadavg()[0]!.toFixed(2)],
    ]);
  } finally {
    await stopServer(child);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
