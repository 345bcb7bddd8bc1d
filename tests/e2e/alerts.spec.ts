import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { createTopic, deleteTopic, randomName, withAdmin } from '@/tests/support/kafka';
import { produce } from '@/tests/support/consumers';

// The Alerts page, live: a rule added with the form fires the moment a group falls behind
// (offsets committed behind the log end on the real cluster), and resolves when it catches up,
// without a reload. The JSON editor names a bad field as it is typed.

test('a rule added on the page fires and resolves live', async ({ page, request }) => {
  const topic = randomName('alerts.e2e');
  const group = randomName('alerts-e2e-group');
  await createTopic(topic, 1, 3);
  try {
    await produce(
      topic,
      Array.from({ length: 12 }, (_, i) => ({ value: `m${i}` })),
    );
    await page.goto('/alerts');
    await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
    await expect(page.getByTestId('alerts-saved-to')).toContainText('Kept in memory');

    const form = page.getByTestId('alerts-add-rule');
    await form.getByLabel('Name').fill(`Behind ${group}`);
    await form.getByLabel('Groups').fill(group);
    await form.getByLabel('Fires when').selectOption('lagOver');
    await form.getByLabel('Over', { exact: true }).fill('abc');
    await form.getByTestId('alerts-add-submit').click();
    await expect(page.getByTestId('alerts-rule-error')).toHaveText('Over: enter a number above 0');
    await form.getByLabel('Over', { exact: true }).fill('5');
    await expect(page.getByTestId('alerts-rule-error')).toHaveCount(0);
    await form.getByLabel('For (seconds)').fill('0');
    await form.getByTestId('alerts-add-submit').click();
    const id = `behind-${group}`;
    await expect(page.getByTestId(`alert-rule-${id}`)).toContainText('lag over 5 messages');

    let navigations = 0;
    page.on('framenavigated', () => navigations++);
    await withAdmin((a) => a.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: '2' }] }));
    const firing = page.getByTestId('alerts-firing');
    await expect(firing).toContainText(group);
    await expect(firing).toContainText('value 10');
    await expect(firing.getByTestId('alert-why')).toHaveText('10 messages behind');
    await page.screenshot({ path: 'test-results/alerts-firing.png', fullPage: true });
    const axe = await new AxeBuilder({ page }).include('main').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    await withAdmin((a) => a.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: '12' }] }));
    await expect(firing).not.toContainText(group);
    await expect(page.getByTestId('alerts-recent')).toContainText('resolved');
    expect(navigations).toBe(0);

    await page.getByTestId('alerts-edit-json').click();
    await page.getByTestId('alerts-json').fill('{"rules":[{"id":"x","name":"x","group":"*","when":{}}]}');
    await expect(page.getByTestId('alerts-json-error')).toContainText('rules[0].when: give exactly one of');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: `Remove rule ${id}` }).click();
    await expect(page.getByTestId(`alert-rule-${id}`)).toHaveCount(0);
  } finally {
    // The e2e server keeps rules in memory: leave none behind for the next spec.
    await request.post('/api/actions/alerts:set-rules', { data: { rules: [] } });
    await deleteTopic(topic);
  }
});

test('in Korean, the Alerts and Transactions pages speak Korean, with no English left on them', async ({ page }) => {
  await page.addInitScript(() => window.localStorage.setItem('kafka-live-locale', 'ko'));
  await page.goto('/alerts');
  await expect(page.getByRole('heading', { level: 1, name: '알림' })).toBeVisible();
  await expect(page.getByTestId('alerts-add-rule').getByLabel('발생 조건')).toBeVisible();
  await expect(page.getByTestId('alerts-firing')).toContainText('지금 발생 중');
  for (const english of ['Firing now', 'Add rule', 'Recent', 'Fires when']) {
    await expect(page.locator('main')).not.toContainText(english);
  }
  await page.goto('/transactions');
  await expect(page.getByRole('heading', { level: 1, name: '트랜잭션' })).toBeVisible();
  await expect(page.getByTestId('open-transactions-card')).toContainText('파티션에 열린 트랜잭션');
  for (const english of ['Long-open after', 'Open on partitions', 'reading…']) {
    await expect(page.locator('main')).not.toContainText(english);
  }
});
