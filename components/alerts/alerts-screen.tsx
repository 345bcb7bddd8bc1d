'use client';

import Link from 'next/link';
import { useLiveStore } from '@/lib/store';
import { useWatch } from '@/lib/store/use-live-bridge';
import { viewOf } from '@/lib/store/watch-slice';
import type { AlertEvent, AlertsState } from '@/lib/contract/alerts';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { formatMs } from '@/components/ui/format';
import { RulesEditor } from './rules-editor';

// The Alerts screen: what fires now, the rules (editable unless read-only) and the latest
// transitions with how their webhook calls went. It follows the `alerts` watch, so a firing
// alert shows here the moment the server's evaluator decides it.

const WATCH = { kind: 'alerts' } as const;

const since = (at: number) => `${formatMs(Math.max(0, Date.now() - at))} ago`;
const shownValue = (v: AlertEvent['value']) => (v === null ? 'not known' : String(v));

export function AlertsScreen() {
  useWatch(WATCH);
  const state = useLiveStore((s) => viewOf(s, WATCH)?.state ?? null);
  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold text-zinc-100">Alerts</h1>
      {state === null ? (
        <p className="text-sm text-zinc-400">Waiting for the server…</p>
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
  return (
    <Card title={`Firing now (${state.firing.length})`} testId="alerts-firing">
      {state.firing.length === 0 ? (
        <p className="text-sm text-emerald-300">
          {state.rules.length === 0 ? 'No rules yet: add one below.' : 'Nothing fires: every rule holds.'}
        </p>
      ) : (
        <ul className="space-y-2 text-sm">
          {state.firing.map((a) => (
            <li key={`${a.ruleId}/${a.groupId}`} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <Badge tone="bad">firing</Badge>
              <span className="font-medium text-zinc-100">{a.ruleName}</span>
              <Link
                href={`/groups/${encodeURIComponent(a.groupId)}`}
                className="font-mono text-violet-300 hover:underline"
              >
                {a.groupId}
              </Link>
              <span className="text-zinc-300">value {shownValue(a.value)}</span>
              <span className="text-xs text-zinc-400">since {since(a.since)}</span>
              <span className="w-full text-xs text-zinc-400">{a.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function Recent({ state }: { state: AlertsState }) {
  const d = state.delivery;
  return (
    <Card
      title="Recent"
      testId="alerts-recent"
      actions={
        <span className="text-xs text-zinc-400" data-testid="alerts-delivery">
          webhook: {d.sent} sent · {d.failed} failed · {d.retries} retries · {d.pending} waiting
          {d.dropped > 0 ? ` · ${d.dropped} dropped` : ''}
        </span>
      }
    >
      {state.recent.length === 0 ? (
        <p className="text-sm text-zinc-400">No alert has fired or resolved since the server started.</p>
      ) : (
        <table className="w-full text-left text-xs">
          <thead className="text-zinc-400">
            <tr>
              <th className="py-1 pr-3 font-medium">when</th>
              <th className="pr-3 font-medium">status</th>
              <th className="pr-3 font-medium">rule</th>
              <th className="pr-3 font-medium">group</th>
              <th className="pr-3 font-medium">value</th>
              <th className="font-medium">sent to</th>
            </tr>
          </thead>
          <tbody>
            {state.recent.map((e) => (
              <tr key={`${e.at}/${e.ruleId}/${e.groupId}/${e.status}`} className="border-t border-zinc-800/60">
                <td className="py-1 pr-3 tabular-nums text-zinc-300">{new Date(e.at).toLocaleTimeString()}</td>
                <td className="pr-3">
                  <Badge tone={e.status === 'firing' ? 'bad' : 'good'}>{e.status}</Badge>
                </td>
                <td className="pr-3 text-zinc-100">
                  {e.ruleName} <span className="text-zinc-400">({e.condition})</span>
                </td>
                <td className="pr-3 font-mono text-zinc-300">{e.groupId}</td>
                <td className="pr-3 tabular-nums text-zinc-300">{shownValue(e.value)}</td>
                <td className="text-zinc-400">{e.webhook ?? 'no webhook'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
