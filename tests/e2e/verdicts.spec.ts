import { expect, test } from '@playwright/test';
import { createTopic, deleteTopic, randomName } from '@/tests/support/kafka';
import { produce, startMember, type TestMember } from '@/tests/support/consumers';
import { GroupsPage } from './pages/groups-page';

// The health verdict and lag in seconds in the browser, live: a member reading its topic is OK;
// once it leaves and messages wait, the page says "No members" with the reason and how old the
// oldest unread message is, without a reload.

const members: TestMember[] = [];
test.afterEach(async () => {
  await Promise.all(members.splice(0).map((m) => m.stop()));
});

test('the verdict and lag in seconds change live on the group page and the list', async ({ page }) => {
  const topic = randomName('verdict.e2e');
  const group = randomName('verdict-e2e-group');
  await createTopic(topic, 1, 3);
  try {
    const groups = new GroupsPage(page);
    await groups.openList();
    await groups.filterTo(group);
    members.push(await startMember(group, [topic], { clientId: 'reader' }));
    await produce(topic, [{ value: 'first' }]);
    await expect(groups.row(group)).toHaveAttribute('data-state', 'Stable');
    await expect(groups.listVerdict(group)).toHaveAttribute('data-verdict', 'OK');
    await groups.openGroup(group);
    let navigations = 0;
    page.on('framenavigated', () => navigations++);
    await expect(groups.verdict()).toHaveAttribute('data-verdict', 'OK');
    await expect(groups.verdictText()).toContainText('Caught up');
    await expect(page.getByTestId('verdict-windows')).toContainText('Judged over the last 10 min');

    await members[0].stop();
    await produce(topic, [{ value: 'waiting-1' }, { value: 'waiting-2' }]);
    await expect(groups.verdict()).toHaveAttribute('data-verdict', 'NO_MEMBERS');
    await expect(groups.verdictText()).toHaveText('No members: nobody is reading, and 2 messages wait on 1 partition.');
    await expect(page.getByTestId('stat-members')).toContainText('nobody reading');
    await expect(page.getByTestId('stat-lag-seconds')).toContainText(/~\d+ sec old/);
    await expect(page.getByTestId(`offset-verdict-${topic}-0`).locator('[data-verdict]')).toHaveAttribute(
      'data-verdict',
      /OK|STOP/,
    );
    await page.screenshot({ path: 'test-results/group-verdict.png', fullPage: true });
    expect(navigations).toBe(0);
  } finally {
    await deleteTopic(topic);
  }
});
