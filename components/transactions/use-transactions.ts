'use client';

import { useCallback, useEffect, useState } from 'react';
import type { TransactionsResponse } from '@/lib/contract/transactions';

// Transactions are read on demand from GET /api/transactions (ListTransactions,
// DescribeTransactions and DescribeProducers across the cluster): every few seconds while the
// page is open, and nothing when it is not.

const REFRESH_MS = 5_000;

export function useTransactions(longOpenMs: number) {
  const [data, setData] = useState<TransactionsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    let cancelled = false;
    fetch(`/api/transactions?olderThanMs=${longOpenMs}`, { cache: 'no-store' })
      .then(async (res) => {
        const body = (await res.json()) as TransactionsResponse | { error: string };
        if (cancelled) return;
        if ('error' in body) setError(body.error);
        else {
          setData(body);
          setError(null);
        }
      })
      .catch((e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)));
    const timer = setTimeout(refresh, REFRESH_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [longOpenMs, tick, refresh]);

  return { data, error, refresh };
}
