import { after, before, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { Dashboard } from '@/server/app';
import type { ClusterSnapshot } from '@/lib/contract/cluster';
import type { LoadRun } from '@/lib/contract/actions';
import { idsOf, rangeCount } from '@/lib/id-ranges';
import { LiveClient } from '@/tests/support/live-client';
import { Milestones } from '@/tests/support/milestones';
import { readLoadRun } from '@/tests/support/log-reader';
import {
  createTopic,
  deleteTopic,
  embedded,
  randomName,
  restoreCluster,
  startTestDashboard,
} from '@/tests/support/kafka';

// A load started from the dashboard and a lab group reading it, while one broker is killed
// (SIGKILL) and restarted, and separately while the active controller is. Nothing Kafka
// acknowledged may go missing: the ids the load generator recorded as acknowledged are
// compared with the ids in the log, which the lab group must have read to its end.

const RATE = 1_000;
// Long enough for any fault; the test stops the run once the cluster has recovered.
const LOAD_SECONDS = 240;
// The dashboard polls every 500 ms and the load moves watermarks every round: a silence
// longer than this means the stream stalled.
const MAX_PATCH_GAP_MS = 5_000;

const topicOf = (s: ClusterSnapshot, name: string) => s.topics.find((t) => t.name === name);
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface FaultFigures {
  fault: string;
  victim: number;
  shownMs: number;
  offlineMs: number;
  leadersMovedMs: number;
  underReplicatedMs: number;
  controllerMovedMs: number | null;
  recoveredMs: number;
  longestPatchGapMs: number;
  producerStallMs: number;
  sent: number;
  acked: number;
  failed: number;
  consumedDistinct: number;
  duplicates: number;
  ackedMissing: number;
}

describe('broker and controller faults under load: nothing acknowledged is lost', { timeout: 600_000 }, () => {
  let dashboard: Dashboard;
  let client: LiveClient;
  const topics: string[] = [];
  const figures: FaultFigures[] = [];

  before(async () => {
    await restoreCluster();
    dashboard = await startTestDashboard();
    client = new LiveClient(dashboard.url);
    await client.waitFor(
      'all brokers online',
      (s) => s.connection.status === 'connected' && s.brokers.filter((b) => b.online).length === 3,
    );
  });

  after(async () => {
    // The table for the report: one line per fault.
    for (const f of figures) console.log(`fault-figures ${JSON.stringify(f)}`);
    client?.close();
    await dashboard?.close();
    await restoreCluster();
    await Promise.all(topics.map(deleteTopic));
  });

  async function faultUnderLoad(t: TestContext, fault: 'broker' | 'controller'): Promise<void> {
    await restoreCluster();
    const topic = randomName(`load-${fault}`);
    const groupId = randomName(`load-${fault}-group`);
    topics.push(topic);
    await createTopic(topic, 3, 3);
    await client.waitFor(
      'topic with full ISR',
      (s) => topicOf(s, topic)?.partitions.every((p) => p.leader >= 0 && p.isr.length === 3) ?? false,
    );

    const instance = await client.action('lab:start', {
      groupId,
      topics: [topic],
      consumers: 2,
      processingDelayMs: 0,
      sessionTimeoutMs: 10_000,
    });
    assert.ok(instance.ok, instance.ok ? '' : instance.error);
    const started = await client.action('produce:load-start', {
      topic,
      rate: RATE,
      durationSeconds: LOAD_SECONDS,
      keyPattern: 'order-{n}',
      keySpace: 1_000,
    });
    assert.ok(started.ok, started.ok ? '' : started.error);
    const runId = started.result.id;
    const run = () => client.loads.find((r) => r.id === runId);
    await client.waitForLoad('a few seconds of load acknowledged', () => (run()?.acked ?? 0) >= RATE * 3, 60_000);

    const before = client.state!;
    // The controller case kills the quorum leader; the broker case a broker that leads part
    // of the topic and is not the controller, so the two faults stay apart.
    const victim =
      fault === 'controller'
        ? before.controllerId!
        : (topicOf(before, topic)!
            .partitions.map((p) => p.leader)
            .find((l) => l !== before.controllerId) ?? topicOf(before, topic)!.partitions[0].leader);
    assert.ok(victim !== null && victim > 0, `a victim to kill (controller ${before.controllerId})`);

    const ms = new Milestones(client);
    const brokerOf = (s: ClusterSnapshot) => s.brokers.find((b) => b.id === victim);
    const killedAt = Date.now();
    await embedded.killNode(victim);
    ms.expect('shown', (s) => brokerOf(s)?.online === false);
    ms.expect('offline', (s) => brokerOf(s)?.status === 'offline');
    ms.expect(
      'leaders moved',
      (s) => topicOf(s, topic)?.partitions.every((p) => p.leader >= 0 && p.leader !== victim) ?? false,
    );
    ms.expect(
      'under-replicated',
      (s) => topicOf(s, topic)?.partitions.every((p) => p.underReplicated && !p.isr.includes(victim)) ?? false,
    );
    if (fault === 'controller')
      ms.expect('controller moved', (s) => s.controllerId !== null && s.controllerId !== victim);
    for (const name of [
      'shown',
      'offline',
      'leaders moved',
      'under-replicated',
      ...(fault === 'controller' ? ['controller moved'] : []),
    ]) {
      await ms.reached(name, 60_000);
    }
    const down = client.state!;
    assert.equal(down.connection.status, 'connected', 'the rest of the cluster stays connected');
    assert.ok(
      topicOf(down, topic)!.partitions.every((p) => p.replicas.includes(victim)),
      'replica assignment stays',
    );

    const restartAt = Date.now();
    await embedded.startNode(victim);
    ms.expect(
      'recovered',
      (s) =>
        brokerOf(s)?.status === 'online' &&
        (topicOf(s, topic)?.partitions.every((p) => p.isr.length === 3 && !p.underReplicated) ?? false),
    );
    const recoveredAt = await ms.reached('recovered', 120_000);
    const longestGap = ms.longestGap(killedAt, recoveredAt);
    ms.close();

    // A little load after the recovery too, then stop it and let every answer come back.
    await wait(2_000);
    const stopped = await client.action('produce:load-stop', { id: runId });
    assert.ok(stopped.ok, stopped.ok ? '' : stopped.error);
    const final: LoadRun = stopped.result;
    assert.equal(final.status, 'stopped');
    assert.equal(final.acked + final.failed, final.sent, 'every message sent is acknowledged or reported failed');
    assert.equal(rangeCount(final.ackedIds), final.acked);
    assert.equal(rangeCount(final.failedIds), final.failed);
    assert.equal(
      final.failed,
      0,
      `the producer gave up on messages while the cluster could still take them: ${final.lastError}`,
    );

    // The whole log as it is now (nothing writes to it any more), then the lab group must
    // have read and committed all of it.
    const log = await readLoadRun(topic, runId);
    let missing = 0;
    for (const n of idsOf(final.ackedIds)) if (!log.seen.has(n)) missing++;
    const duplicates = [...log.seen.values()].reduce((sum, c) => sum + (c - 1), 0);
    const caughtUp = await pollGroup(groupId, log.records, 180_000);
    const committed = caughtUp.offsets.reduce((sum, o) => sum + (o.committed ?? 0), 0);

    const f: FaultFigures = {
      fault: fault === 'controller' ? 'active controller SIGKILL' : 'broker SIGKILL',
      victim,
      shownMs: ms.at.get('shown')! - killedAt,
      offlineMs: ms.at.get('offline')! - killedAt,
      leadersMovedMs: ms.at.get('leaders moved')! - killedAt,
      underReplicatedMs: ms.at.get('under-replicated')! - killedAt,
      controllerMovedMs: fault === 'controller' ? ms.at.get('controller moved')! - killedAt : null,
      recoveredMs: recoveredAt - restartAt,
      longestPatchGapMs: longestGap,
      producerStallMs: final.longestStallMs,
      sent: final.sent,
      acked: final.acked,
      failed: final.failed,
      consumedDistinct: log.seen.size,
      duplicates,
      ackedMissing: missing,
    };
    figures.push(f);
    t.diagnostic(JSON.stringify(f));

    assert.equal(missing, 0, `${missing} acknowledged message(s) are not in the log`);
    assert.equal(log.foreign, 0, 'only this run wrote to the topic');
    assert.equal(log.records, log.seen.size + duplicates);
    assert.equal(duplicates, 0, `${duplicates} message(s) were written twice by an idempotent producer`);
    assert.equal(committed, log.records, 'the lab group committed the whole log');
    // The worker reports its count every 250 ms, and a commit can reach the group before that
    // report reaches the dashboard: wait a little for the count to come in.
    const consumedOf = () => dashboard.lab.instances().find((i) => i.name === instance.result.name)!.consumed;
    for (let i = 0; i < 50 && consumedOf() < log.records; i++) await wait(200);
    const consumed = consumedOf();
    assert.ok(consumed >= log.records, `the lab instance consumed ${consumed} of ${log.records} records`);
    assert.ok(longestGap < MAX_PATCH_GAP_MS, `the dashboard went ${longestGap} ms without a patch during the fault`);

    await client.action('lab:stop', { instance: instance.result.name });
  }

  /** The group's commits as the dashboard shows them, once they cover `records` (the log end). */
  async function pollGroup(groupId: string, records: number, timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const d = dashboard.groups.detail(groupId);
      const committed = d?.offsets.reduce((sum, o) => sum + (o.committed ?? 0), 0) ?? 0;
      if (d && d.offsets.length === 3 && committed >= records && d.totalLag === 0) return d;
      if (Date.now() > deadline)
        throw new Error(`group ${groupId} did not catch up; last: ${JSON.stringify(d?.offsets)}`);
      await wait(200);
    }
  }

  it('a broker killed and restarted under load: shown offline, leaderships move, under-replicated, recovered; every acknowledged id consumed', (t) =>
    faultUnderLoad(t, 'broker'));

  it('the active controller killed under load: a new controller shown, the same guarantees', (t) =>
    faultUnderLoad(t, 'controller'));
});
