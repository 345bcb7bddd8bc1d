import type { BrowseMessage, DecodedData } from '@/lib/contract/browse';

// A shown key or value as bytes and back, for the page's per-message decoding override: the
// server sends text as text and binary as base64, and the page may show either as the other.

export type ViewMode = 'auto' | 'text' | 'json' | 'hex' | 'base64';

export function dataBytes(d: DecodedData): Uint8Array {
  if (d.encoding !== 'binary') return new TextEncoder().encode(d.data);
  const raw = atob(d.data);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

export function toBase64(bytes: Uint8Array): string {
  let raw = '';
  for (let i = 0; i < bytes.length; i += 0x8000) raw += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(raw);
}

/** Text of any bytes: invalid UTF-8 shows as U+FFFD. */
export function dataText(d: DecodedData): string {
  return d.encoding === 'binary' ? new TextDecoder().decode(dataBytes(d)) : d.data;
}

/** What "auto" shows: the server's guess. */
export function autoMode(d: DecodedData): Exclude<ViewMode, 'auto'> {
  return d.encoding === 'binary' ? 'hex' : d.encoding;
}

export const HEX_ROW_BYTES = 16;

/** One line of a hex dump: offset, 16 bytes in hex, and the printable ASCII of them. */
export function hexLine(bytes: Uint8Array, at: number): string {
  const row = bytes.subarray(at, at + HEX_ROW_BYTES);
  const hex = Array.from(row, (b) => b.toString(16).padStart(2, '0'));
  const left = hex.slice(0, 8).join(' ');
  const right = hex.slice(8).join(' ');
  const ascii = Array.from(row, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
  return `${at.toString(16).padStart(8, '0')}  ${left.padEnd(23)}  ${right.padEnd(23)}  |${ascii}|`;
}

/** A found message as one JSON line: the message as the server sent it. */
export function messageLine(m: BrowseMessage): string {
  return JSON.stringify(m);
}

/** A key or value as a produce form can take it back, or null when it cannot (binary bytes,
 *  or only the first bytes of it are here). */
export function replayText(d: DecodedData | null): string | null {
  if (d === null) return null;
  if (d.encoding === 'binary' || d.truncated) return null;
  return d.data;
}
