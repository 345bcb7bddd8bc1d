import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { embedded } from './kafka';

// Helpers for the lab tests: process checks and a real dashboard server as a child process.

export const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** True once no process has this pid (signal 0 only checks). */
export function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

/** The parent pid of a process, from /proc (Linux). */
export function workerParent(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name in parentheses may hold spaces; the fields after it are fixed.
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

/** `npx tsx server/index.ts` against the embedded cluster, in its own process group. */
export async function startServerProcess(): Promise<{ url: string; cleanup(): void }> {
  const port = await freePort();
  const child = spawn('npx', ['tsx', 'server/index.ts'], {
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', KAFKA_BROKERS: embedded.bootstrap.join(','), POLL_INTERVAL_MS: '500', NEXT_TELEMETRY_DISABLED: '1' },
  });
  const cleanup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const up = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (up) return { url, cleanup };
    if (Date.now() > deadline || child.exitCode !== null) {
      cleanup();
      throw new Error(`the dashboard server did not answer on ${url} within 60 s`);
    }
    await wait(250);
  }
}
