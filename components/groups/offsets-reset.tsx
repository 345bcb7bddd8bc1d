'use client';

import { useMemo, useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import type { GroupDetail } from '@/lib/contract/groups';
import { membersBlocking } from '@/lib/group-derive';
import type { OffsetsResetRequest } from '@/lib/contract/action-schemas';
import { useLiveStore } from '@/lib/store';
import { selectTopics } from '@/lib/store/selectors';
import { useAction, useCanAct } from '@/components/ui/use-action';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Select, TextInput } from '@/components/ui/field';
import { ActionMessage } from '@/components/ui/action-message';
import { useIntCheck } from '@/components/ui/validate';

// Moves a group's committed offsets. Kafka allows it only while the group has no members
// (members would overwrite the reset with their next commit), so the form says why it is off.
// Moving offsets makes the group re-read or skip messages, so the button asks once more.

type Target = OffsetsResetRequest['to'];
const TARGETS: Target[] = ['earliest', 'latest', 'timestamp', 'explicit'];

export function OffsetsReset({ detail }: { detail: GroupDetail }) {
  const canAct = useCanAct();
  const t = useTranslations('groups.reset');
  const v = useTranslations('common.validation');
  const c = useTranslations('common');
  const intCheck = useIntCheck();
  const reset = useAction('offsets:reset');
  const [asking, setAsking] = useState(false);
  const [fieldError, setFieldError] = useState<{ when?: string; explicit?: Record<number, string> }>({});
  const allTopics = useLiveStore(selectTopics);
  const known = detail.topics.length > 0;
  const choices = useMemo(
    () => (known ? detail.topics : allTopics.filter((t) => !t.internal).map((t) => t.name)),
    [known, detail.topics, allTopics],
  );
  const [picked, setTopic] = useState('');
  // The group's own topics: the first is shown until one is picked. A group that committed
  // nothing yet could mean any topic, so then nothing is picked for the person.
  const topic = choices.includes(picked) ? picked : known ? (choices[0] ?? '') : '';
  const [to, setTo] = useState<Target>('earliest');
  const [when, setWhen] = useState('');
  const [explicit, setExplicit] = useState<Record<number, string>>({});
  const partitions = useLiveStore((s) => s.cluster?.topics.find((t) => t.name === topic)?.partitions ?? null);
  if (!canAct) return null;

  const blocked = membersBlocking(detail);
  const changed = () => {
    setAsking(false);
    setFieldError({});
    reset.reset();
  };

  /** The field problems of the form as it stands, in the UI's words; empty when it can be sent. */
  function problems(): typeof fieldError {
    if (to === 'timestamp' && (!when || Number.isNaN(new Date(when).getTime()))) return { when: v('pickTime') };
    if (to !== 'explicit') return {};
    const filled = Object.entries(explicit).filter(([, x]) => x.trim() !== '');
    if (filled.length === 0 && partitions?.[0]) return { explicit: { [partitions[0].partition]: v('oneOffset') } };
    const bad = Object.fromEntries(
      filled.flatMap(([p, x]) => {
        const problem = intCheck(x, { min: 0 });
        return problem ? [[Number(p), problem]] : [];
      }),
    );
    return Object.keys(bad).length ? { explicit: bad } : {};
  }

  function ask(e: FormEvent) {
    e.preventDefault();
    const found = problems();
    setFieldError(found);
    if (Object.keys(found).length === 0) setAsking(true);
  }

  async function submit() {
    setAsking(false);
    const base = { groupId: detail.groupId, topic };
    await reset.run(
      to === 'timestamp'
        ? { ...base, to, timestamp: when ? new Date(when).getTime() : NaN }
        : to === 'explicit'
          ? {
              ...base,
              to,
              offsets: Object.entries(explicit)
                .filter(([, v]) => v.trim() !== '')
                .map(([p, v]) => ({ partition: Number(p), offset: Number(v) })),
            }
          : { ...base, to },
    );
  }

  return (
    <Card title={t('title')} testId="offsets-reset">
      <form onSubmit={ask} aria-label={t('title')} className="space-y-3" noValidate>
        <div className="grid gap-3 md:grid-cols-3">
          <Field label={t('topic')}>
            <Select
              value={topic}
              onChange={(e) => {
                changed();
                setTopic(e.target.value);
              }}
              data-testid="reset-topic"
            >
              {topic === '' && <option value="">{t('chooseTopic')}</option>}
              {choices.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('to')}>
            <Select
              value={to}
              onChange={(e) => {
                changed();
                setTo(e.target.value as Target);
              }}
              data-testid="reset-target"
            >
              {TARGETS.map((target) => (
                <option key={target} value={target}>
                  {t(target)}
                </option>
              ))}
            </Select>
          </Field>
          {to === 'timestamp' && (
            <Field label={t('time')} hint={t('timeHint')} error={fieldError.when}>
              <TextInput
                type="datetime-local"
                step={1}
                value={when}
                onChange={(e) => {
                  changed();
                  setWhen(e.target.value);
                }}
                data-testid="reset-timestamp"
              />
            </Field>
          )}
        </div>
        {to === 'explicit' && partitions && (
          <div className="grid gap-2 sm:grid-cols-3 lg:grid-cols-6" data-testid="reset-explicit">
            {partitions.map((p) => (
              <Field
                key={p.partition}
                label={t('partition', { partition: p.partition })}
                hint={p.low !== null && p.high !== null ? `${p.low}–${p.high}` : undefined}
                error={fieldError.explicit?.[p.partition]}
              >
                <TextInput
                  inputMode="numeric"
                  placeholder={t('unchanged')}
                  value={explicit[p.partition] ?? ''}
                  onChange={(e) => {
                    changed();
                    setExplicit((x) => ({ ...x, [p.partition]: e.target.value }));
                  }}
                />
              </Field>
            ))}
          </div>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <Button
            tone="warn"
            type="submit"
            className="disabled:opacity-50"
            disabled={blocked !== null || reset.pending || !topic || asking}
            data-testid="reset-submit"
          >
            {reset.pending ? t('pending') : t('submit')}
          </Button>
          {asking && (
            <span className="flex flex-wrap items-center gap-2" role="alertdialog" aria-label={t('submit')}>
              <span className="text-xs text-amber-200">{t('confirm', { group: detail.groupId, topic })}</span>
              <Button tone="warn" size="sm" onClick={() => void submit()} data-testid="reset-confirm">
                {t('confirmYes')}
              </Button>
              <Button size="sm" onClick={() => setAsking(false)}>
                {c('cancel')}
              </Button>
            </span>
          )}
          {blocked && (
            <span className="text-xs text-amber-300" data-testid="reset-blocked">
              {blocked}
            </span>
          )}
          {reset.result && (
            <span className="font-mono text-xs text-emerald-300" data-testid="reset-done">
              {t('done', { list: reset.result.offsets.map((o) => `${o.partition}→${o.offset}`).join(', ') })}
            </span>
          )}
        </div>
        <ActionMessage error={reset.error} testId="reset-error" />
      </form>
    </Card>
  );
}
