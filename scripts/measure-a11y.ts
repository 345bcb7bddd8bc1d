// Measures, per screen, the widest page at 390 px and axe's serious/critical findings, against
// a dashboard already running at BASE_URL. Used to compare a branch with the one it came from.
import { chromium } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3214';
const paths = (process.env.PATHS ?? '/,/topics,/groups,/lab').split(',');

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  for (const width of [390, 1440]) {
    const context = await browser.newContext({ viewport: { width, height: width === 390 ? 844 : 900 } });
    const page = await context.newPage();
    for (const path of paths) {
      await page.goto(base + path);
      await page.waitForTimeout(2500);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      let axe = '';
      if (width === 1440) {
        const r = await new AxeBuilder({ page }).analyze();
        const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        axe = bad.map((v) => `${v.id}:${v.nodes.length}`).join(' ');
      }
      console.log(`${width} ${path} scrollWidth=${scroll} ${axe}`);
    }
    await context.close();
  }
  await browser.close();
}

void main();
