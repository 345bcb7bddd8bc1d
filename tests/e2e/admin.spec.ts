import { expect, test } from '@playwright/test';
import { createTopic, deleteTopic, randomName, restoreCluster } from '@/tests/support/kafka';
import { produce, startMember, type TestMember } from '@/tests/support/consumers';
import { AdminPage } from './pages/admin-page';
import { GroupsPage } from './pages/groups-page';
import { OverviewPage } from './pages/overview-page';
import { TopicsPage } from './pages/topics-page';

// Admin actions in the browser, on the admin's own embedded cluster.

const cleanup: string[] = [];
let member: TestMember | null = null;
test.afterEach(async () => {
  await member?.stop();
  member = null;
  for (const t of cleanup.splice(0)) await deleteTopic(t);
});

test('a topic created from the UI appears in the list and has its page; a bad name is explained', async ({ page }) => {
  const topics = new TopicsPage(page);
  const admin = new AdminPage(page);
  await topics.open();
  const name = randomName('ui.created');
  cleanup.push(name);

  await admin.createTopic('bad name!');
  // Refused next to the name, in plain words.
  await expect(page.getByRole('form', { name: 'New topic' }).getByTestId('field-error')).toContainText(
    'Use only letters, digits',
  );
  await page.getByRole('form', { name: 'New topic' }).getByRole('button', { name: 'Close' }).click();

  await admin.createTopic(name, { partitions: 4, replication: 4 });
  await expect(admin.createError()).toHaveText('replication factor 4 is more than the 3 live brokers');
  await page.getByRole('form', { name: 'New topic' }).getByLabel('Replication factor').fill('3');
  await page.getByRole('form', { name: 'New topic' }).getByLabel('Cleanup policy').selectOption('compact');
  await page.getByRole('form', { name: 'New topic' }).getByRole('button', { name: 'Create topic' }).click();
  await expect(admin.createdLink(name)).toBeVisible();
  await topics.filterTo(name);
  await expect(topics.row(name)).toBeVisible();
  await page.screenshot({ path: 'test-results/admin-create.png', fullPage: true });

  await topics.openTopic(name);
  await expect(page.locator('[data-testid^="leadership-cell-"][data-role="leader"]')).toHaveCount(4);
  await expect(page.getByTestId('compaction-card')).toBeVisible();
  await expect(page.getByTestId('settings-overrides')).toContainText('cleanup.policy=compact');
  await page.getByTestId('count-keys').click();
  await expect(page.getByTestId('count-keys-summary')).toHaveText('0 records, 0 distinct keys: the topic is empty');
  await produce(
    name,
    [1, 2, 3, 4].flatMap((round) => ['k1', 'k2', 'k3'].map((key) => ({ key, value: `${key}-v${round}` }))),
  );
  await page.getByTestId('count-keys').click();
  await expect(page.getByTestId('count-keys-summary')).toHaveText(
    '12 records, 3 distinct keys: 9 older values wait for the cleaner',
  );
  await expect(page.getByTestId('latest-per-key').locator('tbody tr')).toHaveCount(3);
  await expect(page.getByTestId('latest-per-key')).toContainText('k2-v4');

  // Settings keep the overrides the form does not show, and show the result.
  await page.getByTestId('settings-retention-ms').fill('60000');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-overrides')).toHaveText('cleanup.policy=compact, retention.ms=60000');
  // Back to the top: the sticky header would otherwise sit mid-page in a full-page shot.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'test-results/admin-topic.png', fullPage: true });
});

test('stopping a broker from the overview moves its leaderships on the map; starting it brings it back', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await restoreCluster();
  const name = randomName('ui.faults');
  cleanup.push(name);
  await createTopic(name, 3, 3);
  const topics = new TopicsPage(page);
  const admin = new AdminPage(page);
  const overview = new OverviewPage(page);
  try {
    await topics.open();
    await topics.openTopic(name);
    await expect(admin.leaderCells()).toHaveCount(3);
    const victim = Number((await page.getByTestId('partition-leader-0').textContent())?.trim());

    await page.getByRole('link', { name: 'Overview' }).click();
    await expect(overview.brokerCard(victim)).toHaveAttribute('data-status', 'online');
    await admin.stopBroker(victim);
    await expect(overview.brokerCard(victim)).toHaveAttribute('data-status', 'offline', { timeout: 45_000 });
    await expect(admin.brokerButton('start', victim)).toBeVisible();
    await page.screenshot({ path: 'test-results/admin-broker-stopped.png', fullPage: true });

    await page.getByRole('link', { name: 'Topics' }).click();
    await topics.openTopic(name);
    await expect(admin.leaderCells(victim)).toHaveCount(0, { timeout: 30_000 });
    await expect(admin.leaderCells()).toHaveCount(3);
    await page.screenshot({ path: 'test-results/admin-leaders-moved.png', fullPage: true });

    await page.getByRole('link', { name: 'Overview' }).click();
    await admin.brokerButton('start', victim).click();
    await expect(page.getByTestId(`broker-pending-${victim}`)).toContainText('Starting');
    await expect(overview.brokerCard(victim)).toHaveAttribute('data-status', 'online', { timeout: 90_000 });
    await expect(admin.brokerButton('stop', victim)).toBeVisible();

    // Kill asks first; cancelling leaves the broker running.
    await admin.brokerButton('kill', victim).click();
    await expect(page.getByTestId(`broker-kill-confirm-${victim}`)).toBeVisible();
    await page.getByTestId(`broker-faults-${victim}`).getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId(`broker-kill-confirm-${victim}`)).toHaveCount(0);
    await expect(overview.brokerCard(victim)).toHaveAttribute('data-status', 'online');
  } finally {
    await restoreCluster();
  }
});

test('an offsets reset is refused while the group is Stable, with the reason on the page', async ({ page }) => {
  const topic = randomName('ui.reset');
  const group = randomName('ui-reset-group');
  cleanup.push(topic);
  await createTopic(topic, 3, 3);
  member = await startMember(group, [topic], { clientId: 'instance-A' });
  const groups = new GroupsPage(page);
  await groups.openList();
  await groups.filterTo(group);
  await expect(groups.row(group)).toHaveAttribute('data-state', 'Stable');
  await groups.openGroup(group);
  const card = new AdminPage(page).offsetsReset();
  await expect(card.getByTestId('reset-blocked')).toHaveText(
    `group ${group} is Stable with 1 member; stop its consumers first`,
  );
  await expect(card.getByRole('button', { name: 'Reset offsets' })).toBeDisabled();
  await page.screenshot({ path: 'test-results/admin-reset-refused.png', fullPage: true });

  await member.stop();
  member = null;
  await expect(card.getByTestId('reset-blocked')).toHaveCount(0, { timeout: 30_000 });
  // Nothing was committed (the topic is empty), so the card asks which topic.
  await expect(card.getByTestId('reset-topic')).toHaveValue('');
  await card.getByTestId('reset-topic').selectOption(topic);
  await card.getByLabel('Reset to').selectOption('latest');
  await card.getByRole('button', { name: 'Reset offsets' }).click();
  // Moving offsets asks once more before it is sent.
  await card.getByTestId('reset-confirm').click();
  await expect(card.getByTestId('reset-done')).toHaveText('set 0→0, 1→0, 2→0');
});
