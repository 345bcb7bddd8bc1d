'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'use-intl';
import { useLiveStore } from '@/lib/store';

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

/** Says plainly when what is on screen may be stale, and why. */
export function StatusBanner() {
  const t = useTranslations('shell.banner');
  const socket = useLiveStore((s) => s.socket);
  const connection = useLiveStore((s) => s.cluster?.connection ?? null);
  const actionError = useLiveStore((s) => s.actionError);
  const dismiss = useLiveStore((s) => s.setActionError);
  const now = useNow(1000);

  return (
    <>
      {socket === 'reconnecting' && (
        <div
          role="status"
          data-testid="socket-banner"
          className="border-b border-amber-800 bg-amber-950 px-4 py-2 text-sm text-amber-200"
        >
          {t('socketLost')}
        </div>
      )}
      {connection?.status === 'unreachable' && (
        <div
          role="alert"
          data-testid="kafka-banner"
          className="border-b border-rose-800 bg-rose-950 px-4 py-2 text-sm text-rose-200"
        >
          <strong className="font-semibold">{t('kafkaUnreachable')}</strong>
          <span className="text-rose-300">
            {' '}
            ({connection.brokers.join(', ')}): {connection.lastError ?? t('noAnswer')}.
          </span>{' '}
          {connection.nextRetryAt && (
            <>{t('retryingIn', { seconds: Math.max(0, Math.ceil((connection.nextRetryAt - now) / 1000)) })} </>
          )}
          {connection.lastSuccessAt
            ? t('lastSeen', { seconds: Math.round((now - connection.lastSuccessAt) / 1000) })
            : t('nothingRead')}
        </div>
      )}
      {actionError && (
        <div
          role="alert"
          data-testid="action-error"
          className="flex items-center justify-between border-b border-rose-800 bg-rose-950/70 px-4 py-2 text-sm text-rose-200"
        >
          <span>{actionError}</span>
          <button
            type="button"
            className="rounded px-2 text-rose-300 hover:bg-rose-900"
            onClick={() => dismiss(null)}
            aria-label={t('dismiss')}
          >
            ×
          </button>
        </div>
      )}
    </>
  );
}
