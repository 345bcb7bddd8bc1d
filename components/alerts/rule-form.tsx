'use client';

import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { AlertRuleSchema, type AlertRule } from '@/lib/contract/alerts';
import { VERDICTS } from '@/lib/contract/lag';
import { describeIssues } from '@/lib/alerts/rules';
import { Button } from '@/components/ui/button';
import { Field, Select, TextInput } from '@/components/ui/field';

// One new rule from a few fields: which groups, one condition, how long it must hold. The rule
// is checked with the server's own schema before it is sent, and errors say which field.

type Kind = 'verdictNot' | 'verdictIn' | 'lagSecondsOver' | 'lagOver';

const KINDS: Kind[] = ['verdictNot', 'verdictIn', 'lagSecondsOver', 'lagOver'];

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48) || 'rule';

function build(f: { name: string; group: string; kind: Kind; value: string; verdicts: string; forSeconds: string }) {
  const number = Number(f.value);
  const when =
    f.kind === 'verdictNot'
      ? { verdictNot: 'OK' }
      : f.kind === 'verdictIn'
        ? {
            verdictIn: f.verdicts
              .split(',')
              .map((v) => v.trim().toUpperCase())
              .filter(Boolean),
          }
        : { [f.kind]: f.value.trim() === '' ? undefined : number };
  return {
    id: slug(f.name),
    name: f.name.trim(),
    group: f.group.trim(),
    when: { ...when, forSeconds: Number(f.forSeconds || 0) },
  };
}

export function RuleForm({ taken, onAdd }: { taken: string[]; onAdd(rule: AlertRule): Promise<boolean> }) {
  const t = useTranslations('alerts.form');
  const [f, setF] = useState({
    name: '',
    group: '*',
    kind: 'verdictNot' as Kind,
    value: '',
    verdicts: 'STOP, STALL',
    forSeconds: '60',
  });
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<typeof f>) => {
    setF((old) => ({ ...old, ...patch }));
    setError(null);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const numeric = (v: string) => v.trim() !== '' && Number.isFinite(Number(v));
    if ((f.kind === 'lagOver' || f.kind === 'lagSecondsOver') && !numeric(f.value)) return setError(t('errOver'));
    if (f.forSeconds.trim() !== '' && !numeric(f.forSeconds)) return setError(t('errFor'));
    if (f.name.trim() === '') return setError(t('errName'));
    const candidate = build(f);
    let id = candidate.id;
    for (let n = 2; taken.includes(id); n++) id = `${candidate.id}-${n}`;
    const parsed = AlertRuleSchema.safeParse({ ...candidate, id });
    if (!parsed.success) return setError(describeIssues(parsed.error));
    if (await onAdd(parsed.data)) set({ name: '', value: '' });
  }

  return (
    <form onSubmit={submit} aria-label={t('label')} className="space-y-2" data-testid="alerts-add-rule">
      <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-5">
        <Field label={t('name')}>
          <TextInput
            value={f.name}
            onChange={(e) => set({ name: e.target.value })}
            placeholder={t('namePlaceholder')}
          />
        </Field>
        <Field label={t('groups')} hint={t('groupsHint')}>
          <TextInput value={f.group} onChange={(e) => set({ group: e.target.value })} />
        </Field>
        <Field label={t('firesWhen')}>
          <Select value={f.kind} onChange={(e) => set({ kind: e.target.value as Kind })}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
        {f.kind === 'verdictIn' ? (
          <Field label={t('verdicts')} hint={VERDICTS.join(', ')}>
            <TextInput value={f.verdicts} onChange={(e) => set({ verdicts: e.target.value })} />
          </Field>
        ) : f.kind === 'verdictNot' ? (
          <span />
        ) : (
          <Field label={t('over')}>
            <TextInput inputMode="numeric" value={f.value} onChange={(e) => set({ value: e.target.value })} />
          </Field>
        )}
        <Field label={t('for')} hint={t('forHint')}>
          <TextInput inputMode="numeric" value={f.forSeconds} onChange={(e) => set({ forSeconds: e.target.value })} />
        </Field>
      </div>
      {error && (
        <p className="text-xs text-amber-300" role="alert" data-testid="alerts-rule-error">
          {error}
        </p>
      )}
      <Button tone="primary" type="submit" data-testid="alerts-add-submit">
        {t('add')}
      </Button>
    </form>
  );
}
