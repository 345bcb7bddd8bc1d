// A kafkajs client (admin or producer) made and connected on first use, since a dashboard
// that is only watched never needs it. A failed connect is forgotten, so the next call tries
// again instead of answering the old failure forever.

export interface LazyClient<T> {
  get(): Promise<T>;
  /** Disconnects it if it was ever connected. */
  close(): Promise<void>;
}

export function lazyClient<T extends { connect(): Promise<void>; disconnect(): Promise<void> }>(
  make: () => T,
): LazyClient<T> {
  let pending: Promise<T> | null = null;
  return {
    get() {
      if (!pending) {
        const client = make();
        pending = client.connect().then(
          () => client,
          (e: unknown) => {
            pending = null;
            throw e;
          },
        );
      }
      return pending;
    },
    async close() {
      const p = pending;
      pending = null;
      if (p) await p.then((client) => client.disconnect()).catch(() => undefined);
    },
  };
}
