import { expect, test } from '@playwright/test';
import type { Producer } from 'kafkajs';
import { createTopic, deleteTopic, randomName, testKafka } from '@/tests/support/kafka';
import { produce, startMember, type TestMember } from '@/tests/support/consumers';
import { TransactionsPage } from './pages/transactions-page';

// A transaction held open, found on the transactions page with the read_committed group it holds
// back, and aborted there with the producer id typed; the topic page's last stable offset then
// reaches the high watermark.

let member: TestMember | null = null;
let producer: Producer | null = null;
test.afterEach(async () => {
  await member?.stop();
  await producer?.disconnect().catch(() => undefined);
});

test('a transaction held open is found with the group it blocks, and aborted from the page', async ({ page }) => {
  const topic = randomName('ledger');
  const group = randomName('ledger-reader');
  await createTopic(topic, 1, 3);
  try {
    await produce(topic, [{ value: 'before', partition: 0 }]);
    member = await startMember(group, [topic]);
    producer = testKafka('tx-e2e').producer({
      transactionalId: randomName('ledger-tx'),
      idempotent: true,
      maxInFlightRequests: 1,
      transactionTimeout: 300_000,
    });
    await producer.connect();
    const tx = await producer.transaction();
    await tx.send({ topic, messages: [{ value: 'pending', partition: 0 }] });
    await produce(topic, [{ value: 'after', partition: 0 }]);

    const txPage = new TransactionsPage(page);
    await txPage.open();
    await txPage.showLongOpenAfter(10);
    const row = txPage.openRow(topic, 0);
    await expect(row).toBeVisible();
    await expect(row.getByTestId('blocked-group')).toHaveText(group, { timeout: 40_000 });
    await expect(row.getByText('long-open')).toBeVisible({ timeout: 40_000 });

    const producerId = ((await row.locator('td').nth(2).textContent()) ?? '').split(' ')[0];
    await expect(row.getByRole('button', { name: 'Abort' })).toBeDisabled();
    await txPage.abort(topic, 0, producerId);
    await expect(row).toHaveCount(0);

    await page.goto(`/topics/${encodeURIComponent(topic)}`);
    await expect(page.getByTestId('partition-high-0')).toHaveText('4');
    await expect(txPage.lastStableOnTopicPage(0)).toHaveText('4');
  } finally {
    await deleteTopic(topic);
  }
});
