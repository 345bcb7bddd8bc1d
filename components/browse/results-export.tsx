'use client';

import { useTranslations } from 'use-intl';
import type { BrowseMessage } from '@/lib/contract/browse';
import { messageLine } from '@/lib/browse-bytes';
import { Button } from '@/components/ui/button';

/** Every match as JSON Lines, one message per line, as a file. */
export function ResultsExport({ topic, messages }: { topic: string; messages: BrowseMessage[] }) {
  const t = useTranslations('browse.actions');
  const download = () => {
    const blob = new Blob(
      messages.map((m) => `${messageLine(m)}\n`),
      { type: 'application/x-ndjson' },
    );
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${topic}-messages.jsonl`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Button size="sm" onClick={download} disabled={messages.length === 0} data-testid="browse-download">
      {t('download')}
    </Button>
  );
}
