'use client';

import { useCallback, useState } from 'react';
import type { BrowseMessage } from '@/lib/contract/browse';
import { messagePath } from '@/lib/contract/browse-message';

/** "Load full value": asks the server for one message whole (the search sent its first bytes). */
export function useFullMessage(topic: string, m: BrowseMessage) {
  const [full, setFull] = useState<BrowseMessage | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const res = await fetch(messagePath(topic, m.partition, m.offset));
      const body = (await res.json()) as BrowseMessage | { error: string };
      if (!res.ok) setError('error' in body ? body.error : `the server answered ${res.status}`);
      else setFull(body as BrowseMessage);
    } catch (e) {
      setError(`loading failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setLoading(false);
    }
  }, [topic, m.partition, m.offset]);
  return { message: full ?? m, loaded: full !== null, loading, error, load };
}
