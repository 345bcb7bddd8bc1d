import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Dashboard } from '@/server/app';
import { createTopic, randomName, startTestDashboard, withAdmin } from '@/tests/support/kafka';
import { actOk } from '@/tests/support/actions';

// kafkajs asks for every topic a producer ever sent to in each metadata refresh; once one is
// deleted, each refresh fails and every later send, to any topic, spins until it times out.
// The dashboard replaces such a producer: after a topic it produced to is deleted (from the
// dashboard or by another tool), a send to another topic is answered as usual.

const send = (d: Dashboard, topic: string) =>
  actOk(d, 'produce:send', { topic, key: 'k', value: 'v', format: 'text', headers: [], partition: null, count: 1 });

/** The send's answer, or "no answer" after 15 s (kafkajs alone would spin for ~27 s). */
const answered = (p: Promise<unknown>) =>
  Promise.race([p.then(() => 'answered'), new Promise((r) => setTimeout(() => r('no answer'), 15_000))]);

const seen = (d: Dashboard, topic: string) => d.store.snapshot().topics.some((t) => t.name === topic);

async function until(ok: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!ok()) {
    assert.ok(Date.now() < deadline, `timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('produce after a topic is deleted', () => {
  let dashboard: Dashboard;
  before(async () => {
    dashboard = await startTestDashboard();
  });
  after(async () => {
    await dashboard.close();
  });

  it('deleted from the dashboard: the next send to another topic is answered', async () => {
    const gone = randomName('deleted-here');
    const next = randomName('after-delete');
    await createTopic(gone, 3, 3);
    await createTopic(next, 3, 3);
    await send(dashboard, gone);
    await actOk(dashboard, 'topic:delete', { topic: gone, confirm: gone });
    assert.equal(await answered(send(dashboard, next)), 'answered');
  });

  it('deleted by another tool: once the poller sees it gone, the next send is answered', async () => {
    const gone = randomName('deleted-elsewhere');
    const next = randomName('after-delete');
    await createTopic(gone, 3, 3);
    await createTopic(next, 3, 3);
    await send(dashboard, gone);
    // The poller must have seen the topic first: a send can beat its next round, and a topic the
    // poller never listed says nothing when it is missing from a read (the race of a loaded box).
    await until(() => seen(dashboard, gone), 'the poller lists the topic');
    await withAdmin((a) => a.deleteTopics({ topics: [gone] }));
    await until(() => !seen(dashboard, gone), 'the poller sees the topic gone');
    assert.equal(await answered(send(dashboard, next)), 'answered');
  });
});
