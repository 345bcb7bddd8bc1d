import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { deleteTopic, randomName, withAdmin } from '@/tests/support/kafka';
import { connectSocket, until, type TestSocket } from '@/tests/support/http';
import { fuzzCase, type FuzzCase } from '@/tests/support/fuzz-inputs';
import { MAX_EVENTS_PER_SECOND } from '@/server/security/socket-guard';

// Random and malformed input against a real dashboard in its own process, on the real
// embedded cluster, for a bounded time (FUZZ_SECONDS, default 60): wrong types and shapes for
// every known event and action, unknown events, huge strings, invalid UTF-8 in binary
// attachments, lone surrogates, thousands of headers, deep objects, broken packets, bad HTTP
// bodies, from several sockets at once and in a flood. The server must stay up, answer each
// bad input with an error, keep its memory bounded and still work afterwards. Only the
// test's own topic is ever produced to. FUZZ_SEED replays a run.

const SECONDS = Number(process.env.FUZZ_SECONDS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const WORKERS = 6;
// Under the per-connection event limit, so every event here gets its own answer; the flood
// case below goes over it on purpose.
const MIN_GAP_MS = Math.ceil(1000 / (MAX_EVENTS_PER_SECOND * 0.75));
const RSS_BOUND_MB = 256;

const ROOT = path.resolve(__dirname, '../..');

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

async function startServer(): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  let stderr = '';
  const child = fork(path.join(ROOT, 'tests/support/api-server.ts'), [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    // The fuzz is about input, not the produce limit: every valid case should run.
    env: { ...process.env, POLL_INTERVAL_MS: '500', KAFKA_LIVE_ACTION_LIMIT: '0' },
  });
  child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-8000)));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening: ${stderr}`)));
  });
  return { child, url, stderr: () => stderr };
}

/** Each topic's log end offsets, to prove the fuzz wrote nowhere but its own topic. */
async function logEnds(except: string): Promise<Map<string, string>> {
  return withAdmin(async (admin) => {
    const ends = new Map<string, string>();
    for (const topic of await admin.listTopics()) {
      if (topic === except || topic.startsWith('__')) continue;
      const offsets = await admin.fetchTopicOffsets(topic).catch(() => []);
      ends.set(
        topic,
        offsets
          .map((o) => `${o.partition}:${o.high}`)
          .sort()
          .join(','),
      );
    }
    return ends;
  });
}

interface Tally {
  cases: number;
  byKind: Record<string, number>;
  unanswered: string[];
  wrong: string[];
  reconnects: number;
}

/** One socket working through cases in order, each waiting for its answer. */
class Worker {
  private socket: TestSocket | null = null;
  private errors: { event: string; message: string }[] = [];

  constructor(private readonly url: string) {}

  private async live(): Promise<TestSocket> {
    if (this.socket?.connected) return this.socket;
    this.socket?.close();
    this.errors = [];
    this.socket = await connectSocket(this.url, {}, ['websocket'], (s) =>
      s.on('action:error', (e) => this.errors.push(e)),
    );
    return this.socket;
  }

  async run(c: FuzzCase, tally: Tally): Promise<void> {
    const label = `${c.kind}${'event' in c ? ` ${c.event.slice(0, 40)}` : ''}${'name' in c ? ` ${String(c.name).slice(0, 40)}` : ''}`;
    const fail = (list: string[], why: string) => list.length < 20 && list.push(`${label}: ${why}`);
    if (c.kind === 'http') {
      const res = await fetch(`${this.url}${c.path}`, {
        method: c.method,
        headers: c.contentType ? { 'content-type': c.contentType } : {},
        body: c.body,
        signal: AbortSignal.timeout(30_000),
      }).catch((e: Error) => e);
      if (res instanceof Error) fail(tally.unanswered, res.message);
      else {
        if (res.status < 400 || res.status >= 500) fail(tally.wrong, `HTTP ${res.status} ${c.method} ${c.path}`);
        await res.arrayBuffer();
      }
      return;
    }
    const wasConnected = this.socket?.connected ?? false;
    const socket = await this.live();
    if (!wasConnected) tally.reconnects++;
    if (c.kind === 'raw') {
      socket.io.engine.send(c.packet);
      // A broken packet closes the connection; anything parseable is answered like any event.
      await new Promise((r) => setTimeout(r, 20));
      return;
    }
    if (c.kind === 'event') {
      const before = this.errors.length;
      const name = c.event.slice(0, 100);
      (socket as unknown as { emit(event: string, payload: unknown): void }).emit(c.event, c.payload);
      // An earlier raw packet may still be answered meanwhile: look for this event's own error.
      const answered = await until(
        'an action:error',
        () => this.errors.slice(before).some((e) => e.event === name) || !socket.connected,
        15_000,
      ).then(
        () => true,
        () => false,
      );
      if (!answered)
        fail(
          tally.unanswered,
          `no action:error within 15 s; got ${JSON.stringify(this.errors.slice(before)).slice(0, 300)}`,
        );
      return;
    }
    const request =
      c.kind === 'action-request'
        ? c.request
        : { name: c.kind === 'produce' ? 'produce:send' : c.name, payload: c.payload };
    const answer = await socket
      .timeout(60_000)
      .emitWithAck('action:run', request as never)
      .catch((e: Error) => e);
    if (answer instanceof Error) {
      // A payload over the socket's size limit closes the connection: that is its answer.
      if (!socket.connected) return;
      fail(tally.unanswered, answer.message);
      return;
    }
    if (c.expect === 'answered') return;
    if (answer.ok) fail(tally.wrong, `accepted: ${JSON.stringify(answer).slice(0, 200)}`);
    else if (c.expect === 'too-large' && !/max\.message\.bytes/.test(answer.error))
      fail(tally.wrong, `too-large without the limit: ${answer.error}`);
  }

  close(): void {
    this.socket?.close();
  }
}

describe(`fuzz: ${SECONDS} s of bad input against a running dashboard`, { timeout: (SECONDS + 240) * 1000 }, () => {
  const topic = randomName('fuzz');
  let server: Awaited<ReturnType<typeof startServer>>;
  let before_: Map<string, string>;

  before(async () => {
    await withAdmin((admin) =>
      admin.createTopics({ waitForLeaders: false, topics: [{ topic, numPartitions: 3, replicationFactor: 1 }] }),
    );
    server = await startServer();
    const probe = await connectSocket(server.url);
    try {
      // The dashboard knows the topic and its leaders, so produce cases really produce.
      await until(
        'the fuzz topic with leaders',
        async () => {
          const res = await fetch(`${server.url}/api/cluster`);
          const state = (await res.json()) as { topics: { name: string; partitions: { leader: number }[] }[] };
          return state.topics.some((t) => t.name === topic && t.partitions.every((p) => p.leader >= 0));
        },
        60_000,
      );
    } finally {
      probe.close();
    }
    before_ = await logEnds(topic);
  });

  after(async () => {
    server?.child.kill('SIGTERM');
    await deleteTopic(topic);
  });

  it('stays up, refuses every bad input with an error, keeps memory bounded, and still works', async () => {
    const pid = server.child.pid!;
    let exited: number | string | null = null;
    server.child.once('exit', (code, signal) => (exited = code ?? signal));
    const rssBefore = rssMb(pid);
    const tally: Tally = { cases: 0, byKind: {}, unanswered: [], wrong: [], reconnects: 0 };
    const arbitrary = fuzzCase(topic);
    const started = Date.now();
    const deadline = started + SECONDS * 1000;
    let batch = 0;

    const work = async (worker: Worker) => {
      while (Date.now() < deadline && exited === null) {
        const cases = fc.sample(arbitrary, { numRuns: 20, seed: SEED + batch++ });
        for (const c of cases) {
          if (Date.now() >= deadline || exited !== null) break;
          const t = Date.now();
          await worker.run(c, tally);
          tally.cases++;
          tally.byKind[c.kind] = (tally.byKind[c.kind] ?? 0) + 1;
          const rest = MIN_GAP_MS - (Date.now() - t);
          if (rest > 0) await new Promise((r) => setTimeout(r, rest));
        }
      }
    };
    const workers = Array.from({ length: WORKERS }, () => new Worker(server.url));

    // A flood on one more connection, over the per-connection limit: answered, not queued.
    const flood = async () => {
      const socket = await connectSocket(server.url);
      const notices: string[] = [];
      socket.on('action:error', (e) => notices.push(e.message));
      const acks: Promise<unknown>[] = [];
      for (let i = 0; i < 2_000; i++) {
        socket.emit('cluster:resync', { reason: 42 } as never);
        if (i % 4 === 0)
          acks.push(
            socket
              .timeout(30_000)
              .emitWithAck('action:run', { name: 'lab:stop', payload: { instance: 'not an instance' } }),
          );
      }
      const answers = await Promise.all(acks);
      await until('the flood notice', () => notices.some((m) => /too many events/.test(m)), 15_000);
      socket.close();
      return answers;
    };
    const [floodAnswers] = await Promise.all([flood(), ...workers.map((w) => work(w))]);
    for (const w of workers) w.close();
    const seconds = (Date.now() - started) / 1000;

    assert.equal(exited, null, `the server exited (${exited}): ${server.stderr()}`);
    const health = await fetch(`${server.url}/api/health`);
    assert.equal(health.status, 200);
    // Let the last large payloads go before measuring.
    await new Promise((r) => setTimeout(r, 3000));
    const rssAfter = rssMb(pid);

    const report = {
      seed: SEED,
      seconds: Math.round(seconds),
      inputs: tally.cases + 2_500,
      byKind: { ...tally.byKind, flood: 2_500 },
      inputsPerSecond: Math.round((tally.cases + 2_500) / seconds),
      crashes: exited === null ? 0 : 1,
      reconnects: tally.reconnects,
      rssBeforeMb: Math.round(rssBefore),
      rssAfterMb: Math.round(rssAfter),
    };
    console.log(`fuzz report: ${JSON.stringify(report)}`);

    assert.ok(tally.cases > SECONDS * 20, `only ${tally.cases} cases in ${seconds} s`);
    assert.deepEqual(tally.unanswered, [], 'every bad input is answered');
    assert.deepEqual(tally.wrong, [], 'every answer is the right one');
    assert.equal(floodAnswers.length, 500);
    assert.ok(
      floodAnswers.every((a) => (a as { ok: boolean }).ok === false),
      'flooded actions are refused, never run',
    );
    assert.ok(
      rssAfter < rssBefore + RSS_BOUND_MB,
      `RSS grew from ${rssBefore.toFixed(0)} to ${rssAfter.toFixed(0)} MB`,
    );

    // Still works: a valid produce lands in the fuzz topic.
    const socket = await connectSocket(server.url);
    try {
      const answer = await socket.timeout(30_000).emitWithAck('action:run', {
        name: 'produce:send',
        payload: { topic, key: 'after-fuzz', value: 'ok', format: 'text', headers: [], partition: null, count: 1 },
      });
      assert.ok(answer.ok, JSON.stringify(answer));
    } finally {
      socket.close();
    }
    // And nothing else was written or created.
    assert.deepEqual(await logEnds(topic), before_);
  });
});
