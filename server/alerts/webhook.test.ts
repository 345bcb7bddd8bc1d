import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookPoster } from './webhook';

// A real receiver on 127.0.0.1: each path behaves differently.
let base = '';
const received: { path: string; body: unknown; at: number }[] = [];
const failuresLeft = new Map<string, number>();
const server = http.createServer((req, res) => {
  let data = '';
  req.on('data', (c) => (data += c));
  req.on('end', () => {
    const path = req.url ?? '';
    received.push({ path, body: JSON.parse(data), at: Date.now() });
    if (path.startsWith('/hang')) return; // never answers
    if (path.startsWith('/flaky') && (failuresLeft.get(path) ?? 0) > 0) {
      failuresLeft.set(path, failuresLeft.get(path)! - 1);
      res.writeHead(500).end();
      return;
    }
    if (path.startsWith('/dead')) return void res.writeHead(503).end();
    if (path.startsWith('/gone')) return void res.writeHead(404).end();
    res.writeHead(204).end();
  });
});

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

// A generous per-try timeout: a slow first connection on a busy machine must not read as a hang.
const fast = { backoffMs: 20, maxBackoffMs: 1_000, timeoutMs: 3_000 };
const bodies = (path: string) => received.filter((r) => r.path === path).map((r) => r.body);

describe('webhook poster', () => {
  it('posts firing then resolved as JSON, in order', async () => {
    const poster = new WebhookPoster(fast);
    poster.post(`${base}/ok`, { status: 'firing', ruleId: 'r' });
    poster.post(`${base}/ok`, { status: 'resolved', ruleId: 'r' });
    await poster.idle();
    assert.deepEqual(bodies('/ok'), [
      { status: 'firing', ruleId: 'r' },
      { status: 'resolved', ruleId: 'r' },
    ]);
    assert.equal(poster.stats.sent, 2);
  });

  it('retries on 500 with backoff until it is taken', async () => {
    failuresLeft.set('/flaky', 2);
    const poster = new WebhookPoster({ ...fast, backoffMs: 100 });
    poster.post(`${base}/flaky`, { n: 1 });
    await poster.idle();
    const tries = received.filter((r) => r.path === '/flaky');
    assert.equal(tries.length, 3);
    assert.ok(tries[2].at - tries[0].at >= 290, `waits 100 ms, then 200 ms: ${tries.map((t) => t.at - tries[0].at)}`);
    assert.deepEqual([poster.stats.sent, poster.stats.retries], [1, 2]);
  });

  it('gives up after maxAttempts on 5xx, and at once on 4xx', async () => {
    const lines: string[] = [];
    const poster = new WebhookPoster({ ...fast, maxAttempts: 3, log: (l) => lines.push(l) });
    poster.post(`${base}/dead?token=secret`, { n: 1 });
    poster.post(`${base}/gone`, { n: 2 });
    await poster.idle();
    assert.equal(received.filter((r) => r.path.startsWith('/dead')).length, 3);
    assert.equal(received.filter((r) => r.path === '/gone').length, 1);
    assert.equal(poster.stats.failed, 2);
    assert.ok(lines.some((l) => /gave up after 3/.test(l)));
    assert.ok(!lines.some((l) => l.includes('secret')), 'the URL token is never logged');
  });

  it('a hanging receiver neither blocks the caller nor other webhooks', async () => {
    // Each try at the hanging one waits 3 s: 50 of them would take minutes if they queued up.
    const poster = new WebhookPoster({ ...fast, maxAttempts: 2 });
    const started = performance.now();
    for (let i = 0; i < 50; i++) poster.post(`${base}/hang`, { i });
    const callMs = performance.now() - started;
    assert.ok(callMs < 200, `50 posts took ${callMs.toFixed(1)} ms of the caller's time`);
    poster.post(`${base}/ok2`, { other: true });
    const t0 = Date.now();
    while (bodies('/ok2').length === 0 && Date.now() - t0 < 3_000) await new Promise((r) => setTimeout(r, 10));
    assert.ok(Date.now() - t0 < 1_000, `the other webhook got its alert after ${Date.now() - t0} ms`);
    poster.close();
  });

  it('bounds its queue: a dead destination drops its oldest alerts', () => {
    const poster = new WebhookPoster({ ...fast, queueCap: 5 });
    for (let i = 0; i < 20; i++) poster.post(`${base}/hang-q`, { i });
    assert.equal(poster.stats.dropped, 15);
    assert.equal(poster.stats.pending, 5);
    poster.close();
  });
});
