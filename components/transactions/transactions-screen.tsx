'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { Card } from '@/components/ui/card';
import { Select } from '@/components/ui/field';
import { OpenTransactions } from './open-transactions';
import { TransactionalIds } from './transactional-ids';
import { useTransactions } from './use-transactions';

// Transactions and producers: transactions open on partitions first (what holds read_committed
// consumers at the last stable offset), long-open and hanging ones marked as
// `kafka-transactions.sh find-hanging` would, then every transactional id with its state.

const THRESHOLDS = [10_000, 60_000, 300_000, 900_000];

export function TransactionsScreen() {
  const t = useTranslations('transactions');
  const [longOpenMs, setLongOpenMs] = useState(60_000);
  const { data, error, refresh } = useTransactions(longOpenMs);
  const flagged = data?.open.filter((o) => o.kind !== 'open').length ?? 0;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-semibold text-zinc-100">{t('title')}</h1>
        <label className="flex items-center gap-2 text-xs text-zinc-400">
          {t('longOpenAfter')}
          <Select
            value={longOpenMs}
            onChange={(e) => setLongOpenMs(Number(e.target.value))}
            aria-label={t('longOpenAfter')}
            data-testid="long-open-threshold"
          >
            {THRESHOLDS.map((ms) => (
              <option key={ms} value={ms}>
                {t('seconds', { seconds: ms / 1000 })}
              </option>
            ))}
          </Select>
        </label>
        <span className="text-xs text-zinc-500" data-testid="transactions-flagged">
          {data ? t('flagged', { count: flagged }) : t('reading')}
        </span>
      </div>
      {error && (
        <p className="text-sm text-rose-300" data-testid="transactions-error">
          {error}
        </p>
      )}
      {data && data.errors.length > 0 && (
        <p className="text-xs text-amber-300">{t('notRead', { errors: data.errors.join('; ') })}</p>
      )}
      <Card title={t('openCard')} testId="open-transactions-card">
        {data ? <OpenTransactions open={data.open} onAborted={refresh} /> : null}
      </Card>
      <Card title={t('idsCard')} testId="transactional-ids-card">
        {data ? <TransactionalIds rows={data.transactions} readAt={data.readAt} /> : null}
      </Card>
    </div>
  );
}
