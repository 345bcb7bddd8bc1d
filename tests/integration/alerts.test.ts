import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Dashboard } from '@/server/app';
import { createTopic, deleteTopic, randomName, startTestDashboard, testKafka, withAdmin } from '@/tests/support/kafka';
import { actError, actOk } from '@/tests/support/actions';
import { LiveClient } from '@/tests/support/live-client';

// Alerts on the real cluster: a group's lag (made by committing offsets behind the log end)
// fires a rule from the rules file to a local webhook receiver, and resolves when the group
// commits the end; a receiver that never answers holds up nobody; rules edited through the
// action are saved to the file, validated with the field named, and refused in read-only mode.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Received {
  at: number;
  body: { status: string; ruleId: string; groupId: string; value: unknown; condition: string };
}

async function receiver(answer = true) {
  const got: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      got.push({ at: Date.now(), body: JSON.parse(body) as Received['body'] });
      // A receiver that never answers: the poster's timeout, not the dashboard, waits for it.
      if (answer) res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { got, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, server };
}

async function until<T>(what: string, get: () => T | null | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe('alerts to a webhook, from real lag', () => {
  const topic = randomName('alerts');
  const group = randomName('alerts-group');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-live-alerts-'));
  const file = path.join(dir, 'alerts.json');
  let dashboard: Dashboard;
  let live: Awaited<ReturnType<typeof receiver>>;
  let hanging: Awaited<ReturnType<typeof receiver>>;
  const clients: LiveClient[] = [];

  before(async () => {
    live = await receiver();
    hanging = await receiver(false);
    fs.writeFileSync(
      file,
      JSON.stringify({
        webhook: live.url,
        rules: [
          { id: 'behind', name: 'Behind by more than 5', group, when: { lagOver: 5 } },
          // Same condition to a receiver that never answers: it must not delay the one above.
          { id: 'behind-hanging', name: 'Behind (slow receiver)', group, when: { lagOver: 5 }, webhook: hanging.url },
        ],
      }),
    );
    await createTopic(topic, 1, 3);
    const producer = testKafka('alerts-producer').producer();
    await producer.connect();
    await producer.send({ topic, messages: Array.from({ length: 20 }, (_, i) => ({ value: `m${i}` })) });
    await producer.disconnect();
    dashboard = await startTestDashboard({ KAFKA_LIVE_ALERTS_FILE: file });
  });

  after(async () => {
    for (const c of clients) c.close();
    await dashboard?.close();
    live.server.close();
    hanging.server.closeAllConnections();
    hanging.server.close();
    await deleteTopic(topic).catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fires on lag, posts to the webhook, shows it live and in the API, then resolves', async (t) => {
    const c = new LiveClient(dashboard.url);
    clients.push(c);
    c.watchAlerts(true);
    await until('the alerts state', () => c.alerts);
    assert.deepEqual(
      c.alerts!.rules.map((r) => r.id),
      ['behind', 'behind-hanging'],
    );
    assert.deepEqual(c.alerts!.savedTo, { kind: 'file', path: file });
    await c.waitForOffsetsLogLive();

    const committedAt = Date.now();
    await withAdmin((a) => a.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: '5' }] }));
    const fired = await until('the firing webhook call', () => live.got.find((r) => r.body.status === 'firing'));
    assert.equal(fired.body.ruleId, 'behind');
    assert.equal(fired.body.groupId, group);
    assert.equal(fired.body.value, 15);
    assert.match(fired.body.condition, /lag over 5 messages/);
    const firedMs = fired.at - committedAt;

    await until('the alert on the page', () => c.alerts?.firing.some((a) => a.ruleId === 'behind'));
    const api = (await (await fetch(`${dashboard.url}/api/alerts`)).json()) as { firing: { ruleId: string }[] };
    assert.deepEqual(api.firing.map((a) => a.ruleId).sort(), ['behind', 'behind-hanging']);
    const metrics = await (await fetch(`${dashboard.url}/metrics`)).text();
    assert.match(metrics, new RegExp(`kafka_live_alert_firing\\{rule="behind",group="${group}"\\} 1`));
    // The slow receiver got its call too, and is still holding it: nothing above waited for it.
    await until('the call to the receiver that never answers', () => hanging.got.length > 0);

    const caughtUpAt = Date.now();
    await withAdmin((a) => a.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: '20' }] }));
    const resolved = await until('the resolved webhook call', () => live.got.find((r) => r.body.status === 'resolved'));
    assert.equal(resolved.body.ruleId, 'behind');
    assert.equal(resolved.body.value, 0);
    await until('no alert firing on the page', () => c.alerts?.firing.every((a) => a.ruleId !== 'behind'));
    assert.deepEqual(
      c.alerts!.recent.filter((e) => e.ruleId === 'behind').map((e) => e.status),
      ['resolved', 'firing'],
    );
    t.diagnostic(
      `commit behind -> webhook firing ${firedMs} ms; commit at end -> resolved ${resolved.at - caughtUpAt} ms`,
    );
  });

  it('edits the rules through the action: validated with the field named, saved to the file, applied at once', async () => {
    const bad = await actError(dashboard, 'alerts:set-rules', {
      rules: [{ id: 'x', name: 'x', group, when: { lagOver: 5, verdictNot: 'OK' } }],
    });
    assert.match(bad, /exactly one of/);
    const twice = await actError(dashboard, 'alerts:set-rules', {
      rules: [
        { id: 'x', name: 'x', group, when: { lagOver: 5 } },
        { id: 'x', name: 'y', group, when: { lagOver: 6 } },
      ],
    });
    assert.match(twice, /used twice/);
    assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).rules.length, 2, 'a refused edit changes nothing');

    const before = live.got.length;
    await withAdmin((a) => a.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: '10' }] }));
    await until('lag 10 seen', () => dashboard.groups.detail(group)?.totalLag === 10);
    const state = await actOk(dashboard, 'alerts:set-rules', {
      webhook: live.url,
      rules: [{ id: 'over-8', name: 'Over 8', group: 'alerts-group-*', when: { lagOver: 8 } }],
    });
    assert.deepEqual(
      state.firing.map((a) => [a.ruleId, a.groupId]),
      [['over-8', group]],
      'new rules judge the groups as they are now',
    );
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { rules: { id: string }[] };
    assert.deepEqual(
      saved.rules.map((r) => r.id),
      ['over-8'],
    );
    await until('the new rule posted', () => live.got.slice(before).some((r) => r.body.ruleId === 'over-8'));
  });

  it('is refused in read-only mode, and GET /api/alerts still answers there', async () => {
    const ro = await startTestDashboard({ READ_ONLY: 'true', KAFKA_LIVE_ALERTS_FILE: file });
    try {
      const refused = await actError(ro, 'alerts:set-rules', { rules: [] });
      assert.match(refused, /read-only/);
      const res = await fetch(`${ro.url}/api/alerts`);
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as { rules: unknown[] }).rules.length, 1);
    } finally {
      await ro.close();
    }
  });
});
