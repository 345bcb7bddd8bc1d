import { expect, type Locator, type Page } from '@playwright/test';

/** The Lab's produce panel and live tail. */
export class ProducePanel {
  constructor(private readonly page: Page) {}

  async open(topic: string): Promise<void> {
    await this.page.goto(`/lab?topic=${encodeURIComponent(topic)}`);
    await expect(this.page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
    await expect(this.page.getByTestId('lab-topic')).toHaveValue(topic);
  }

  panel(): Locator {
    return this.page.getByTestId('produce-panel');
  }

  async fill(opts: { key: string | null; value: string; format?: 'json' | 'text'; count?: number }): Promise<void> {
    const panel = this.panel();
    await panel.getByLabel('use a key').setChecked(opts.key !== null);
    if (opts.key !== null) await panel.getByLabel('key', { exact: true }).fill(opts.key);
    await panel.getByLabel('value', { exact: true }).fill(opts.value);
    await panel.getByLabel('format').selectOption(opts.format ?? 'text');
    await panel.getByLabel('count').fill(String(opts.count ?? 1));
  }

  predicted(): Locator {
    return this.page.getByTestId('predicted-partition');
  }

  async send(): Promise<void> {
    await this.page.getByTestId('produce-send').click();
  }

  result(): Locator {
    return this.page.getByTestId('produce-result');
  }

  offset(): Locator {
    return this.page.getByTestId('produced-offset');
  }

  error(): Locator {
    return this.page.getByTestId('produce-error');
  }

  tailRow(partition: number, offset: number): Locator {
    return this.page.getByTestId(`tail-row-${partition}-${offset}`);
  }
}
