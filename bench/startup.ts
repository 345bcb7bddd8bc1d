import { spawnSync, type ChildProcess } from 'node:child_process';
import { BASE, launchBrowser, report, rssMb, serverPid, sleep, startServer, stopServer, waitHttp } from './support';
import { loadEmbeddedSettings } from '@/server/config';
import { EmbeddedCluster } from '@/server/embedded/cluster';

// npm run bench: startup time, broker kill → browser, and server memory at idle, measured on
// the real embedded cluster through the real `npm start`. Prints a table and writes
// bench/results/startup.json. It stops and restarts embedded nodes: run it on a dev cluster.

const cluster = new EmbeddedCluster(loadEmbeddedSettings(), () => undefined);
const rows: [string, string][] = [];

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

function serverRssMb(child: ChildProcess): number {
  const pid = serverPid(child.pid);
  return pid === null ? 0 : rssMb(pid);
}

async function killToBrowser(): Promise<void> {
  const browser = await launchBrowser();
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
  rows.push(['server RSS at idle (after 10 s, no browser)', `${serverRssMb(server).toFixed(0)} MB`]);
  await killToBrowser();
  await stopServer(server);

  report('startup', 'Kafka Live foundation benchmark', rows);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
