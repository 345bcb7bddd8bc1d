import type { Locator, Page } from '@playwright/test';

export class LoginPage {
  constructor(private readonly page: Page) {}

  form(): Locator {
    return this.page.getByTestId('login-form');
  }

  error(): Locator {
    return this.page.getByTestId('login-error');
  }

  async signIn(token: string): Promise<void> {
    await this.page.getByLabel('Access token').fill(token);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }
}
