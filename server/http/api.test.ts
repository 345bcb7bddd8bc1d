import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleApi } from '@/server/http/api';
import { ClusterStore } from '@/server/cluster/store';
import { GroupsService } from '@/server/groups/service';
import { MetricsExporter } from '@/server/http/metrics';
import { createKafkaClients } from '@/server/kafka/client';
import { ActionDispatcher, type ActionHandlers } from '@/server/actions/dispatcher';
import { ACTION_NAMES } from '@/lib/contract/action-schemas';
import { AlertsService } from '@/server/alerts/service';
import { BrowseService } from '@/server/browse/service';

/** Handlers that answer with what they were given: this tests routing, not Kafka. */
const echo = Object.fromEntries(
  ACTION_NAMES.map((n) => [n, async (payload: unknown) => payload]),
) as unknown as ActionHandlers;

describe('JSON API routing', () => {
  const store = new ClusterStore({ brokers: ['127.0.0.1:1'], embedded: false });
  // Never started: the routes read its (empty) state without touching Kafka.
  const clients = createKafkaClients({ brokers: null, clientId: 'api-test', ssl: null, sasl: null }, ['127.0.0.1:1']);
  const groups = new GroupsService(clients, store);
  const browse = new BrowseService(clients, store);
  const alerts = new AlertsService(groups, { file: null, rules: { rules: [] } });
  const audit: string[] = [];
  const actions = new ActionDispatcher(echo, { readOnly: false, audit: (l) => audit.push(l) });
  const readMessage = async (): Promise<never> => {
    throw new Error('routing tests read no message');
  };
  const deps = {
    clients,
    store,
    groups,
    metrics: new MetricsExporter(store, groups, alerts),
    actions,
    browse,
    alerts,
    readMessage,
  };
  let server: http.Server;
  let base = '';

  before(async () => {
    server = http.createServer((req, res) => {
      if (!handleApi(req, res, deps)) {
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

  it('refuses a bad search query with 400 and its reason before reaching Kafka (none is reachable here)', async () => {
    const search = (body: unknown, topic = 'orders') =>
      fetch(`${base}/api/topics/${topic}/messages/search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const badRegex = await search({ from: { position: 'oldest' }, filters: { valueRegex: '(' } });
    assert.equal(badRegex.status, 400);
    assert.match((await badRegex.json()).error, /regex/i);
    const badPath = await search({ from: { position: 'oldest' }, filters: { jsonPath: '$.a[' } });
    assert.equal(badPath.status, 400);
    assert.match((await badPath.json()).error, /path/i);
    const noFrom = await search({});
    assert.equal(noFrom.status, 400);
    assert.match((await noFrom.json()).error, /from/);
    const badTopic = await search({ from: { position: 'oldest' } }, 'a%20b');
    assert.equal(badTopic.status, 400);
    assert.match((await badTopic.json()).error, /topic name/);
    const get = await fetch(`${base}/api/topics/orders/messages/search`);
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');
  });

  it('refuses a bad path to one message with 400 before reaching Kafka, and other methods than GET with 405', async () => {
    const cases: [string, RegExp][] = [
      ['orders/messages/x/5', /partition "x" is not a whole number/],
      ['orders/messages/0/-1', /offset "-1" is not a whole number/],
      ['orders/messages/0/99999999999999999', /offset .* is not a whole number/],
      ['a%20b/messages/0/1', /topic name/],
      ['%E0%A4%A/messages/0/1', /percent-encoding/],
    ];
    for (const [path, words] of cases) {
      const res = await fetch(`${base}/api/topics/${path}`);
      assert.equal(res.status, 400, path);
      assert.match((await res.json()).error, words);
    }
    const post = await fetch(`${base}/api/topics/orders/messages/0/1`, { method: 'POST', body: '{}' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
  });

  it('gives unknown API paths a 404 with a message, and other methods a 405', async () => {
    const missing = await fetch(`${base}/api/nope`);
    assert.equal(missing.status, 404);
    assert.match((await missing.json()).error, /no API at \/api\/nope/);
    const post = await fetch(`${base}/api/cluster`, { method: 'POST', body: '{}' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
  });

  it('lists groups, and answers an unknown group with 404 and a message', async () => {
    const list = await fetch(`${base}/api/groups`);
    assert.equal(list.status, 200);
    assert.deepEqual(await list.json(), []);
    const missing = await fetch(`${base}/api/groups/${encodeURIComponent('no such/group')}`);
    assert.equal(missing.status, 404);
    assert.match((await missing.json()).error, /no consumer group "no such\/group"/);
    const bad = await fetch(`${base}/api/groups/%E0%A4%A`);
    assert.equal(bad.status, 400);
  });

  it('serves Prometheus metrics in the text format', async () => {
    const res = await fetch(`${base}/metrics`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/plain/);
    const body = await res.text();
    assert.match(body, /# TYPE kafka_live_consumer_group_lag gauge/);
    assert.match(body, /kafka_live_kafka_reachable 0/);
    assert.match(body, /# TYPE kafka_live_consumer_group_epoch gauge/);
    assert.match(body, /# TYPE kafka_live_offsets_log_records_skipped_total counter/);
  });

  it('runs actions on POST /api/actions/:name, with the same validation as the socket', async () => {
    const post = (name: string, body: string) =>
      fetch(`${base}/api/actions/${name}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    const ok = await post('broker:kill', '{"brokerId":2}');
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), { ok: true, result: { brokerId: 2 } });
    assert.match(audit.at(-1) ?? '', /^audit \S+ ok broker:kill from http 127\.0\.0\.1 \{"brokerId":2\}/);

    const malformed = await post('broker:kill', '{"brokerId":');
    assert.equal(malformed.status, 400);
    assert.match((await malformed.json()).error, /not valid JSON/);

    const invalid = await post(
      'topic:create',
      JSON.stringify({
        name: 'bad name!',
        partitions: 3,
        replicationFactor: 1,
        cleanupPolicy: 'delete',
        retentionMs: null,
        retentionBytes: null,
        segmentMs: null,
      }),
    );
    assert.equal(invalid.status, 400);
    assert.match((await invalid.json()).error, /invalid topic:create: name: topic names are 1-249 characters/);

    const unknown = await post('format:disk', '{}');
    assert.equal(unknown.status, 404);
    assert.match((await unknown.json()).error, /unknown action "format:disk"/);

    const get = await fetch(`${base}/api/actions/broker:kill`);
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');

    const huge = await post('produce:send', 'x'.repeat(2_100_000));
    assert.equal(huge.status, 413);
  });

  it('leaves non-API paths to the page handler', async () => {
    assert.equal((await fetch(`${base}/topics`)).status, 418);
  });
});
