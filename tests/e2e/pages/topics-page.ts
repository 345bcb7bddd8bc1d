import { expect, type Locator, type Page } from '@playwright/test';

export class TopicsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/topics');
    await expect(this.page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
    await expect(this.page.getByRole('heading', { name: 'Topics', exact: true })).toBeVisible();
  }

  /** Filters the list to names containing `text`: the table draws only the rows in view, so
   *  a topic far down a long list is found by name, as a person would. */
  async filterTo(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Filter topics by name' }).fill(text);
  }

  row(topic: string): Locator {
    return this.page.getByTestId(`topic-row-${topic}`);
  }

  async openTopic(topic: string): Promise<void> {
    await this.filterTo(topic);
    await this.row(topic).getByRole('link', { name: topic }).click();
    await expect(this.page.getByTestId('topic-name')).toHaveText(topic);
  }

  cell(partition: number, broker: number): Locator {
    return this.page.getByTestId(`leadership-cell-${partition}-${broker}`);
  }
}
