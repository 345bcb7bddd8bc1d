import { withAdmin, randomName, testKafka } from './kafka';

// Reads a topic from its start to its current end with a group of its own, so a test can
// compare what the log holds with what a producer reported acknowledged.

export interface LogContents {
  records: number;
  /** How often each message number of the run appears in the log. */
  seen: Map<number, number>;
  /** Records of other runs or without a number. */
  foreign: number;
}

/** Every record of `topic` up to the high watermarks as they are now, counted by the `n` in
 *  its JSON value (only values of `run`). */
export async function readLoadRun(topic: string, run: string, timeoutMs = 120_000): Promise<LogContents> {
  const ends = await withAdmin((admin) => admin.fetchTopicOffsets(topic));
  const target = new Map(ends.map((o) => [o.partition, Number(o.high)]));
  const reached = new Map(ends.map((o) => [o.partition, Number(o.low)]));
  const contents: LogContents = { records: 0, seen: new Map(), foreign: 0 };
  const done = () => [...target].every(([p, high]) => (reached.get(p) ?? 0) >= high);
  if (done()) return contents;

  const consumer = testKafka(randomName('log-reader')).consumer({
    groupId: randomName('log-reader'),
    maxWaitTimeInMs: 500,
  });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    let finished!: () => void;
    const complete = new Promise<void>((r) => (finished = r));
    await consumer.run({
      eachBatch: async ({ batch, heartbeat }) => {
        for (const m of batch.messages) {
          const offset = Number(m.offset);
          if (offset >= (target.get(batch.partition) ?? 0)) continue;
          // A rebalance of this reader's own group (a slow machine missing a heartbeat) delivers
          // again from its last commit: each offset counts once, so a duplicate means one in the log.
          if (offset < (reached.get(batch.partition) ?? 0)) continue;
          contents.records++;
          const value = parse(m.value?.toString());
          const n = value?.run === run ? value.n : undefined;
          if (typeof n === 'number' && Number.isInteger(n)) contents.seen.set(n, (contents.seen.get(n) ?? 0) + 1);
          else contents.foreign++;
          reached.set(batch.partition, Math.max(reached.get(batch.partition) ?? 0, offset + 1));
        }
        await heartbeat();
        if (done()) finished();
      },
    });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      complete,
      new Promise<never>(
        (_, reject) =>
          (timer = setTimeout(
            () =>
              reject(new Error(`read ${contents.records} records of ${topic}, not its end, within ${timeoutMs} ms`)),
            timeoutMs,
          )),
      ),
    ]).finally(() => clearTimeout(timer));
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
  return contents;
}

function parse(text: string | undefined): { run?: string; n?: number } | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as { run?: string; n?: number };
  } catch {
    return null;
  }
}
