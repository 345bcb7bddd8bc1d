import type { Locator, Page } from '@playwright/test';

// The transactions page and the topic page's partition table, as a person sees them.

export class TransactionsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/transactions');
  }

  async showLongOpenAfter(seconds: number): Promise<void> {
    await this.page.getByTestId('long-open-threshold').selectOption(String(seconds * 1000));
  }

  openRow(topic: string, partition: number): Locator {
    return this.page.getByTestId(`open-transaction-${topic}-${partition}`);
  }

  async abort(topic: string, partition: number, typed: string): Promise<void> {
    const row = this.openRow(topic, partition);
    await row.getByLabel('Type the producer id to confirm').fill(typed);
    await row.getByRole('button', { name: 'Abort' }).click();
  }

  lastStableOnTopicPage(partition: number): Locator {
    return this.page.getByTestId(`partition-lso-${partition}`);
  }
}
