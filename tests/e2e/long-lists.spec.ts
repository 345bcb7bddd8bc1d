import { expect, test } from '@playwright/test';
import { randomName, withAdmin } from '@/tests/support/kafka';
import { TopicsPage } from './pages/topics-page';

// The topics table draws only the rows in view: a long list must still find any topic by
// filter, and scrolling must bring up the rows further down.

const COUNT = 150;

test('a long topic list draws only the rows in view, finds a topic by filter and scrolls to the end', async ({
  page,
}) => {
  const prefix = randomName('long.list');
  const names = Array.from({ length: COUNT }, (_, i) => `${prefix}.t${String(i).padStart(3, '0')}`);
  await withAdmin((admin) =>
    admin.createTopics({
      topics: names.map((topic) => ({ topic, numPartitions: 1, replicationFactor: 1 })),
      waitForLeaders: false,
    }),
  );
  try {
    const topics = new TopicsPage(page);
    await topics.open();
    await topics.filterTo(prefix);
    await expect(page.getByTestId('topic-count')).toHaveText(`${COUNT} topics`);
    const drawn = page.locator('[data-testid^="topic-row-"]');
    await expect(topics.row(names[0])).toBeVisible();
    expect(await drawn.count(), 'not every row is in the page').toBeLessThan(COUNT);

    // Far down the list: not drawn until scrolled to, but found by its name.
    const last = names[COUNT - 1];
    await expect(topics.row(last)).toHaveCount(0);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect(topics.row(last)).toBeVisible();
    await expect(topics.row(names[0])).toHaveCount(0);

    await page.evaluate(() => window.scrollTo(0, 0));
    await topics.filterTo(names[77]);
    await expect(page.getByTestId('topic-count')).toHaveText('1 topic');
    await expect(drawn).toHaveCount(1);
    await topics.openTopic(names[77]);
  } finally {
    await withAdmin((admin) => admin.deleteTopics({ topics: names })).catch(() => undefined);
  }
});
