import type { Admin, Consumer, Producer } from 'kafkajs';
import { createTopic, deleteTopic, randomName, startTestDashboard, testKafka } from '@/tests/support/kafka';
import { report, sleep } from './support';

// npx tsx bench/false-zeros.ts: false zeros under heavy produce load, before and after.
// One group consumes a 3-partition topic while a producer appends as fast as it can; the
// dashboard (in this process) is sampled every 20 ms. A sample is a false zero when it reads
// lag 0 while the log end, read by this bench right after the sample, is ahead of the committed
// offset the sample showed.
//   after:  the dashboard's lag (a log end read after the commit, else "not yet known");
//   before: the old formula max(0, high − committed) on the same samples, with `high` the log
//           end of the last poll round (the cluster snapshot's; nothing here watches the topic
//           or produces through the dashboard, so only poll rounds move it).
// BENCH_SECONDS (default 20). Writes bench/results/false-zeros.json.

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PARTITIONS = 3;

async function freshEnds(admin: Admin, topic: string): Promise<Map<number, number>> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return new Map(offsets.map((o) => [o.partition, Number(o.high)]));
}

async function main(): Promise<void> {
  const dashboard = await startTestDashboard();
  const topic = randomName('bench.false-zeros');
  const group = randomName('bench-false-zeros');
  await createTopic(topic, PARTITIONS, 3);
  const producer: Producer = testKafka('bench-false-zeros-producer').producer();
  const consumer: Consumer = testKafka('bench-false-zeros-consumer').consumer({ groupId: group, maxWaitTimeInMs: 50 });
  const admin = testKafka('bench-false-zeros-admin').admin();
  let producing = true;
  let produced = 0;
  try {
    await Promise.all([producer.connect(), admin.connect()]);
    const load = (async () => {
      while (producing) {
        const messages = Array.from({ length: 200 }, () => ({
          value: `m${produced++}`,
          partition: produced % PARTITIONS,
        }));
        await producer.send({ topic, messages });
      }
    })();
    // A head start, so the consumer is behind while it keeps moving (as in lag-truth.test.ts).
    while (produced < 3_000) await sleep(20);
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachBatchAutoResolve: true,
      eachBatch: async ({ batch }) => {
        await sleep(10 + Math.min(60, batch.messages.length / 5));
      },
    });

    let samples = 0;
    let unknown = 0;
    const after = { zeros: 0, falseZeros: 0 };
    const before = { zeros: 0, falseZeros: 0, aboveEnd: 0 };
    const until = Date.now() + SECONDS * 1000;
    while (Date.now() < until) {
      const d = dashboard.groups.detail(group);
      const polled = dashboard.store.snapshot().topics.find((t) => t.name === topic);
      if (d && polled) {
        const ends = await freshEnds(admin, topic);
        for (const o of d.offsets) {
          if (o.committed === null) continue;
          const high = polled.partitions.find((p) => p.partition === o.partition)?.high ?? null;
          if (high === null) continue;
          samples++;
          const ahead = (ends.get(o.partition) ?? 0) > o.committed;
          // Before: the poll round's end, however old, against a commit that may be newer.
          if (o.committed > high) before.aboveEnd++;
          if (Math.max(0, high - o.committed) === 0) {
            before.zeros++;
            if (ahead) before.falseZeros++;
          }
          if (o.lag === null) unknown++;
          else if (o.lag === 0) {
            after.zeros++;
            if (ahead) after.falseZeros++;
          }
        }
      }
      await sleep(20);
    }
    producing = false;
    await load;
    const rows: [string, string][] = [
      ['load', `${produced.toLocaleString('en-US')} messages produced over the run, ${PARTITIONS} partitions`],
      ['partition samples', `${samples} (every 20 ms for ${SECONDS} s)`],
      [
        'false zeros, before (max(0, poll-round end − committed))',
        `${before.falseZeros} of ${before.zeros} zeros (${((100 * before.falseZeros) / Math.max(1, samples)).toFixed(1)} % of samples); committed > end shown in ${before.aboveEnd}`,
      ],
      [
        'false zeros, after (end read after the commit)',
        `${after.falseZeros} of ${after.zeros} zeros; ${unknown} samples "not yet known" instead`,
      ],
    ];
    report('false-zeros', 'False zeros under load', rows);
  } finally {
    producing = false;
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
    await dashboard.close();
    await deleteTopic(topic).catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
