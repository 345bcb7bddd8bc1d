import { expect, type Locator, type Page } from '@playwright/test';

/** The Browse screen of one topic, found by label, role and kebab-case test ids. */
export class BrowsePage {
  constructor(readonly page: Page) {}

  async open(topic: string, search = ''): Promise<void> {
    await this.page.goto(`/topics/${encodeURIComponent(topic)}/messages${search ? `?${search}` : ''}`);
    await expect(this.page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
  }

  /** By the start of its label: a hint below the control is part of the label's text. */
  field(label: string): Locator {
    return this.page.getByTestId('browse-form').getByLabel(new RegExp(`^${label}`));
  }

  async search(): Promise<void> {
    await this.page.getByTestId('browse-run').click();
  }

  row(partition: number, offset: number): Locator {
    return this.page.getByTestId(`browse-row-${partition}-${offset}`);
  }

  rows(): Locator {
    return this.page.getByTestId('browse-results').getByRole('option');
  }

  outcome(): Locator {
    return this.page.getByTestId('browse-outcome');
  }

  error(): Locator {
    return this.page.getByTestId('browse-error');
  }

  detail(): Locator {
    return this.page.getByTestId('browse-detail');
  }
}
