'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'use-intl';
import { useLiveStore } from '@/lib/store';
import { selectTopics } from '@/lib/store/selectors';
import type { Outcome } from './tour-api';

// The retention step's live view: the partition's log start and end as the broker deletes, with
// a countdown to the messages' expiry and then to the broker's next retention check. The check
// runs on its own clock, so its phase is learned from the first deletion seen here.

const ring = 'ring-2 ring-amber-400 ring-offset-2 ring-offset-zinc-950';

function useTick(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** When the log start last moved, as seen by this page: a retention check ran just before. */
function useLastMove(low: number | null): number | null {
  const seen = useRef<{ low: number | null; at: number | null }>({ low, at: null });
  if (low !== seen.current.low) {
    // The first reading is where the view started, not a deletion.
    seen.current = { low, at: seen.current.low === null ? null : Date.now() };
  }
  return seen.current.at;
}

export function RetentionView({ topic, outcome }: { topic: string; outcome: Outcome }) {
  const t = useTranslations('learn.view');
  const now = useTick(500);
  const partition = useLiveStore((s) => selectTopics(s).find((x) => x.name === topic)?.partitions[0] ?? null);
  const low = partition?.low ?? null;
  const high = partition?.high ?? null;
  const lastMove = useLastMove(low);
  if (!partition) return <p className="text-sm text-zinc-400">{t('noTopic')}</p>;
  const num = (k: string) => (typeof outcome[k] === 'number' ? (outcome[k] as number) : null);
  const producedAt = num('producedAt');
  const retentionSeconds = num('retentionSeconds');
  const checkSeconds = num('checkSeconds');
  const expiresIn =
    producedAt !== null && retentionSeconds !== null
      ? Math.ceil((producedAt + retentionSeconds * 1000 - now) / 1000)
      : null;
  const nextCheck =
    lastMove !== null && checkSeconds !== null
      ? Math.ceil((checkSeconds * 1000 - ((now - lastMove) % (checkSeconds * 1000))) / 1000)
      : null;
  const phase = outcome.phase;
  return (
    <div className="space-y-2 rounded border border-zinc-700 bg-zinc-950 p-3 text-sm" data-testid="learn-retention">
      <dl className="grid grid-cols-3 gap-2 text-center">
        <div data-learn-highlight="true" className={`rounded p-1 ${ring}`}>
          <dt className="text-xs text-zinc-400">{t('logStart')}</dt>
          <dd className="font-mono text-lg text-zinc-100" data-testid="learn-log-start">
            {low ?? '—'}
          </dd>
        </div>
        <div className="rounded p-1">
          <dt className="text-xs text-zinc-400">{t('logEnd')}</dt>
          <dd className="font-mono text-lg text-zinc-100">{high ?? '—'}</dd>
        </div>
        <div className="rounded p-1">
          <dt className="text-xs text-zinc-400">{t('kept')}</dt>
          <dd className="font-mono text-lg text-zinc-100">{low !== null && high !== null ? high - low : '—'}</dd>
        </div>
      </dl>
      <p className="text-xs text-zinc-300" aria-live="off" data-testid="learn-retention-clock">
        {phase === 'time' && expiresIn !== null && expiresIn > 0
          ? t('expiresIn', { seconds: expiresIn })
          : phase === 'time' || phase === 'size'
            ? nextCheck !== null
              ? t('nextCheck', { seconds: nextCheck, every: checkSeconds ?? 0 })
              : t('awaitCheck', { every: checkSeconds ?? 0 })
            : checkSeconds !== null
              ? t('checkEvery', { every: checkSeconds })
              : null}
      </p>
    </div>
  );
}
