import { fork, spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { isFromWorker, type FromWorker, type ToWorker, type WorkerCommand, type WorkerConfig } from './protocol';

// One worker process seen from the server: requests with replies, the last line it wrote to
// stderr (the reason, when it dies), and its exit. The kafkajs worker is forked and talks over
// IPC; the Java worker (./java/LabWorker.java) talks the same messages as JSON lines on its
// stdin and stdout, so nothing above this file tells them apart.

const WORKER = path.join(__dirname, 'worker.ts');
/** `--import tsx` resolves from here, whether the server runs under tsx, tsx watch or tsx --test. */
const ROOT = path.resolve(__dirname, '../..');

type Distribute<T> = T extends WorkerCommand ? Omit<T, 'id'> : never;
export type CommandBody = Distribute<WorkerCommand>;

export interface WorkerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  lastLine: string | null;
}

interface Pending {
  resolve(reply: { error: string | null; clientId?: string }): void;
  timer: NodeJS.Timeout;
}

export class WorkerProcess extends EventEmitter<{ message: [FromWorker]; exit: [WorkerExit] }> {
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private lastLine: string | null = null;
  private partial = '';
  private gone = false;
  /** Resolves once the process has exited (or never started). */
  readonly exited: Promise<void>;

  private stdoutPartial = '';
  /** Set for the Java worker: messages go as JSON lines on its stdin. */
  private readonly lines: boolean;

  /** `java`: the java command's arguments (see ./java-runtime.ts); absent for the kafkajs worker. */
  constructor(config: WorkerConfig, java?: string[]) {
    super();
    this.lines = java !== undefined;
    this.child = java
      ? spawn('java', java, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] })
      : fork(WORKER, [], {
          cwd: ROOT,
          // Only tsx's loader: the server's own execArgv (inspect flags, test runner flags) is not for a worker.
          execArgv: ['--import', 'tsx'],
          stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
          serialization: 'json',
        });
    if (this.lines) {
      this.child.stdout?.setEncoding('utf8');
      this.child.stdout?.on('data', (chunk: string) => this.readStdout(chunk));
      // A worker that died closes the pipe under a write: its exit says so, not this error.
      this.child.stdin?.on('error', () => undefined);
    }
    this.child.stderr?.setEncoding('utf8');
    this.child.stderr?.on('data', (chunk: string) => this.readStderr(chunk));
    this.child.on('message', (m: unknown) => this.onMessage(m));
    this.exited = new Promise((resolve) => {
      const done = (exit: WorkerExit) => {
        if (this.gone) return;
        this.gone = true;
        for (const [, p] of this.pending) {
          clearTimeout(p.timer);
          p.resolve({ error: 'the instance exited before it answered' });
        }
        this.pending.clear();
        this.emit('exit', exit);
        resolve();
      };
      this.child.once('exit', (code, signal) =>
        done({ code, signal, lastLine: this.lastLine ?? (this.partial.trim() || null) }),
      );
      // Fork failed outright (no exit follows when there never was a process).
      this.child.once('error', (e) => {
        if (this.child.pid === undefined) done({ code: null, signal: null, lastLine: e.message });
      });
    });
    this.post({ type: 'start', config });
  }

  get pid(): number | null {
    return this.child.pid ?? null;
  }

  get alive(): boolean {
    return !this.gone;
  }

  post(message: ToWorker): void {
    if (this.lines) {
      if (!this.gone && this.child.stdin?.writable) this.child.stdin.write(`${JSON.stringify(message)}\n`);
      return;
    }
    if (!this.child.connected) return;
    // A channel closing under us is reported by `exit`; the send error itself says nothing more.
    this.child.send(message, () => undefined);
  }

  request(body: CommandBody, timeoutMs: number): Promise<{ error: string | null; clientId?: string }> {
    if (this.gone || !(this.lines || this.child.connected))
      return Promise.resolve({ error: 'the instance is not running' });
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({ error: `no answer within ${Math.round(timeoutMs / 1000)} s` });
      }, timeoutMs);
      this.pending.set(id, { resolve, timer });
      this.post({ ...body, id } as WorkerCommand);
    });
  }

  kill(): void {
    if (!this.gone) this.child.kill('SIGKILL');
  }

  private onMessage(m: unknown): void {
    if (!isFromWorker(m)) return;
    if (m.type === 'reply') {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      p.resolve({ error: m.error, clientId: m.clientId });
      return;
    }
    this.emit('message', m);
  }

  private readStdout(chunk: string): void {
    const lines = (this.stdoutPartial + chunk).split('\n');
    this.stdoutPartial = lines.pop() ?? '';
    if (this.stdoutPartial.length > 1_000_000) this.stdoutPartial = '';
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        this.onMessage(JSON.parse(line));
      } catch {
        this.lastLine = `unreadable line from the worker: ${line.slice(0, 200)}`;
      }
    }
  }

  private readStderr(chunk: string): void {
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() ?? '';
    // Keep the partial tail bounded: a process printing without newlines must not grow it.
    if (this.partial.length > 2000) this.partial = this.partial.slice(-2000);
    const last = lines
      .map((l) => l.trim())
      .filter(Boolean)
      .pop();
    if (last) this.lastLine = last.length > 500 ? `${last.slice(0, 500)}…` : last;
  }
}
