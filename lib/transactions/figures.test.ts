import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { OpenTransaction, TransactionRow, TransactionsResponse } from '@/lib/contract/transactions';
import { transactionFigures } from '@/lib/transactions/figures';

const row = (producerId: number, state: string, startedAt: number | null): TransactionRow => ({
  transactionalId: `tx-${producerId}`,
  state,
  producerId,
  producerEpoch: 0,
  timeoutMs: 60_000,
  startedAt,
  partitions: [],
  coordinator: 1,
});
const open = (
  producerId: number,
  partition: number,
  openMs: number,
  kind: OpenTransaction['kind'],
): OpenTransaction => ({
  topic: 't',
  partition,
  producerId,
  producerEpoch: 0,
  coordinatorEpoch: 0,
  startOffset: 0,
  lastTimestamp: 0,
  openMs,
  transactionalId: null,
  kind,
  lastStable: 0,
  high: 1,
  blockedGroups: [],
});
const read = (over: Partial<TransactionsResponse>): TransactionsResponse => ({
  transactions: [],
  open: [],
  longOpenMs: 60_000,
  hangingMs: 900_000,
  readAt: 0,
  errors: [],
  ...over,
});

describe('transaction figures for /metrics', () => {
  it('counts each open producer once, ages the oldest, lists hanging partitions', () => {
    const f = transactionFigures(
      read({
        transactions: [row(1, 'Ongoing', 100_000), row(2, 'CompleteCommit', null), row(3, 'PrepareCommit', null)],
        open: [open(1, 0, 4_000, 'open'), open(1, 1, 3_000, 'open'), open(9, 2, 1_000_000, 'hanging')],
      }),
      110_000,
    );
    assert.deepEqual(f, {
      open: 3,
      oldestOpenSeconds: 1_000,
      hanging: [{ topic: 't', partition: 2, producerId: 9 }],
    });
  });

  it('the coordinator’s start time wins over a later last write', () => {
    const f = transactionFigures(
      read({ transactions: [row(1, 'Ongoing', 0)], open: [open(1, 0, 2_000, 'open')] }),
      30_000,
    );
    assert.equal(f?.oldestOpenSeconds, 30);
  });

  it('none open reads 0; a partial read is not known', () => {
    assert.deepEqual(transactionFigures(read({}), 0), { open: 0, oldestOpenSeconds: 0, hanging: [] });
    assert.equal(transactionFigures(read({ errors: ['transactions of broker 2: timeout'] }), 0), null);
  });
});
