'use client';

import { useMemo, useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import type { AlertRule, AlertRulesFile, AlertsState } from '@/lib/contract/alerts';
import { parseAlertRules } from '@/lib/alerts/rules';
import { useAction, useCanAct } from '@/components/ui/use-action';
import { ActionMessage } from '@/components/ui/action-message';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { RuleForm } from './rule-form';
import { useConditionText } from './use-condition-text';

// The rules: a table, a form to add one, a remove button per rule, and the whole set as JSON
// (the rules file's shape) for anything the form does not cover. Every save sends the whole
// set through `alerts:set-rules`; the JSON is checked as it is typed, with the same schema.

const asFile = (s: AlertsState): AlertRulesFile => ({ ...(s.webhook ? { webhook: s.webhook } : {}), rules: s.rules });

export function RulesEditor({ state }: { state: AlertsState }) {
  const t = useTranslations('alerts.rules');
  const conditionText = useConditionText();
  const canAct = useCanAct();
  const save = useAction('alerts:set-rules');
  const [json, setJson] = useState<string | null>(null);
  const checked = useMemo(() => {
    if (json === null) return null;
    try {
      return { rules: parseAlertRules(json, 'rules'), error: null };
    } catch (e) {
      return { rules: null, error: (e as Error).message };
    }
  }, [json]);

  const saveRules = async (next: AlertRulesFile) => {
    const answer = await save.run(next);
    if (answer.ok) setJson(null);
    return answer.ok;
  };
  const remove = (rule: AlertRule) =>
    saveRules({ ...asFile(state), rules: state.rules.filter((r) => r.id !== rule.id) });
  const submitJson = (e: FormEvent) => {
    e.preventDefault();
    if (checked?.rules) void saveRules(checked.rules);
  };

  return (
    <Card title={t('title', { count: state.rules.length })} testId="alerts-rules">
      <p className="mb-3 text-xs text-zinc-400" data-testid="alerts-saved-to">
        {state.savedTo.kind === 'file' ? t('savedTo', { path: state.savedTo.path }) : t('memory')}{' '}
        {t('defaultWebhook', { webhook: state.webhook ?? t('none') })}
      </p>
      {state.rules.length > 0 && (
        <table className="mb-4 w-full text-left text-xs">
          <thead className="text-zinc-400">
            <tr>
              <th className="py-1 pr-3 font-medium">{t('rule')}</th>
              <th className="pr-3 font-medium">{t('groups')}</th>
              <th className="pr-3 font-medium">{t('firesWhen')}</th>
              <th className="pr-3 font-medium">{t('webhook')}</th>
              {canAct && <th className="font-medium">{t('remove')}</th>}
            </tr>
          </thead>
          <tbody>
            {state.rules.map((r) => (
              <tr key={r.id} className="border-t border-zinc-800/60" data-testid={`alert-rule-${r.id}`}>
                <td className="py-1 pr-3 text-zinc-100">
                  {r.name} <span className="font-mono text-zinc-400">{r.id}</span>
                  {!r.enabled && <span className="ml-1 text-amber-300">{t('off')}</span>}
                </td>
                <td className="pr-3 font-mono text-zinc-300">{r.group}</td>
                <td className="pr-3 text-zinc-300">{conditionText(r)}</td>
                <td className="pr-3 text-zinc-400">{r.webhook ? t('own') : t('default')}</td>
                {canAct && (
                  <td>
                    <Button
                      size="sm"
                      tone="danger"
                      onClick={() => void remove(r)}
                      aria-label={t('removeLabel', { id: r.id })}
                    >
                      {t('removeOne')}
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canAct ? (
        <div className="space-y-4">
          <RuleForm
            taken={state.rules.map((r) => r.id)}
            onAdd={(rule) => saveRules({ ...asFile(state), rules: [...state.rules, rule] })}
          />
          <form onSubmit={submitJson} aria-label={t('jsonForm')} className="space-y-2">
            {json === null ? (
              <Button onClick={() => setJson(JSON.stringify(asFile(state), null, 2))} data-testid="alerts-edit-json">
                {t('editJson')}
              </Button>
            ) : (
              <>
                <label className="block space-y-1">
                  <span className="text-[11px] font-medium uppercase tracking-wider text-zinc-400">
                    {t('jsonLabel')}
                  </span>
                  <textarea
                    value={json}
                    onChange={(e) => setJson(e.target.value)}
                    rows={Math.min(20, json.split('\n').length + 1)}
                    spellCheck={false}
                    data-testid="alerts-json"
                    className="w-full rounded border border-zinc-700 bg-zinc-950 p-2 font-mono text-xs text-zinc-100 focus:border-violet-500 focus:outline-none"
                  />
                </label>
                {checked?.error && (
                  <p className="text-xs text-amber-300" data-testid="alerts-json-error">
                    {checked.error}
                  </p>
                )}
                <div className="flex gap-2">
                  <Button tone="primary" type="submit" disabled={!checked?.rules || save.pending}>
                    {save.pending ? t('saving') : t('save')}
                  </Button>
                  <Button onClick={() => setJson(null)}>{t('cancel')}</Button>
                </div>
              </>
            )}
          </form>
          <ActionMessage error={save.error} testId="alerts-save-error" />
        </div>
      ) : (
        <p className="text-xs text-zinc-400">{t('readOnly')}</p>
      )}
    </Card>
  );
}
