import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import type { Dashboard } from '@/server/app';
import type { HealthResponse } from '@/lib/contract/api';
import { LiveClient } from '@/tests/support/live-client';
import { startTestDashboard } from '@/tests/support/kafka';

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('Kafka unreachable is a state, not a crash', { timeout: 60_000 }, () => {
  let dashboard: Dashboard;
  let client: LiveClient;

  before(async () => {
    dashboard = await startTestDashboard({ KAFKA_BROKERS: `127.0.0.1:${await closedPort()}` });
    client = new LiveClient(dashboard.url);
  });

  after(async () => {
    client.close();
    await dashboard.close();
  });

  it('streams the unreachable state with the error and a retry time', async () => {
    const s = await client.waitFor('unreachable', (s) => s.connection.status === 'unreachable', 20_000);
    assert.ok(s.connection.lastError && s.connection.lastError.length > 0);
    assert.ok((s.connection.nextRetryAt ?? 0) > Date.now() - 1000);
    assert.equal(s.connection.embedded, false);
  });

  it('keeps serving the API: health is 200 and says Kafka is not reachable', async () => {
    const res = await fetch(`${dashboard.url}/api/health`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as HealthResponse;
    assert.equal(body.kafka.reachable, false);
    assert.equal(body.kafka.status, 'unreachable');
    const cluster = await fetch(`${dashboard.url}/api/cluster`);
    assert.equal(cluster.status, 200);
  });

  it('retries with backoff instead of hammering', async () => {
    const rounds = dashboard.poller.rounds;
    await new Promise((r) => setTimeout(r, 3000));
    // At 500 ms polling a healthy loop would run ~6 rounds; backoff runs far fewer.
    assert.ok(dashboard.poller.rounds - rounds <= 3, `ran ${dashboard.poller.rounds - rounds} rounds in 3 s`);
  });
});
