import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { createTopic, deleteTopic, randomName, withAdmin } from '@/tests/support/kafka';

// Every screen fits a phone and a desktop without sideways page scroll, and axe finds no serious
// or critical problem, in English and in Korean, in the dark theme and (at one size per language,
// to keep the run short) in the light one. The lab belongs to another branch: it is
// measured and printed here, not asserted. Counts are printed so a run doubles as the measurement.

const topic = randomName('i18n.orders');
const group = randomName('i18n-billing');

test.beforeAll(async () => {
  await createTopic(topic, 3, 3);
  // A topic created a moment ago may not be on every broker yet: retry until the commit lands.
  await expect
    .poll(
      () =>
        withAdmin((a) =>
          a.setOffsets({ groupId: group, topic, partitions: [0, 1, 2].map((p) => ({ partition: p, offset: '0' })) }),
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

const screens = () => [
  { name: 'overview', path: '/', owned: true },
  { name: 'topics', path: '/topics', owned: true },
  { name: 'groups', path: '/groups', owned: true },
  { name: 'topic', path: `/topics/${encodeURIComponent(topic)}`, owned: true },
  { name: 'browse', path: `/topics/${encodeURIComponent(topic)}/messages`, owned: true },
  { name: 'group', path: `/groups/${encodeURIComponent(group)}`, owned: true },
  { name: 'not-found', path: '/no-such-page', owned: true, static: true },
  { name: 'lab', path: '/lab', owned: false },
];

async function useLocale(page: Page, locale: 'en' | 'ko'): Promise<void> {
  await page.addInitScript((l) => window.localStorage.setItem('kafka-live-locale', l), locale);
}

async function openSettled(page: Page, path: string, isStatic = false): Promise<void> {
  await page.goto(path);
  if (!isStatic) await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
  // Live data arrives after the socket connects; give the first snapshot time to render.
  await page.waitForTimeout(1000);
}

async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.addInitScript((t) => window.localStorage.setItem('kafka-live-theme', t), theme);
}

const RUNS = [
  { locale: 'en', width: 390, theme: 'dark' },
  { locale: 'en', width: 1440, theme: 'dark' },
  { locale: 'ko', width: 390, theme: 'dark' },
  { locale: 'ko', width: 1440, theme: 'dark' },
  { locale: 'en', width: 1440, theme: 'light' },
  { locale: 'ko', width: 390, theme: 'light' },
] as const;

for (const { locale, width, theme } of RUNS) {
  const viewport = { width, height: width === 390 ? 844 : 900 };
  test(`${locale} ${theme} at ${width} px: no sideways scroll, one h1, no serious axe finding`, async ({ page }) => {
    // Eight screens with axe each: on a loaded 2-core box a screen took ~35 s, so allow six minutes.
    test.setTimeout(360_000);
    await useLocale(page, locale);
    await useTheme(page, theme);
    await page.setViewportSize(viewport);
    for (const s of screens()) {
      await openSettled(page, s.path, s.static);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      const { scrollWidth, innerWidth, h1s } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        h1s: document.querySelectorAll('h1').length,
      }));
      const result = await new AxeBuilder({ page }).analyze();
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      const nodes = bad.reduce((n, v) => n + v.nodes.length, 0);
      console.log(
        `[${locale} ${theme} ${width}] ${s.name}: scrollWidth ${scrollWidth}, h1 ${h1s}, axe ${nodes} (${bad.map((v) => `${v.id}:${v.nodes.length}`).join(' ')})`,
      );
      if (!s.owned) continue;
      expect.soft(scrollWidth, `${s.name} width`).toBeLessThanOrEqual(innerWidth);
      expect.soft(h1s, `${s.name} h1 count`).toBe(1);
      expect
        .soft(
          bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
          `${s.name} axe`,
        )
        .toEqual([]);
    }
  });
}

test('the language switch turns the overview Korean, and it stays Korean after reload', async ({ page }) => {
  await openSettled(page, '/');
  await expect(page.getByRole('heading', { name: 'Brokers' })).toBeVisible();
  await page.getByTestId('language-ko').click();
  await expect(page.getByRole('heading', { name: '브로커', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await page.reload();
  await expect(page.getByRole('heading', { name: '브로커', exact: true })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: '토픽' })).toBeVisible();
  await page.getByTestId('language-en').click();
  await expect(page.getByRole('heading', { name: 'Brokers' })).toBeVisible();
});

test('a phone gets the navigation from a menu', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openSettled(page, '/');
  await page.getByTestId('menu-toggle').click();
  await page.getByRole('navigation').getByRole('link', { name: 'Lab', exact: true }).click();
  await expect(page).toHaveURL(/\/lab$/);
});

// Records the theme <html> had when <body> first appeared: a theme set later (by React, after a
// dark first paint) would show up here as 'none' or the wrong theme.
async function recordThemeAtBody(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { themeAtBody?: string };
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      w.themeAtBody = document.documentElement.dataset.theme ?? 'none';
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
}

const themeAtBody = (page: Page) => page.evaluate(() => (window as unknown as { themeAtBody?: string }).themeAtBody);

test('the theme follows the system, switches light and dark, and a reload paints the choice first', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await recordThemeAtBody(page);
  await openSettled(page, '/');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  expect(await themeAtBody(page)).toBe('dark');
  await expect(page.getByTestId('theme-system')).toHaveAttribute('aria-pressed', 'true');
  const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await page.getByRole('group', { name: 'Theme' }).getByRole('button', { name: 'Light' }).click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(page.getByTestId('theme-light')).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(darkBackground);

  await page.goto('/');
  expect(await themeAtBody(page)).toBe('light');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(page.getByTestId('theme-light')).toHaveAttribute('aria-pressed', 'true');

  // Back to the system: it now follows a change of the system setting while the page is open.
  await page.getByTestId('theme-system').click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.reload();
  expect(await themeAtBody(page)).toBe('light');

  // Dark chosen on a light system stays dark after a reload.
  await page.getByTestId('theme-dark').click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  expect(await themeAtBody(page)).toBe('dark');
  await expect(page.getByTestId('theme-dark')).toHaveAttribute('aria-pressed', 'true');
});
