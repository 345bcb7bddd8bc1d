import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Dashboard } from '@/server/app';
import type { ClusterResponse, HealthResponse } from '@/lib/contract/api';
import { LiveClient } from '@/tests/support/live-client';
import { loadConfig } from '@/server/config';
import {
  createTopic,
  deleteTopic,
  randomName,
  restoreCluster,
  startTestDashboard,
  testKafka,
} from '@/tests/support/kafka';

describe('cluster view on the embedded cluster', { timeout: 120_000 }, () => {
  let dashboard: Dashboard;
  let client: LiveClient;
  const topic = randomName('orders');

  before(async () => {
    await restoreCluster();
    dashboard = await startTestDashboard();
    client = new LiveClient(dashboard.url);
  });

  after(async () => {
    client.close();
    await dashboard.close();
    await deleteTopic(topic);
  });

  it('reads a cluster given by KAFKA_BROKERS (one bootstrap address) as well as the embedded one', async () => {
    const own = await startTestDashboard({ KAFKA_BROKERS: `127.0.0.1:${loadConfig().embedded.basePort}` });
    const other = new LiveClient(own.url);
    try {
      const s = await other.waitFor(
        '3 online brokers through the one bootstrap address',
        (s) => s.brokers.filter((b) => b.online).length === 3 && s.connection.status === 'connected',
      );
      assert.equal(s.connection.embedded, false);
      assert.deepEqual(s.connection.brokers, [`127.0.0.1:${loadConfig().embedded.basePort}`]);
    } finally {
      other.close();
      await own.close();
    }
  });

  it('shows 3 online brokers and the quorum leader as the controller', async () => {
    const s = await client.waitFor(
      '3 online brokers and a controller',
      (s) => s.brokers.filter((b) => b.online).length === 3 && s.controllerId !== null,
    );
    assert.deepEqual(
      s.brokers.map((b) => b.id),
      [1, 2, 3],
    );
    assert.equal(s.controllerId, s.quorum?.leaderId);
    assert.deepEqual(s.quorum?.voters.map((v) => v.replicaId).sort(), [1, 2, 3]);
    assert.match(s.clusterId ?? '', /^[A-Za-z0-9_-]{22}$/);
  });

  it('a topic with 3 partitions and replication factor 3 shows a leader and full ISR per partition, across the 3 brokers', async () => {
    await createTopic(topic, 3, 3);
    const s = await client.waitFor(`topic ${topic} with full ISR`, (s) => {
      const t = s.topics.find((t) => t.name === topic);
      return !!t && t.partitions.length === 3 && t.partitions.every((p) => p.leader >= 0 && p.isr.length === 3);
    });
    const t = s.topics.find((t) => t.name === topic)!;
    assert.equal(t.internal, false);
    for (const p of t.partitions) {
      assert.deepEqual([...p.replicas].sort(), [1, 2, 3]);
      assert.deepEqual([...p.isr].sort(), [1, 2, 3]);
      assert.ok(p.replicas.includes(p.leader));
      assert.equal(p.underReplicated, false);
      assert.equal(p.offline, false);
    }
    // Kafka spreads the three leaders over the three brokers.
    assert.deepEqual(t.partitions.map((p) => p.leader).sort(), [1, 2, 3]);
    assert.equal(t.config?.cleanupPolicy, 'delete');
    assert.equal(typeof t.config?.retentionMs, 'number');
  });

  it('high watermarks count produced messages per partition', async () => {
    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({ topic, messages: Array.from({ length: 7 }, (_, i) => ({ value: `m${i}`, partition: 1 })) });
    await producer.send({ topic, messages: [{ value: 'x', partition: 2 }] });
    await producer.disconnect();
    const s = await client.waitFor('watermarks 0/7/1', (s) => {
      const t = s.topics.find((t) => t.name === topic);
      return t?.partitions.map((p) => p.high).join() === '0,7,1';
    });
    const t = s.topics.find((t) => t.name === topic)!;
    assert.deepEqual(
      t.partitions.map((p) => p.low),
      [0, 0, 0],
    );
    // The 8 messages show up as produce rate, and a page opened now gets that history.
    await client.waitFor('a throughput point above 0', () => client.throughput.some((p) => p.rate > 0));
    const late = new LiveClient(dashboard.url);
    try {
      await late.waitFor('snapshot', () => late.throughput.length > 0);
      assert.ok(
        late.throughput.some((p) => p.rate > 0),
        'history reaches a new client',
      );
    } finally {
      late.close();
    }
  });

  it('serves the same state on /api/cluster and reachability on /api/health', async () => {
    const health = (await (await fetch(`${dashboard.url}/api/health`)).json()) as HealthResponse;
    assert.equal(health.ok, true);
    assert.equal(health.kafka.reachable, true);
    const res = await fetch(`${dashboard.url}/api/cluster`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    const cluster = (await res.json()) as ClusterResponse;
    assert.equal(cluster.controllerId, client.state?.controllerId);
    const p = cluster.topics.find((t) => t.name === topic)!.partitions[1];
    assert.equal(typeof p.partition, 'number');
    assert.equal(typeof p.leader, 'number');
    assert.equal(p.high, 7);
    assert.ok(cluster.brokers.every((b) => typeof b.port === 'number' && b.online === true));
  });

  it('answers a malformed or unknown socket event with a clear error and stays up', async () => {
    const raw = client.socket as unknown as { emit(event: string, ...args: unknown[]): void };
    raw.emit('cluster:resync', { reason: 42 });
    raw.emit('cluster:resync', 'x'.repeat(10_000));
    raw.emit('no:such-event', { a: 1 });
    await client.waitFor('three errors', () => client.errors.length >= 3, 5000);
    const invalid = client.errors.filter((e) => e.event === 'cluster:resync');
    assert.equal(invalid.length, 2, JSON.stringify(client.errors));
    for (const e of invalid) assert.match(e.message, /^invalid cluster:resync payload: /);
    assert.ok(client.errors.some((e) => /unknown event "no:such-event"/.test(e.message)));
    const res = await fetch(`${dashboard.url}/api/health`);
    assert.equal(res.status, 200);
    // A valid resync gets a fresh snapshot.
    const before = client.snapshots;
    client.socket.emit('cluster:resync', { reason: 'test' });
    await client.waitFor('a second snapshot', () => client.snapshots > before, 5000);
  });

  it('a deleted topic disappears from the stream', async () => {
    const gone = randomName('short-lived');
    await createTopic(gone, 1, 1);
    await client.waitFor(`${gone} to appear`, (s) => s.topics.some((t) => t.name === gone));
    await deleteTopic(gone);
    await client.waitFor(`${gone} to disappear`, (s) => !s.topics.some((t) => t.name === gone));
    assert.ok(client.patches > 0, 'changes arrive as patches after the snapshot');
  });
});
