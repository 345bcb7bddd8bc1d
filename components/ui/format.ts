import { useMemo } from 'react';
import { useFormatter, useTranslations } from 'use-intl';

// Number, size, time and duration formatting shared by every screen. Screens use useFormat(),
// which formats in the UI's language through use-intl; the plain functions below are the
// English fallbacks for code outside React.

export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return n.toLocaleString('en-US');
}

const MS_UNITS = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1000, 'second'],
] as const;

export function formatMs(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 0) return 'forever';
  const short: Record<string, string> = { day: 'd', hour: 'h', minute: 'min', second: 's' };
  for (const [size, unit] of MS_UNITS) if (ms >= size && ms % size === 0) return `${ms / size} ${short[unit]}`;
  return `${ms} ms`;
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

function scaleBytes(bytes: number): [number, string] {
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < BYTE_UNITS.length - 1) {
    value /= 1024;
    i++;
  }
  return [Number.isInteger(value) ? value : Math.round(value * 10) / 10, BYTE_UNITS[i]];
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes < 0) return 'unlimited';
  const [value, unit] = scaleBytes(bytes);
  return `${value} ${unit}`;
}

export interface Format {
  count(n: number | null | undefined): string;
  ms(ms: number | null): string;
  bytes(bytes: number | null): string;
  /** A wall-clock time of day, 24 h, in the browser's time zone. */
  time(at: number | null): string;
  /** A measured span: "850 ms", "1.2 s". */
  span(ms: number): string;
}

export function useFormat(): Format {
  const f = useFormatter();
  const t = useTranslations('common');
  return useMemo(() => {
    const unit = (value: number, u: string) =>
      f.number(value, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: 1 });
    return {
      count: (n) => (n === null || n === undefined ? '—' : f.number(n)),
      ms: (ms) => {
        if (ms === null) return '—';
        if (ms < 0) return t('forever');
        for (const [size, u] of MS_UNITS) if (ms >= size && ms % size === 0) return unit(ms / size, u);
        return unit(ms, 'millisecond');
      },
      bytes: (bytes) => {
        if (bytes === null) return '—';
        if (bytes < 0) return t('unlimited');
        const [value, u] = scaleBytes(bytes);
        return `${f.number(value)} ${u}`;
      },
      time: (at) =>
        at === null ? '—' : f.dateTime(at, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }),
      span: (ms) => (ms < 1000 ? unit(ms, 'millisecond') : unit(ms / 1000, 'second')),
    };
  }, [f, t]);
}
