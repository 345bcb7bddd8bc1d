import { expect, type Locator, type Page } from '@playwright/test';

export class GroupsPage {
  constructor(private readonly page: Page) {}

  async openList(): Promise<void> {
    await this.page.goto('/groups');
    await expect(this.page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
    await expect(this.page.getByRole('heading', { name: 'Consumer groups' })).toBeVisible();
  }

  /** Filters the list (by group or topic name): only the rows in view are drawn. */
  async filterTo(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Filter groups' }).fill(text);
  }

  row(groupId: string): Locator {
    return this.page.getByTestId(`group-row-${groupId}`);
  }

  async openGroup(groupId: string): Promise<void> {
    await this.filterTo(groupId);
    await this.row(groupId).getByRole('link', { name: groupId }).click();
    await expect(this.page.getByTestId('group-id')).toHaveText(groupId);
  }

  members(): Locator {
    // One per member card; test ids inside a card (member-protocol-…, member-reconciling) also start with "member-".
    return this.page.locator('[data-member-card]');
  }

  idleMembers(): Locator {
    return this.page.locator('[data-testid^="member-"][data-idle="true"]');
  }

  /** Assignment tiles of the member with this client id. */
  tilesOf(clientId: string): Locator {
    return this.members().filter({ hasText: clientId }).locator('[data-testid^="assignment-tile-"]');
  }

  generation(n: number): Locator {
    return this.page.getByTestId(`rebalance-gen-${n}`);
  }

  generations(): Locator {
    return this.page.locator('[data-testid^="rebalance-gen-"]');
  }

  /** The group's health verdict badge on the group page; `data-verdict` holds the state. */
  verdict(): Locator {
    return this.page.getByTestId('group-verdict').locator('[data-verdict]');
  }

  verdictText(): Locator {
    return this.page.getByTestId('group-verdict-text');
  }

  listVerdict(groupId: string): Locator {
    return this.page.getByTestId(`group-verdict-${groupId}`).locator('[data-verdict]');
  }
}
