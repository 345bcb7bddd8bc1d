import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { Dashboard } from '../../server/app';
import { LiveClient } from '../support/live-client';
import { embedded, restoreCluster, startTestDashboard } from '../support/kafka';

describe('whole cluster down, then up, with the dashboard running', { timeout: 240_000 }, () => {
  let dashboard: Dashboard;
  let client: LiveClient;

  before(async () => {
    await restoreCluster();
    dashboard = await startTestDashboard();
    client = new LiveClient(dashboard.url);
    await client.waitFor('connected', (s) => s.connection.status === 'connected' && s.brokers.filter((b) => b.online).length === 3);
  });

  after(async () => {
    client.close();
    await dashboard.close();
    await restoreCluster();
  });

  it('shows the outage, keeps serving, and recovers without a restart', async () => {
    const topicsBefore = client.state!.topics.length;
    await embedded.stopAll();
    const down = await client.waitFor('unreachable', (s) => s.connection.status === 'unreachable', 30_000);
    assert.ok(down.brokers.every((b) => !b.online), 'no broker shown online while nothing answers');
    assert.equal(down.topics.length, topicsBefore, 'last known topics stay on screen');
    assert.equal(down.controllerId, null, 'no controller claimed while nothing answers');
    const health = await (await fetch(`${dashboard.url}/api/health`)).json();
    assert.equal(health.kafka.reachable, false);

    await embedded.ensureRunning();
    const up = await client.waitFor('connected again', (s) => s.connection.status === 'connected' && s.brokers.filter((b) => b.online).length === 3, 90_000);
    assert.equal(up.connection.lastError, null);
    assert.ok(up.controllerId !== null);
  });
});

describe('configuration errors at start', () => {
  it('exit with a message that names the variable', () => {
    const r = spawnSync('npx', ['tsx', 'server/index.ts'], { env: { ...process.env, KAFKA_BROKERS: 'not-a-broker', PORT: '0' }, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /KAFKA_BROKERS: "not-a-broker" is not host:port/);
  });
});
