import { EventEmitter } from 'node:events';
import {
  LAB_ENDED_CAP,
  type LabInstance,
  type LabInstanceStatus,
  type LabProtocol,
  type LabProtocolInfo,
} from '@/lib/contract/actions';
import type { LabStartRequest } from '@/lib/contract/action-schemas';
import type { KafkaSettings } from '@/server/config';
import { ActionError, describeError } from '@/server/actions/errors';
import { endedToDrop, nextInstanceName } from './names';
import type { FromWorker } from './protocol';
import { WorkerProcess, type CommandBody, type WorkerExit } from './worker-process';

// Starts and supervises lab "app instances": each a separate OS process (server/lab/worker.ts)
// running consumers in one group. Keeps ended instances for a while, so the page can explain
// why a killed instance's members are still in the group.

export interface LabSupervisorEvents {
  /** The whole instance list, whenever any instance changes. */
  instances: [LabInstance[]];
}

export interface LabSupervisorOptions {
  kafka: KafkaSettings;
  bootstrap: string[];
  /** Topic names on the cluster now (the server's one admin client answers). */
  topicNames: () => Promise<string[]>;
  /** Which protocols can start here (see ./java-runtime.ts); absent: classic only. */
  protocols?: () => Promise<LabProtocolInfo[]>;
  /** The java command's arguments for a Java worker, compiled on first use. */
  javaCommand?: () => Promise<string[]>;
  log?: (line: string) => void;
}

/** Each instance is a Node process with its own connections; a dozen is plenty for a demo. */
export const MAX_RUNNING_INSTANCES = 12;
/** KIP-848 and share members cannot pick a session timeout: the broker's
 *  group.consumer.session.timeout.ms / group.share.session.timeout.ms rule (45 s by default). */
const BROKER_SESSION_TIMEOUT_MS = 45_000;
const START_WAIT_MS = 20_000;
const COMMAND_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const STOP_ALL_TIMEOUT_MS = 5_000;
/** Workers already coalesce their reports; this caps the page's updates across instances. */
const EMIT_EVERY_MS = 200;

interface Entry {
  info: LabInstance;
  proc: WorkerProcess;
  /** What the server asked for, so an exit is read as stopped, killed or crashed. */
  ending: 'stop' | 'kill' | null;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());
const clock = (ms: number) => new Date(ms).toTimeString().slice(0, 8);

const WHY_NOT: Partial<Record<LabInstanceStatus, string>> = {
  stopping: 'it is stopping',
  stopped: 'it was stopped',
  killed: 'it was killed',
  crashed: 'it crashed',
};

export class LabSupervisor extends EventEmitter<LabSupervisorEvents> {
  private readonly entries = new Map<string, Entry>();
  private emitTimer: NodeJS.Timeout | null = null;
  private closed = false;
  // Last resort when the server exits without stopAll (process.exit): no worker is left behind.
  private readonly killAll = () => {
    for (const e of this.entries.values()) e.proc.kill();
  };

  constructor(readonly opts: LabSupervisorOptions) {
    super();
    process.on('exit', this.killAll);
  }

  instances(): LabInstance[] {
    return [...this.entries.values()].map((e) => ({ ...e.info, consumers: e.info.consumers.map((c) => ({ ...c })) }));
  }

  /** Every protocol with whether it can start here; classic always can. */
  async protocols(): Promise<LabProtocolInfo[]> {
    if (!this.opts.protocols) return [{ protocol: 'classic', available: true, why: null, reason: null }];
    return this.opts.protocols();
  }

  async start(req: LabStartRequest): Promise<LabInstance> {
    const protocol: LabProtocol = req.protocol ?? 'classic';
    this.checkCapacity();
    await this.checkTopics(req.topics);
    const java = protocol === 'classic' ? undefined : await this.javaCommand(protocol);
    this.checkCapacity();
    const name = nextInstanceName(new Set(this.entries.keys()));
    const config = { ...req, protocol, name, kafka: this.opts.kafka, bootstrap: this.opts.bootstrap };
    const proc = new WorkerProcess(config, java);
    const entry: Entry = {
      info: {
        name,
        pid: proc.pid,
        protocol,
        groupId: req.groupId,
        topics: req.topics,
        processingDelayMs: req.processingDelayMs,
        sessionTimeoutMs: protocol === 'classic' ? req.sessionTimeoutMs : BROKER_SESSION_TIMEOUT_MS,
        status: 'starting',
        consumers: [],
        consumed: 0,
        startedAt: Date.now(),
        endedAt: null,
        lastError: null,
      },
      proc,
      ending: null,
    };
    this.entries.set(name, entry);
    proc.on('message', (m) => this.onMessage(entry, m));
    proc.once('exit', (x) => this.onExit(entry, x));
    this.log(
      `lab: instance ${name} (pid ${proc.pid}) started: ${req.consumers} ${protocol} consumer(s) in ${req.groupId} on ${req.topics.join(', ')}`,
    );
    this.changed();

    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, START_WAIT_MS);
      function done() {
        clearTimeout(timer);
        proc.off('message', onReady);
        resolve();
      }
      const onReady = (m: FromWorker) => m.type === 'ready' && done();
      proc.on('message', onReady);
      void proc.exited.then(done);
    });
    if (entry.info.status === 'crashed')
      throw new ActionError(`instance ${name} could not start: ${entry.info.lastError}`);
    return { ...entry.info };
  }

  async stop(name: string): Promise<LabInstance> {
    const entry = this.running(name);
    entry.ending = 'stop';
    entry.info.status = 'stopping';
    this.changed();
    entry.proc.post({ type: 'stop' });
    // A consumer in the middle of a slow message finishes it first.
    const limit = STOP_TIMEOUT_MS + entry.info.processingDelayMs;
    await Promise.race([entry.proc.exited, sleep(limit)]);
    if (entry.proc.alive) {
      entry.info.lastError = `did not leave its group within ${Math.round(limit / 1000)} s, so it was killed`;
      entry.proc.kill();
      await entry.proc.exited;
    }
    return { ...entry.info };
  }

  async kill(name: string): Promise<LabInstance> {
    const entry = this.entries.get(name);
    // Killing one that is stopping is allowed: that is the way out of a stop that hangs.
    if (!entry || !entry.proc.alive) throw this.notRunning(name);
    entry.ending = 'kill';
    entry.proc.kill();
    await entry.proc.exited;
    return { ...entry.info };
  }

  async pause(name: string): Promise<LabInstance> {
    const entry = this.running(name);
    if (entry.info.status === 'paused') throw new ActionError(`instance ${name} is already paused`);
    await this.command(entry, { type: 'pause' });
    if (entry.info.status !== 'stopping') entry.info.status = 'paused';
    this.changed();
    return { ...entry.info };
  }

  async resume(name: string): Promise<LabInstance> {
    const entry = this.running(name);
    if (entry.info.status !== 'paused') throw new ActionError(`instance ${name} is not paused`);
    await this.command(entry, { type: 'resume' });
    if (entry.info.status === 'paused') entry.info.status = 'running';
    this.changed();
    return { ...entry.info };
  }

  async scale(name: string, consumers: number): Promise<LabInstance> {
    const entry = this.running(name);
    await this.command(entry, { type: 'scale', consumers });
    return { ...entry.info };
  }

  /** One consumer of a lab instance in the group leaves and a fresh one joins: two rebalances. */
  async rebalance(groupId: string): Promise<{ groupId: string; instance: string; clientId: string }> {
    const candidates = [...this.entries.values()].filter(
      (e) => e.proc.alive && e.ending === null && e.info.groupId === groupId,
    );
    const entry = candidates.find((e) => e.info.status === 'running') ?? candidates[0];
    if (!entry)
      throw new ActionError(
        `no running lab instance is in group ${groupId}; start one on the Lab page to rebalance it from here`,
      );
    const clientId = await this.command(entry, { type: 'rebalance' });
    return { groupId, instance: entry.info.name, clientId: clientId ?? '' };
  }

  /** Stops every instance (graceful, then killed); used on server shutdown. */
  async stopAll(): Promise<void> {
    this.closed = true;
    const live = [...this.entries.values()].filter((e) => e.proc.alive);
    for (const e of live) {
      if (e.ending === null) {
        e.ending = 'stop';
        e.info.status = 'stopping';
      }
      e.proc.post({ type: 'stop' });
    }
    await Promise.race([Promise.all(live.map((e) => e.proc.exited)), sleep(STOP_ALL_TIMEOUT_MS)]);
    for (const e of live) e.proc.kill();
    await Promise.all(live.map((e) => e.proc.exited));
    process.off('exit', this.killAll);
    if (this.emitTimer) clearTimeout(this.emitTimer);
    this.emitTimer = null;
  }

  private running(name: string): Entry {
    const entry = this.entries.get(name);
    if (!entry || !entry.proc.alive || entry.ending !== null) throw this.notRunning(name);
    return entry;
  }

  private notRunning(name: string): ActionError {
    const info = this.entries.get(name)?.info;
    const why = info && WHY_NOT[info.status];
    return new ActionError(`no running lab instance ${name}${why ? `: ${why}` : ''}`);
  }

  private async command(entry: Entry, body: CommandBody): Promise<string | undefined> {
    const reply = await entry.proc.request(body, COMMAND_TIMEOUT_MS + entry.info.processingDelayMs);
    if (reply.error) throw new ActionError(`instance ${entry.info.name}: ${reply.error}`);
    return reply.clientId;
  }

  /** Refuses a protocol this cluster or machine cannot run, with the reason the form shows. */
  private async javaCommand(protocol: LabProtocol): Promise<string[]> {
    const info = (await this.protocols()).find((p) => p.protocol === protocol);
    if (!info?.available || !this.opts.javaCommand)
      throw new ActionError(`a ${protocol} instance cannot start here: ${info?.reason ?? 'no Java worker is set up'}`);
    try {
      return await this.opts.javaCommand();
    } catch (e) {
      throw new ActionError(describeError(e));
    }
  }

  private checkCapacity(): void {
    if (this.closed) throw new ActionError('the dashboard is shutting down');
    const live = [...this.entries.values()].filter((e) => e.proc.alive).length;
    if (live >= MAX_RUNNING_INSTANCES)
      throw new ActionError(`at most ${MAX_RUNNING_INSTANCES} lab instances run at once; stop one first`);
  }

  private async checkTopics(topics: string[]): Promise<void> {
    const internal = topics.find((t) => t.startsWith('__'));
    if (internal) throw new ActionError(`${internal} is an internal topic; lab instances read your own topics`);
    // A topic created a moment ago may not be in every broker's metadata yet: ask again briefly.
    for (let attempt = 1; ; attempt++) {
      const names = await this.topicNames();
      const missing = topics.filter((t) => !names.includes(t));
      if (missing.length === 0) return;
      if (attempt >= 3) throw new ActionError(`no topic named ${missing.join(', ')} on the cluster`);
      await sleep(500);
    }
  }

  private async topicNames(): Promise<string[]> {
    try {
      return await this.opts.topicNames();
    } catch (e) {
      throw new ActionError(`could not check the topics on the cluster: ${describeError(e)}`);
    }
  }

  private onMessage(entry: Entry, m: FromWorker): void {
    const info = entry.info;
    if (m.type === 'ready' && info.status === 'starting') info.status = 'running';
    if (m.type === 'heard') {
      const c = info.consumers.find((x) => x.clientId === m.clientId);
      if (c) {
        c.memberId = m.memberId;
        c.lastHeardAt = Math.max(c.lastHeardAt ?? 0, m.at);
      }
      // Not worth an update to every page twice a second: the time matters only once the
      // instance has ended, and its exit sends the list.
      return;
    }
    if (m.type === 'state') {
      // A state report can be older than the last `heard`: keep the later contact time.
      const before = new Map(info.consumers.map((c) => [c.clientId, c.lastHeardAt]));
      info.consumers = m.consumers.map((c) => ({
        ...c,
        lastHeardAt: Math.max(c.lastHeardAt ?? 0, before.get(c.clientId) ?? 0) || null,
      }));
      info.consumed = m.consumers.reduce((sum, c) => sum + c.consumed, 0);
    }
    if (m.type === 'problem') info.lastError = m.message;
    this.changed();
  }

  private onExit(entry: Entry, exit: WorkerExit): void {
    const info = entry.info;
    info.endedAt = Date.now();
    if (entry.ending === 'kill' || (entry.ending === 'stop' && exit.signal === 'SIGKILL')) {
      info.status = 'killed';
    } else if (entry.ending === 'stop' && exit.code === 0) {
      info.status = 'stopped';
    } else {
      info.status = 'crashed';
      // A signal from outside is the reason itself; an earlier transient problem is not.
      info.lastError = exit.signal
        ? `ended by ${exit.signal}`
        : (exit.lastLine ?? info.lastError ?? `exited with code ${exit.code}`);
    }
    this.log(`lab: instance ${info.name} (pid ${info.pid}) ${info.status} at ${clock(info.endedAt)}`);
    for (const name of endedToDrop(this.instances(), LAB_ENDED_CAP)) this.entries.delete(name);
    this.changed();
  }

  private changed(): void {
    if (this.emitTimer || this.closed) return;
    this.emitTimer = setTimeout(() => {
      this.emitTimer = null;
      this.emit('instances', this.instances());
    }, EMIT_EVERY_MS);
  }

  private log(line: string): void {
    this.opts.log?.(line);
  }
}
