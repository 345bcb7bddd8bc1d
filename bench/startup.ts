import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { loadEmbeddedSettings } from '../server/config';
import { EmbeddedCluster } from '../server/embedded/cluster';

// npm run bench: startup time, broker kill → browser, and server memory at idle, measured on
// the real embedded cluster through the real `npm start`. Prints a table and writes
// bench/results/startup.json. It stops and restarts embedded nodes: run it on a dev cluster.

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}`;
const cluster = new EmbeddedCluster(loadEmbeddedSettings(), () => undefined);
const rows: [string, string][] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitHttp(url: string, ok: (body: string) => boolean, timeoutMs = 180_000): Promise<void> {
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

function startServer(): ChildProcess {
  return spawn('npm', ['start'], { env: { ...process.env, PORT: String(PORT), NEXT_TELEMETRY_DISABLED: '1' }, stdio: 'ignore', detached: true });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.pid) process.kill(-child.pid, 'SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

/** Time from `npm start` to the page answering and to Kafka showing as connected. */
async function timeStart(label: string): Promise<ChildProcess> {
  const t0 = performance.now();
  const child = startServer();
  await waitHttp(`${BASE}/`, () => true);
  const page = performance.now() - t0;
  await waitHttp(`${BASE}/api/health`, (b) => JSON.parse(b).kafka.reachable === true);
  const kafka = performance.now() - t0;
  rows.push([`npm start → page answers (${label})`, `${(page / 1000).toFixed(2)} s`]);
  rows.push([`npm start → Kafka connected (${label})`, `${(kafka / 1000).toFixed(2)} s`]);
  return child;
}

function serverRssMb(): number {
  // The server is the node process whose command line runs server/index.ts (tsx's child).
  let max = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('server/index.ts')) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss) max = Math.max(max, Number(rss[1]) / 1024);
    } catch {
      // process ended
    }
  }
  return max;
}

async function killToBrowser(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage();
  await page.goto(BASE);
  const victim = 3;
  await page.getByTestId(`broker-card-${victim}`).and(page.locator('[data-status="online"]')).waitFor();
  const t0 = Date.now();
  await cluster.killNode(victim);
  await page.locator(`[data-testid="broker-card-${victim}"]:not([data-status="online"])`).waitFor({ timeout: 60_000 });
  const notOnline = Date.now() - t0;
  await page.locator(`[data-testid="broker-card-${victim}"][data-status="offline"]`).waitFor({ timeout: 60_000 });
  const offline = Date.now() - t0;
  rows.push(['broker SIGKILL → card no longer online (port refuses)', `${(notOnline / 1000).toFixed(2)} s`]);
  rows.push(['broker SIGKILL → card offline (fenced, out of metadata)', `${(offline / 1000).toFixed(2)} s`]);
  await browser.close();
  await cluster.startNode(victim);
}

async function main(): Promise<void> {
  await cluster.ensureRunning();
  // Build once up front so the start times below are warm (the README's second start).
  spawnSync('npx', ['tsx', 'scripts/ensure-build.ts'], { stdio: 'inherit' });
  await stopServer(await timeStart('cluster running')).catch(() => undefined);

  await cluster.stopAll();
  let server = await timeStart('cluster stopped, jars cached');
  await stopServer(server);

  server = await timeStart('for the fault and memory runs');
  rows.pop();
  rows.pop();
  await sleep(10_000);
  rows.push(['server RSS at idle (after 10 s, no browser)', `${serverRssMb().toFixed(0)} MB`]);
  await killToBrowser();
  await stopServer(server);

  const machine = `${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}`;
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\nKafka Live foundation benchmark (${machine})\n`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  fs.mkdirSync(path.join('bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join('bench', 'results', 'startup.json'), JSON.stringify({ at: new Date().toISOString(), machine, rows }, null, 2) + '\n');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
