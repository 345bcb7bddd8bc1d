'use client';

import { useTranslations } from 'use-intl';
import { useLiveStore } from '@/lib/store';
import { StatusDot } from '@/components/ui/status-dot';
import type { Tone } from '@/components/ui/badge';

/** Two links matter: browser ↔ dashboard server, and dashboard server ↔ Kafka. */
export function ConnectionIndicator() {
  const t = useTranslations('shell.connection');
  const socket = useLiveStore((s) => s.socket);
  const kafka = useLiveStore((s) => s.cluster?.connection.status ?? 'connecting');

  let tone: Tone = 'good';
  let label = t('live');
  if (socket !== 'live') {
    tone = 'warn';
    label = socket === 'connecting' ? t('connecting') : t('reconnecting');
  } else if (kafka === 'unreachable') {
    tone = 'bad';
    label = t('kafkaUnreachable');
  } else if (kafka === 'connecting') {
    tone = 'warn';
    label = t('connectingKafka');
  }
  return (
    <div
      data-testid="connection-indicator"
      data-state={socket === 'live' ? kafka : socket}
      className="flex items-center gap-2 rounded-full border border-zinc-800 bg-zinc-900 px-3 py-1 text-xs text-zinc-300"
    >
      <StatusDot tone={tone} pulse={tone === 'good'} />
      {label}
    </div>
  );
}
