'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { BrowseQueryInput } from '@/lib/contract/browse';
import { draftToQuery, EMPTY_DRAFT, queryToDraft, type BrowseDraft } from '@/lib/browse-draft';
import { paramsToQuery, queryToParams } from '@/lib/browse-url';

// The browse form's state and the URL kept together: the page opens with the query its link
// holds (and runs it once the socket is up), and each search writes its query back, so the address can be shared.

export function useBrowseQuery(search: string, start: (query: BrowseQueryInput) => void, live: boolean) {
  const [initial] = useState(() => paramsToQuery(new URLSearchParams(search)));
  const [draft, setDraft] = useState<BrowseDraft>(() =>
    initial.ok && initial.query ? queryToDraft(initial.query) : EMPTY_DRAFT,
  );
  const [ran, setRan] = useState<BrowseQueryInput | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  // A refusal is about the query that was sent: once the form changes, it no longer applies.
  const [stale, setStale] = useState(false);

  const set = useCallback((patch: Partial<BrowseDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setStale(true);
    setFormError(null);
  }, []);

  const runQuery = useCallback(
    (query: BrowseQueryInput) => {
      setRan(query);
      setStale(false);
      const params = queryToParams(query).toString();
      window.history.replaceState(window.history.state, '', `${window.location.pathname}?${params}`);
      start(query);
    },
    [start],
  );

  const run = useCallback(() => {
    const checked = draftToQuery(draft);
    setStale(false);
    if (!checked.ok) {
      setFormError(checked.error);
      return;
    }
    setFormError(null);
    runQuery(checked.query);
  }, [draft, runQuery]);

  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || !live) return;
    opened.current = true;
    if (initial.ok && initial.query) runQuery(initial.query);
  }, [initial, runQuery, live]);

  return {
    draft,
    set,
    run,
    ran,
    formError,
    stale,
    linkError: initial.ok ? null : initial.error,
  };
}
