import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigResourceTypes } from 'kafkajs';
import type { Dashboard } from '@/server/app';
import type { ClusterSnapshot } from '@/lib/contract/cluster';
import { LiveClient } from '@/tests/support/live-client';
import { act, actError, actOk } from '@/tests/support/actions';
import { produce } from '@/tests/support/consumers';
import { postJson } from '@/tests/support/http';
import type { BrowseResponse } from '@/lib/contract/browse';
import {
  createTopic,
  deleteTopic,
  randomName,
  restoreCluster,
  startTestDashboard,
  withAdmin,
} from '@/tests/support/kafka';

/** GET /api/topics/:name/config: the status and the body. */
async function readConfig(
  dashboard: Dashboard,
  topic: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${dashboard.url}/api/topics/${encodeURIComponent(topic)}/config`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const overridesOf = async (dashboard: Dashboard, topic: string) =>
  (await readConfig(dashboard, topic)).body.overrides as Record<string, string> | undefined;

const topicOf = (s: ClusterSnapshot, name: string) => s.topics.find((t) => t.name === name);
const led = (s: ClusterSnapshot, name: string) => topicOf(s, name)?.partitions.every((p) => p.leader >= 0) ?? false;

async function configsOf(topic: string, names: string[]): Promise<Record<string, string>> {
  const { resources } = await withAdmin((admin) =>
    admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: names }],
    }),
  );
  return Object.fromEntries(resources[0].configEntries.map((e) => [e.configName, e.configValue]));
}

/** The settings as Kafka reads them back, once they equal `expected` or after 10 s: the broker
 *  asked applies a change (or a new topic) from the metadata log a moment after the
 *  controller commits it, and may not know the topic yet. The caller asserts on the answer. */
async function configsSettled(
  topic: string,
  expected: Record<string, string>,
): Promise<Record<string, string> | Error> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const read = await configsOf(topic, Object.keys(expected)).catch((e: unknown) =>
      e instanceof Error ? e : new Error(String(e)),
    );
    const same =
      !(read instanceof Error) &&
      Object.keys(expected).length === Object.keys(read).length &&
      Object.entries(expected).every(([k, v]) => read[k] === v);
    if (same || Date.now() > deadline) return read;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('topic admin actions', { timeout: 240_000 }, () => {
  let dashboard: Dashboard;
  let client: LiveClient;
  const made: string[] = [];
  const name = (prefix: string) => {
    const n = randomName(prefix);
    made.push(n);
    return n;
  };

  before(async () => {
    await restoreCluster();
    dashboard = await startTestDashboard();
    client = new LiveClient(dashboard.url);
    await client.waitFor('three online brokers', (s) => s.brokers.filter((b) => b.online).length === 3);
  });

  after(async () => {
    client.close();
    await dashboard.close();
    for (const t of made) await deleteTopic(t);
  });

  it('creates a topic with its settings, as Kafka reads them back', async () => {
    const topic = name('admin-create');
    const result = await actOk(dashboard, 'topic:create', {
      name: topic,
      partitions: 4,
      replicationFactor: 2,
      cleanupPolicy: 'compact,delete',
      retentionMs: 3_600_000,
      retentionBytes: 1_048_576,
      segmentMs: 60_000,
      minCleanableDirtyRatio: 0.01,
    });
    assert.deepEqual(result, { topic });
    const seen = await client.waitFor('the new topic with leaders', (s) => led(s, topic));
    const t = topicOf(seen, topic)!;
    assert.equal(t.partitions.length, 4);
    assert.ok(t.partitions.every((p) => p.replicas.length === 2));
    const wanted = {
      'cleanup.policy': 'compact,delete',
      'retention.ms': '3600000',
      'retention.bytes': '1048576',
      'segment.ms': '60000',
      'min.cleanable.dirty.ratio': '0.01',
    };
    assert.deepEqual(await configsSettled(topic, wanted), wanted);
  });

  it('refuses a bad name, an existing name and a replication factor above the live brokers', async () => {
    assert.match(
      await actError(dashboard, 'topic:create', {
        name: 'bad name!',
        partitions: 1,
        replicationFactor: 1,
        cleanupPolicy: 'delete',
        retentionMs: null,
        retentionBytes: null,
        segmentMs: null,
      }),
      /invalid topic:create: name: topic names are/,
    );
    assert.match(
      await actError(dashboard, 'topic:create', {
        name: '..',
        partitions: 1,
        replicationFactor: 1,
        cleanupPolicy: 'delete',
        retentionMs: null,
        retentionBytes: null,
        segmentMs: null,
      }),
      /not a valid topic name/,
    );
    const existing = name('admin_existing');
    await createTopic(existing, 1, 1);
    await client.waitFor('the topic', (s) => led(s, existing));
    const base = {
      partitions: 1,
      replicationFactor: 1,
      cleanupPolicy: 'delete',
      retentionMs: null,
      retentionBytes: null,
      segmentMs: null,
    } as const;
    assert.equal(
      await actError(dashboard, 'topic:create', { ...base, name: existing }),
      `a topic named ${existing} already exists`,
    );
    const lookalike = existing.replace('_', '.');
    made.push(lookalike);
    assert.equal(
      await actError(dashboard, 'topic:create', { ...base, name: lookalike }),
      `${lookalike} collides with the existing topic ${existing}: Kafka treats "." and "_" alike in metric names`,
    );
    const tooMany = name('admin-rf');
    assert.equal(
      await actError(dashboard, 'topic:create', { ...base, name: tooMany, replicationFactor: 4 }),
      'replication factor 4 is more than the 3 live brokers',
    );
    await assert.rejects(
      withAdmin(async (admin) => (await admin.listTopics()).includes(tooMany) || Promise.reject(new Error('absent'))),
      /absent/,
    );
  });

  it('adds partitions, and refuses fewer than now or the same count', async () => {
    const topic = name('admin-parts');
    await createTopic(topic, 3, 3);
    // As in the UI: actions are offered on topics the dashboard shows.
    await client.waitFor('the topic', (s) => led(s, topic));
    assert.equal(
      await actError(dashboard, 'topic:add-partitions', { topic, partitions: 2 }),
      `topic ${topic} has 3 partitions; partitions can only be added (asked for 2)`,
    );
    assert.match(
      await actError(dashboard, 'topic:add-partitions', { topic, partitions: 3 }),
      /partitions can only be added \(asked for 3, the same\)/,
    );
    assert.deepEqual(await actOk(dashboard, 'topic:add-partitions', { topic, partitions: 5 }), {
      topic,
      partitions: 5,
    });
    await client.waitFor('five partitions', (s) => topicOf(s, topic)?.partitions.length === 5);
  });

  it('changes retention without wiping an override set elsewhere, and removes one with null', async () => {
    const topic = name('admin-config');
    await createTopic(topic, 1, 3);
    await client.waitFor('the topic', (s) => led(s, topic));
    await withAdmin((admin) =>
      admin.alterConfigs({
        validateOnly: false,
        resources: [
          {
            type: ConfigResourceTypes.TOPIC,
            name: topic,
            configEntries: [{ name: 'max.message.bytes', value: '2000000' }],
          },
        ],
      }),
    );
    // Brokers apply a change from the metadata log a moment after the controller commits it.
    const deadline = Date.now() + 10_000;
    while (!(await overridesOf(dashboard, topic))?.['max.message.bytes'] && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const changed = await actOk(dashboard, 'topic:configure', {
      topic,
      retentionMs: 120_000,
      cleanupPolicy: 'compact',
    });
    assert.deepEqual(changed.overrides, {
      'max.message.bytes': '2000000',
      'retention.ms': '120000',
      'cleanup.policy': 'compact',
    });
    const wanted = { 'max.message.bytes': '2000000', 'retention.ms': '120000', 'cleanup.policy': 'compact' };
    assert.deepEqual(await configsSettled(topic, wanted), wanted);
    const dropped = await actOk(dashboard, 'topic:configure', { topic, retentionMs: null });
    assert.deepEqual(dropped.overrides, { 'max.message.bytes': '2000000', 'cleanup.policy': 'compact' });
    // Reading is a GET, not an action; an action with nothing to change is refused.
    assert.deepEqual(await readConfig(dashboard, topic), {
      status: 200,
      body: { topic, overrides: dropped.overrides },
    });
    assert.match(await actError(dashboard, 'topic:configure', { topic }), /^nothing to change: give at least one of/);
  });

  it('deletes only with the exact name typed, and never an internal topic', async () => {
    const topic = name('admin-delete');
    await createTopic(topic, 1, 1);
    await client.waitFor('the topic', (s) => led(s, topic));
    assert.match(
      await actError(dashboard, 'topic:delete', { topic, confirm: topic.toUpperCase() }),
      /type the topic name/,
    );
    assert.match(
      await actError(dashboard, 'topic:delete', { topic: '__consumer_offsets', confirm: '__consumer_offsets' }),
      /internal topics; it cannot be deleted here/,
    );
    assert.match(
      await actError(dashboard, 'topic:configure', { topic: '__consumer_offsets', retentionMs: 1 }),
      /internal topics/,
    );
    assert.deepEqual(await actOk(dashboard, 'topic:delete', { topic, confirm: topic }), { topic });
    await client.waitFor('the topic gone', (s) => !topicOf(s, topic));
  });

  it('names an unknown topic in every action on one', async () => {
    const missing = randomName('admin-missing');
    const expected = `no topic named ${missing}`;
    assert.equal(await actError(dashboard, 'topic:add-partitions', { topic: missing, partitions: 4 }), expected);
    assert.equal(await actError(dashboard, 'topic:configure', { topic: missing, retentionMs: 1000 }), expected);
    assert.equal(await actError(dashboard, 'topic:delete', { topic: missing, confirm: missing }), expected);
    assert.equal(await actError(dashboard, 'topic:count-keys', { topic: missing }), expected);
    assert.deepEqual(await readConfig(dashboard, missing), { status: 404, body: { error: expected } });
    assert.equal((await readConfig(dashboard, 'bad name!')).status, 400);
  });

  it('answers malformed JSON on POST /api/actions/topic:create with 400 and a message', async () => {
    const post = (body: string) =>
      fetch(`${dashboard.url}/api/actions/topic:create`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
      });
    const bad = await post('{"name": "x", partitions: 3');
    assert.equal(bad.status, 400);
    const answer = (await bad.json()) as { ok: boolean; error: string };
    assert.equal(answer.ok, false);
    assert.ok(answer.error.length > 0);
    const wrong = await post(JSON.stringify({ name: 'x', partitions: 'three' }));
    assert.equal(wrong.status, 400);
    assert.match(((await wrong.json()) as { error: string }).error, /invalid topic:create: partitions/);
    const topic = name('admin-http');
    const good = await post(
      JSON.stringify({
        name: topic,
        partitions: 1,
        replicationFactor: 1,
        cleanupPolicy: 'delete',
        retentionMs: null,
        retentionBytes: null,
        segmentMs: null,
      }),
    );
    assert.equal(good.status, 200);
    assert.deepEqual(await good.json(), { ok: true, result: { topic } });
  });

  it('walks through compaction: several values per key shrink to the latest per key', async () => {
    const topic = name('admin-compact');
    await actOk(dashboard, 'topic:create', {
      name: topic,
      partitions: 1,
      replicationFactor: 3,
      cleanupPolicy: 'compact',
      retentionMs: null,
      retentionBytes: null,
      segmentMs: 1_000,
      minCleanableDirtyRatio: 0.01,
    });
    await client.waitFor('the compacted topic with a leader', (s) => led(s, topic));
    const keys = ['k1', 'k2', 'k3'];
    for (let round = 1; round <= 4; round++)
      await produce(
        topic,
        keys.map((key) => ({ key, value: `${key}-v${round}` })),
      );
    const before = await actOk(dashboard, 'topic:count-keys', { topic });
    assert.equal(before.records, 12);
    assert.equal(before.distinctKeys, 3);
    assert.equal(before.unkeyed, 0);
    assert.deepEqual(
      before.latest.map((l) => [l.key, l.value]),
      [
        ['k1', 'k1-v4'],
        ['k2', 'k2-v4'],
        ['k3', 'k3-v4'],
      ],
    );
    // The active segment is never cleaned: after segment.ms, one more record rolls it.
    await new Promise((r) => setTimeout(r, 1_500));
    await produce(topic, [{ key: 'k1', value: 'k1-v5' }]);
    const deadline = Date.now() + 60_000;
    let after = await actOk(dashboard, 'topic:count-keys', { topic });
    while (after.records > 4 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1_000));
      after = await actOk(dashboard, 'topic:count-keys', { topic });
    }
    // Left: the latest of k2 and k3 from the cleaned segment and k1's newest value in the
    // active segment (its v4 may wait for the next cleaning, since v5 is not cleanable yet).
    assert.ok(after.records <= 4, `records after cleaning: ${after.records}`);
    assert.equal(after.distinctKeys, 3);
    assert.deepEqual(
      after.latest.map((l) => [l.key, l.value]),
      [
        ['k1', 'k1-v5'],
        ['k2', 'k2-v4'],
        ['k3', 'k3-v4'],
      ],
    );
  });

  it('walks through compaction with a delete: a tombstone sent from the dashboard takes its key away', async () => {
    const topic = name('admin-tombstone');
    await actOk(dashboard, 'topic:create', {
      name: topic,
      partitions: 1,
      replicationFactor: 3,
      cleanupPolicy: 'compact',
      retentionMs: null,
      retentionBytes: null,
      segmentMs: 1_000,
      minCleanableDirtyRatio: 0.01,
    });
    // Kafka keeps a cleaned tombstone for delete.retention.ms (a day by default), so a consumer
    // behind still sees the delete; 0 lets the walk-through show the key gone. AlterConfigs
    // replaces every override of the topic, so the ones topic:create set go along.
    const overrides = {
      'cleanup.policy': 'compact',
      'segment.ms': '1000',
      'min.cleanable.dirty.ratio': '0.01',
      'delete.retention.ms': '0',
    };
    await withAdmin((admin) =>
      admin.alterConfigs({
        validateOnly: false,
        resources: [
          {
            type: ConfigResourceTypes.TOPIC,
            name: topic,
            configEntries: Object.entries(overrides).map(([name, value]) => ({ name, value })),
          },
        ],
      }),
    );
    assert.deepEqual(await configsSettled(topic, overrides), overrides);
    await client.waitFor('the compacted topic with a leader', (s) => led(s, topic));
    const keys = ['k1', 'k2', 'k3'];
    for (let round = 1; round <= 3; round++)
      await produce(
        topic,
        keys.map((key) => ({ key, value: `${key}-v${round}` })),
      );
    const sent = await actOk(dashboard, 'produce:send', {
      topic,
      key: 'k2',
      value: '',
      format: 'text',
      headers: [],
      partition: null,
      count: 1,
      tombstone: true,
    });
    const res = await postJson(`${dashboard.url}/api/topics/${topic}/messages/search`, {
      from: { position: 'oldest' },
      filters: { key: 'k2' },
    });
    assert.equal(res.status, 200);
    const found = (await res.json()) as BrowseResponse;
    assert.deepEqual(
      found.messages.map((m) => m.value?.data ?? null),
      ['k2-v1', 'k2-v2', 'k2-v3', null],
      'the browser reads the tombstone back as a null value',
    );
    assert.equal(found.messages[3].offset, sent.messages[0].offset);
    const before = await actOk(dashboard, 'topic:count-keys', { topic });
    assert.equal(before.records, 10);
    assert.deepEqual(
      before.latest.map((l) => [l.key, l.value]),
      [
        ['k1', 'k1-v3'],
        ['k2', null],
        ['k3', 'k3-v3'],
      ],
    );
    // The cleaner marks a tombstone on one pass and removes it on a later one: new records
    // (each past segment.ms, so each rolls a segment) keep it cleaning.
    const deadline = Date.now() + 90_000;
    let after = before;
    for (let n = 4; after.latest.some((l) => l.key === 'k2') && Date.now() < deadline; n++) {
      await new Promise((r) => setTimeout(r, 1_500));
      await produce(topic, [{ key: 'k1', value: `k1-v${n}` }]);
      after = await actOk(dashboard, 'topic:count-keys', { topic });
    }
    assert.deepEqual(
      after.latest.map((l) => l.key),
      ['k1', 'k3'],
      'k2 is gone: its values and its tombstone',
    );
    assert.equal(after.distinctKeys, 2);
    assert.equal(after.latest[1].value, 'k3-v3');
  });

  it('refuses an empty topic name before asking Kafka', async () => {
    const answer = await act(dashboard, 'topic:count-keys', { topic: '' });
    assert.equal(answer.ok, false);
    assert.match(answer.ok ? '' : answer.error, /invalid topic:count-keys: topic:/);
  });
});
