import type { Page } from '@playwright/test';
import { BASE, sleep } from './support';

// Browser timings for bench/scale.ts. Code that runs in the page is a string: tsx wraps
// named inner functions in a `__name` helper the page does not have (see bench/actions.ts).

/** Installed before any page script: the first time a selector matches (ms since navigation
 *  start, in the page's own clock) and every long task (Chromium's Long Tasks API, tasks of
 *  50 ms and more) with its start time. */
export const PAGE_PROBE = `(() => {
  window.__firstSeen = {};
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  const watch = ['[data-testid^="topic-row-"]', '[data-testid^="group-row-"]'];
  const check = () => {
    for (const s of watch) if (window.__firstSeen[s] === undefined && document.querySelector(s)) window.__firstSeen[s] = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true });
})()`;

/** Navigates and returns ms from navigation start until the selector first matched and until
 *  the count label (`countTestId`) reads at least `count`: every row listed (the table draws only
 *  the rows in view), with how many rows are in the DOM then. */
export async function firstRender(
  page: Page,
  path: string,
  selector: string,
  countTestId: string,
  count: number,
): Promise<{ first: number; all: number; drawn: number }> {
  await page.goto(`${BASE}${path}`);
  const all = await untilTrue(
    page,
    // The label is worded per locale ("2,000 topics"): its digits, group separators dropped.
    `Number(${textOf(countTestId)}.replace(/\\D/g, '')) >= ${count} && document.querySelector('${selector}') !== null`,
    120_000,
  );
  const first = (await page.evaluate(`window.__firstSeen['${selector}']`)) as number;
  const drawn = (await page.evaluate(`document.querySelectorAll('${selector}').length`)) as number;
  return { first, all, drawn };
}

/** Waits, checking every animation frame, until `condition` (a JS expression over the
 *  document) is true, and answers when that was in the page's clock (performance.now()).
 *  Evaluated as one expression from outside: Playwright's waitForFunction would compile a
 *  string predicate inside the page, which the dashboard's CSP (no 'unsafe-eval') refuses. */
export async function untilTrue(page: Page, condition: string, timeoutMs: number): Promise<number> {
  const at = (await page.evaluate(`new Promise((resolve) => {
    const end = performance.now() + ${timeoutMs};
    const tick = () => {
      let ok = false;
      try { ok = Boolean(${condition}); } catch (e) {}
      if (ok) resolve(performance.now());
      else if (performance.now() > end) resolve(-1);
      else requestAnimationFrame(tick);
    };
    tick();
  })`)) as number;
  if (at < 0) throw new Error(`the page did not show ${condition} within ${timeoutMs / 1000} s`);
  return at;
}

/** The longest task on the main thread during `seconds` on a page that is already open. */
export async function longestTask(page: Page, seconds: number): Promise<{ max: number; count: number }> {
  const from = (await page.evaluate('performance.now()')) as number;
  await sleep(seconds * 1000);
  const tasks = (await page.evaluate(`window.__longTasks.filter((t) => t.start >= ${from})`)) as { duration: number }[];
  return { max: Math.max(0, ...tasks.map((t) => t.duration)), count: tasks.length };
}

/** Starts watching for `predicate` (a JS expression over the document) to become true; the
 *  promise stored in the page resolves with the wall-clock time (Date.now(), the same clock
 *  the bench process reads) of the first DOM change that made it true, or -1 after 20 s. */
export async function armWatch(page: Page, predicate: string): Promise<void> {
  await page.evaluate(`(() => {
    window.__seen = new Promise((resolve) => {
      const check = () => { try { return Boolean(${predicate}); } catch (e) { return false; } };
      const observer = new MutationObserver(() => {
        if (check()) { observer.disconnect(); resolve(Date.now()); }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      setTimeout(() => { observer.disconnect(); resolve(-1); }, 20000);
    });
  })()`);
}

export async function seenAt(page: Page): Promise<number> {
  const at = (await page.evaluate('window.__seen')) as number;
  if (at < 0) throw new Error('the browser did not show the change within 20 s');
  return at;
}

export const textOf = (testId: string) =>
  `(document.querySelector('[data-testid="${testId}"]')?.textContent ?? '').trim()`;
