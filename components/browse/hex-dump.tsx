'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { useFormat } from '@/components/ui/format';
import { HEX_ROW_BYTES, hexLine } from '@/lib/browse-bytes';
import { Button } from '@/components/ui/button';

/** Lines drawn before "show all": 4 KiB, enough to recognise a format. */
const FIRST_LINES = 256;

/** Bytes as a classic hex dump: offset, sixteen bytes, their printable ASCII. */
export function HexDump({ bytes }: { bytes: Uint8Array }) {
  const t = useTranslations('browse.detail');
  const fmt = useFormat();
  const [all, setAll] = useState(false);
  const lines = Math.ceil(bytes.length / HEX_ROW_BYTES);
  const shown = all ? lines : Math.min(lines, FIRST_LINES);
  const text = Array.from({ length: shown }, (_, i) => hexLine(bytes, i * HEX_ROW_BYTES)).join('\n');
  return (
    <div data-testid="hex-dump">
      <pre className="overflow-x-auto whitespace-pre font-mono text-xs leading-5 text-zinc-300">{text}</pre>
      {shown < lines && (
        <Button size="sm" className="mt-1" onClick={() => setAll(true)}>
          {t('showAll', { count: fmt.count(lines) })}
        </Button>
      )}
    </div>
  );
}
