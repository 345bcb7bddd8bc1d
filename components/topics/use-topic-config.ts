'use client';

import { useEffect, useState } from 'react';
import type { ApiError, TopicConfigResponse } from '@/lib/contract/api';

// A topic's overrides, read over GET /api/topics/:name/config when the settings form opens:
// a read, so it never goes through an action (no audit, no rate limit, fine in read-only).

export interface TopicConfigRead {
  overrides: Record<string, string> | null;
  error: string | null;
}

export function useTopicConfig(topic: string): TopicConfigRead {
  const [read, setRead] = useState<TopicConfigRead>({ overrides: null, error: null });
  useEffect(() => {
    const abort = new AbortController();
    setRead({ overrides: null, error: null });
    fetch(`/api/topics/${encodeURIComponent(topic)}/config`, { cache: 'no-store', signal: abort.signal })
      .then(async (res) => {
        const body = (await res.json()) as TopicConfigResponse | ApiError;
        setRead('error' in body ? { overrides: null, error: body.error } : { overrides: body.overrides, error: null });
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted)
          setRead({
            overrides: null,
            error: `could not read the settings: ${e instanceof Error ? e.message : String(e)}`,
          });
      });
    return () => abort.abort();
  }, [topic]);
  return read;
}
