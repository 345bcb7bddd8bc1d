import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Producer } from 'kafkajs';
import type { ClusterSnapshot } from '@/lib/contract/cluster';
import type { GroupDetail } from '@/lib/contract/groups';
import type { OpenTransaction, TransactionsResponse } from '@/lib/contract/transactions';
import type { Dashboard } from '@/server/app';
import { createTopic, deleteTopic, randomName, startTestDashboard, testKafka } from '@/tests/support/kafka';
import { produce, startMember, type TestMember } from '@/tests/support/consumers';
import { runKafkaTool } from '@/tests/support/kafka-tools';
import { parseToolTable } from '@/tests/support/java-consumers';
import { act, actError } from '@/tests/support/actions';
import { postJson } from '@/tests/support/http';

// A transaction held open on a topic, found by the dashboard (the listing checked against
// kafka-transactions.sh), with the read_committed group it holds back at the last stable
// offset, then aborted from the dashboard: the last stable offset moves to the high watermark
// and the group reads on.

const TRANSACTIONS_COMMAND = 'org.apache.kafka.tools.TransactionsCommand';

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  assert.equal(res.status, 200, `GET ${url}`);
  return (await res.json()) as T;
}

async function poll<T>(what: string, read: () => Promise<T | null>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const got = await read().catch(() => null);
    if (got !== null) return got;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

describe('transactions: find a transaction held open, and abort it', () => {
  let dashboard: Dashboard;
  let readOnly: Dashboard;
  const topic = randomName('ledger');
  const group = randomName('ledger-reader');
  const transactionalId = randomName('ledger-tx');
  let producer: Producer;
  let member: TestMember;

  const partitionZero = async () =>
    (await getJson<ClusterSnapshot>(`${dashboard.url}/api/cluster`)).topics
      .find((t) => t.name === topic)
      ?.partitions.find((p) => p.partition === 0) ?? null;

  before(async () => {
    await createTopic(topic, 1, 3);
    dashboard = await startTestDashboard();
    readOnly = await startTestDashboard({ READ_ONLY: 'true' });
    await produce(
      topic,
      Array.from({ length: 5 }, (_, i) => ({ value: `entry ${i}`, partition: 0 })),
    );
    // kafkajs consumers read committed by default: this one stops at the last stable offset.
    member = await startMember(group, [topic]);
    await poll('the reader at offset 5', async () => {
      const res = await fetch(`${dashboard.url}/api/groups/${group}`);
      const d = res.status === 200 ? ((await res.json()) as GroupDetail) : null;
      return d?.offsets[0]?.committed === 5 ? d : null;
    });
    producer = testKafka('tx-tests').producer({
      transactionalId,
      idempotent: true,
      maxInFlightRequests: 1,
      transactionTimeout: 300_000,
    });
    await producer.connect();
    const tx = await producer.transaction();
    await tx.send({ topic, messages: [0, 1, 2].map((i) => ({ value: `pending ${i}`, partition: 0 })) });
    await produce(topic, [
      { value: 'after 1', partition: 0 },
      { value: 'after 2', partition: 0 },
    ]);
  });

  after(async () => {
    await member?.stop();
    await producer?.disconnect().catch(() => undefined);
    await readOnly?.close();
    await dashboard?.close();
    await deleteTopic(topic);
  });

  it('shows the last stable offset held at the transaction’s start, below the high watermark', async () => {
    const p = await poll('the last stable offset at 5', async () => {
      const p = await partitionZero();
      return p && p.lastStable === 5 && (p.high ?? 0) >= 10 ? p : null;
    });
    assert.ok(p.high! > p.lastStable!);
  });

  it('finds the transaction, the group it holds back, and lists it as kafka-transactions.sh does', async () => {
    let open: OpenTransaction | undefined;
    const view = await poll('the open transaction with its blocked group', async () => {
      const v = await getJson<TransactionsResponse>(`${dashboard.url}/api/transactions?olderThanMs=1000`);
      open = v.open.find((o) => o.topic === topic && o.partition === 0);
      return open && open.kind === 'long-open' && open.blockedGroups.includes(group) ? v : null;
    });
    assert.equal(open!.transactionalId, transactionalId);
    assert.equal(open!.startOffset, 5);
    const row = view.transactions.find((t) => t.transactionalId === transactionalId)!;
    assert.equal(row.state, 'Ongoing');
    assert.deepEqual(row.partitions, [{ topic, partition: 0 }]);
    assert.equal(row.producerId, open!.producerId);

    const listed = parseToolTable(await runKafkaTool(TRANSACTIONS_COMMAND, ['list']), 'TransactionalId').find(
      (r) => r.TransactionalId === transactionalId,
    );
    assert.ok(listed, 'kafka-transactions.sh list names it');
    assert.equal(Number(listed.ProducerId), row.producerId);
    assert.equal(listed.TransactionState, row.state);
    assert.equal(Number(listed.Coordinator), row.coordinator);
    const [described] = parseToolTable(
      await runKafkaTool(TRANSACTIONS_COMMAND, ['describe', '--transactional-id', transactionalId]),
      'CoordinatorId',
    );
    assert.equal(Number(described.ProducerEpoch), row.producerEpoch);
    assert.equal(Number(described.TransactionTimeoutMs), row.timeoutMs);
    assert.equal(Number(described.CurrentTransactionStartTimeMs), row.startedAt);
    assert.equal(described.TopicPartitions, `${topic}-0`);
  });

  it('counts it on /metrics while it is held open: open transactions, the oldest one’s age, hanging ones', async () => {
    const v = await getJson<TransactionsResponse>(`${dashboard.url}/api/transactions`);
    const startedAt = v.transactions.find((t) => t.transactionalId === transactionalId)!.startedAt!;
    const gauge = (text: string, name: string) => {
      const line = text.split('\n').find((l) => l.startsWith(`${name} `));
      return line === undefined ? null : Number(line.slice(name.length + 1));
    };
    const scrapedAt = Date.now();
    const text = await (await fetch(`${dashboard.url}/metrics`)).text();
    // Other transactions may be open on the shared cluster: ours is one of them, and at least as old.
    const open = gauge(text, 'kafka_live_transactions_open');
    const oldest = gauge(text, 'kafka_live_transactions_oldest_open_seconds');
    const hanging = gauge(text, 'kafka_live_transactions_hanging');
    assert.ok(open !== null && open >= 1, `kafka_live_transactions_open ${open}`);
    const age = (scrapedAt - startedAt) / 1000;
    assert.ok(oldest !== null && oldest >= age - 1, `oldest open ${oldest} s, ours ${age.toFixed(1)} s`);
    // Ours is minutes from hanging (15 min and unknown to its coordinator): counted, not listed.
    assert.ok(hanging !== null && hanging >= 0);
    assert.ok(
      !text
        .split('\n')
        .some((l) => l.startsWith('kafka_live_transactions_hanging_partition{') && l.includes(`topic="${topic}"`)),
    );
  });

  it('aborts it only with the producer id typed, never in read-only mode, and then the reader moves on', async () => {
    const v = await getJson<TransactionsResponse>(`${dashboard.url}/api/transactions`);
    const open = v.open.find((o) => o.topic === topic && o.partition === 0)!;
    const payload = { topic, partition: 0, producerId: open.producerId, confirm: String(open.producerId) };

    assert.match(
      await actError(dashboard, 'transaction:abort', { ...payload, confirm: 'yes' }),
      /type the producer id/,
    );
    const refused = await postJson(`${readOnly.url}/api/actions/transaction:abort`, payload);
    assert.equal(refused.status, 403);
    assert.match(
      await actError(dashboard, 'transaction:abort', {
        ...payload,
        producerId: open.producerId + 1000,
        confirm: String(open.producerId + 1000),
      }),
      /has no transaction open/,
    );

    const done = await act(dashboard, 'transaction:abort', payload);
    assert.ok(done.ok, JSON.stringify(done));
    assert.equal(done.result.startOffset, 5);

    await poll('the last stable offset at the high watermark', async () => {
      const p = await partitionZero();
      return p && p.lastStable !== null && p.lastStable === p.high && p.high >= 11 ? p : null;
    });
    const after = await poll('the transaction gone from the open list', async () => {
      const v = await getJson<TransactionsResponse>(`${dashboard.url}/api/transactions?olderThanMs=1000`);
      return v.open.some((o) => o.topic === topic) ? null : v;
    });
    assert.equal(after.errors.length, 0, after.errors.join('; '));
    // The reader reads the two records after the aborted ones and commits past the marker.
    await poll('the reader past the aborted transaction', async () => {
      const res = await fetch(`${dashboard.url}/api/groups/${group}`);
      const d = (await res.json()) as GroupDetail;
      return (d.offsets[0]?.committed ?? 0) >= 10 ? d : null;
    });
    assert.equal(member.consumed(), 7, 'five before, two after; the aborted three never read');
    assert.match(await actError(dashboard, 'transaction:abort', payload), /has no transaction open/);
  });
});
