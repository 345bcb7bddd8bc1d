import { useMemo } from 'react';
import { useFormatter } from 'use-intl';

/** A span as people read an age, in the UI's language: "0.4 s", "1 min 15 s", "2 h" (English),
 *  "0.4초", "1분 15초", "2시간" (Korean). The rounding follows lib/lag/verdict-text's duration(). */
export function useDuration(): (ms: number) => string {
  const f = useFormatter();
  return useMemo(() => {
    const u = (value: number, unit: 'second' | 'minute' | 'hour') =>
      f.number(value, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 });
    return (ms: number) => {
      const s = Math.max(0, Math.round(ms / 1000));
      // A commit interval of 400 ms is not "0 s".
      if (s === 0 && ms >= 50) return u(ms / 1000, 'second');
      if (s < 60) return u(s, 'second');
      const m = Math.floor(s / 60);
      if (m < 60) return s % 60 === 0 ? u(m, 'minute') : `${u(m, 'minute')} ${u(s % 60, 'second')}`;
      const h = Math.floor(m / 60);
      return m % 60 === 0 ? u(h, 'hour') : `${u(h, 'hour')} ${u(m % 60, 'minute')}`;
    };
  }, [f]);
}
