import type { StateCreator } from 'zustand';
import {
  BROWSE_LIMIT_DEFAULT,
  BROWSE_LIMIT_MAX,
  type BrowseMessage,
  type BrowseQueryInput,
  type ScanEndEvent,
  type ScanMatchesEvent,
  type ScanOutcome,
  type ScanProgressEvent,
  type ScanTotals,
} from '@/lib/contract/browse';

// Live scans this page runs (a `scan` watch, lib/contract/watch.ts), by scanId. Unlike shared
// watches, a scan is one component's run: it keeps what it found after it ends or is cancelled
// (the page still shows it), a reconnect does not start it again (the server's scan died with
// the old socket), and events for a scan this page dropped or cancelled change nothing. Pure
// functions here; live-events.ts runs the server's events through them, for the store and the
// test client alike.

export interface ScanState {
  scanId: string | null;
  status: 'idle' | 'running' | 'ended';
  progress: ScanTotals | null;
  /** In the order found, at most the query's limit. */
  matches: BrowseMessage[];
  outcome: ScanOutcome | null;
  error: string | null;
}

export const IDLE_SCAN: ScanState = {
  scanId: null,
  status: 'idle',
  progress: null,
  matches: [],
  outcome: null,
  error: null,
};

export interface ScanEntry {
  topic: string;
  /** The query's limit: the server stops there, and the page never holds more. */
  limit: number;
  state: ScanState;
}

export interface ScansState {
  scans: Readonly<Record<string, ScanEntry>>;
}

export const initialScans: ScansState = { scans: {} };

const NOTHING_READ: ScanTotals = { scanned: 0, matches: 0, remaining: 0, elapsedMs: 0, partitions: [] };

const totals = ({ scanned, matches, remaining, elapsedMs, partitions }: ScanTotals): ScanTotals => ({
  scanned,
  matches,
  remaining,
  elapsedMs,
  partitions,
});

/** The state of one scan; IDLE_SCAN for none (or one this page no longer holds). */
export function scanStateOf(state: ScansState, scanId: string | null): ScanState {
  return (scanId === null ? undefined : state.scans[scanId]?.state) ?? IDLE_SCAN;
}

/** A scan just asked of the server: running, nothing found yet. */
export function startScan<S extends ScansState>(state: S, scanId: string, topic: string, query: BrowseQueryInput): S {
  const limit = Math.min(Math.max(1, Math.floor(query.limit ?? BROWSE_LIMIT_DEFAULT)), BROWSE_LIMIT_MAX);
  const entry: ScanEntry = { topic, limit, state: { ...IDLE_SCAN, scanId, status: 'running' } };
  return { ...state, scans: { ...state.scans, [scanId]: entry } };
}

/** A running scan changed; anything else (ended, cancelled, dropped) stays as it is. */
function whileRunning<S extends ScansState>(
  state: S,
  scanId: string,
  change: (entry: ScanEntry) => Partial<ScanState>,
): S {
  const entry = state.scans[scanId];
  if (entry?.state.status !== 'running') return state;
  const next: ScanEntry = { ...entry, state: { ...entry.state, ...change(entry) } };
  return { ...state, scans: { ...state.scans, [scanId]: next } };
}

export function scanProgress<S extends ScansState>(state: S, event: ScanProgressEvent): S {
  return whileRunning(state, event.scanId, () => ({ progress: totals(event) }));
}

export function scanMatches<S extends ScansState>(state: S, event: ScanMatchesEvent): S {
  return whileRunning(state, event.scanId, (e) => ({
    matches: [...e.state.matches, ...event.messages].slice(0, e.limit),
  }));
}

export function scanEnd<S extends ScansState>(state: S, event: ScanEndEvent): S {
  const outcome: ScanOutcome = {
    ...totals(event),
    stoppedBy: event.stoppedBy,
    done: event.done,
    ...(event.error === undefined ? {} : { error: event.error }),
  };
  return whileRunning(state, event.scanId, () => ({
    status: 'ended',
    progress: totals(event),
    outcome,
    error: outcome.error ?? null,
  }));
}

/** The page cancelled: the server sends nothing more, so the outcome is said here, from the
 *  last progress; what was found stays. */
export function cancelScan<S extends ScansState>(state: S, scanId: string): S {
  return whileRunning(state, scanId, (e) => ({
    status: 'ended',
    outcome: { ...(e.state.progress ?? NOTHING_READ), stoppedBy: 'cancelled', done: false },
  }));
}

/** Ends a running scan on the page's side with `error` (the socket dropped, or was never up). */
export function failScan<S extends ScansState>(state: S, scanId: string, error: string): S {
  return whileRunning(state, scanId, (e) => ({
    status: 'ended',
    outcome: { ...(e.state.progress ?? NOTHING_READ), stoppedBy: 'error', done: false, error },
    error,
  }));
}

/** The socket dropped: the server ended every scan it ran for this page. */
export function scansLost<S extends ScansState>(state: S, error: string): S {
  return Object.keys(state.scans).reduce((s, scanId) => failScan(s, scanId, error), state);
}

/** Forgets a scan (its component let go of it). */
export function dropScan<S extends ScansState>(state: S, scanId: string): S {
  if (!(scanId in state.scans)) return state;
  const scans = { ...state.scans };
  delete scans[scanId];
  return { ...state, scans };
}

export interface ScanSlice extends ScansState {
  setScans(change: (state: ScansState) => ScansState): void;
}

export const createScanSlice: StateCreator<ScanSlice> = (set, get) => ({
  ...initialScans,
  setScans(change) {
    set({ scans: change(get()).scans });
  },
});
