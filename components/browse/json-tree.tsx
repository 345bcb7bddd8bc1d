'use client';

import { useMemo, useState } from 'react';

// A parsed JSON value, pretty-printed with colour; objects and arrays fold. Written small on
// purpose: an editor library would weigh more than the rest of the screen.

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Nested deeper than this starts folded, so a deep value opens to a readable outline. */
const OPEN_DEPTH = 3;
/** A container with more entries than this starts folded too. */
const OPEN_ENTRIES = 100;

function Scalar({ value }: { value: string | number | boolean | null }) {
  if (value === null) return <span className="text-zinc-400">null</span>;
  if (typeof value === 'string') return <span className="text-emerald-300">{JSON.stringify(value)}</span>;
  if (typeof value === 'number') return <span className="text-sky-300">{String(value)}</span>;
  return <span className="text-amber-300">{String(value)}</span>;
}

function Node({ value, depth, label, last }: { value: Json; depth: number; label?: string; last: boolean }) {
  const container = typeof value === 'object' && value !== null;
  const entries: [string | null, Json][] = container
    ? Array.isArray(value)
      ? value.map((v) => [null, v])
      : Object.entries(value)
    : [];
  const [open, setOpen] = useState(depth < OPEN_DEPTH && entries.length <= OPEN_ENTRIES);
  const comma = last ? '' : ',';
  const name = label !== undefined && <span className="text-violet-300">{JSON.stringify(label)}</span>;
  if (!container)
    return (
      <div>
        {name}
        {name && ': '}
        <Scalar value={value} />
        {comma}
      </div>
    );
  const [opening, closing] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0)
    return (
      <div>
        {name}
        {name && ': '}
        {opening}
        {closing}
        {comma}
      </div>
    );
  return (
    <div>
      <button
        type="button"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        aria-label={`${open ? 'fold' : 'unfold'} ${label ?? (Array.isArray(value) ? 'array' : 'object')}`}
        className="-ml-4 w-4 text-zinc-400 hover:text-zinc-200"
      >
        {open ? '▾' : '▸'}
      </button>
      {name}
      {name && ': '}
      {opening}
      {open ? (
        <>
          <div className="ml-4 border-l border-zinc-800 pl-2">
            {entries.map(([k, v], i) => (
              <Node key={k ?? i} value={v} depth={depth + 1} label={k ?? undefined} last={i === entries.length - 1} />
            ))}
          </div>
          {closing}
          {comma}
        </>
      ) : (
        <span className="text-zinc-400">
          {' '}
          {entries.length}{' '}
          {Array.isArray(value) ? (entries.length === 1 ? 'item' : 'items') : entries.length === 1 ? 'field' : 'fields'}{' '}
          {closing}
          {comma}
        </span>
      )}
    </div>
  );
}

/** `text` parsed as JSON and drawn as a tree, or null when it does not parse. */
export function JsonTree({ text }: { text: string }) {
  const parsed = useMemo(() => {
    try {
      return { value: JSON.parse(text) as Json };
    } catch {
      return null;
    }
  }, [text]);
  if (!parsed) return null;
  const { value } = parsed;
  return (
    <div className="pl-4 font-mono text-xs leading-5 text-zinc-200 wrap-anywhere" data-testid="json-tree">
      <Node value={value} depth={0} last />
    </div>
  );
}

export function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
