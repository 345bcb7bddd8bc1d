import { expect, type Locator, type Page } from '@playwright/test';

export class OverviewPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
  }

  brokerCards(): Locator {
    return this.page.locator('[data-testid^="broker-card-"]');
  }

  brokerCard(id: number): Locator {
    return this.page.getByTestId(`broker-card-${id}`);
  }

  controllerBadge(): Locator {
    return this.page.getByTestId('controller-badge');
  }
}
