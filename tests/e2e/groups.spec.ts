import { expect, test } from '@playwright/test';
import { createTopic, deleteTopic, randomName, withAdmin } from '@/tests/support/kafka';
import { produce, startMember, type TestMember } from '@/tests/support/consumers';
import { GroupsPage } from './pages/groups-page';

// Consumer groups in the browser, on the real embedded cluster with real kafkajs members.

const members: TestMember[] = [];
test.afterEach(async () => {
  await Promise.all(members.splice(0).map((m) => m.stop()));
});

test('instances A and B split 3 partitions 2:1; more members than partitions leaves one idle; rebalances show live', async ({
  page,
}) => {
  const topic = randomName('order.processing');
  const group = randomName('order-processing-group');
  await createTopic(topic, 3, 3);
  try {
    const groups = new GroupsPage(page);
    await groups.openList();
    await groups.filterTo(group);
    members.push(
      await startMember(group, [topic], { clientId: 'instance-A' }),
      await startMember(group, [topic], { clientId: 'instance-B' }),
    );
    await expect(groups.row(group)).toHaveAttribute('data-state', 'Stable');
    await groups.openGroup(group);
    let navigations = 0;
    page.on('framenavigated', () => navigations++);

    await expect(groups.members()).toHaveCount(2);
    await expect(page.locator('[data-testid^="assignment-tile-"]')).toHaveCount(3);
    const counts = [await groups.tilesOf('instance-A').count(), await groups.tilesOf('instance-B').count()].sort();
    expect(counts).toEqual([1, 2]);
    const genText = (await page.getByTestId('group-generation').textContent()) ?? '';
    const before = Number(genText.replace('gen ', ''));
    await expect(groups.generation(before)).toBeVisible();

    // Two more instances: the page shows the new generations and one idle member, no reload.
    members.push(
      await startMember(group, [topic], { clientId: 'instance-C' }),
      await startMember(group, [topic], { clientId: 'instance-D' }),
    );
    await expect(groups.members()).toHaveCount(4);
    await expect(groups.idleMembers()).toHaveCount(1);
    await expect(groups.idleMembers()).toContainText('a partition is read by one member of a group at a time');
    await expect(page.getByTestId('group-state')).toHaveText('Stable');
    await expect(groups.generation(before + 1)).toBeVisible();
    await expect(groups.generation(before + 1)).toContainText('joined');
    await page.screenshot({ path: 'test-results/group-four-members.png', fullPage: true });

    // A leaves: the newest generation says so and moves its partitions.
    const aTiles = await groups.tilesOf('instance-A').count();
    const gensBefore = await groups.generations().count();
    await members[0].stop();
    await expect(groups.members()).toHaveCount(3, { timeout: 20_000 });
    await expect(groups.generations()).toHaveCount(gensBefore + 1);
    const newest = groups.generations().first();
    await expect(newest).toContainText('instance-A left');
    if (aTiles > 0) await expect(newest).toContainText('→');
    await expect(page.locator('[data-testid^="assignment-tile-"]')).toHaveCount(3);
    expect(navigations, 'no reload').toBe(0);
    await page.screenshot({ path: 'test-results/group-after-leave.png', fullPage: true });
  } finally {
    await Promise.all(members.splice(0).map((m) => m.stop()));
    await deleteTopic(topic);
  }
});

test('two groups on one topic keep their own offsets, side by side on the topic page', async ({ page }) => {
  const topic = randomName('order.processing');
  const ahead = randomName('group-a');
  const behind = randomName('group-b');
  await createTopic(topic, 3, 3);
  try {
    await produce(
      topic,
      Array.from({ length: 30 }, (_, i) => ({ key: `order-${i}`, value: `{"orderId":${i}}`, partition: i % 3 })),
    );
    // Group B has read 1 of each partition's 10, group A reads everything.
    await withAdmin((admin) =>
      admin.setOffsets({
        groupId: behind,
        topic,
        partitions: [0, 1, 2].map((partition) => ({ partition, offset: '1' })),
      }),
    );
    const reader = await startMember(ahead, [topic]);
    members.push(reader);
    await page.goto(`/topics/${encodeURIComponent(topic)}`);
    const cell = (g: string, p: number) => page.getByTestId(`topic-group-${g}-${p}`);
    for (const p of [0, 1, 2]) {
      await expect(cell(ahead, p)).toHaveAttribute('data-lag', '0');
      await expect(cell(ahead, p)).toContainText('10 / 10');
      await expect(cell(behind, p)).toHaveAttribute('data-lag', '9');
      await expect(cell(behind, p)).toContainText('1 / 10');
    }
    await page.screenshot({ path: 'test-results/topic-groups.png', fullPage: true });
  } finally {
    await Promise.all(members.splice(0).map((m) => m.stop()));
    await deleteTopic(topic);
  }
});

test('an unknown group says so instead of failing', async ({ page }) => {
  await page.goto(`/groups/${encodeURIComponent('no-such-group')}`);
  await expect(page.getByTestId('group-missing')).toContainText('No consumer group named no-such-group');
});

test('a group is deleted only once empty, with its id typed to confirm', async ({ page }) => {
  const topic = randomName('order.processing');
  const group = randomName('group-delete');
  await createTopic(topic, 3, 3);
  try {
    const member = await startMember(group, [topic]);
    members.push(member);
    const groups = new GroupsPage(page);
    await groups.openList();
    await groups.openGroup(group);
    const submit = page.getByTestId('delete-group-submit');
    await page.getByTestId('delete-group-confirm').fill(group);
    await expect(page.getByTestId('delete-group-blocked')).toContainText(`group ${group} is Stable with 1 member`);
    await expect(submit).toBeDisabled();
    await member.stop();
    await expect(page.getByTestId('delete-group-blocked')).toHaveCount(0, { timeout: 20_000 });
    await expect(submit).toBeEnabled();
    await submit.click();
    await expect(page).toHaveURL(/\/groups$/);
    await groups.filterTo(group);
    await expect(groups.row(group)).toHaveCount(0, { timeout: 15_000 });
  } finally {
    await Promise.all(members.splice(0).map((m) => m.stop()));
    await deleteTopic(topic);
  }
});
