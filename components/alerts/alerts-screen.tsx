'use client';

import Link from 'next/link';
import { useTranslations } from 'use-intl';
import { useLiveStore } from '@/lib/store';
import { useWatch } from '@/lib/store/use-live-bridge';
import { viewOf } from '@/lib/store/watch-slice';
import type { AlertEvent, AlertsState } from '@/lib/contract/alerts';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { useFormat } from '@/components/ui/format';
import { RulesEditor } from './rules-editor';
import { useAlertWhy } from './use-alert-why';
import { useConditionText } from './use-condition-text';

// The Alerts screen: what fires now, the rules (editable unless read-only) and the latest
// transitions with how their webhook calls went. It follows the `alerts` watch, so a firing
// alert shows here the moment the server's evaluator decides it.

const WATCH = { kind: 'alerts' } as const;
const STATUS_KEY = { firing: 'statusName.firing', resolved: 'statusName.resolved' } as const;

/** A value as the page shows it; null is "not known", never 0. */
function useShownValue() {
  const t = useTranslations('alerts');
  const f = useFormat();
  return (v: AlertEvent['value']) => (v === null ? t('notKnown') : typeof v === 'number' ? f.count(v) : String(v));
}

export function AlertsScreen() {
  useWatch(WATCH);
  const t = useTranslations('alerts');
  const state = useLiveStore((s) => viewOf(s, WATCH)?.state ?? null);
  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold text-zinc-100">{t('title')}</h1>
      {state === null ? (
        <p className="text-sm text-zinc-400">{t('waiting')}</p>
      ) : (
        <>
          <Firing state={state} />
          <RulesEditor state={state} />
          <Recent state={state} />
        </>
      )}
    </div>
  );
}

function Firing({ state }: { state: AlertsState }) {
  const t = useTranslations('alerts.firing');
  const f = useFormat();
  const shownValue = useShownValue();
  const why = useAlertWhy();
  return (
    <Card title={t('title', { count: state.firing.length })} testId="alerts-firing">
      {state.firing.length === 0 ? (
        <p className="text-sm text-emerald-300">{state.rules.length === 0 ? t('noRules') : t('nothing')}</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {state.firing.map((a) => (
            <li key={`${a.ruleId}/${a.groupId}`} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <Badge tone="bad">{t('badge')}</Badge>
              <span className="font-medium text-zinc-100">{a.ruleName}</span>
              <Link
                href={`/groups/${encodeURIComponent(a.groupId)}`}
                className="font-mono text-violet-300 hover:underline"
              >
                {a.groupId}
              </Link>
              <span className="text-zinc-300">{t('value', { value: shownValue(a.value) })}</span>
              <span className="text-xs text-zinc-400">
                {t('since', { ago: f.span(Math.max(0, Date.now() - a.since)) })}
              </span>
              <span className="w-full text-xs text-zinc-400" data-testid="alert-why">
                {why(a.why)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function Recent({ state }: { state: AlertsState }) {
  const t = useTranslations('alerts.recent');
  const f = useFormat();
  const shownValue = useShownValue();
  const condition = useConditionText();
  const d = state.delivery;
  return (
    <Card
      title={t('title')}
      testId="alerts-recent"
      actions={
        <span className="text-xs text-zinc-400" data-testid="alerts-delivery">
          {t('delivery', { sent: d.sent, failed: d.failed, retries: d.retries, pending: d.pending })}
          {d.dropped > 0 ? t('dropped', { dropped: d.dropped }) : ''}
        </span>
      }
    >
      {state.recent.length === 0 ? (
        <p className="text-sm text-zinc-400">{t('none')}</p>
      ) : (
        <table className="w-full text-left text-xs">
          <thead className="text-zinc-400">
            <tr>
              <th className="py-1 pr-3 font-medium">{t('when')}</th>
              <th className="pr-3 font-medium">{t('status')}</th>
              <th className="pr-3 font-medium">{t('rule')}</th>
              <th className="pr-3 font-medium">{t('group')}</th>
              <th className="pr-3 font-medium">{t('value')}</th>
              <th className="font-medium">{t('sentTo')}</th>
            </tr>
          </thead>
          <tbody>
            {state.recent.map((e) => (
              <tr key={`${e.at}/${e.ruleId}/${e.groupId}/${e.status}`} className="border-t border-zinc-800/60">
                <td className="py-1 pr-3 tabular-nums text-zinc-300">{f.time(e.at)}</td>
                <td className="pr-3">
                  <Badge tone={e.status === 'firing' ? 'bad' : 'good'}>{t(STATUS_KEY[e.status])}</Badge>
                </td>
                <td className="pr-3 text-zinc-100">
                  {e.ruleName}{' '}
                  <span className="text-zinc-400">
                    ({((r) => (r ? condition(r) : e.condition))(state.rules.find((r) => r.id === e.ruleId))})
                  </span>
                </td>
                <td className="pr-3 font-mono text-zinc-300">{e.groupId}</td>
                <td className="pr-3 tabular-nums text-zinc-300">{shownValue(e.value)}</td>
                <td className="text-zinc-400">{e.webhook ?? t('noWebhook')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
