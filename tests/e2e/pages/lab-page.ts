import { expect, type Locator, type Page } from '@playwright/test';

export interface StartOptions {
  groupId: string;
  topic: string;
  consumers?: number;
  delayMs?: number;
  sessionTimeoutMs?: number;
  /** The option's value: classic (default), consumer or share. */
  protocol?: 'classic' | 'consumer' | 'share';
  /** How long the instance may take to run: a JVM starting on a loaded machine needs more. */
  runningTimeoutMs?: number;
}

export class LabPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/lab');
    await expect(this.page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
    await expect(this.page.getByRole('heading', { name: 'Lab', exact: true })).toBeVisible();
  }

  /** Instance cards (not their inner test ids, which share the prefix). */
  cards(): Locator {
    return this.page.locator('article[data-testid^="lab-instance-"]');
  }

  card(name: string): Locator {
    return this.page.getByTestId(`lab-instance-${name}`);
  }

  status(name: string): Locator {
    return this.page.getByTestId(`lab-instance-status-${name}`);
  }

  /** Starts an instance from the form and answers its name, once it runs. */
  async start(opts: StartOptions): Promise<string> {
    const form = this.page.getByRole('form', { name: 'Start an app instance' });
    const protocol = opts.protocol ?? 'classic';
    await form.getByLabel('Protocol').selectOption(protocol);
    await form.getByLabel('Group id').fill(opts.groupId);
    const topics = form.getByRole('group', { name: 'Topics' });
    await expect(topics.getByRole('checkbox', { name: opts.topic, exact: true })).toHaveCount(1);
    for (const box of await topics.getByRole('checkbox', { checked: true }).all()) await box.uncheck();
    await topics.getByRole('checkbox', { name: opts.topic, exact: true }).check();
    await form.getByLabel('Consumers').fill(String(opts.consumers ?? 1));
    await form.getByLabel('Delay per message (ms)').fill(String(opts.delayMs ?? 0));
    // KIP-848 and share members take the broker's session timeout: the field is off for them.
    if (protocol === 'classic')
      await form.getByLabel('Session timeout (ms)').fill(String(opts.sessionTimeoutMs ?? 10_000));
    const before = await this.cards().count();
    await form.getByRole('button', { name: 'Start instance' }).click();
    await expect(this.cards()).toHaveCount(before + 1);
    const card = this.cards().last();
    await expect(card).toHaveAttribute('data-status', 'running', { timeout: opts.runningTimeoutMs });
    const testId = (await card.getAttribute('data-testid')) ?? '';
    return testId.replace('lab-instance-', '');
  }

  async kill(name: string): Promise<void> {
    await this.card(name).getByRole('button', { name: 'Kill' }).click();
    await expect(this.status(name)).toHaveText('killed');
  }

  endedNote(name: string): Locator {
    return this.page.getByTestId(`lab-ended-note-${name}`);
  }

  async openGroup(name: string, groupId: string): Promise<void> {
    await this.card(name).getByRole('link', { name: groupId }).click();
    await expect(this.page.getByTestId('group-id')).toHaveText(groupId);
  }
}
