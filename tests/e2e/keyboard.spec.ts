import { expect, test, type Locator, type Page } from '@playwright/test';
import { createTopic, deleteTopic, randomName } from '@/tests/support/kafka';
import { produce, startMember } from '@/tests/support/consumers';

// The main flows with the keyboard alone: Tab moves the focus, Enter follows a link or presses a
// button, the arrow keys pick an option, typing fills a field. No click anywhere, so a control a
// mouse user reaches but a keyboard user cannot fails here.

interface Focused {
  tag: string;
  href: string | null;
  testId: string | null;
  label: string | null;
}

const focused = (page: Page): Promise<Focused> =>
  page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName ?? '',
      href: el?.getAttribute('href') ?? null,
      testId: el?.getAttribute('data-testid') ?? null,
      label: el?.getAttribute('aria-label') ?? null,
    };
  });

/** Presses Tab until the focused element matches; fails with what it passed if it never does. */
async function tabTo(page: Page, what: string, match: (f: Focused) => boolean, max = 120): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (match(f)) return;
    seen.push(f.testId ?? f.href ?? f.label ?? f.tag);
  }
  throw new Error(`Tab never reached ${what}; it passed ${seen.slice(-15).join(', ')}`);
}

/** Arrow keys on a focused select until it holds `value`. */
async function pickWithKeys(page: Page, select: Locator, value: string): Promise<void> {
  for (let i = 0; i < 20 && (await select.inputValue()) !== value; i++) await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue(value);
}

test('keyboard only: overview → topic page, then a group’s offsets reset with its confirmation', async ({ page }) => {
  test.setTimeout(150_000);
  const topic = randomName('kbd.orders');
  const group = randomName('kbd-group');
  await createTopic(topic, 1, 3);
  try {
    await produce(
      topic,
      Array.from({ length: 5 }, (_, i) => ({ value: `m${i}` })),
    );
    // A group that read all five and left: Empty, with committed offsets to reset.
    const member = await startMember(group, [topic], { fromBeginning: true });
    await page.goto('/');
    await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');

    await tabTo(page, 'the Topics link', (f) => f.href === '/topics');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/topics$/);
    await tabTo(page, 'the topic filter', (f) => f.tag === 'INPUT');
    await page.keyboard.type(topic);
    await tabTo(page, `the link to ${topic}`, (f) => f.href === `/topics/${encodeURIComponent(topic)}`);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(topic);

    await expect
      .poll(async () => (await (await page.request.get(`/api/groups/${group}`)).json()).offsets?.[0]?.committed, {
        timeout: 60_000,
      })
      .toBe(5);
    await member.stop();
    await tabTo(page, 'the Groups link', (f) => f.href === '/groups');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/groups$/);
    await tabTo(page, 'the group filter', (f) => f.tag === 'INPUT');
    await page.keyboard.type(group);
    await tabTo(page, `the link to ${group}`, (f) => f.href === `/groups/${encodeURIComponent(group)}`);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('group-id')).toHaveText(group);
    await expect(page.getByTestId('group-state')).toContainText('Empty', { timeout: 30_000 });

    await tabTo(page, 'the reset target', (f) => f.testId === 'reset-target');
    await pickWithKeys(page, page.getByTestId('reset-target'), 'earliest');
    await tabTo(page, 'the reset button', (f) => f.testId === 'reset-submit');
    await page.keyboard.press('Enter');
    // Moving offsets asks once more; the confirmation is reachable by Tab too.
    await tabTo(page, 'the reset confirmation', (f) => f.testId === 'reset-confirm', 10);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('reset-done')).toHaveText('set 0→0');
  } finally {
    await deleteTopic(topic);
  }
});
