import { expect, test } from '@playwright/test';
import { randomName } from '@/tests/support/kafka';
import { AdminPage } from './pages/admin-page';
import { spyOnActions } from './pages/action-spy';
import { ProblemPage } from './pages/problem-page';
import { TopicsPage } from './pages/topics-page';

// What a person sees when a page cannot be shown, and that a form refuses bad input itself.
// app/error.tsx is not tested here: the production build has no honest way to make a page
// throw on purpose, so its card is unit-tested (components/shell/render-error.test.ts).

test('an unknown address shows the not-found card, with the path and ways out', async ({ page }) => {
  const problem = new ProblemPage(page);
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(problem.notFound()).toContainText('Page not found');
  await expect(problem.notFound()).toContainText('/no-such-page');
  // The shell stays: the page is not blank and the live connection still works.
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
  await expect(problem.link('Overview')).toHaveAttribute('href', '/');
  await expect(problem.link('Groups')).toHaveAttribute('href', '/groups');
  await problem.link('Topics').click();
  await expect(page).toHaveURL(/\/topics$/);
  await expect(page.getByRole('heading', { name: 'Topics', exact: true })).toBeVisible();
});

test('a form refuses invalid input next to itself, without sending anything', async ({ page }) => {
  const actions = spyOnActions(page);
  const topics = new TopicsPage(page);
  const admin = new AdminPage(page);
  await topics.open();

  await admin.createTopic('bad name!');
  const form = page.getByRole('form', { name: 'New topic' });
  // Refused next to the field, in plain words (no schema path).
  await expect(form.getByTestId('field-error')).toHaveText("Use only letters, digits, '.', '_' and '-' (at most 249).");
  await expect(form.getByTestId('create-topic-error')).toHaveCount(0);
  expect(actions.sent).toEqual([]);

  // The spy does see actions: a valid payload goes to the server, which refuses it there.
  await form.getByLabel('Name').fill(randomName('errors.never-created'));
  await form.getByLabel('Replication factor').fill('4');
  await form.getByRole('button', { name: 'Create topic' }).click();
  await expect(form.getByTestId('create-topic-error')).toHaveText(
    'replication factor 4 is more than the 3 live brokers',
  );
  expect(actions.sent).toHaveLength(1);
  expect(actions.sent[0]).toContain('"topic:create"');
});
