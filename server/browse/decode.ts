import { isUtf8 } from 'node:buffer';
import type { BrowseMessage, ControlMarker, DecodedData } from '@/lib/contract/browse';
import type { ScanRecord } from './record';

// A found record as the page shows it. Each key, value and header value is shown as JSON when
// it is valid UTF-8 that parses as an object or array, as text when it is other valid UTF-8,
// and as binary (base64, the page draws hex) otherwise. Only the first `cap` bytes are sent,
// with the real size, so a 50 MB value costs the page nothing until it asks for it.

export function decodeData(bytes: Buffer, cap: number): DecodedData {
  const size = bytes.length;
  if (!isUtf8(bytes)) {
    const shown = size > cap ? bytes.subarray(0, cap) : bytes;
    return { encoding: 'binary', data: shown.toString('base64'), size, truncated: size > cap };
  }
  const encoding = looksLikeJson(bytes) ? 'json' : 'text';
  if (size <= cap) return { encoding, data: bytes.toString('utf8'), size, truncated: false };
  return { encoding, data: bytes.subarray(0, utf8Boundary(bytes, cap)).toString('utf8'), size, truncated: true };
}

/** The largest cut at or below `cap` that does not split a character (UTF-8 continuation bytes
 *  are 10xxxxxx), so the truncated text never ends in U+FFFD. */
function utf8Boundary(bytes: Buffer, cap: number): number {
  let cut = cap;
  while (cut > 0 && (bytes[cut] & 0xc0) === 0x80) cut--;
  return cut;
}

/** Past this a value is called JSON by its brackets alone: parsing 50 MB per match to choose a
 *  colour is not worth it, and the page parses what it loads anyway. */
const JSON_PARSE_MAX = 1024 * 1024;

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

function looksLikeJson(bytes: Buffer): boolean {
  let i = 0;
  while (i < bytes.length && isSpace(bytes[i])) i++;
  // Only objects and arrays: "42" or "true" read better as text, and the check stays cheap.
  const open = bytes[i];
  if (open !== 0x7b && open !== 0x5b) return false;
  if (bytes.length > JSON_PARSE_MAX) {
    let j = bytes.length - 1;
    while (j > i && isSpace(bytes[j])) j--;
    return bytes[j] === (open === 0x7b ? 0x7d : 0x5d);
  }
  try {
    JSON.parse(bytes.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

/** A control record's key is int16 version, int16 type: 0 abort, 1 commit. */
export function controlMarker(key: Buffer | null): ControlMarker {
  if (key === null || key.length < 4) return { type: 'unknown' };
  const type = key.readInt16BE(2);
  return { type: type === 0 ? 'abort' : type === 1 ? 'commit' : 'unknown' };
}

/** Bytes of key, value and headers as stored: what the message costs, whatever is shown. */
export function recordSize(r: ScanRecord): number {
  let size = (r.key?.length ?? 0) + (r.value?.length ?? 0);
  for (const [k, v] of r.headers) size += Buffer.byteLength(k, 'utf8') + (v?.length ?? 0);
  return size;
}

/** Display bytes a decoded message holds (what the scan's result budget is charged). */
export function displayBytes(m: BrowseMessage): number {
  let bytes = (m.key?.data.length ?? 0) + (m.value?.data.length ?? 0);
  for (const h of m.headers) bytes += h.key.length + (h.value?.data.length ?? 0);
  return bytes;
}

export function toBrowseMessage(partition: number, r: ScanRecord, cap: number): BrowseMessage {
  return {
    partition,
    offset: r.offset,
    timestamp: r.timestamp,
    timestampType: r.timestampType,
    key: r.key === null ? null : decodeData(r.key, cap),
    value: r.value === null ? null : decodeData(r.value, cap),
    headers: r.headers.map(([key, v]) => ({ key, value: v === null ? null : decodeData(v, cap) })),
    size: recordSize(r),
    control: r.control ? controlMarker(r.key) : null,
  };
}
