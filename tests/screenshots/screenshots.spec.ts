import { expect, test, type Page } from '@playwright/test';
import { produce } from '@/tests/support/consumers';
import { createTopic, deleteTopic, randomName, withAdmin } from '@/tests/support/kafka';

// The screenshots in docs/screenshots/: overview, a group, a topic and the browse screen, on a
// desktop and a phone, in English and Korean; and overview, group and topic in the light theme. Not part of `npm test`, since they change files
// in the repository: `npm run screenshots` writes them.

const topic = randomName('shop.orders');
const group = randomName('billing');

test.beforeAll(async () => {
  await createTopic(topic, 3, 3);
  await produce(
    topic,
    Array.from({ length: 30 }, (_, i) => ({
      key: `order-${i % 7}`,
      value: JSON.stringify({ seq: i, status: 'paid' }),
    })),
  );
  // A topic created a moment ago may not be on every broker yet: retry until the commit lands.
  await expect
    .poll(
      () =>
        withAdmin((a) =>
          a.setOffsets({ groupId: group, topic, partitions: [0, 1, 2].map((p) => ({ partition: p, offset: '2' })) }),
        ).then(
          () => true,
          () => false,
        ),
      { timeout: 30_000 },
    )
    .toBe(true);
});

test.afterAll(async () => {
  await withAdmin((a) => a.deleteGroups([group])).catch(() => undefined);
  await deleteTopic(topic);
});

async function shoot(page: Page, path: string, file: string, ready?: (p: Page) => Promise<void>): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
  await ready?.(page);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `docs/screenshots/${file}.png`, fullPage: true });
}

for (const locale of ['en', 'ko'] as const) {
  for (const [size, viewport] of [
    ['desktop', { width: 1440, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    test(`screenshots ${locale} ${size}`, async ({ page }) => {
      test.setTimeout(240_000);
      await page.addInitScript((l) => window.localStorage.setItem('kafka-live-locale', l), locale);
      await page.setViewportSize(viewport);
      await shoot(page, '/', `overview-${locale}-${size}`);
      await shoot(page, `/groups/${encodeURIComponent(group)}`, `group-${locale}-${size}`);
      await shoot(page, `/topics/${encodeURIComponent(topic)}`, `topic-${locale}-${size}`);
      await shoot(page, `/topics/${encodeURIComponent(topic)}/messages`, `browse-${locale}-${size}`, async (p) => {
        await p.getByTestId('browse-run').click();
        await expect(p.getByTestId('browse-outcome')).not.toBeEmpty();
      });
    });
  }
}

for (const [size, viewport] of [
  ['desktop', { width: 1440, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  test(`screenshots light ${size}`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.addInitScript(() => window.localStorage.setItem('kafka-live-theme', 'light'));
    await page.setViewportSize(viewport);
    await shoot(page, '/', `overview-light-${size}`);
    await shoot(page, `/groups/${encodeURIComponent(group)}`, `group-light-${size}`);
    await shoot(page, `/topics/${encodeURIComponent(topic)}`, `topic-light-${size}`);
  });
}
