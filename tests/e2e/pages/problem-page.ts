import type { Locator, Page } from '@playwright/test';

// The card a page shows instead of its content: not found, or a render error.

export class ProblemPage {
  constructor(private readonly page: Page) {}

  notFound(): Locator {
    return this.page.getByTestId('not-found');
  }

  link(name: string): Locator {
    return this.notFound().getByRole('navigation', { name: 'Where to go' }).getByRole('link', { name, exact: true });
  }
}
