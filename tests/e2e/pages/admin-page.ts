import { expect, type Locator, type Page } from '@playwright/test';

// Admin controls: the "New topic" form, broker fault buttons and the offsets reset card.

export class AdminPage {
  constructor(private readonly page: Page) {}

  async createTopic(
    name: string,
    opts: { partitions?: number; replication?: number; cleanup?: string; segmentMs?: number } = {},
  ): Promise<void> {
    await this.page.getByTestId('new-topic').click();
    const form = this.page.getByRole('form', { name: 'New topic' });
    await form.getByLabel('Name').fill(name);
    if (opts.partitions !== undefined) await form.getByLabel('Partitions').fill(String(opts.partitions));
    if (opts.replication !== undefined) await form.getByLabel('Replication factor').fill(String(opts.replication));
    if (opts.cleanup) await form.getByLabel('Cleanup policy').selectOption(opts.cleanup);
    if (opts.segmentMs !== undefined) await form.getByLabel('Segment ms').fill(String(opts.segmentMs));
    await form.getByRole('button', { name: 'Create topic' }).click();
  }

  createError(): Locator {
    return this.page.getByTestId('create-topic-error');
  }

  createdLink(name: string): Locator {
    return this.page.getByTestId('create-topic-done').getByRole('link', { name });
  }

  brokerButton(action: 'stop' | 'kill' | 'start', id: number): Locator {
    return this.page.getByTestId(`broker-${action}-${id}`);
  }

  async stopBroker(id: number): Promise<void> {
    await this.brokerButton('stop', id).click();
    // A stop asks first, as a kill does.
    await this.page.getByTestId(`broker-stop-confirm-${id}`).click();
    await expect(this.page.getByTestId(`broker-pending-${id}`)).toBeVisible();
  }

  offsetsReset(): Locator {
    return this.page.getByTestId('offsets-reset');
  }

  leaderCells(broker?: number): Locator {
    const suffix = broker === undefined ? '' : `[data-testid$="-${broker}"]`;
    return this.page.locator(`[data-testid^="leadership-cell-"]${suffix}[data-role="leader"]`);
  }
}
