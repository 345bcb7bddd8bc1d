import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ActionDispatcher, type ActionHandlers } from '@/server/actions/dispatcher';
import { ActionError, describeError } from '@/server/actions/errors';
import { ACTION_NAMES } from '@/lib/contract/action-schemas';

// The dispatcher on its own: validation, read-only mode, errors and the audit line. Handlers
// here are plain functions; the real ones are tested against Kafka in tests/integration.

const origin = { via: 'socket' as const, address: '10.0.0.7' };

function dispatcher(over: Partial<ActionHandlers> = {}, readOnly = false) {
  const audit: string[] = [];
  const calls: unknown[] = [];
  const handlers = Object.fromEntries(
    ACTION_NAMES.map((n) => [
      n,
      async (payload: unknown) => {
        calls.push(payload);
        return payload;
      },
    ]),
  ) as unknown as ActionHandlers;
  return { d: new ActionDispatcher({ ...handlers, ...over }, { readOnly, audit: (l) => audit.push(l) }), audit, calls };
}

describe('action dispatcher', () => {
  it('runs a valid action and writes one audit line with what, when and from where', async () => {
    const { d, audit } = dispatcher();
    const answer = await d.run('broker:stop', { brokerId: 2 }, origin);
    assert.deepEqual(answer, { ok: true, result: { brokerId: 2 } });
    assert.equal(audit.length, 1);
    assert.match(
      audit[0],
      /^audit \d{4}-\d\d-\d\dT[\d:.]+Z ok broker:stop from socket 10\.0\.0\.7 \{"brokerId":2\} in \d+ ms$/,
    );
  });

  it('refuses unknown actions and payloads that do not match, naming the field, without calling the handler', async () => {
    const { d, calls, audit } = dispatcher();
    assert.deepEqual(await d.run('rm -rf', {}, origin), { ok: false, error: 'unknown action "rm -rf"' });
    assert.deepEqual(await d.run(42, {}, origin), { ok: false, error: 'unknown action "number"' });
    assert.deepEqual(await d.run('__proto__', {}, origin), { ok: false, error: 'unknown action "__proto__"' });
    const bad = await d.run('topic:add-partitions', { topic: 'orders', partitions: 'many' }, origin);
    assert.equal(bad.ok, false);
    if (!bad.ok) assert.match(bad.error, /^invalid topic:add-partitions: partitions: /);
    const nothing = await d.run('offsets:reset', null, origin);
    assert.equal(nothing.ok, false);
    assert.equal(calls.length, 0);
    assert.ok(audit.every((l) => / refused /.test(l)));
  });

  it('refuses everything in read-only mode, even valid payloads', async () => {
    const { d, calls } = dispatcher({}, true);
    const answer = await d.run('broker:kill', { brokerId: 1 }, origin);
    assert.deepEqual(answer, {
      ok: false,
      error: 'the dashboard is in read-only mode (READ_ONLY): broker:kill is not allowed',
    });
    assert.equal(calls.length, 0);
  });

  it('answers a handler failure as a message, never a throw', async () => {
    const { d, audit } = dispatcher({
      'topic:delete': async () => {
        throw new ActionError('type the topic name to confirm');
      },
      'topic:create': async () => {
        throw Object.assign(new Error('Topic with this name already exists'), { type: 'TOPIC_ALREADY_EXISTS' });
      },
      'broker:start': async () => {
        throw 'a string';
      },
    });
    assert.deepEqual(await d.run('topic:delete', { topic: 'a', confirm: 'b' }, origin), {
      ok: false,
      error: 'type the topic name to confirm',
    });
    const created = await d.run(
      'topic:create',
      {
        name: 'a',
        partitions: 1,
        replicationFactor: 1,
        cleanupPolicy: 'delete',
        retentionMs: null,
        retentionBytes: null,
        segmentMs: null,
      },
      origin,
    );
    assert.deepEqual(created, { ok: false, error: 'a topic with that name already exists (TOPIC_ALREADY_EXISTS)' });
    assert.deepEqual(await d.run('broker:start', { brokerId: 1 }, origin), { ok: false, error: 'a string' });
    assert.match(audit.at(-1) ?? '', / failed broker:start /);
  });

  it('cuts long strings in the audit line', async () => {
    const { d, audit } = dispatcher();
    await d.run(
      'produce:send',
      { topic: 't', key: null, value: 'v'.repeat(5000), format: 'text', headers: [], partition: null, count: 1 },
      origin,
    );
    assert.ok(audit[0].length < 600, `audit line of ${audit[0].length} chars`);
    assert.match(audit[0], /…\(5000 chars\)/);
  });
});

describe('describeError', () => {
  it('unwraps retries and aggregate errors to the Kafka cause', () => {
    const cause = Object.assign(new Error('x'), { type: 'NOT_ENOUGH_REPLICAS' });
    assert.equal(
      describeError(Object.assign(new Error('retries'), { name: 'KafkaJSNumberOfRetriesExceeded', cause })),
      'not enough in-sync replicas to accept the write (min.insync.replicas) (NOT_ENOUGH_REPLICAS)',
    );
    assert.equal(describeError({ errors: [new Error('inner')] }), 'inner');
    assert.equal(describeError(undefined), 'undefined');
  });
});
