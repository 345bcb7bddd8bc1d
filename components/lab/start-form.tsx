'use client';

import { useMemo, useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { useLiveStore } from '@/lib/store';
import { selectGroups, selectTopics } from '@/lib/store/selectors';
import { MAX_LAB_CONSUMERS, type LabStartRequest } from '@/lib/contract/action-schemas';
import type { LabProtocol } from '@/lib/contract/actions';
import { useAction } from '@/components/ui/use-action';
import { Button } from '@/components/ui/button';
import { Field, Select, TextInput } from '@/components/ui/field';
import { ActionMessage } from '@/components/ui/action-message';
import { foreignMembers, LAB_GROUP, LAB_TOPIC } from './guard';
import { TopicChecklist } from './topic-checklist';

/** Starts one app instance: a new process with K consumers in the group. It defaults to the
 *  lab's own group and topic; joining a group with members the lab did not start asks first,
 *  since the new consumers take partitions from them. */
export function LabStartForm() {
  const t = useTranslations('lab.start');
  const allTopics = useLiveStore(selectTopics);
  const groups = useLiveStore(selectGroups);
  const instances = useLiveStore((s) => s.labInstances);
  // Until the server says, only classic (the kafkajs worker) is offered.
  const protocols = useLiveStore((s) => s.labProtocols) ?? [
    { protocol: 'classic' as const, available: true, why: null, reason: null },
  ];
  const topicNames = useMemo(
    () =>
      allTopics
        .filter((x) => !x.internal)
        .map((x) => x.name)
        .sort(),
    [allTopics],
  );
  const [groupId, setGroupId] = useState(LAB_GROUP);
  // null: untouched, so the default follows the cluster (lab-orders once it exists).
  const [picked, setPicked] = useState<string[] | null>(null);
  const [consumers, setConsumers] = useState('1');
  const [delay, setDelay] = useState('100');
  const [session, setSession] = useState('10000');
  const [asking, setAsking] = useState<number | null>(null);
  const [protocol, setProtocol] = useState<LabProtocol>('classic');
  const start = useAction('lab:start');
  const topics = picked ?? (topicNames.includes(LAB_TOPIC) ? [LAB_TOPIC] : []);
  const request = (): LabStartRequest => ({
    groupId: groupId.trim(),
    topics,
    consumers: Number(consumers),
    processingDelayMs: Number(delay),
    sessionTimeoutMs: Number(session),
    protocol,
  });
  const unavailable = protocols.filter((p) => !p.available);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const foreign = foreignMembers(groupId.trim(), groups, instances);
    if (foreign > 0) {
      setAsking(foreign);
      return;
    }
    await start.run(request());
  }

  async function joinAnyway() {
    setAsking(null);
    await start.run(request());
  }

  return (
    <form
      onSubmit={submit}
      className="grid gap-3 md:grid-cols-[1fr_2fr_2fr_1fr_1fr_1fr_auto] md:items-start"
      aria-label={t('formLabel')}
    >
      <Field label={t('protocol')} hint={t(`protocolHint.${protocol}`)}>
        <Select
          value={protocol}
          onChange={(e) => setProtocol(e.target.value as LabProtocol)}
          data-testid="lab-protocol"
        >
          {protocols.map((p) => (
            <option key={p.protocol} value={p.protocol} disabled={!p.available}>
              {p.available ? t(`protocols.${p.protocol}`) : t('protocolOff', { name: t(`protocols.${p.protocol}`) })}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('groupId')}>
        <TextInput
          value={groupId}
          onChange={(e) => {
            setGroupId(e.target.value);
            setAsking(null);
          }}
          required
        />
      </Field>
      <TopicChecklist
        legend={t('topics')}
        hint={topicNames.length ? t('topicsHint') : t('noTopics')}
        names={topicNames}
        picked={topics}
        onChange={setPicked}
      />
      <Field label={t('consumers')}>
        <TextInput
          type="number"
          min={1}
          max={MAX_LAB_CONSUMERS}
          value={consumers}
          onChange={(e) => setConsumers(e.target.value)}
        />
      </Field>
      <Field label={t('delay')} hint={t('delayHint')}>
        <TextInput type="number" min={0} max={10_000} value={delay} onChange={(e) => setDelay(e.target.value)} />
      </Field>
      <Field label={t('session')} hint={protocol === 'classic' ? t('sessionHint') : t('sessionHintBroker')}>
        <TextInput
          type="number"
          min={6_000}
          max={60_000}
          step={1000}
          disabled={protocol !== 'classic'}
          value={session}
          onChange={(e) => setSession(e.target.value)}
        />
      </Field>
      <div className="md:pt-5">
        <Button type="submit" tone="primary" disabled={start.pending}>
          {start.pending ? t('starting') : t('start')}
        </Button>
      </div>
      {unavailable.length > 0 && (
        <ul className="space-y-0.5 text-xs text-zinc-400 md:col-span-7" data-testid="lab-protocols-off">
          {unavailable.map((p) => (
            <li key={p.protocol} data-testid={`lab-protocol-off-${p.protocol}`} title={p.reason ?? undefined}>
              {t('protocolWhy', { name: t(`protocols.${p.protocol}`), why: t(`why.${p.why ?? 'brokerUnknown'}`) })}
            </li>
          ))}
        </ul>
      )}
      {asking !== null && (
        <div
          role="alertdialog"
          aria-labelledby="lab-foreign-text"
          className="space-y-2 rounded border border-amber-700 bg-amber-950/40 p-3 text-sm text-amber-100 md:col-span-7"
          data-testid="lab-foreign-warning"
        >
          <p id="lab-foreign-text">{t('foreignWarning', { group: groupId.trim(), count: asking })}</p>
          <div className="flex gap-2">
            <Button tone="warn" size="sm" onClick={() => void joinAnyway()} data-testid="lab-foreign-confirm">
              {t('joinAnyway')}
            </Button>
            <Button size="sm" onClick={() => setAsking(null)} data-testid="lab-foreign-cancel">
              {t('cancel')}
            </Button>
          </div>
        </div>
      )}
      <div className="md:col-span-7">
        <ActionMessage error={start.error} testId="lab-start-error" />
      </div>
    </form>
  );
}
