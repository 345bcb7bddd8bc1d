import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { Dashboard } from '@/server/app';
import type { ClusterResponse, GroupsResponse, HealthResponse } from '@/lib/contract/api';
import { LiveClient } from '@/tests/support/live-client';
import { Milestones } from '@/tests/support/milestones';
import {
  createTopic,
  deleteTopic,
  embedded,
  randomName,
  restoreCluster,
  startTestDashboard,
} from '@/tests/support/kafka';
import { readLoadRun } from '@/tests/support/log-reader';
import { idsOf } from '@/lib/id-ranges';

/** Everything the JSON API serves answers while Kafka is away, and says so. */
async function assertApiServesOutage(url: string, topicsShown: number): Promise<void> {
  const health = await fetch(`${url}/api/health`);
  assert.equal(health.status, 200);
  const h = (await health.json()) as HealthResponse;
  assert.equal(h.kafka.reachable, false);
  assert.ok(h.kafka.lastError, 'the error is reported');
  const cluster = await fetch(`${url}/api/cluster`);
  assert.equal(cluster.status, 200);
  const c = (await cluster.json()) as ClusterResponse;
  assert.equal(c.connection.status, 'unreachable');
  assert.equal(c.topics.length, topicsShown);
  const groups = await fetch(`${url}/api/groups`);
  assert.equal(groups.status, 200);
  assert.ok(Array.isArray((await groups.json()) as GroupsResponse));
  const metrics = await fetch(`${url}/metrics`);
  assert.equal(metrics.status, 200);
  assert.match(await metrics.text(), /^kafka_live_kafka_reachable 0$/m);
  // An action that needs Kafka answers with a refusal in words, not a hang or a 500.
  const action = await fetch(`${url}/api/actions/topic:create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: randomName('outage'),
      partitions: 1,
      replicationFactor: 1,
      cleanupPolicy: 'delete',
      retentionMs: null,
      retentionBytes: null,
      segmentMs: null,
    }),
  });
  assert.equal(action.status, 400);
  const answer = (await action.json()) as { ok: boolean; error: string };
  assert.equal(answer.ok, false);
  assert.ok(answer.error.length > 0);
}

describe('whole cluster down, then up, with the dashboard running', { timeout: 300_000 }, () => {
  let dashboard: Dashboard;
  let client: LiveClient;
  const loadTopic = randomName('outage-load');

  before(async () => {
    await restoreCluster();
    dashboard = await startTestDashboard();
    client = new LiveClient(dashboard.url);
    await client.waitFor(
      'connected',
      (s) => s.connection.status === 'connected' && s.brokers.filter((b) => b.online).length === 3,
    );
    await createTopic(loadTopic, 3, 3);
    await client.waitFor('the load topic with leaders', (s) =>
      s.topics.some(
        (t) => t.name === loadTopic && t.partitions.length === 3 && t.partitions.every((p) => p.leader >= 0),
      ),
    );
  });

  after(async () => {
    client.close();
    await dashboard.close();
    await restoreCluster();
    await deleteTopic(loadTopic);
  });

  it('shows the outage, keeps serving, and recovers without a restart; a load through it loses nothing acknowledged', async (t) => {
    // A load runs through the outage: what Kafka acknowledged must all be in the log after.
    const started = await client.action('produce:load-start', {
      topic: loadTopic,
      rate: 200,
      durationSeconds: 300,
      keyPattern: 'k-{n}',
      keySpace: 100,
    });
    assert.ok(started.ok, started.ok ? '' : started.error);
    const run = () => client.loads.find((r) => r.id === started.result.id);
    await client.waitForLoad('the load acknowledged', () => (run()?.acked ?? 0) >= 400, 30_000);
    const topicsBefore = client.state!.topics.length;
    const ms = new Milestones(client);
    ms.expect('unreachable', (s) => s.connection.status === 'unreachable');
    const stopAt = Date.now();
    await embedded.stopAll();
    const stoppedAt = Date.now();
    const down = await client.waitFor('unreachable', (s) => s.connection.status === 'unreachable', 30_000);
    const shownAt = ms.at.get('unreachable')!;
    assert.ok(
      down.brokers.every((b) => !b.online),
      'no broker shown online while nothing answers',
    );
    assert.equal(down.topics.length, topicsBefore, 'last known topics stay on screen');
    assert.equal(down.controllerId, null, 'no controller claimed while nothing answers');
    await assertApiServesOutage(dashboard.url, topicsBefore);

    await embedded.ensureRunning();
    const runningAt = Date.now();
    ms.expect(
      'connected',
      (s) => s.connection.status === 'connected' && s.brokers.filter((b) => b.online).length === 3,
    );
    const upAt = await ms.reached('connected', 90_000);
    const up = client.state!;
    ms.close();
    t.diagnostic(
      `whole cluster stopped (all nodes down ${stoppedAt - stopAt} ms after the stop began): unreachable shown at ${shownAt - stopAt} ms; connected again ${upAt - runningAt} ms after the nodes answered`,
    );
    assert.equal(up.connection.lastError, null);
    assert.ok(up.controllerId !== null);
    // The group sidecar reconnects too: a group that commits now shows up without a restart.
    await client.waitForOffsetsLogLive(60_000);
    const health = (await (await fetch(`${dashboard.url}/api/health`)).json()) as HealthResponse;
    assert.equal(health.kafka.reachable, true);

    // The producer carries on after the outage.
    const ackedWhenUp = run()!.acked;
    await client.waitForLoad('acknowledgements again', () => (run()?.acked ?? 0) > ackedWhenUp + 400, 90_000);
    const stopped = await client.action('produce:load-stop', { id: started.result.id });
    assert.ok(stopped.ok, stopped.ok ? '' : stopped.error);
    const final = stopped.result;
    assert.equal(final.acked + final.failed, final.sent, 'every message sent is acknowledged or reported failed');
    const log = await readLoadRun(loadTopic, final.id);
    let missing = 0;
    for (const n of idsOf(final.ackedIds)) if (!log.seen.has(n)) missing++;
    const duplicates = [...log.seen.values()].reduce((sum, c) => sum + (c - 1), 0);
    t.diagnostic(
      `fault-figures ${JSON.stringify({ fault: 'whole cluster stopped, then started', shownMs: shownAt - stopAt, recoveredMs: upAt - runningAt, producerStallMs: final.longestStallMs, sent: final.sent, acked: final.acked, failed: final.failed, consumedDistinct: log.seen.size, duplicates, ackedMissing: missing })}`,
    );
    assert.equal(missing, 0, `${missing} acknowledged message(s) are not in the log`);
  });
});

describe('started while Kafka is down, then Kafka comes up', { timeout: 300_000 }, () => {
  let dashboard: Dashboard | undefined;
  let client: LiveClient | undefined;
  const topic = randomName('after-outage');

  after(async () => {
    client?.close();
    await dashboard?.close();
    await restoreCluster();
    await deleteTopic(topic);
  });

  it('shows the outage and serves the API, then recovers without a restart', async (t) => {
    await embedded.stopAll();
    dashboard = await startTestDashboard();
    client = new LiveClient(dashboard.url);
    const down = await client.waitFor('unreachable', (s) => s.connection.status === 'unreachable', 30_000);
    assert.ok(down.brokers.every((b) => !b.online));
    assert.equal(down.controllerId, null);
    await assertApiServesOutage(dashboard.url, 0);

    await embedded.ensureRunning();
    const runningAt = Date.now();
    // The poller may be deep in its backoff (at most 5 s): recovery is within that of the cluster's return.
    const up = await client.waitFor(
      'connected with all brokers',
      (s) =>
        s.connection.status === 'connected' &&
        s.brokers.filter((b) => b.online).length === 3 &&
        s.controllerId !== null,
      90_000,
    );
    t.diagnostic(`started while down: connected ${Date.now() - runningAt} ms after the nodes answered`);
    assert.equal(up.connection.lastError, null);
    await client.waitForOffsetsLogLive(60_000);
    // Live, not a one-off read: a topic created now appears.
    await createTopic(topic, 3, 3);
    await client.waitFor(
      'the new topic',
      (s) => s.topics.some((t) => t.name === topic && t.partitions.length === 3),
      30_000,
    );
  });
});

describe('configuration errors at start', () => {
  it('exit with a message that names the variable', () => {
    const r = spawnSync('npx', ['tsx', 'server/index.ts'], {
      env: { ...process.env, KAFKA_BROKERS: 'not-a-broker', PORT: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /KAFKA_BROKERS: "not-a-broker" is not host:port/);
  });
});
