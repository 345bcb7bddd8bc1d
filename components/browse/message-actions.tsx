'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { useRouter } from 'next/navigation';
import type { BrowseMessage } from '@/lib/contract/browse';
import { replayText } from '@/lib/browse-bytes';
import { useLiveStore } from '@/lib/store';
import { Button } from '@/components/ui/button';
import { useCanAct } from '@/components/ui/use-action';
import { parsesAsJson } from './json-tree';

type Problem = 'markerProblem' | 'tombstoneProblem' | 'keyProblem' | 'valueProblem' | 'headerProblem';

/** Why a message cannot go back into the produce panel, or null when it can. */
function replayProblem(m: BrowseMessage): Problem | null {
  if (m.control) return 'markerProblem';
  if (m.value === null && m.key === null) return 'tombstoneProblem';
  if (m.key !== null && replayText(m.key) === null) return 'keyProblem';
  if (m.value !== null && replayText(m.value) === null) return 'valueProblem';
  if (m.headers.some((h) => h.value !== null && replayText(h.value) === null)) return 'headerProblem';
  return null;
}

/** Copy one message as JSON, or put it into the produce panel the way the tail's replay does. */
export function MessageActions({ topic, message }: { topic: string; message: BrowseMessage }) {
  const t = useTranslations('browse.actions');
  const router = useRouter();
  const canAct = useCanAct();
  const setDraft = useLiveStore((s) => s.setProduceDraft);
  const [copied, setCopied] = useState<string | null>(null);
  const problem = replayProblem(message);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(JSON.stringify(message, null, 2));
      setCopied(t('copied'));
    } catch {
      setCopied(t('clipboardRefused'));
    }
  };
  const replay = () => {
    const value = message.value?.data ?? '';
    setDraft({
      key: message.key === null ? null : message.key.data,
      value,
      format: message.value?.encoding === 'json' && parsesAsJson(value) ? 'json' : 'text',
      tombstone: message.value === null,
      headers: message.headers.map((h) => ({ key: h.key, value: h.value?.data ?? '' })),
    });
    router.push(`/lab?topic=${encodeURIComponent(topic)}`);
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="sm" onClick={() => void copy()} data-testid="browse-copy">
        {t('copy')}
      </Button>
      {canAct && (
        <Button
          size="sm"
          onClick={replay}
          disabled={problem !== null}
          title={problem ? t(problem) : t('replayTitle')}
          data-testid="browse-replay"
        >
          {t('replay')}
        </Button>
      )}
      {copied && (
        <span role="status" className="text-xs text-zinc-400">
          {copied}
        </span>
      )}
    </div>
  );
}
