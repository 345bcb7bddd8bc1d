import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { partitionForKey } from '@/lib/partitioner';
import { createTopicWithLeaders, randomName, testKafka, withAdmin } from '@/tests/support/kafka';

// The tour end to end on the real cluster: a prediction, the experiment, the element it points
// at, and the clean-up that leaves nothing behind; once in Korean, once in English. Then the
// lab's warning before joining a group it did not start, and axe and width checks.

const STORAGE = 'kafka-live.learn.v1';

async function open(page: Page, path: string, locale: 'en' | 'ko'): Promise<void> {
  await page.addInitScript((l) => window.localStorage.setItem('kafka-live-locale', l), locale);
  await page.goto(path);
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
}

/** The names of the step's last run, as the tour stored them. */
async function runOf(page: Page, step: string): Promise<string> {
  const raw = await page.evaluate((k) => window.localStorage.getItem(k), STORAGE);
  return (JSON.parse(raw ?? '{}') as { steps: Record<string, { runId: string }> }).steps[step].runId;
}

const topics = () => withAdmin((a) => a.listTopics());
const groupIds = () => withAdmin(async (a) => (await a.listGroups()).groups.map((g) => g.groupId));

async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
}

test('Korean: the keys step predicts, sends, points at the partition and cleans up', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page, '/learn', 'ko');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('실제 클러스터로 배우는 Kafka');
  await page.getByTestId('learn-nav-keys').click();
  const step = page.getByTestId('learn-step-keys');
  await expect(step.getByRole('heading', { level: 2 })).toHaveText('key를 지정하면 한 파티션에, 순서대로');
  // No experiment before a prediction.
  await expect(step.getByTestId('learn-run')).toBeDisabled();
  const expected = partitionForKey('order-7', 3);
  await step.getByTestId(`learn-choice-${expected}`).check();
  await step.getByTestId('learn-run').click();

  await expect(step.getByTestId('learn-reveal')).toContainText('예측이 맞았습니다', { timeout: 60_000 });
  await expect(step.getByTestId('learn-reveal')).toContainText(`모두 파티션 ${expected}에`);
  const topic = `learn-keys-${await runOf(page, 'keys')}`;
  expect(await topics()).toContain(topic);
  // The partition the messages went to is the highlighted one, with its five messages, in view.
  const cell = step.getByTestId(`learn-partition-${expected}`);
  await expect(cell).toHaveAttribute('data-learn-highlight', 'true');
  await expect(cell).toContainText('메시지 5개');
  await expect(step.locator('[data-learn-highlight="true"]')).toHaveCount(1);
  await expect.poll(() => inViewport(page, '[data-learn-highlight="true"]')).toBe(true);
  await page.screenshot({ path: 'docs/screenshots/learn-keys-ko-desktop.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await cell.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/screenshots/learn-keys-ko-phone.png', fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });

  await step.getByTestId('learn-cleanup').click();
  await expect(step.getByTestId('learn-cleaned')).toBeVisible({ timeout: 60_000 });
  await expect.poll(async () => (await topics()).includes(topic), { timeout: 60_000 }).toBe(false);

  // Progress survives a reload: the step is marked done and shows the reveal again.
  await page.reload();
  await expect(page.getByTestId('learn-nav-keys')).toContainText('✓');
});

test('English: the idle-consumer step starts 4 consumers on 3 partitions and points at the idle one', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await open(page, '/learn', 'en');
  await page.getByTestId('learn-nav-idle').click();
  const step = page.getByTestId('learn-step-idle');
  await expect(step.getByRole('heading', { level: 2 })).toHaveText('More consumers than partitions leaves some idle');
  // A wrong prediction on purpose: the reveal says so and gives the answer.
  await step.getByTestId('learn-choice-0').check();
  await step.getByTestId('learn-run').click();
  await expect(step.getByTestId('learn-reveal')).toContainText('Not quite: the answer is “one”', { timeout: 120_000 });
  await expect(step.getByTestId('learn-reveal')).toContainText('Of 4 consumers, 1 got no partition');
  const group = `learn-idle-${await runOf(page, 'idle')}-a`;
  const idle = step.getByTestId('learn-consumer-idle');
  await expect(idle).toHaveCount(1);
  await expect(idle).toHaveAttribute('data-learn-highlight', 'true');
  await expect.poll(() => inViewport(page, '[data-learn-highlight="true"]')).toBe(true);
  expect(await groupIds()).toContain(group);

  await step.getByTestId('learn-cleanup').click();
  await expect(step.getByTestId('learn-cleaned')).toBeVisible({ timeout: 90_000 });
  await expect.poll(async () => (await groupIds()).includes(group), { timeout: 60_000 }).toBe(false);
  await expect
    .poll(async () => (await topics()).some((t) => t.startsWith(group.replace(/-a$/, ''))), { timeout: 60_000 })
    .toBe(false);
});

test('English: the retention step counts down, then deletes by time and by size as Kafka says', async ({ page }) => {
  test.setTimeout(240_000);
  await open(page, '/learn', 'en');
  await page.getByTestId('learn-nav-retention').click();
  const step = page.getByTestId('learn-step-retention');
  await step.getByTestId('learn-choice-deletedAtCheck').check();
  await step.getByTestId('learn-run').click();
  // While it runs, the live view counts down to the expiry and then to the broker's check.
  const clock = step.getByTestId('learn-live').getByTestId('learn-retention-clock');
  await expect(clock).toContainText(/expire in \d+ s/);
  await expect(clock).toContainText(/retention check/, { timeout: 30_000 });
  await expect(step.getByTestId('learn-reveal')).toContainText('Your prediction was right', { timeout: 180_000 });
  await expect(step.getByTestId('learn-reveal')).toContainText(/the log start moved to 10\. .*deleted the oldest \d/);
  const topic = `learn-retention-${await runOf(page, 'retention')}`;
  // The log start on screen is Kafka's own.
  const [kafka] = await withAdmin((a) => a.fetchTopicOffsets(topic));
  await expect(step.getByTestId('learn-log-start')).toHaveText(kafka.low);
  expect(Number(kafka.low)).toBeGreaterThan(10);
  await page.screenshot({ path: 'docs/screenshots/learn-retention-en-desktop.png', fullPage: true });
  await step.getByTestId('learn-cleanup').click();
  await expect(step.getByTestId('learn-cleaned')).toBeVisible({ timeout: 60_000 });
  await expect.poll(async () => (await topics()).includes(topic), { timeout: 60_000 }).toBe(false);
});

test('Korean: the leader step stops partition 0’s leader, a follower takes over, the broker comes back', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await open(page, '/learn', 'ko');
  await page.getByTestId('learn-nav-leader').click();
  const step = page.getByTestId('learn-step-leader');
  await step.getByTestId('learn-choice-followerLeads').check();
  await step.getByTestId('learn-run').click();
  // The partitions are on show while the broker is down.
  await expect(step.getByTestId('learn-live').getByTestId('learn-partition-0')).toBeVisible({ timeout: 60_000 });
  await expect(step.getByTestId('learn-reveal')).toContainText('예측이 맞았습니다', { timeout: 180_000 });
  await expect(step.getByTestId('learn-reveal')).toContainText('리더를 이어받았고');
  const topic = `learn-leader-${await runOf(page, 'leader')}`;
  const { oldLeader, newLeader } = await page.evaluate(
    (k) => JSON.parse(window.localStorage.getItem(k) ?? '{}').steps.leader.outcome,
    STORAGE,
  );
  expect(newLeader).not.toBe(oldLeader);
  // The stopped broker is back and in sync on every partition of the step's topic.
  const [meta] = (await withAdmin((a) => a.fetchTopicMetadata({ topics: [topic] }))).topics;
  for (const p of meta.partitions) expect(p.isr.sort()).toEqual(p.replicas.sort());
  await page.screenshot({ path: 'docs/screenshots/learn-leader-ko-desktop.png', fullPage: true });
  await step.getByTestId('learn-cleanup').click();
  await expect(step.getByTestId('learn-cleaned')).toBeVisible({ timeout: 60_000 });
});

test('English: the share step hands one partition to all three members of a share group', async ({ page }) => {
  test.setTimeout(240_000);
  await open(page, '/learn', 'en');
  await page.getByTestId('learn-nav-share').click();
  const step = page.getByTestId('learn-step-share');
  await step.getByTestId('learn-choice-all').check();
  await step.getByTestId('learn-run').click();
  await expect(step.getByTestId('learn-reveal')).toContainText('Your prediction was right', { timeout: 180_000 });
  await expect(step.getByTestId('learn-reveal')).toContainText('All 3 members of the share group hold partition 0');
  // Every member shows partition 0, and each is highlighted: the rule a consumer group keeps is off.
  await expect(step.getByTestId('learn-consumer')).toHaveCount(3);
  await expect(step.locator('[data-learn-highlight="true"]')).toHaveCount(3);
  const group = `learn-share-${await runOf(page, 'share')}-a`;
  // kafkajs lists classic groups only: the dashboard's own list (ListGroups of every type) tells.
  const dashboardGroups = async () =>
    ((await (await page.request.get('/api/groups')).json()) as { groupId: string }[]).map((g) => g.groupId);
  expect(await dashboardGroups()).toContain(group);
  await page.screenshot({ path: 'docs/screenshots/learn-share-en-desktop.png', fullPage: true });
  await step.getByTestId('learn-cleanup').click();
  await expect(step.getByTestId('learn-cleaned')).toBeVisible({ timeout: 90_000 });
  await expect.poll(async () => (await dashboardGroups()).includes(group), { timeout: 60_000 }).toBe(false);
});

test('Korean screenshots of the spread step', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, '/learn', 'ko');
  await page.getByTestId('learn-nav-spread').click();
  const step = page.getByTestId('learn-step-spread');
  await step.getByTestId('learn-choice-allPartitions').check();
  await step.getByTestId('learn-run').click();
  await expect(step.getByTestId('learn-reveal')).toContainText('파티션 3개에 나뉘어', { timeout: 60_000 });
  await expect(step.locator('[data-learn-highlight="true"]')).toHaveCount(3);
  await page.screenshot({ path: 'docs/screenshots/learn-spread-ko-desktop.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'docs/screenshots/learn-spread-ko-phone.png', fullPage: true });
  await step.getByTestId('learn-cleanup').click();
  await expect(step.getByTestId('learn-cleaned')).toBeVisible({ timeout: 60_000 });
});

test('the lab warns before joining a group with members it did not start', async ({ page }) => {
  test.setTimeout(120_000);
  const topic = randomName('lab-foreign');
  const groupId = randomName('someone-elses-group');
  await createTopicWithLeaders(topic, 3, 3);
  const consumer = testKafka('someone-else').consumer({ groupId, sessionTimeout: 10_000 });
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ eachMessage: async () => undefined });
    await open(page, `/lab?topic=${topic}`, 'en');
    const form = page.getByRole('form', { name: 'Start an app instance' });
    await expect(form.getByLabel('Group id')).toHaveValue('lab-group');
    await form.getByLabel('Group id').fill(groupId);
    const topics = form.getByRole('group', { name: 'Topics' });
    for (const box of await topics.getByRole('checkbox', { checked: true }).all()) await box.uncheck();
    await topics.getByRole('checkbox', { name: topic, exact: true }).check();
    const cards = page.locator('article[data-testid^="lab-instance-"]');
    const before = await cards.count();
    // The dashboard has seen the group's one member before the lab is asked to join it.
    await expect
      .poll(
        async () => {
          const groups = (await (await page.request.get('/api/groups')).json()) as {
            groupId: string;
            members: number;
          }[];
          return groups.find((g) => g.groupId === groupId)?.members ?? 0;
        },
        { timeout: 60_000 },
      )
      .toBe(1);
    await page.waitForTimeout(1_000);
    await form.getByRole('button', { name: 'Start instance' }).click();
    await expect(page.getByTestId('lab-foreign-warning')).toBeVisible();
    await expect(page.getByTestId('lab-foreign-warning')).toContainText(
      `Group ${groupId} has 1 member the lab did not start`,
    );
    await page.getByTestId('lab-foreign-cancel').click();
    await expect(page.getByTestId('lab-foreign-warning')).toHaveCount(0);
    await page.waitForTimeout(1_000);
    await expect(cards).toHaveCount(before);

    // Asked again and confirmed, the instance joins; stopped, its card can be cleared with the ended ones.
    await form.getByRole('button', { name: 'Start instance' }).click();
    await page.getByTestId('lab-foreign-confirm').click();
    await expect(cards).toHaveCount(before + 1);
    const card = cards.last();
    await expect(card).toHaveAttribute('data-status', 'running');
    await card.getByRole('button', { name: 'Stop' }).click();
    await expect(card).toHaveAttribute('data-status', 'stopped', { timeout: 30_000 });
    const name = ((await card.getAttribute('data-testid')) ?? '').replace('lab-instance-', '');
    await page.getByTestId('lab-clear-ended').click();
    await expect(page.getByTestId(`lab-instance-${name}`)).toHaveCount(0);
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await withAdmin((a) => a.deleteGroups([groupId])).catch(() => undefined);
    await withAdmin((a) => a.deleteTopics({ topics: [topic] })).catch(() => undefined);
  }
});

test('the produce panel refuses a count below 1 and takes {n} as a bare number in JSON', async ({ page }) => {
  const topic = randomName('lab-count');
  await createTopicWithLeaders(topic, 1, 3);
  try {
    await open(page, `/lab?topic=${topic}`, 'en');
    const panel = page.getByTestId('produce-panel');
    await panel.getByLabel('count').fill('0');
    await expect(page.getByTestId('produce-count-problem')).toHaveText('Send at least 1 message.');
    await expect(page.getByTestId('produce-send')).toBeDisabled();
    await panel.getByLabel('count').fill('2');
    await panel.getByLabel('value', { exact: true }).fill('{"seq": ');
    await expect(page.getByTestId('produce-json-problem')).toContainText('Not valid JSON yet');
    await panel.getByLabel('value', { exact: true }).fill('{"seq": {n}}');
    await expect(page.getByTestId('produce-json-problem')).toHaveCount(0);
    await page.getByTestId('produce-send').click();
    await expect(page.getByTestId('produce-result')).toHaveAttribute('data-count', '2', { timeout: 60_000 });
    await expect(page.getByTestId('tail-panel')).toContainText('{"seq": 1}');
    // The replay buttons are one Tab stop: only one of them is in the tab order.
    await expect(page.locator('button[data-replay][tabindex="0"]')).toHaveCount(1);
    await expect(page.locator('button[data-replay][tabindex="-1"]')).toHaveCount(1);
  } finally {
    await withAdmin((a) => a.deleteTopics({ topics: [topic] })).catch(() => undefined);
  }
});

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
]) {
  test(`axe and width on /learn and /lab at ${viewport.width} px, both languages`, async ({ page }) => {
    await page.setViewportSize(viewport);
    for (const locale of ['en', 'ko'] as const) {
      for (const path of ['/learn', '/lab']) {
        await open(page, path, locale);
        await page.waitForTimeout(1_000);
        const result = await new AxeBuilder({ page }).analyze();
        const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        console.log(
          `[axe ${viewport.width} ${locale}] ${path}: ${bad.map((v) => `${v.id}:${v.nodes.length}`).join(' ') || 'none'}`,
        );
        expect
          .soft(
            bad.map((v) => v.id),
            `${path} ${locale}`,
          )
          .toEqual([]);
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        expect.soft(scrollWidth, `${path} ${locale} width`).toBeLessThanOrEqual(innerWidth);
      }
    }
  });
}
