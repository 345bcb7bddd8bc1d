import { expect, test } from '@playwright/test';
import type { ClusterResponse } from '@/lib/contract/api';
import { createTopic, deleteTopic, randomName } from '@/tests/support/kafka';
import { OverviewPage } from './pages/overview-page';
import { TopicsPage } from './pages/topics-page';

test('the overview shows 3 brokers and the active controller', async ({ page, request }) => {
  const overview = new OverviewPage(page);
  await overview.open();
  await expect(overview.brokerCards()).toHaveCount(3);
  for (const id of [1, 2, 3]) await expect(overview.brokerCard(id)).toHaveAttribute('data-status', 'online');
  await expect(overview.controllerBadge()).toHaveCount(1);

  // The badge sits on the metadata quorum leader's card.
  const cluster = (await (await request.get('/api/cluster')).json()) as ClusterResponse;
  expect(cluster.controllerId).toBe(cluster.quorum?.leaderId);
  await expect(overview.brokerCard(cluster.controllerId!).getByTestId('controller-badge')).toBeVisible();
  await expect(page.getByTestId('stat-brokers-value')).toHaveText('3 / 3');
  await expect(page.getByTestId('stat-controller-value')).toHaveText(`#${cluster.controllerId}`);
  await page.screenshot({ path: 'test-results/overview.png', fullPage: true });
});

test('a topic created from outside appears without reload, with its leadership map', async ({ page }) => {
  const topics = new TopicsPage(page);
  await topics.open();
  const name = randomName('order.processing');
  let navigations = 0;
  page.on('framenavigated', () => navigations++);

  await topics.filterTo(name);
  await createTopic(name, 3, 3);
  await expect(topics.row(name)).toBeVisible();
  await expect(topics.row(name)).toContainText('healthy');
  expect(navigations, 'no reload').toBe(0);

  await topics.openTopic(name);
  for (const p of [0, 1, 2]) {
    await expect(page.locator(`[data-testid^="leadership-cell-${p}-"][data-role="leader"]`)).toHaveCount(1);
    await expect(page.locator(`[data-testid^="leadership-cell-${p}-"][data-role="in-sync"]`)).toHaveCount(2);
  }
  await page.screenshot({ path: 'test-results/topic.png', fullPage: true });
  await deleteTopic(name);
  await expect(page.getByTestId('topic-missing')).toBeVisible();
});

test('a killed broker turns offline on its card and loses its leaderships on the map, live', async ({ page }) => {
  const { embedded, restoreCluster } = await import('@/tests/support/kafka');
  await restoreCluster();
  const name = randomName('faults-ui');
  await createTopic(name, 3, 3);
  const topics = new TopicsPage(page);
  await topics.open();
  await topics.openTopic(name);
  await expect(page.locator('[data-testid^="leadership-cell-"][data-role="leader"]')).toHaveCount(3);
  const victim = Number((await page.getByTestId('partition-leader-0').textContent())?.trim());

  await embedded.killNode(victim);
  try {
    await expect(
      page.locator(`[data-testid^="leadership-cell-"][data-testid$="-${victim}"][data-role="leader"]`),
    ).toHaveCount(0, { timeout: 45_000 });
    await expect(page.locator('[data-testid^="leadership-cell-"][data-role="leader"]')).toHaveCount(3);
    await page.getByRole('link', { name: 'Overview' }).click();
    await expect(page.getByTestId(`broker-card-${victim}`)).toHaveAttribute('data-status', 'offline');
    await expect(page.getByTestId('stat-brokers-value')).toHaveText('2 / 3');
    // Per topic, the user's before Kafka's internal ones (each of those has up to 50 partitions).
    await expect(page.getByTestId(`attention-${name}`)).toContainText('3 under-replicated: 0, 1, 2');
    await page.screenshot({ path: 'test-results/broker-down.png', fullPage: true });
  } finally {
    await embedded.startNode(victim);
  }
  await expect(page.getByTestId(`broker-card-${victim}`)).toHaveAttribute('data-status', 'online', { timeout: 60_000 });
  await restoreCluster();
  await deleteTopic(name);
});

test('the whole cluster going away shows a banner; coming back clears it, without reload', async ({ page }) => {
  const { embedded, restoreCluster } = await import('@/tests/support/kafka');
  await restoreCluster();
  const overview = new OverviewPage(page);
  await overview.open();
  await embedded.stopAll();
  try {
    await expect(page.getByTestId('kafka-banner')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('kafka-banner')).toContainText('Kafka cluster unreachable');
    await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'unreachable');
    await expect(page.getByTestId('stat-brokers-value')).toHaveText('0 / 3');
    await expect(page.getByTestId('stat-controller-value')).toHaveText('—');
    await page.screenshot({ path: 'test-results/cluster-down.png', fullPage: true });
    // Pages keep being served, loaded afresh or navigated to, each with the outage on it.
    await page.goto('/topics');
    await expect(page.getByRole('heading', { name: 'Topics', exact: true })).toBeVisible();
    await expect(page.getByTestId('kafka-banner')).toBeVisible({ timeout: 30_000 });
    await page.getByRole('navigation').getByRole('link', { name: 'Groups', exact: true }).click();
    await expect(page).toHaveURL(/\/groups$/);
    await expect(page.getByTestId('kafka-banner')).toBeVisible();
    const health = await (await page.request.get('/api/health')).json();
    expect(health.kafka.reachable).toBe(false);
    await page.getByRole('navigation').getByRole('link', { name: 'Overview', exact: true }).click();
    await expect(page.getByTestId('stat-brokers-value')).toHaveText('0 / 3');
  } finally {
    await embedded.ensureRunning();
  }
  await expect(page.getByTestId('kafka-banner')).toBeHidden({ timeout: 60_000 });
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
  await expect(page.getByTestId('stat-brokers-value')).toHaveText('3 / 3', { timeout: 60_000 });
  await restoreCluster();
});
