import { expect, type Locator, type Page } from '@playwright/test';

export class TopicsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/topics');
    await expect(this.page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
    await expect(this.page.getByRole('heading', { name: 'Topics', exact: true })).toBeVisible();
  }

  row(topic: string): Locator {
    return this.page.getByTestId(`topic-row-${topic}`);
  }

  async openTopic(topic: string): Promise<void> {
    await this.row(topic).getByRole('link', { name: topic }).click();
    await expect(this.page.getByTestId('topic-name')).toHaveText(topic);
  }

  cell(partition: number, broker: number): Locator {
    return this.page.getByTestId(`leadership-cell-${partition}-${broker}`);
  }
}
