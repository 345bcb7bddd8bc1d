import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { ConfigError, loadConfig } from '@/server/config';
import { Authenticator, secretEquals } from '@/server/security/auth';
import { checkOrigin } from '@/server/security/origin';
import { contentSecurityPolicy } from '@/server/security/headers';

const fails = (env: Record<string, string>, variable: string, pattern: RegExp) =>
  assert.throws(
    () => loadConfig(env),
    (e: unknown) => e instanceof ConfigError && e.variable === variable && pattern.test(e.message),
  );

const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('security settings', () => {
  it('are off by default: no login, no extra origins, a limit that never bothers a person', () => {
    const { security } = loadConfig({});
    assert.equal(security.auth, null);
    assert.deepEqual(security.allowedOrigins, []);
    assert.equal(security.actionsPerMinute, 300);
    assert.equal(security.loginAttempts, 10);
  });

  it('read a token, or a user and password, taken as written', () => {
    assert.deepEqual(loadConfig({ KAFKA_LIVE_AUTH_TOKEN: ' a long token 123 ' }).security.auth, {
      kind: 'token',
      token: ' a long token 123 ',
    });
    assert.deepEqual(
      loadConfig({ KAFKA_LIVE_AUTH_USERNAME: 'ops', KAFKA_LIVE_AUTH_PASSWORD: 'correct horse' }).security.auth,
      { kind: 'password', username: 'ops', password: 'correct horse' },
    );
  });

  it('name the variable for a short secret, a half-set pair, both kinds, or a bad origin or limit', () => {
    fails({ KAFKA_LIVE_AUTH_TOKEN: 'short' }, 'KAFKA_LIVE_AUTH_TOKEN', /at least 12 characters/);
    fails({ KAFKA_LIVE_AUTH_PASSWORD: 'correct horse' }, 'KAFKA_LIVE_AUTH_USERNAME', /required/);
    fails({ KAFKA_LIVE_AUTH_USERNAME: 'ops' }, 'KAFKA_LIVE_AUTH_PASSWORD', /required/);
    fails(
      { KAFKA_LIVE_AUTH_USERNAME: 'a:b', KAFKA_LIVE_AUTH_PASSWORD: 'correct horse' },
      'KAFKA_LIVE_AUTH_USERNAME',
      /":"/,
    );
    fails(
      { KAFKA_LIVE_AUTH_TOKEN: 'a long token 123', KAFKA_LIVE_AUTH_USERNAME: 'ops' },
      'KAFKA_LIVE_AUTH_TOKEN',
      /not both/,
    );
    fails(
      { KAFKA_LIVE_ALLOWED_ORIGINS: 'https://ok.example,https://x.example/path' },
      'KAFKA_LIVE_ALLOWED_ORIGINS',
      /not an origin/,
    );
    fails({ KAFKA_LIVE_ACTION_LIMIT: 'lots' }, 'KAFKA_LIVE_ACTION_LIMIT', /whole number/);
    assert.deepEqual(
      loadConfig({ KAFKA_LIVE_ALLOWED_ORIGINS: 'https://a.example, http://b.example:8080/' }).security.allowedOrigins,
      ['https://a.example', 'http://b.example:8080'],
    );
  });
});

describe('security checks', () => {
  it('compare secrets of any length', () => {
    assert.equal(secretEquals('same secret', 'same secret'), true);
    assert.equal(secretEquals('same secret', 'same secreT'), false);
    assert.equal(secretEquals('', 'same secret'), false);
    assert.equal(secretEquals('same secret and more', 'same secret'), false);
  });

  it("allow the dashboard's own origin, listed ones and none; refuse others and 'null'", () => {
    const host = '127.0.0.1:3000';
    assert.equal(checkOrigin(req({ host }), []).ok, true);
    assert.equal(checkOrigin(req({ host, origin: 'http://127.0.0.1:3000' }), []).ok, true);
    assert.equal(checkOrigin(req({ host, origin: 'https://proxy.example' }), ['https://proxy.example']).ok, true);
    assert.equal(checkOrigin(req({ host, origin: 'http://127.0.0.1:3001' }), []).ok, false);
    assert.equal(checkOrigin(req({ host, origin: 'null' }), []).ok, false);
    assert.equal(checkOrigin(req({ host, origin: 'file://127.0.0.1:3000' }), []).ok, false);
  });

  it('loosen the CSP for eval only in development', () => {
    assert.doesNotMatch(contentSecurityPolicy(false), /unsafe-eval/);
    assert.match(contentSecurityPolicy(true), /script-src 'self' 'unsafe-inline' 'unsafe-eval'/);
  });
});

describe('sessions', () => {
  it('expire, and say so to whoever holds their sockets', async () => {
    const auth = new Authenticator({ kind: 'token', token: 'a long token 123' }, 50, 3);
    const revoked: string[] = [];
    auth.on('revoked', (id) => revoked.push(id));
    const id = auth.openSession();
    assert.equal(auth.sessionValid(id), true);
    await new Promise((r) => setTimeout(r, 80));
    assert.equal(auth.sessionValid(id), false);
    assert.deepEqual(revoked, [id]);
    assert.equal(auth.sessionValid('made-up'), false);
  });

  it('count failed attempts per address, and block after the limit even for the right secret', async () => {
    const auth = new Authenticator({ kind: 'token', token: 'a long token 123' }, 60_000, 2);
    assert.deepEqual(await auth.check('10.0.0.1', { secret: 'wrong' }), { ok: false, reason: 'wrong' });
    assert.deepEqual(await auth.check('10.0.0.1', { secret: 'wrong' }), { ok: false, reason: 'wrong' });
    const blocked = await auth.check('10.0.0.1', { secret: 'a long token 123' });
    assert.equal(blocked.ok, false);
    if (!blocked.ok) assert.equal(blocked.reason, 'blocked');
    assert.deepEqual(
      await auth.check('10.0.0.2', { secret: 'a long token 123' }),
      { ok: true, session: null },
      'another address is not affected',
    );
  });
});
