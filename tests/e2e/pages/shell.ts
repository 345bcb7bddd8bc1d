import { expect, type Locator, type Page } from '@playwright/test';
import type { ClusterResponse } from '@/lib/contract/api';

/** What every screen shares: the connection indicator, the header links, the throughput chart
 *  and topic rows, read the way the reconnect tests need them. */
export class Shell {
  constructor(private readonly page: Page) {}

  indicator(): Locator {
    return this.page.getByTestId('connection-indicator');
  }

  async expectState(state: 'connected' | 'reconnecting', timeout = 60_000): Promise<void> {
    await expect(this.indicator()).toHaveAttribute('data-state', state, { timeout });
  }

  /** Client-side navigation: the socket and the store stay. */
  async go(link: 'Overview' | 'Topics' | 'Groups' | 'Lab'): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
  }

  /** The Lab by its header link, then the topic chosen in its picker (the link carries none). */
  async openLab(topic: string): Promise<void> {
    await this.go('Lab');
    await this.page.getByTestId('lab-topic').selectOption(topic);
  }

  async chart(): Promise<{ points: number; firstAt: number; lastAt: number }> {
    const chart = this.page.getByTestId('throughput-chart');
    const at = async (name: string) => Number((await chart.getAttribute(name)) || 0);
    return { points: await at('data-points'), firstAt: await at('data-first-at'), lastAt: await at('data-last-at') };
  }

  topicRows(): Locator {
    return this.page.locator('[data-testid^="topic-row-"]');
  }

  /** The topic table holds each user topic the server knows once: same names, no doubles. */
  async expectRowsMatch(serverUrl: string): Promise<void> {
    await expect
      .poll(
        async () => {
          const cluster = (await (await fetch(`${serverUrl}/api/cluster`)).json()) as ClusterResponse;
          const api = cluster.topics
            .filter((t) => !t.internal)
            .map((t) => t.name)
            .sort();
          const rows = (
            await this.topicRows().evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''))
          )
            .map((id) => id.slice('topic-row-'.length))
            .sort();
          return JSON.stringify(rows) === JSON.stringify(api)
            ? 'match'
            : `rows ${rows.length} ${JSON.stringify(rows)} vs api ${api.length} ${JSON.stringify(api)}`;
        },
        { timeout: 30_000 },
      )
      .toBe('match');
  }

  /** The `tick` numbers in the live tail's rows, as shown. */
  async tailTicks(): Promise<number[]> {
    const texts = await this.page.locator('[data-testid^="tail-row-"]').allTextContents();
    return texts
      .map((t) => /"tick":(\d+)/.exec(t)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number);
  }

  async tailRowIds(): Promise<string[]> {
    return this.page
      .locator('[data-testid^="tail-row-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  }
}
