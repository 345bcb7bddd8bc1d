import { Gauge, type Registry } from 'prom-client';
import type { TransactionsResponse } from '@/lib/contract/transactions';
import { transactionFigures, type TransactionFigures } from '@/lib/transactions/figures';

// Transaction gauges on /metrics. Transactions are read on demand (ListTransactions,
// DescribeTransactions, DescribeProducers on every leader), not polled: a scrape reads them,
// and scrapes within REUSE_MS share one read, so a busy Prometheus costs at most one read per
// REUSE_MS. A read that fails, times out or is partial leaves the gauges absent (not known).

const REUSE_MS = 5_000;
const READ_TIMEOUT_MS = 8_000;

export function registerTransactionMetrics(registry: Registry, read: () => Promise<TransactionsResponse>): void {
  let last: { at: number; figures: Promise<TransactionFigures | null> } | null = null;
  const figures = (): Promise<TransactionFigures | null> => {
    const now = Date.now();
    if (last && now - last.at < REUSE_MS) return last.figures;
    const timeout = new Promise<null>((r) => setTimeout(() => r(null), READ_TIMEOUT_MS).unref());
    const p = Promise.race([read().then((r) => transactionFigures(r, r.readAt)), timeout]).catch(() => null);
    last = { at: now, figures: p };
    return p;
  };
  const registers = [registry];

  new Gauge({
    name: 'kafka_live_transactions_open',
    help: 'Producers with a transaction open now (on a partition leader or at its coordinator). Absent while not known.',
    registers,
    async collect() {
      this.reset();
      const f = await figures();
      if (f) this.set(f.open);
    },
  });
  new Gauge({
    name: 'kafka_live_transactions_oldest_open_seconds',
    help: "Age of the oldest open transaction (seconds): from its coordinator's start time, else its last write. 0 with none open; absent while not known.",
    registers,
    async collect() {
      this.reset();
      const f = await figures();
      if (f) this.set(f.oldestOpenSeconds);
    },
  });
  new Gauge({
    name: 'kafka_live_transactions_hanging',
    help: 'Partitions holding a hanging transaction (open past transaction.max.timeout.ms, unknown to its coordinator: no marker will come). Absent while not known.',
    registers,
    async collect() {
      this.reset();
      const f = await figures();
      if (f) this.set(f.hanging.length);
    },
  });
  new Gauge({
    name: 'kafka_live_transactions_hanging_partition',
    help: 'One series per partition holding a hanging transaction, value 1, labelled with its producer id.',
    labelNames: ['topic', 'partition', 'producer_id'],
    registers,
    async collect() {
      this.reset();
      const f = await figures();
      for (const h of f?.hanging ?? [])
        this.set({ topic: h.topic, partition: String(h.partition), producer_id: String(h.producerId) }, 1);
    },
  });
}
