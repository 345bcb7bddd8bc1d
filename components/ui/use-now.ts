'use client';

import { useLayoutEffect, useState } from 'react';

/** The current time, ticking every `everyMs` while `active`. It is read afresh the moment it
 *  becomes active (before paint), so a countdown's first value is not computed with the time
 *  the component happened to mount at. */
export function useNow(active = true, everyMs = 500): number {
  const [now, setNow] = useState(() => Date.now());
  useLayoutEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs]);
  return now;
}
