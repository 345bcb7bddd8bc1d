'use client';

import { useMemo } from 'react';
import { useTranslations } from 'use-intl';
import type { DecodedData } from '@/lib/contract/browse';
import { autoMode, dataBytes, dataText, toBase64, type ViewMode } from '@/lib/browse-bytes';
import { useFormat } from '@/components/ui/format';
import { HexDump } from './hex-dump';
import { JsonTree, parsesAsJson } from './json-tree';

export const VIEW_MODES: { mode: ViewMode; label: string }[] = [
  { mode: 'auto', label: 'auto' },
  { mode: 'text', label: 'text' },
  { mode: 'json', label: 'JSON' },
  { mode: 'hex', label: 'hex' },
  { mode: 'base64', label: 'base64' },
];

/** A choice of how to show one value, as a row of small toggle buttons (one tap on a phone). */
export function ModePicker({ mode, onChange, label }: { mode: ViewMode; onChange(m: ViewMode): void; label: string }) {
  return (
    <div role="group" aria-label={label} className="inline-flex overflow-hidden rounded ring-1 ring-zinc-700">
      {VIEW_MODES.map((m) => (
        <button
          key={m.mode}
          type="button"
          aria-pressed={mode === m.mode}
          onClick={() => onChange(m.mode)}
          className={`px-2 py-0.5 text-xs ${mode === m.mode ? 'bg-violet-700 text-white' : 'bg-zinc-900 text-zinc-400 hover:text-zinc-200'}`}
        >
          {m.label}
        </button>
      ))}
    </div>
  );
}

/** One key, value or header value, shown as chosen ("auto" follows the server's guess). */
export function ValueView({ data, mode, testId }: { data: DecodedData; mode: ViewMode; testId?: string }) {
  const t = useTranslations('browse.detail');
  const fmt = useFormat();
  const shown = mode === 'auto' ? autoMode(data) : mode;
  const text = useMemo(() => (shown === 'text' || shown === 'json' ? dataText(data) : ''), [data, shown]);
  const bytes = useMemo(() => (shown === 'hex' || shown === 'base64' ? dataBytes(data) : null), [data, shown]);
  return (
    <div data-testid={testId} className="min-w-0">
      {shown === 'json' &&
        (parsesAsJson(text) ? (
          <JsonTree text={text} />
        ) : (
          <>
            <p className="mb-1 text-xs text-amber-300">{data.truncated ? t('notJsonTruncated') : t('notJson')}</p>
            <Plain text={text} />
          </>
        ))}
      {shown === 'text' && <Plain text={text} />}
      {shown === 'hex' && bytes && <HexDump bytes={bytes} />}
      {shown === 'base64' && bytes && <Plain text={toBase64(bytes)} />}
      {data.truncated && (
        <p className="mt-1 text-xs text-zinc-400">
          {t('showingFirst', { shown: fmt.bytes(dataBytes(data).length), size: fmt.bytes(data.size) })}
        </p>
      )}
    </div>
  );
}

function Plain({ text }: { text: string }) {
  return (
    <pre className="max-h-96 overflow-auto whitespace-pre-wrap break-all font-mono text-xs leading-5 text-zinc-200">
      {text}
    </pre>
  );
}
