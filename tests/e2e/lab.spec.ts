import { expect, test } from '@playwright/test';
import { createTopic, deleteTopic, randomName } from '@/tests/support/kafka';
import { GroupsPage } from './pages/groups-page';
import { LabPage } from './pages/lab-page';

// The consumer-instance lab in the browser: real worker processes on the real embedded cluster.

const started: string[] = [];
test.afterEach(async ({ request }) => {
  // Kill what is left, so no instance outlives its test (a killed one answers with a refusal).
  for (const instance of started.splice(0)) await request.post(`/api/actions/lab:kill`, { data: { instance } });
});

test('instances A and B split 3 partitions 2:1; killing B moves everything to A after the session timeout', async ({
  page,
}) => {
  const topic = randomName('order.processing');
  const groupId = randomName('order-processing-group');
  await createTopic(topic, 3, 3);
  try {
    const lab = new LabPage(page);
    const groups = new GroupsPage(page);
    await lab.open();
    const a = await lab.start({ groupId, topic, sessionTimeoutMs: 6_000 });
    started.push(a);
    const b = await lab.start({ groupId, topic, sessionTimeoutMs: 6_000 });
    started.push(b);
    // Only this test's instances: ended ones of earlier specs keep their last tiles, greyed.
    await expect(page.locator(`[data-testid^="lab-tile-lab-${a}-"], [data-testid^="lab-tile-lab-${b}-"]`)).toHaveCount(
      3,
    );

    await lab.openGroup(a, groupId);
    await expect(groups.members()).toHaveCount(2);
    await expect(page.locator('[data-testid^="assignment-tile-"]')).toHaveCount(3);
    const counts = [await groups.tilesOf(`lab-${a}-1`).count(), await groups.tilesOf(`lab-${b}-1`).count()].sort();
    expect(counts).toEqual([1, 2]);
    await expect(
      groups
        .members()
        .filter({ hasText: `lab-${a}-1` })
        .getByTestId(`instance-badge-${a}`),
    ).toHaveText(`instance ${a}`);
    await expect(
      groups
        .members()
        .filter({ hasText: `lab-${b}-1` })
        .getByTestId(`instance-badge-${b}`),
    ).toHaveText(`instance ${b}`);
    await expect(page.getByRole('button', { name: 'Rebalance now' })).toBeVisible();
    const genBefore = Number(((await page.getByTestId('group-generation').textContent()) ?? '').replace('gen ', ''));

    await page.goBack();
    await expect(lab.card(b)).toBeVisible();
    await lab.kill(b);
    await expect(lab.endedNote(b)).toContainText(
      "its members stay in the group until the coordinator's session timeout (6 s) passes, then the group rebalances",
    );
    await expect(lab.endedNote(b)).toContainText(/killed at \d\d:\d\d:\d\d/);
    await expect(page.getByTestId(`lab-countdown-${b}`)).toContainText(/rebalance due in [1-6] s/);
    await expect(lab.card(b).getByRole('button')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/lab.png', fullPage: true });

    await lab.openGroup(a, groupId);
    // B's member counts until the coordinator's 6 s session timeout passes.
    await expect(groups.members()).toHaveCount(1, { timeout: 30_000 });
    await expect(groups.tilesOf(`lab-${a}-1`)).toHaveCount(3);
    const newest = groups.generations().first();
    await expect(newest).toContainText(`lab-${b}-1 left`);
    const genAfter = Number(((await page.getByTestId('group-generation').textContent()) ?? '').replace('gen ', ''));
    expect(genAfter).toBeGreaterThan(genBefore);
    await expect(groups.generation(genAfter)).toBeVisible();
    await page.screenshot({ path: 'test-results/lab-group.png', fullPage: true });

    // Rebalance now: A's consumer leaves and rejoins, two generations later it is back alone.
    await page.getByRole('button', { name: 'Rebalance now' }).click();
    const generation = async () =>
      Number(((await page.getByTestId('group-generation').textContent()) ?? '').replace('gen ', ''));
    await expect.poll(generation).toBeGreaterThanOrEqual(genAfter + 2);
    await expect(groups.members()).toHaveCount(1);
    await expect(groups.tilesOf(`lab-${a}-1`)).toHaveCount(3);
  } finally {
    await deleteTopic(topic);
  }
});

test('a killed member shows "not heard from" on the group page with a countdown that falls, then leaves', async ({
  page,
  request,
}) => {
  const topic = randomName('silent.orders');
  const groupId = randomName('silent-member-group');
  await createTopic(topic, 3, 3);
  try {
    const start = async () => {
      const res = await request.post('/api/actions/lab:start', {
        data: { groupId, topics: [topic], consumers: 1, processingDelayMs: 0, sessionTimeoutMs: 10_000 },
      });
      const body = (await res.json()) as { ok: boolean; result?: { name: string } };
      expect(body.ok).toBe(true);
      started.push(body.result!.name);
      return body.result!.name;
    };
    const a = await start();
    const b = await start();
    const groups = new GroupsPage(page);
    await groups.openList();
    await groups.openGroup(groupId);
    await expect(groups.members()).toHaveCount(2);
    await expect(page.getByTestId('stat-members')).toContainText('all reading');
    await expect(page.locator('[data-silent="true"]')).toHaveCount(0);

    // Killed while the page is open: the page's clock must not start from when it opened.
    await page.waitForTimeout(3_000);
    await request.post('/api/actions/lab:kill', { data: { instance: b } });
    const silent = page.locator('[data-silent="true"]');
    await expect(silent).toHaveCount(1);
    await expect(silent).toContainText(`lab-${b}-1`);
    await expect(silent).toContainText('not heard from');
    const countdown = page.locator('[data-testid^="silent-countdown-"]');
    await expect(countdown).toContainText(/the coordinator drops it in \d+ s \(session timeout 10 s\)/);
    const left = async () => Number(await countdown.getAttribute('data-seconds-left'));
    const first = await left();
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(10);
    await expect(page.getByTestId('stat-members')).toContainText('1 not heard from');
    await expect(page.getByTestId('group-health-silent')).toBeVisible();
    await expect.poll(left, { timeout: 5_000 }).toBeLessThan(first);
    await page.screenshot({ path: 'test-results/lab-silent-member.png', fullPage: true });

    // The coordinator drops it after the session timeout; the page follows.
    await expect(groups.members()).toHaveCount(1, { timeout: 30_000 });
    await expect(groups.members()).toContainText(`lab-${a}-1`);
    await expect(page.locator('[data-silent="true"]')).toHaveCount(0);
    await expect(page.getByTestId('stat-members')).toContainText('all reading');
  } finally {
    await deleteTopic(topic);
  }
});
