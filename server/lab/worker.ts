import { Kafka, logLevel, type Consumer } from 'kafkajs';
import type { LabConsumer } from '@/lib/contract/actions';
import { kafkaConfig } from '@/server/kafka/client';
import type { FromWorker, ToWorker, WorkerCommand, WorkerConfig } from './protocol';

// One lab "app instance": a separate OS process running K kafkajs consumers in one group.
// Started by the supervisor with child_process.fork; it takes orders over IPC and reports its
// consumers back. It never outlives the dashboard: when the IPC channel closes (the server
// exited, even by SIGKILL) its consumers leave their group and it exits within seconds.

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

if (!process.send) {
  process.stderr.write('lab worker: start it through the dashboard (it needs an IPC channel)\n');
  process.exit(2);
}

/** Leaving the group is worth a moment when the dashboard is gone, never more than that. */
const ORPHAN_EXIT_MS = 3_000;
function orphaned(): void {
  setTimeout(() => process.exit(0), ORPHAN_EXIT_MS);
  stop();
}
process.on('disconnect', orphaned);
// Second guard: a new parent pid means ours is gone (re-parented to init or a subreaper).
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) orphaned();
}, 1000).unref();

/** Reports are coalesced: a busy consumer would otherwise send one per message. */
const REPORT_EVERY_MS = 250;
const HEARTBEAT_MS = 500;
const START_ATTEMPTS = 6;

interface Slot {
  k: number;
  clientId: string;
  consumer: Consumer;
  memberId: string | null;
  assignments: LabConsumer['assignments'];
  consumed: number;
  lastHeardAt: number | null;
  /** Pending processing sleeps, woken early when this consumer is taken away. */
  sleepers: Set<() => void>;
  running: boolean;
}

let config: WorkerConfig | null = null;
const slots: Slot[] = [];
let paused = false;
let reportTimer: NodeJS.Timeout | null = null;
let queue: Promise<unknown> = Promise.resolve();

function send(message: FromWorker): void {
  if (process.connected) process.send!(message);
}

function view(s: Slot): LabConsumer {
  return {
    clientId: s.clientId,
    memberId: s.memberId,
    assignments: s.assignments,
    consumed: s.consumed,
    lastHeardAt: s.lastHeardAt,
  };
}

function reportNow(): void {
  if (reportTimer) clearTimeout(reportTimer);
  reportTimer = null;
  send({ type: 'state', consumers: [...slots].sort((a, b) => a.k - b.k).map(view) });
}

function changed(): void {
  reportTimer ??= setTimeout(reportNow, REPORT_EVERY_MS);
}

function sleep(slot: Slot, ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      slot.sleepers.delete(wake);
      resolve();
    };
    const timer = setTimeout(wake, ms);
    slot.sleepers.add(wake);
  });
}

function topicsOf(cfg: WorkerConfig) {
  return cfg.topics.map((topic) => ({ topic }));
}

function createConsumer(cfg: WorkerConfig, clientId: string): Consumer {
  const kafka = new Kafka({
    ...kafkaConfig(cfg.kafka, cfg.bootstrap),
    clientId,
    // A lab consumer should ride out a broker restart rather than give up after one retry.
    retry: { retries: 8, initialRetryTime: 300, maxRetryTime: 3000 },
    logLevel: logLevel.NOTHING,
  });
  return kafka.consumer({
    groupId: cfg.groupId,
    sessionTimeout: cfg.sessionTimeoutMs,
    // Heartbeats ride the fetch loop: both short, so a rebalance is noticed within ~0.5 s.
    heartbeatInterval: Math.min(HEARTBEAT_MS, Math.floor(cfg.sessionTimeoutMs / 3)),
    maxWaitTimeInMs: 500,
    rebalanceTimeout: 30_000,
  });
}

/** A topic created a moment ago may not be known to every broker yet: try again briefly. */
async function startSlot(cfg: WorkerConfig, k: number): Promise<Slot> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startSlotOnce(cfg, k);
    } catch (e) {
      if (attempt >= START_ATTEMPTS || (e as { retriable?: boolean }).retriable === false) throw e;
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }
}

async function startSlotOnce(cfg: WorkerConfig, k: number): Promise<Slot> {
  const clientId = `lab-${cfg.name}-${k}`;
  const consumer = createConsumer(cfg, clientId);
  const slot: Slot = {
    k,
    clientId,
    consumer,
    memberId: null,
    assignments: [],
    consumed: 0,
    lastHeardAt: null,
    sleepers: new Set(),
    running: false,
  };
  slots.push(slot);
  const heard = (memberId: string) => {
    slot.lastHeardAt = Date.now();
    send({ type: 'heard', clientId, memberId, at: slot.lastHeardAt });
  };
  consumer.on(consumer.events.HEARTBEAT, ({ payload }) => heard(payload.memberId));
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    slot.memberId = payload.memberId;
    heard(payload.memberId);
    slot.assignments = Object.entries(payload.memberAssignment)
      .flatMap(([topic, partitions]) => partitions.map((partition) => ({ topic, partition })))
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    changed();
  });
  // Eager rebalancing: everything is revoked until the new assignment arrives.
  consumer.on(consumer.events.REBALANCING, () => {
    slot.assignments = [];
    changed();
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    send({
      type: 'problem',
      message: `${clientId}: ${payload.error.message}${payload.restart ? ' (restarting)' : ''}`,
    });
  });
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: cfg.topics, fromBeginning: true });
    await consumer.run({
      autoCommitInterval: 500,
      eachMessage: async ({ heartbeat }) => {
        // A fetch under way when pause came can still hand over a message: it waits here until
        // resume, heartbeating so the member stays in the group, so a paused instance reads and
        // commits nothing more. A rebalance meanwhile throws from heartbeat(): the message is
        // not marked read, and whoever owns the partition next reads it.
        while (paused && slots.includes(slot)) {
          await heartbeat();
          await sleep(slot, 500);
        }
        await sleep(slot, cfg.processingDelayMs);
        slot.consumed++;
        changed();
      },
    });
  } catch (e) {
    slots.splice(slots.indexOf(slot), 1);
    await consumer.disconnect().catch(() => undefined);
    throw e;
  }
  slot.running = true;
  if (paused) consumer.pause(topicsOf(cfg));
  changed();
  return slot;
}

/** Takes a consumer away: LeaveGroup, so the group rebalances at once. */
async function removeSlot(slot: Slot): Promise<void> {
  slots.splice(slots.indexOf(slot), 1);
  for (const wake of [...slot.sleepers]) wake();
  await slot.consumer.disconnect();
  changed();
}

/** The lowest free consumer numbers, so client ids stay lab-A-1..K after ups and downs. */
function freeIndexes(count: number): number[] {
  const used = new Set(slots.map((s) => s.k));
  const free: number[] = [];
  for (let k = 1; free.length < count; k++) if (!used.has(k)) free.push(k);
  return free;
}

async function scaleTo(cfg: WorkerConfig, n: number): Promise<void> {
  if (n > slots.length) {
    await Promise.all(freeIndexes(n - slots.length).map((k) => startSlot(cfg, k)));
  } else {
    const gone = [...slots].sort((a, b) => b.k - a.k).slice(0, slots.length - n);
    await Promise.all(gone.map(removeSlot));
  }
}

async function handle(cmd: WorkerCommand, cfg: WorkerConfig): Promise<string | undefined> {
  switch (cmd.type) {
    case 'pause':
      paused = true;
      for (const s of slots) if (s.running) s.consumer.pause(topicsOf(cfg));
      return;
    case 'resume':
      paused = false;
      for (const s of slots) if (s.running) s.consumer.resume(topicsOf(cfg));
      return;
    case 'scale':
      await scaleTo(cfg, cmd.consumers);
      return;
    case 'rebalance': {
      // The newest consumer leaves and a fresh one with the same client id joins: two
      // generations, the same members afterwards.
      const slot = [...slots].sort((a, b) => b.k - a.k)[0];
      if (!slot) throw new Error('this instance has no consumer to rejoin');
      await removeSlot(slot);
      await startSlot(cfg, slot.k);
      return slot.clientId;
    }
  }
}

function onCommand(cmd: WorkerCommand): void {
  const cfg = config;
  queue = queue.then(async () => {
    let error: string | null = null;
    let clientId: string | undefined;
    try {
      if (!cfg) throw new Error('the instance has not started yet');
      clientId = await handle(cmd, cfg);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    reportNow();
    send({ type: 'reply', id: cmd.id, error, clientId });
  });
}

let stopping = false;

/** Every consumer leaves its group, then the process ends: with code 0, or by `signal` when
 *  one asked for it, so the supervisor still sees who ended it. */
function stop(signal?: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  // Waits for a command under way (a consumer joining), so no consumer is left behind.
  queue = queue.finally(async () => {
    // The last counts go out first: the list keeps showing what a stopped instance did.
    reportNow();
    await Promise.allSettled([...slots].map(removeSlot));
    if (signal) process.kill(process.pid, signal);
    else process.exit(0);
  });
}

// A terminal's Ctrl-C and a service manager's SIGTERM reach the whole process group, this
// instance too, while the dashboard shuts down: leave the group first, so it rebalances at once
// instead of waiting out the session timeout. `once`: the signal raised again ends the process.
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => stop(signal));

async function start(cfg: WorkerConfig): Promise<void> {
  config = cfg;
  const ks = Array.from({ length: cfg.consumers }, (_, i) => i + 1);
  await Promise.all(ks.map((k) => startSlot(cfg, k)));
  reportNow();
  send({ type: 'ready' });
}

process.on('message', (message: ToWorker) => {
  if (message.type === 'start') {
    if (config) return;
    // Commands and stop queue behind the start, so none acts on half-started consumers.
    queue = start(message.config).catch((e: unknown) => {
      // The supervisor shows the last stderr line as the reason the instance crashed.
      process.stderr.write(`could not start: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    });
  } else if (message.type === 'stop') {
    stop();
  } else {
    onCommand(message);
  }
});

process.on('unhandledRejection', (reason) =>
  send({ type: 'problem', message: reason instanceof Error ? reason.message : String(reason) }),
);
