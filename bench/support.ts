import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';

// What every benchmark script shares: the real `npm start` on a bench port, waiting for it,
// finding its process, a real Chromium, and one way to print and keep the figures.

export const PORT = Number(process.env.BENCH_PORT ?? 3300);
export const BASE = `http://127.0.0.1:${PORT}`;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

export async function waitHttp(url: string, ok: (body: string) => boolean, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok && ok(await res.text())) return;
    } catch {
      // not up yet
    }
    await sleep(50);
  }
  throw new Error(`${url} did not answer in time`);
}

/** Until the dashboard answers and has reached Kafka. */
export const waitHealthy = () => waitHttp(`${BASE}/api/health`, (b) => JSON.parse(b).kafka.reachable === true);

export function startServer(env: Record<string, string> = {}): ChildProcess {
  return spawn('npm', ['start'], {
    env: { ...process.env, PORT: String(PORT), NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: 'ignore',
    detached: true,
  });
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid, 'SIGTERM');
  await exited;
}

const parentOf = (pid: number): number =>
  Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);

/** The server: of the processes started under `root` (npm, the tsx launcher, node) that name
 *  server/index.ts, the one that has used the most CPU. Only `root`'s own tree counts: other
 *  dashboards may run on the same machine. */
export function serverPid(root: number | undefined): number | null {
  if (root === undefined) return null;
  const under = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 20; hops++) {
      if (p === root) return true;
      p = parentOf(p);
    }
    return false;
  };
  let best: { pid: number; cpu: number } | null = null;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('server/index.ts') || !under(Number(pid))) continue;
      const cpu = cpuSeconds(Number(pid));
      if (!best || cpu > best.cpu) best = { pid: Number(pid), cpu };
    } catch {
      // process ended
    }
  }
  return best?.pid ?? null;
}

/** CPU seconds (user + system) the process has used so far. */
export function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export function rssMb(pid: number): number {
  const rss = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return rss ? Number(rss[1]) / 1024 : 0;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const machine = () =>
  `${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}`;

/** Prints the figures as a table and writes them to bench/results/<name>.json. */
export function report(name: string, title: string, rows: [string, string][]): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n${title} (${machine()})\n`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  const dir = path.join(__dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, `${name}.json`),
    JSON.stringify(
      { title, at: new Date().toISOString(), machine: machine(), rows: Object.fromEntries(rows) },
      null,
      2,
    ) + '\n',
  );
}
