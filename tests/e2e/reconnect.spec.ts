import { expect, test, type Page } from '@playwright/test';
import { createTopic, deleteTopic, randomName, testKafka } from '@/tests/support/kafka';
import { startServerProcess, type ServerProcess } from '@/tests/support/server-process';
import { TcpProxy } from '@/tests/support/tcp-proxy';
import { Shell } from './pages/shell';

// The browser's link to the dashboard server lost and back, on the production build: the spec
// runs a server process of its own (so it can stop and restart it) and, for the network drop,
// a TCP proxy between the page and that server. Changes made while the page is away must be
// there when it is back (a fresh snapshot, not stale rows), nothing shows twice, and the chart
// and the tail go on.

const PRODUCTION = { NODE_ENV: 'production' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Numbered messages into a topic, five a second, from outside the dashboard. */
async function startTicker(topic: string) {
  const producer = testKafka('reconnect-ticker').producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  let sent = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      await producer.send({ topic, messages: [{ value: JSON.stringify({ tick: sent }) }] }).then(
        () => sent++,
        () => undefined,
      );
      await sleep(200);
    }
  })();
  return {
    sent: () => sent,
    async stop() {
      running = false;
      await loop;
      await producer.disconnect();
    },
  };
}

async function expectTailClean(shell: Shell): Promise<void> {
  const ids = await shell.tailRowIds();
  expect(new Set(ids).size, 'no tail row twice').toBe(ids.length);
  const ticks = await shell.tailTicks();
  expect(new Set(ticks).size, 'no message twice').toBe(ticks.length);
}

async function waitForTick(shell: Shell, atLeast: number): Promise<void> {
  await expect
    .poll(async () => Math.max(-1, ...(await shell.tailTicks())), { timeout: 30_000 })
    .toBeGreaterThanOrEqual(atLeast);
}

test.describe('browser connection lost and back', () => {
  test.describe.configure({ timeout: 240_000 });
  let keep: string;
  const extra: string[] = [];
  let ticker: Awaited<ReturnType<typeof startTicker>>;

  test.beforeEach(async () => {
    keep = randomName('reconnect-keep');
    await createTopic(keep, 3, 3);
    ticker = await startTicker(keep);
  });

  test.afterEach(async () => {
    await ticker.stop();
    await Promise.all([keep, ...extra.splice(0)].map(deleteTopic));
  });

  async function openLive(page: Page, url: string, server: ServerProcess): Promise<Shell> {
    const shell = new Shell(page);
    const health = await fetch(`${url}/api/health`).then(
      (r) => r.status,
      (e: unknown) => String(e),
    );
    expect(health, `the server answers through ${url}; it wrote: ${server.output()}`).toBe(200);
    await page.goto(`${url}/lab?topic=${encodeURIComponent(keep)}`).catch((e: unknown) => {
      throw new Error(`${String(e)}; the server wrote: ${server.output()}`);
    });
    await shell.expectState('connected');
    await waitForTick(shell, 3);
    return shell;
  }

  test('server restarted: reconnecting shown, then a fresh snapshot; rows, chart and tail go on without doubles', async ({
    page,
  }) => {
    const doomed = randomName('reconnect-doomed');
    const born = randomName('reconnect-born');
    extra.push(doomed, born);
    await createTopic(doomed, 1, 1);
    let server: ServerProcess = await startServerProcess({ launcher: 'node', env: PRODUCTION });
    try {
      const shell = await openLive(page, server.url, server);
      await shell.go('Overview');
      await expect.poll(async () => (await shell.chart()).points, { timeout: 30_000 }).toBeGreaterThan(3);
      const before = await shell.chart();
      await shell.go('Topics');
      await expect(page.getByTestId(`topic-row-${doomed}`)).toBeVisible();

      const stoppedAt = Date.now();
      server.child.kill('SIGTERM');
      expect(await server.exited, server.output()).toEqual({ code: 0, signal: null });
      await shell.expectState('reconnecting', 15_000);
      const restartShownMs = Date.now() - stoppedAt;
      await expect(page.getByTestId('socket-banner')).toBeVisible();
      const tickAtStop = ticker.sent();
      // Changed while the page cannot hear about it.
      await deleteTopic(doomed);
      await createTopic(born, 3, 3);

      server = await startServerProcess({ launcher: 'node', port: server.port, env: PRODUCTION });
      const upAt = Date.now();
      await shell.expectState('connected');
      console.log(
        `fault-figures ${JSON.stringify({ fault: 'dashboard server restarted', shownMs: restartShownMs, downMs: upAt - stoppedAt, reconnectedMs: Date.now() - upAt })}`,
      );
      await expect(page.getByTestId('socket-banner')).toBeHidden();
      await expect(page.getByTestId(`topic-row-${born}`)).toBeVisible();
      await expect(page.getByTestId(`topic-row-${doomed}`)).toHaveCount(0);
      await shell.expectRowsMatch(server.url);

      await shell.go('Overview');
      // New points come from the new server, and the ones from before the restart stay.
      await expect.poll(async () => (await shell.chart()).lastAt, { timeout: 30_000 }).toBeGreaterThan(stoppedAt);
      const after = await shell.chart();
      expect(after.firstAt).toBeLessThanOrEqual(before.firstAt);
      expect(after.points).toBeGreaterThan(before.points);

      await shell.openLab(keep);
      await waitForTick(shell, tickAtStop + 5);
      await expectTailClean(shell);
    } finally {
      server.cleanup();
    }
  });

  test('network dropped and back: reconnecting shown, then resynced; rows, chart and tail go on without doubles', async ({
    page,
  }) => {
    const doomed = randomName('drop-doomed');
    const born = randomName('drop-born');
    extra.push(doomed, born);
    await createTopic(doomed, 1, 1);
    const server = await startServerProcess({ launcher: 'node', env: PRODUCTION });
    const proxy = await TcpProxy.start(server.port);
    try {
      const shell = await openLive(page, proxy.url, server);
      await shell.go('Topics');
      await expect(page.getByTestId(`topic-row-${doomed}`)).toBeVisible();
      await shell.openLab(keep);
      await waitForTick(shell, 3);
      const chartBefore = await (async () => {
        await shell.go('Overview');
        return shell.chart();
      })();
      await shell.openLab(keep);

      const cutAt = Date.now();
      await proxy.cut();
      await shell.expectState('reconnecting', 15_000);
      const cutShownMs = Date.now() - cutAt;
      const tickAtCut = ticker.sent();
      await deleteTopic(doomed);
      await createTopic(born, 3, 3);
      // Messages arrive while the page is cut off: the tail must have them once it is back.
      await expect.poll(() => ticker.sent(), { timeout: 30_000 }).toBeGreaterThan(tickAtCut + 10);
      const shownWhileCut = Math.max(-1, ...(await shell.tailTicks()));
      expect(shownWhileCut, 'nothing reaches a page that is cut off').toBeLessThan(tickAtCut + 2);

      const restoredAt = Date.now();
      await proxy.restore();
      await shell.expectState('connected');
      console.log(
        `fault-figures ${JSON.stringify({ fault: 'network cut (reset), then back', shownMs: cutShownMs, reconnectedMs: Date.now() - restoredAt })}`,
      );
      await waitForTick(shell, tickAtCut + 10);
      const ticks = await shell.tailTicks();
      for (let n = tickAtCut; n < tickAtCut + 10; n++)
        expect(ticks, `message ${n}, sent during the drop, is in the tail`).toContain(n);
      await expectTailClean(shell);
      await waitForTick(shell, ticker.sent() + 2);
      await expectTailClean(shell);

      await shell.go('Topics');
      await expect(page.getByTestId(`topic-row-${born}`)).toBeVisible();
      await expect(page.getByTestId(`topic-row-${doomed}`)).toHaveCount(0);
      await shell.expectRowsMatch(server.url);
      await shell.go('Overview');
      await expect
        .poll(async () => (await shell.chart()).lastAt, { timeout: 30_000 })
        .toBeGreaterThan(chartBefore.lastAt);
    } finally {
      await proxy.close();
      server.cleanup();
    }
  });

  test('a silent network (packets lost, no reset): noticed within seconds, then live again', async ({ page }) => {
    const server = await startServerProcess({ launcher: 'node', env: PRODUCTION });
    const proxy = await TcpProxy.start(server.port);
    try {
      const shell = await openLive(page, proxy.url, server);
      proxy.blackhole();
      const t0 = Date.now();
      // socket.io's ping (10 s) and its timeout (5 s), with room for a loaded machine.
      await shell.expectState('reconnecting', 30_000);
      const noticedMs = Date.now() - t0;
      expect(noticedMs).toBeLessThan(30_000);
      const tickAtDrop = ticker.sent();
      const restoredAt = Date.now();
      await proxy.restore();
      await shell.expectState('connected');
      console.log(
        `fault-figures ${JSON.stringify({ fault: 'network silent (packets lost), then back', shownMs: noticedMs, reconnectedMs: Date.now() - restoredAt })}`,
      );
      await waitForTick(shell, tickAtDrop + 5);
      await expectTailClean(shell);
    } finally {
      await proxy.close();
      server.cleanup();
    }
  });
});
