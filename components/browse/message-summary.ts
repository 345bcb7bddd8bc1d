import type { BrowseMessage, DecodedData } from '@/lib/contract/browse';
import { dataBytes } from '@/lib/browse-bytes';

// The one-line texts of a result row: enough to recognise a message without opening it.

const PREVIEW_CHARS = 160;

export function preview(d: DecodedData | null): string {
  if (d === null) return '';
  if (d.encoding === 'binary')
    return Array.from(dataBytes(d).subarray(0, 24), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return d.data.slice(0, PREVIEW_CHARS).replace(/\s+/g, ' ');
}

export const messageId = (m: Pick<BrowseMessage, 'partition' | 'offset'>): string => `${m.partition}:${m.offset}`;

export const formatTime = (ms: number): string => {
  const d = new Date(ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
};
