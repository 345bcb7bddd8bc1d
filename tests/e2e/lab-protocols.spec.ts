import { expect, test } from '@playwright/test';
import { createTopic, deleteTopic, randomName } from '@/tests/support/kafka';
import { produce } from '@/tests/support/consumers';
import { GroupsPage } from './pages/groups-page';
import { LabPage } from './pages/lab-page';

// Lab instances of the new protocols in the browser: Kafka's own Java clients in worker
// processes, on the real embedded cluster.

// JVMs start slowly on a loaded 2-core machine, and a KIP-848 move takes two heartbeats (5 s each
// by default): generous waits, the same assertions.
test.describe.configure({ timeout: 240_000 });
const SLOW = { timeout: 60_000 };
const started: string[] = [];
test.afterEach(async ({ request }) => {
  for (const instance of started.splice(0)) await request.post(`/api/actions/lab:kill`, { data: { instance } });
});

test('a second KIP-848 instance: the group page shows partitions moving to it, live, without reload', async ({
  page,
  request,
}) => {
  const topic = randomName('lab.kip848');
  const groupId = randomName('lab-kip848-group');
  await createTopic(topic, 3, 3);
  try {
    const lab = new LabPage(page);
    const groups = new GroupsPage(page);
    await lab.open();
    const a = await lab.start({ groupId, topic, protocol: 'consumer', runningTimeoutMs: 60_000 });
    started.push(a);
    await expect(page.getByTestId(`lab-instance-protocol-${a}`)).toHaveText('consumer · KIP-848');
    await lab.openGroup(a, groupId);
    await expect(page.getByTestId('group-type')).toContainText('consumer');
    await expect(groups.tilesOf(`lab-${a}-1`)).toHaveCount(3, SLOW);
    // A marker in the page's window: a reload or a navigation would drop it.
    await page.evaluate(() => ((window as unknown as { labMarker: number }).labMarker = 1));

    const answer = await request.post('/api/actions/lab:start', {
      data: {
        groupId,
        topics: [topic],
        consumers: 1,
        processingDelayMs: 0,
        sessionTimeoutMs: 10_000,
        protocol: 'consumer',
      },
    });
    expect(answer.ok()).toBe(true);
    const b = ((await answer.json()) as { result: { name: string } }).result.name;
    started.push(b);
    await expect(groups.members()).toHaveCount(2, SLOW);
    await expect(groups.tilesOf(`lab-${b}-1`)).not.toHaveCount(0, SLOW);
    await expect(page.locator('[data-testid^="assignment-tile-"]')).toHaveCount(3, SLOW);
    const split = [await groups.tilesOf(`lab-${a}-1`).count(), await groups.tilesOf(`lab-${b}-1`).count()].sort();
    expect(split).toEqual([1, 2]);
    expect(await page.evaluate(() => (window as unknown as { labMarker?: number }).labMarker)).toBe(1);
  } finally {
    await deleteTopic(topic);
  }
});

test('two share members on one partition: the lab card and the group page show the shared partition', async ({
  page,
}) => {
  const topic = randomName('lab.share');
  const groupId = randomName('lab-share-group');
  await createTopic(topic, 1, 3);
  try {
    await produce(
      topic,
      Array.from({ length: 10 }, (_, i) => ({ value: `m${i}` })),
    );
    const lab = new LabPage(page);
    const groups = new GroupsPage(page);
    await lab.open();
    const a = await lab.start({ groupId, topic, protocol: 'share', consumers: 2, runningTimeoutMs: 60_000 });
    started.push(a);
    await expect(page.getByTestId(`lab-shared-${a}`)).toHaveText(
      'shared partition: the one-consumer-per-partition rule does not hold in share groups',
    );
    await expect(page.locator(`[data-testid^="lab-tile-lab-${a}-"][data-shared="true"]`)).toHaveCount(2, SLOW);
    await expect(page.getByTestId(`lab-consumed-${a}`)).toHaveText('10', SLOW);
    await lab.openGroup(a, groupId);
    await expect(page.getByTestId('group-type')).toContainText('share');
    await expect(page.getByTestId('share-note')).toBeVisible();
    await expect(groups.members()).toHaveCount(2, SLOW);
    for (const k of [1, 2]) await expect(groups.tilesOf(`lab-${a}-${k}`)).toHaveCount(1, SLOW);
    await expect(page.locator(`[data-testid="assignment-tile-${topic}-0"]`)).toHaveCount(2, SLOW);
  } finally {
    await deleteTopic(topic);
  }
});
