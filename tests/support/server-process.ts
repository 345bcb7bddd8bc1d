import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { embedded } from './kafka';

// The real dashboard server as a child process, in a process group of its own, so a test can
// signal it (or the whole group), kill it, restart it on the same port, and check that nothing
// it started outlives it.

const ROOT = path.resolve(__dirname, '../..');

/** How the server is launched: `npx tsx` (as by hand) or node with tsx's loader (what
 *  `npm start` and the Docker image run). */
export type Launcher = 'npx' | 'node';

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Resolves when the launched process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The node process that runs server/index.ts (below npx and tsx's CLI, if any). */
  serverPid(): number;
  /** The last lines the server wrote (stdout and stderr), for a failure message. */
  output(): string;
  /** SIGKILL to the whole group: the test's own safety net. */
  cleanup(): void;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

function command(launcher: Launcher): [string, string[]] {
  switch (launcher) {
    case 'npx':
      return ['npx', ['tsx', 'server/index.ts']];
    case 'node':
      return [process.execPath, ['--import', 'tsx', 'server/index.ts']];
  }
}

export async function startServerProcess(
  opts: { launcher?: Launcher; port?: number; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<ServerProcess> {
  const port = opts.port ?? (await freePort());
  const [cmd, args] = command(opts.launcher ?? 'npx');
  const child = spawn(cmd, args, {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      KAFKA_BROKERS: embedded.bootstrap.join(','),
      POLL_INTERVAL_MS: '500',
      NEXT_TELEMETRY_DISABLED: '1',
      ...opts.env,
    },
  });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => (output = (output + chunk).slice(-8000)));
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const cleanup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 90_000);
  for (;;) {
    const up = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline || child.exitCode !== null) {
      cleanup();
      throw new Error(`the dashboard server did not answer on ${url}; it wrote: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    port,
    child,
    exited,
    serverPid() {
      const candidates = [child.pid!, ...descendants(child.pid!)].filter((pid) =>
        commandLine(pid).includes('server/index.ts'),
      );
      // The deepest one: npx and tsx's CLI name the script too, above the real server.
      const server = candidates.find((pid) => !descendants(pid).some((d) => candidates.includes(d)));
      if (server === undefined) throw new Error(`no server/index.ts process under ${child.pid}`);
      return server;
    },
    output: () => output,
    cleanup,
  };
}

function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** Every process below `pid` (Linux /proc), children first. */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited while we looked
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of children.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

/** Pids of the list that still run (zombies count as gone: they have exited). */
export function stillRunning(pids: number[]): number[] {
  return pids.filter((pid) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
    } catch {
      return false;
    }
  });
}
