import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Dashboard } from '@/server/app';
import type { ProduceRequest } from '@/lib/contract/action-schemas';
import { deleteTopic, randomName, startTestDashboard } from '@/tests/support/kafka';
import { connectSocket, get, postForm, postJson, sessionCookie, until } from '@/tests/support/http';

// Every refusal of the security layer, through real HTTP and real socket.io clients against a
// dashboard on the embedded cluster: login (token, user and password), sign-in lockout,
// sign-out, the socket's origin check, the produce/lab rate limit and the security headers.

const TOKEN = 'token-for-tests-0123456789';
const message = (topic: string): ProduceRequest => ({
  topic,
  key: null,
  value: 'hello',
  format: 'text',
  headers: [],
  partition: null,
  count: 1,
});

describe('login with a token', { timeout: 120_000 }, () => {
  let dashboard: Dashboard;
  let url: string;

  before(async () => {
    dashboard = await startTestDashboard({ KAFKA_LIVE_AUTH_TOKEN: TOKEN });
    url = dashboard.url;
  });
  after(() => dashboard.close());

  it('refuses the API, /metrics and actions without credentials, with a 401 that says how to sign in', async () => {
    for (const path of ['/api/cluster', '/api/groups', '/api/groups/anything', '/metrics', '/api/nothing-here']) {
      const res = await get(`${url}${path}`);
      assert.equal(res.status, 401, path);
      assert.equal(res.headers.get('www-authenticate'), 'Bearer realm="kafka-live"');
      assert.match((await res.json()).error, /sign in required/);
    }
    const action = await postJson(`${url}/api/actions/produce:send`, message('anything'));
    assert.equal(action.status, 401);
  });

  it('sends a browser asking for a page to the login page, keeping where it was going', async () => {
    const res = await get(`${url}/topics?x=1`, { accept: 'text/html' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `/login?next=${encodeURIComponent('/topics?x=1')}`);
    const page = await get(`${url}/login?next=%2Ftopics`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /name="token"/);
    assert.match(html, /name="next" value="\/topics"/);
  });

  it('keeps /api/health open for load balancers, saying only whether Kafka is reachable', async () => {
    const res = await get(`${url}/api/health`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), ['kafka', 'ok']);
    assert.deepEqual(Object.keys(body.kafka as object).sort(), ['reachable', 'status']);
    const full = (await (await get(`${url}/api/health`, { authorization: `Bearer ${TOKEN}` })).json()) as Record<
      string,
      unknown
    >;
    assert.ok('uptimeSeconds' in full, 'signed in, health has its detail');
  });

  it('lets a script in with Authorization: Bearer, and refuses a wrong token', async () => {
    assert.equal((await get(`${url}/api/cluster`, { authorization: `Bearer ${TOKEN}` })).status, 200);
    assert.equal((await get(`${url}/metrics`, { authorization: `Bearer ${TOKEN}` })).status, 200);
    const wrong = await get(`${url}/api/cluster`, { authorization: `Bearer ${TOKEN}x` });
    assert.equal(wrong.status, 401);
    assert.match((await wrong.json()).error, /wrong access token/);
  });

  it('signs a person in with an HttpOnly, SameSite=Strict cookie, and out again', async () => {
    const wrong = await postForm(`${url}/login`, { token: 'not-the-token-at-all', next: '/lab' });
    assert.equal(wrong.status, 401);
    assert.match(await wrong.text(), /wrong access token/);

    const res = await postForm(`${url}/login`, { token: TOKEN, next: '/lab' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/lab');
    const setCookie = res.headers.get('set-cookie') ?? '';
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Strict/);
    assert.match(setCookie, /Path=\//);
    assert.doesNotMatch(setCookie, /Secure/, 'plain HTTP: a Secure cookie would never come back');
    const cookie = sessionCookie(res);
    assert.equal((await get(`${url}/api/cluster`, { cookie })).status, 200);

    const socket = await connectSocket(url, { cookie });
    const closed = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    const out = await fetch(`${url}/logout`, { method: 'POST', headers: { cookie }, redirect: 'manual' });
    assert.equal(out.status, 303);
    assert.equal(out.headers.get('location'), '/login');
    assert.match(out.headers.get('set-cookie') ?? '', /Max-Age=0/);
    assert.equal(await closed, 'io server disconnect', 'the signed-out session loses its live socket');
    assert.equal((await get(`${url}/api/cluster`, { cookie })).status, 401);
    await assert.rejects(connectSocket(url, { cookie }));
  });

  it('marks the cookie Secure behind a TLS proxy, and never redirects off the dashboard', async () => {
    const res = await postForm(
      `${url}/login`,
      { token: TOKEN, next: '//evil.example/steal' },
      { 'x-forwarded-proto': 'https' },
    );
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/');
    assert.match(res.headers.get('set-cookie') ?? '', /; Secure/);
  });

  it('refuses the socket handshake without a session, on both transports', async () => {
    await assert.rejects(connectSocket(url), 'websocket without credentials');
    await assert.rejects(connectSocket(url, {}, ['polling']), 'polling without credentials');
    const raw = await get(`${url}/socket.io/?EIO=4&transport=polling`);
    assert.equal(raw.status, 403);
    assert.match(await raw.text(), /sign in required/);
    const socket = await connectSocket(url, { authorization: `Bearer ${TOKEN}` });
    socket.close();
  });
});

describe('login with a username and password', { timeout: 60_000 }, () => {
  let dashboard: Dashboard;
  const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;

  before(async () => {
    dashboard = await startTestDashboard({
      KAFKA_LIVE_AUTH_USERNAME: 'operator',
      KAFKA_LIVE_AUTH_PASSWORD: 'correct horse battery',
      KAFKA_LIVE_LOGIN_LIMIT: '3',
    });
  });
  after(() => dashboard.close());

  it('accepts HTTP Basic and the login form, and refuses a wrong user or password', async () => {
    const url = dashboard.url;
    assert.equal(
      (await get(`${url}/api/cluster`, { authorization: basic('operator', 'correct horse battery') })).status,
      200,
    );
    const noAuth = await get(`${url}/api/cluster`);
    assert.match(noAuth.headers.get('www-authenticate') ?? '', /^Basic/);
    const form = await postForm(`${url}/login`, { username: 'operator', password: 'correct horse battery', next: '/' });
    assert.equal(form.status, 303);
    assert.equal((await get(`${url}/api/groups`, { cookie: sessionCookie(form) })).status, 200);
  });

  it('after too many failed sign-ins pauses the address, even for the right password, saying when to retry', async () => {
    const url = dashboard.url;
    for (let i = 0; i < 2; i++)
      assert.equal(
        (await get(`${url}/api/cluster`, { authorization: basic('root', 'correct horse battery') })).status,
        401,
      );
    assert.equal((await postForm(`${url}/login`, { username: 'operator', password: 'guess', next: '/' })).status, 401);
    const blocked = await get(`${url}/api/cluster`, { authorization: basic('operator', 'correct horse battery') });
    assert.equal(blocked.status, 429);
    assert.ok(Number(blocked.headers.get('retry-after')) > 0);
    assert.match((await blocked.json()).error, /too many failed sign-ins.*try again in \d+ s/);
    const form = await postForm(`${url}/login`, { username: 'operator', password: 'correct horse battery', next: '/' });
    assert.equal(form.status, 429);
    assert.match(await form.text(), /too many failed sign-ins/);
  });
});

describe('socket.io origin check and cross-site writes', { timeout: 60_000 }, () => {
  let dashboard: Dashboard;

  before(async () => {
    dashboard = await startTestDashboard({ KAFKA_LIVE_ALLOWED_ORIGINS: 'https://kafka.example.com' });
  });
  after(() => dashboard.close());

  it("refuses a handshake from another site's page, on both transports", async () => {
    const evil = { origin: 'http://evil.example' };
    await assert.rejects(connectSocket(dashboard.url, evil));
    await assert.rejects(connectSocket(dashboard.url, evil, ['polling']));
    const raw = await get(`${dashboard.url}/socket.io/?EIO=4&transport=polling`, evil);
    assert.equal(raw.status, 403);
    assert.match(await raw.text(), /origin \\?"http:\/\/evil.example\\?" is not allowed/);
  });

  it('accepts its own origin, an allow-listed one, and tools that send none', async () => {
    const own = new URL(dashboard.url).origin;
    const handshakes: Record<string, string>[] = [{ origin: own }, { origin: 'https://kafka.example.com' }, {}];
    for (const headers of handshakes) {
      const socket = await connectSocket(dashboard.url, headers);
      const snapshot = new Promise((resolve) => socket.once('cluster:snapshot', resolve));
      socket.emit('cluster:resync', { reason: 'test' });
      assert.ok(await snapshot);
      socket.close();
    }
  });

  it('refuses an action POSTed from another origin', async () => {
    const res = await postJson(
      `${dashboard.url}/api/actions/topic:count-keys`,
      { topic: 'x' },
      { origin: 'http://evil.example' },
    );
    assert.equal(res.status, 403);
    assert.match((await res.json()).error, /is not allowed/);
  });
});

describe('rate limit on produce and lab actions', { timeout: 120_000 }, () => {
  let dashboard: Dashboard;
  const topic = randomName('rate-limited');

  before(async () => {
    dashboard = await startTestDashboard({ KAFKA_LIVE_ACTION_LIMIT: '3' });
    await until('Kafka connected', () => dashboard.store.snapshot().connection.status === 'connected', 60_000);
    const created = await postJson(`${dashboard.url}/api/actions/topic:create`, {
      name: topic,
      partitions: 1,
      replicationFactor: 1,
      cleanupPolicy: 'delete',
      retentionMs: null,
      retentionBytes: null,
      segmentMs: null,
    });
    assert.equal(created.status, 200, await created.text());
  });
  after(async () => {
    await dashboard.close();
    await deleteTopic(topic);
  });

  it('refuses the action past the limit on the socket and the API (429), with when to retry', async () => {
    const socket = await connectSocket(dashboard.url);
    try {
      await until('the topic to be known', () =>
        dashboard.store.snapshot().topics.some((t) => t.name === topic && t.partitions.every((p) => p.leader >= 0)),
      );
      for (let i = 0; i < 3; i++) {
        const answer = await socket
          .timeout(30_000)
          .emitWithAck('action:run', { name: 'produce:send', payload: message(topic) });
        assert.equal(answer.ok, true, JSON.stringify(answer));
      }
      const refused = await socket.timeout(30_000).emitWithAck('action:run', {
        name: 'lab:start',
        payload: { groupId: 'g', topics: [topic], consumers: 1, processingDelayMs: 0, sessionTimeoutMs: 10_000 },
      });
      assert.equal(refused.ok, false);
      if (!refused.ok) {
        assert.match(refused.error, /too many produce and lab actions .* at most 3 a minute .*try again in \d+ s/);
        assert.ok((refused.retryAfterSeconds ?? 0) > 0);
      }
      const http = await postJson(`${dashboard.url}/api/actions/produce:send`, message(topic));
      assert.equal(http.status, 429);
      assert.ok(Number(http.headers.get('retry-after')) > 0);
      assert.match((await http.json()).error, /try again in \d+ s/);

      // Stopping something and other actions are not limited; a bad payload is still just bad.
      const stop = await socket
        .timeout(30_000)
        .emitWithAck('action:run', { name: 'lab:kill', payload: { instance: 'Z9' } });
      assert.equal(stop.ok, false);
      if (!stop.ok) assert.doesNotMatch(stop.error, /too many/);
      const count = await postJson(`${dashboard.url}/api/actions/topic:count-keys`, { topic });
      assert.equal(count.status, 200);
    } finally {
      socket.close();
    }
  });
});

describe('security headers and request checks', { timeout: 60_000 }, () => {
  let dashboard: Dashboard;

  before(async () => {
    dashboard = await startTestDashboard();
  });
  after(() => dashboard.close());

  it('sends CSP and friends on API answers, errors and refusals, and no X-Powered-By', async () => {
    const answers = [
      await get(`${dashboard.url}/api/health`),
      await get(`${dashboard.url}/api/nope`),
      await fetch(`${dashboard.url}/api/actions/produce:send`, { method: 'POST', body: 'x' }),
    ];
    for (const res of answers) {
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.match(csp, /object-src 'none'/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('x-frame-options'), 'DENY');
      assert.equal(res.headers.get('referrer-policy'), 'same-origin');
      assert.match(res.headers.get('permissions-policy') ?? '', /camera=\(\)/);
      assert.equal(res.headers.get('x-powered-by'), null);
    }
  });

  it('answers bodies that are not JSON, too large or of the wrong type with a clear 4xx', async () => {
    const post = (body: string | Uint8Array<ArrayBuffer>, type = 'application/json') =>
      fetch(`${dashboard.url}/api/actions/topic:count-keys`, {
        method: 'POST',
        body,
        headers: { 'content-type': type },
      });
    const text = await post('{"topic":"x"}', 'text/plain');
    assert.equal(text.status, 415);
    assert.match((await text.json()).error, /content-type: application\/json/);
    const form = await post('topic=x', 'application/x-www-form-urlencoded');
    assert.equal(form.status, 415);
    const broken = await post('{"topic":');
    assert.equal(broken.status, 400);
    assert.match((await broken.json()).error, /not valid JSON/);
    const deep = await post('['.repeat(5000) + ']'.repeat(5000));
    assert.equal(deep.status, 400);
    assert.match((await deep.json()).error, /invalid topic:count-keys/);
    const huge = await post(new Uint8Array(2_100_000).fill(0x20));
    assert.equal(huge.status, 413);
    assert.match((await huge.json()).error, /over 2000000 bytes/);
    const badUtf8 = await post(
      new Uint8Array([0x7b, 0x22, 0x74, 0x6f, 0x70, 0x69, 0x63, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    );
    assert.equal(badUtf8.status, 400);
    assert.match((await badUtf8.json()).error, /topic/);
  });

  it('checks the group id in the path against the contract', async () => {
    const long = await get(`${dashboard.url}/api/groups/${'g'.repeat(2000)}`);
    assert.equal(long.status, 400);
    assert.match((await long.json()).error, /group ids are at most 1000 characters/);
    const empty = await get(`${dashboard.url}/api/groups/`);
    assert.equal(empty.status, 400);
    assert.match((await empty.json()).error, /a group id is required/);
  });

  it('answers a malformed action:run request through its ack, and unknown events with an error', async () => {
    const socket = await connectSocket(dashboard.url);
    try {
      for (const request of [
        'produce:send',
        { payload: {} },
        { name: 42 },
        { name: 'produce:send', payload: {}, extra: 1 },
      ]) {
        const answer = await socket.timeout(10_000).emitWithAck('action:run', request as never);
        assert.equal(answer.ok, false);
        if (!answer.ok) assert.match(answer.error, /invalid action:run request/);
      }
      const errors: string[] = [];
      socket.on('action:error', (e) => errors.push(e.message));
      (socket as unknown as { emit(e: string, p: unknown): void }).emit('drop:tables', {});
      socket.emit('watch', { kind: 'group', groupId: 42 } as never);
      await until('two errors', () => errors.length >= 2);
      assert.ok(errors.some((m) => /unknown event "drop:tables"/.test(m)));
      assert.ok(errors.some((m) => /invalid watch payload: groupId/.test(m)));
    } finally {
      socket.close();
    }
  });
});
