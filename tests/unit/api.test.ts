import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleApi } from '../../server/http/api';
import { ClusterStore } from '../../server/cluster/store';

describe('JSON API routing', () => {
  const store = new ClusterStore({ brokers: ['127.0.0.1:1'], embedded: false });
  let server: http.Server;
  let base = '';

  before(async () => {
    server = http.createServer((req, res) => {
      if (!handleApi(req, res, store)) {
        res.writeHead(418);
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  it('answers health with 200 even before Kafka is reached', async () => {
    const res = await fetch(`${base}/api/health`);
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.ok, true);
    assert.equal(body.kafka.reachable, false);
    assert.equal(body.kafka.status, 'connecting');
  });

  it('gives unknown API paths a 404 with a message, and other methods a 405', async () => {
    const missing = await fetch(`${base}/api/nope`);
    assert.equal(missing.status, 404);
    assert.match((await missing.json()).error, /no API at \/api\/nope/);
    const post = await fetch(`${base}/api/cluster`, { method: 'POST', body: '{}' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
  });

  it('leaves non-API paths to the page handler', async () => {
    assert.equal((await fetch(`${base}/topics`)).status, 418);
  });
});
