import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { partitionForKey } from '@/lib/partitioner';
import { LiveClient } from '@/tests/support/live-client';
import { createTopic, deleteTopic, randomName, withAdmin } from '@/tests/support/kafka';
import { ProducePanel } from './pages/produce-panel';

// Producing from the page on the real cluster: the partition is predicted before the send and
// confirmed after it, with the offset Kafka gave, and the message shows up in the live tail.

test('a keyed message lands in the predicted partition; its offset and the tail show it', async ({ page }) => {
  const topic = randomName('order.processing');
  await createTopic(topic, 3, 3);
  try {
    const lab = new ProducePanel(page);
    await lab.open(topic);
    await lab.fill({ key: 'order-1001', value: '{"orderId":1001,"status":"PAID"}', format: 'json' });
    const expected = partitionForKey('order-1001', 3);
    await expect(lab.predicted()).toHaveText(`P${expected}`);
    await lab.send();
    await expect(lab.offset()).toHaveAttribute('data-partition', String(expected));
    const offset = Number(await lab.offset().getAttribute('data-offset'));
    // Kafka agrees: that partition's log now ends right after the offset shown.
    const ends = await withAdmin((admin) => admin.fetchTopicOffsets(topic));
    expect(Number(ends.find((o) => o.partition === expected)?.high)).toBe(offset + 1);
    await expect(lab.tailRow(expected, offset)).toContainText('order-1001');

    // The same key again: same partition, next offset.
    await lab.send();
    await expect(lab.offset()).toHaveAttribute('data-offset', String(offset + 1));
    await expect(lab.offset()).toHaveAttribute('data-partition', String(expected));

    // No key, 30 messages: spread over all three partitions, 10 each.
    await lab.fill({ key: null, value: 'event {n}', count: 30 });
    await expect(page.getByTestId('partition-preview')).toContainText('No key: messages are spread round-robin');
    await lab.send();
    await expect(lab.result()).toHaveAttribute('data-count', '30');
    for (const p of [0, 1, 2]) await expect(page.getByTestId(`produced-partition-${p}`)).toContainText('10 ×');

    // Bad JSON is refused with a clear message, and nothing is sent.
    await lab.fill({ key: 'order-1', value: '{"orderId":', format: 'json' });
    await lab.send();
    await expect(lab.error()).toContainText('not valid JSON');
    await page.screenshot({ path: 'test-results/lab-produce.png', fullPage: true });
  } finally {
    await deleteTopic(topic);
  }
});

test('read-only mode offers no action in the page, and the socket refuses them', async ({ page }) => {
  const port = Number(process.env.E2E_PORT ?? 3100) + 1;
  const server: ChildProcess = spawn('npx', ['tsx', 'server/index.ts'], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), READ_ONLY: 'true', POLL_INTERVAL_MS: '500' },
    stdio: 'ignore',
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  const client = new LiveClient(url);
  // A topic of its own, so the tail has something to show whatever other tests left behind.
  const topic = randomName('read-only');
  await createTopic(topic, 3, 3);
  try {
    await expect
      .poll(async () => (await fetch(`${url}/api/health`).catch(() => null))?.status ?? 0, { timeout: 60_000 })
      .toBe(200);
    await page.goto(`${url}/lab?topic=${topic}`);
    await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
    await expect(page.getByText('read-only: actions are off')).toBeVisible();
    await expect(page.getByTestId('tail-panel')).toBeVisible();
    for (const id of ['produce-panel', 'load-panel', 'produce-send', 'create-seed-topic'])
      await expect(page.getByTestId(id)).toHaveCount(0);
    await expect(page.getByRole('form', { name: 'Start an app instance' })).toHaveCount(0);
    await expect(
      page.getByRole('button', { name: /^(send|stop|kill|start|delete|create|reset|rebalance)/i }),
    ).toHaveCount(0);
    await page.goto(`${url}/`);
    await expect(page.locator('[data-testid^="broker-card-"]')).toHaveCount(3);
    await expect(page.getByRole('button', { name: /stop|kill|start/i })).toHaveCount(0);

    const answer = await client.action('produce:send', {
      topic: 'x',
      key: null,
      value: 'v',
      format: 'text',
      headers: [],
      partition: null,
      count: 1,
    });
    expect(answer).toEqual({
      ok: false,
      error: 'the dashboard is in read-only mode (READ_ONLY): produce:send is not allowed',
    });
    const kill = await client.action('broker:kill', { brokerId: 1 });
    expect(kill.ok).toBe(false);
    await page.screenshot({ path: 'test-results/read-only.png', fullPage: true });
  } finally {
    client.close();
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    await deleteTopic(topic);
  }
});
