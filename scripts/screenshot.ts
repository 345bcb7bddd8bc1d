import { chromium } from '@playwright/test';

// Look at what the dashboard shows: a full-page screenshot in Debian's Chromium, with page
// errors and failed requests printed.
// Usage: npx tsx scripts/screenshot.ts [url=http://127.0.0.1:3000/] [out=/tmp/shot.png] [waitMs=3000]

(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const url = process.argv[2] ?? 'http://127.0.0.1:3000/';
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  page.on('response', (r) => {
    if (r.status() >= 400) console.log('http', r.status(), r.url());
  });
  page.on('console', (m) => console.log('console:', m.type(), m.text()));
  await page.goto(url);
  await page.waitForTimeout(Number(process.argv[4] ?? 3000));
  await page.screenshot({ path: process.argv[3] ?? '/tmp/shot.png', fullPage: true });
  await browser.close();
})();
