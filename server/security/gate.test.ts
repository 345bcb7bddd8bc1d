import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Authenticator } from '@/server/security/auth';
import { createHttpGate } from '@/server/security/gate';

// The HTTP gate with login on, without a session: what it lets through and what it answers.

function request(method: string, url: string, accept = '*/*') {
  const req = {
    method,
    url,
    headers: { accept, host: '127.0.0.1' },
    socket: { remoteAddress: '127.0.0.1' },
    resume: () => undefined,
  } as unknown as IncomingMessage;
  const answer = { status: 0, headers: {} as Record<string, unknown> };
  const res = {
    setHeader: () => undefined,
    removeHeader: () => undefined,
    writeHead(status: number, headers?: Record<string, unknown>) {
      answer.status = status;
      answer.headers = headers ?? {};
      return this;
    },
    end: () => undefined,
  } as unknown as ServerResponse;
  return { req, res, answer };
}

describe('HTTP gate with login on', () => {
  const gate = createHttpGate({
    auth: new Authenticator({ kind: 'token', token: 'a long token 123' }, 60_000, 5),
    allowedOrigins: [],
    csp: "default-src 'self'",
    kafkaStatus: () => 'connected',
  });

  it("lets the build's static chunks through, so a page open at sign-out and the login page still load", async () => {
    const { req, res, answer } = request('GET', '/_next/static/chunks/app.js');
    assert.equal(await gate(req, res), false);
    assert.equal(answer.status, 0, 'not answered by the gate');
  });

  it('still sends a page to the login page, and refuses the API and a write to a static path', async () => {
    const page = request('GET', '/lab', 'text/html');
    assert.equal(await gate(page.req, page.res), true);
    assert.equal(page.answer.status, 303);
    const api = request('GET', '/api/cluster');
    assert.equal(await gate(api.req, api.res), true);
    assert.equal(api.answer.status, 401);
    const write = request('POST', '/_next/static/chunks/app.js');
    assert.equal(await gate(write.req, write.res), true);
    assert.notEqual(write.answer.status, 0);
    const data = request('GET', '/_next/data/build/lab.json');
    assert.equal(await gate(data.req, data.res), true);
    assert.equal(data.answer.status, 401);
  });
});
