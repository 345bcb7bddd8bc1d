import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { startJavaConsumer, type JavaMember } from '@/tests/support/java-consumers';
import { createTopic, deleteTopic, randomName } from '@/tests/support/kafka';

// The epoch timeline of a KIP-848 group of Kafka's own Java consumers (group.protocol=consumer):
// a member joining shows live, without reload, as a group epoch bump and a partition move with
// its ownerless time; the page fits a phone and axe finds nothing serious, in both languages.

const topic = randomName('e2e-timeline');
const group = randomName('e2e-kip848');
const members: JavaMember[] = [];
const join = (clientId: string) =>
  members.push(
    startJavaConsumer('org.apache.kafka.tools.consumer.ConsoleConsumer', [
      '--topic',
      topic,
      '--group',
      group,
      '--consumer-property',
      'group.protocol=consumer',
      '--consumer-property',
      `client.id=${clientId}`,
    ]),
  );

test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
  await createTopic(topic, 3, 3);
  join('e2e-timeline-0');
  join('e2e-timeline-1');
});

test.afterAll(async () => {
  await Promise.all(members.map((m) => m.stop()));
  await deleteTopic(topic);
});

async function openGroup(page: Page): Promise<void> {
  await page.goto(`/groups/${encodeURIComponent(group)}`);
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
}

test('the timeline of a KIP-848 group shows a joining member live, without reload', async ({ page }) => {
  await openGroup(page);
  const timeline = page.getByTestId('epoch-timeline');
  await expect(timeline.getByTestId('timeline-step-member-joined')).toHaveCount(2, { timeout: 90_000 });
  // Both members reconciled: one partition moved from the first member to the second.
  await expect(timeline.getByTestId('timeline-move').filter({ hasText: 'revoked' })).toHaveCount(1, {
    timeout: 90_000,
  });
  const navigations: string[] = [];
  page.on('framenavigated', (f) => f === page.mainFrame() && navigations.push(f.url()));

  const joinedAt = Date.now();
  join('e2e-timeline-2');
  await expect(timeline.getByTestId('timeline-step-member-joined')).toHaveCount(3, { timeout: 60_000 });
  await expect(timeline.getByText(/member e2e-timeline-\d revoked .* → member e2e-timeline-2 received/)).toBeVisible({
    timeout: 60_000,
  });
  console.log(`KIP-848 member joined -> browser shows its received partition: ${Date.now() - joinedAt} ms`);
  await expect(timeline.getByText(/without owner/).first()).toBeVisible();
  expect(navigations, 'no reload').toEqual([]);
});

for (const locale of ['en', 'ko'] as const) {
  test(`${locale} at 390 px: the timeline fits and axe finds nothing serious`, async ({ page }) => {
    await page.addInitScript((l) => window.localStorage.setItem('kafka-live-locale', l), locale);
    await page.setViewportSize({ width: 390, height: 844 });
    await openGroup(page);
    await expect(page.getByTestId('timeline-move').first()).toBeVisible({ timeout: 90_000 });
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    const result = await new AxeBuilder({ page }).include('[data-testid="epoch-timeline"]').analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
