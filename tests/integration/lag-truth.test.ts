import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Admin, Consumer, Producer } from 'kafkajs';
import type { Dashboard } from '@/server/app';
import { createTopic, deleteTopic, randomName, startTestDashboard, testKafka, withAdmin } from '@/tests/support/kafka';
import { describeGroupWithKafkaTool } from '@/tests/support/kafka-tools';

// Lag under heavy produce load, sampled from the dashboard many times and checked against
// log ends the test reads itself right after each sample, and at rest against Kafka's own
// consumer-groups tool. A "false zero" is the dashboard saying 0 while an end read after
// the sample is ahead of the committed offset the dashboard showed.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const PARTITIONS = 3;

async function freshEnds(admin: Admin, topic: string): Promise<Map<number, number>> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return new Map(offsets.map((o) => [o.partition, Number(o.high)]));
}

describe('lag you can trust', () => {
  let dashboard: Dashboard;
  const topics: string[] = [];
  // Clients a test opened, closed here even when it fails: an open one keeps the file from exiting.
  const open: { disconnect(): Promise<void> }[] = [];
  let stopLoad = () => undefined as void;

  before(async () => {
    dashboard = await startTestDashboard();
  });

  after(async () => {
    stopLoad();
    await Promise.all(open.map((c) => c.disconnect().catch(() => undefined)));
    await dashboard?.close();
    for (const t of topics) await deleteTopic(t).catch(() => undefined);
  });

  it('never reads 0 nor committed above the end while a group consumes under load', async () => {
    const topic = randomName('lag.load');
    const group = randomName('lag-load-group');
    topics.push(topic);
    await createTopic(topic, PARTITIONS, 3);
    const producer: Producer = testKafka('lag-load-producer').producer();
    await producer.connect();
    open.push(producer);
    let producing = true;
    stopLoad = () => void (producing = false);
    let produced = 0;
    const load = (async () => {
      while (producing) {
        const messages = Array.from({ length: 200 }, () => ({
          value: `m${produced++}`,
          partition: produced % PARTITIONS,
        }));
        await producer.send({ topic, messages });
      }
    })();
    // A head start, and a consumer slower than the producer, so the true lag stays above 0
    // while it keeps moving: a 0 could then only be the dashboard's mistake. (Without them a
    // quiet machine lets the consumer catch up now and then, and a true 0 read a moment
    // before the next append would be counted here as false.)
    while (produced < 3_000) await sleep(20);
    const consumer: Consumer = testKafka('lag-load-consumer').consumer({ groupId: group, maxWaitTimeInMs: 50 });
    open.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachBatchAutoResolve: true,
      eachBatch: async ({ batch }) => {
        await sleep(10 + Math.min(60, batch.messages.length / 5));
      },
    });

    const admin = testKafka('lag-load-admin').admin();
    open.push(admin);
    await admin.connect();
    let samples = 0;
    let zeros = 0;
    let falseZeros = 0;
    let aboveEnd = 0;
    let inconsistent = 0;
    const until = Date.now() + 15_000;
    while (Date.now() < until) {
      const d = dashboard.groups.detail(group);
      if (d) {
        const ends = await freshEnds(admin, topic);
        for (const o of d.offsets) {
          if (o.committed === null || o.lag === null) continue;
          samples++;
          if (o.logEnd !== null && o.committed > o.logEnd) aboveEnd++;
          if (o.logEnd !== null && o.lag !== o.logEnd - Math.max(o.committed, o.logStart ?? o.committed))
            inconsistent++;
          if (o.lag === 0) {
            zeros++;
            if ((ends.get(o.partition) ?? 0) > o.committed) falseZeros++;
          }
        }
      }
      await sleep(20);
    }
    producing = false;
    await load;
    await admin.disconnect();
    console.log(
      `lag-truth: ${samples} partition samples, ${zeros} zeros, ${falseZeros} false zeros, ${aboveEnd} committed > log end, ${inconsistent} lag != end - committed`,
    );
    assert.ok(samples > 50, `enough samples (${samples})`);
    assert.equal(aboveEnd, 0, 'committed never above the log end');
    assert.equal(inconsistent, 0, 'lag is the shown end minus the shown committed');
    assert.equal(falseZeros, 0, 'no false zeros');

    // At rest: the same figures as Kafka's tool.
    await consumer.disconnect();
    await producer.disconnect();
    const tool = await describeGroupWithKafkaTool(group);
    const deadline = Date.now() + 10_000;
    let mismatch = '';
    for (;;) {
      const d = dashboard.groups.detail(group)!;
      mismatch = tool.rows
        .map((row) => {
          const mine = d.offsets.find((o) => o.partition === row.partition);
          return mine?.committed === row.currentOffset && mine?.logEnd === row.logEndOffset && mine?.lag === row.lag
            ? ''
            : `p${row.partition}: ours ${mine?.committed}/${mine?.logEnd} lag ${mine?.lag}, tool ${row.currentOffset}/${row.logEndOffset} lag ${row.lag}`;
        })
        .filter(Boolean)
        .join('; ');
      if (!mismatch || Date.now() > deadline) break;
      await sleep(200);
    }
    assert.equal(mismatch, '', 'at rest the dashboard agrees with kafka-consumer-groups');
  });

  it('counts messages retention deleted before they were read apart from the lag', async () => {
    const topic = randomName('lag.expired');
    const group = randomName('lag-expired-group');
    topics.push(topic);
    await withAdmin((a) =>
      a.createTopics({
        waitForLeaders: true,
        topics: [
          {
            topic,
            numPartitions: 1,
            replicationFactor: 3,
            configEntries: [{ name: 'segment.bytes', value: '1048576' }],
          },
        ],
      }),
    );
    const producer = testKafka('lag-expired-producer').producer();
    await producer.connect();
    const value = 'x'.repeat(1000);
    await producer.send({ topic, messages: Array.from({ length: 100 }, () => ({ value })) });
    // The group reads the first 100 and commits, then stops reading.
    await withAdmin((a) => a.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: '100' }] }));
    // 3000 more (several segments), then everything before the last 500 is deleted.
    for (let i = 0; i < 6; i++)
      await producer.send({ topic, messages: Array.from({ length: 500 }, () => ({ value })) });
    await producer.disconnect();
    // What retention does when a segment expires, without waiting for the broker's retention
    // check (5 min by default, a broker setting of the shared cluster): the log start moves.
    await withAdmin(async (a) => {
      await a.fetchTopicMetadata({ topics: [topic] });
      await a.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: '2600' }] });
    });
    const deadline = Date.now() + 15_000;
    let row = dashboard.groups.detail(group)?.offsets[0];
    while (Date.now() < deadline && !(row?.logStart === 2600 && row.logEnd === 3100 && row.lag !== null)) {
      await sleep(200);
      row = dashboard.groups.detail(group)?.offsets[0];
    }
    assert.ok(row, 'the group is on the dashboard');
    assert.equal(row.logStart, 2600);
    assert.equal(row.logEnd, 3100);
    assert.equal(row.expiredUnread, 2500, 'messages deleted unread');
    assert.equal(row.lag, 500, 'lag counts only what is still there to read');
    assert.equal(dashboard.groups.detail(group)!.expiredUnread, 2500);
  });
});
