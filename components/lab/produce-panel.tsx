'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'use-intl';
import type { TailHeader } from '@/lib/contract/actions';
import { MAX_BULK_COUNT, type ProduceRequest } from '@/lib/contract/action-schemas';
import { useLiveStore } from '@/lib/store';
import { selectGroups } from '@/lib/store/selectors';
import { Button } from '@/components/ui/button';
import { Field, Select, TextInput } from '@/components/ui/field';
import { ActionMessage } from '@/components/ui/action-message';
import { useAction } from '@/components/ui/use-action';
import { HeadersEditor } from './headers-editor';
import { PartitionPreview } from './partition-preview';
import { ProduceResultView } from './produce-result';
import { foreignReaders, jsonError, parseCount } from './guard';

const EXAMPLE_VALUE = '{"orderId": 42, "status": "PAID"}';

/** `json` values must parse (`{n}` read as a number); the server checks too, this only saves the round trip. */
function jsonProblem(request: ProduceRequest): string | null {
  if (request.format !== 'json' || request.tombstone) return null;
  const problem = jsonError(request.value);
  return problem === null ? null : `the value is not valid JSON: ${problem}`;
}

/** Send one message or a bulk of N, see beforehand where they will land, and after, where they
 *  did. Sending into a topic other groups read asks first: their consumers get the messages. */
export function ProducePanel({ topic, partitions }: { topic: string; partitions: number }) {
  const t = useTranslations('lab.produce');
  const [useKey, setUseKey] = useState(true);
  const [key, setKey] = useState('order-42');
  const [value, setValue] = useState(EXAMPLE_VALUE);
  const [format, setFormat] = useState<'text' | 'json'>('json');
  const [headers, setHeaders] = useState<TailHeader[]>([]);
  const [partition, setPartition] = useState<number | null>(null);
  const [countText, setCountText] = useState('1');
  const [tombstone, setTombstone] = useState(false);
  // The topic whose readers the person agreed to send to; asked again for another topic.
  const [agreedFor, setAgreedFor] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const send = useAction('produce:send', { check: jsonProblem });
  const draft = useLiveStore((s) => s.produceDraft);
  const clearDraft = useLiveStore((s) => s.setProduceDraft);
  const groups = useLiveStore(selectGroups);
  const instances = useLiveStore((s) => s.labInstances);
  const readers = foreignReaders(topic, groups, instances);

  // A message replayed from the tail fills the form.
  useEffect(() => {
    if (!draft) return;
    setUseKey(draft.key !== null && draft.key !== undefined);
    if (draft.key) setKey(draft.key);
    if (draft.value !== undefined) setValue(draft.value);
    if (draft.format) setFormat(draft.format);
    setHeaders(draft.headers ?? []);
    setTombstone(draft.tombstone === true);
    setPartition(null);
    setCountText('1');
    clearDraft(null);
  }, [draft, clearDraft]);

  const parsed = parseCount(countText);
  const count = 'count' in parsed ? parsed.count : 1;
  const countProblem = 'problem' in parsed ? t(`countProblem.${parsed.problem}`, { max: MAX_BULK_COUNT }) : null;
  const badJson = format === 'json' && !tombstone ? jsonError(value) : null;
  // The value typed stays in the field while it is a tombstone, to come back if unticked.
  const request: ProduceRequest = {
    topic,
    key: useKey ? key : null,
    value: tombstone ? '' : value,
    format,
    headers,
    partition,
    count,
    ...(tombstone ? { tombstone } : {}),
  };
  const blocked = countProblem !== null;

  function submit() {
    if (blocked) return;
    if (jsonProblem(request) === null && readers.length > 0 && agreedFor !== topic) {
      setAsking(true);
      return;
    }
    setAsking(false);
    void send.run(request);
  }

  return (
    <form
      className="space-y-3"
      data-testid="produce-panel"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="grid grid-cols-[auto_1fr] items-end gap-2">
        <label className="flex items-center gap-1.5 pb-1.5 text-xs text-zinc-400">
          <input
            type="checkbox"
            checked={useKey}
            onChange={(e) => setUseKey(e.target.checked)}
            aria-label={t('useKey')}
          />
          {t('keyToggle')}
        </label>
        <Field label={t('key')} hint={useKey ? t('keyHint', { n: '{n}' }) : t('noKeyHint')}>
          <TextInput
            aria-label={t('keyLabel')}
            value={useKey ? key : ''}
            disabled={!useKey}
            placeholder={t('noKey')}
            onChange={(e) => setKey(e.target.value)}
            className="font-mono"
          />
        </Field>
      </div>
      <label className="flex flex-wrap items-center gap-1.5 text-xs text-zinc-400">
        <input
          type="checkbox"
          checked={tombstone}
          onChange={(e) => setTombstone(e.target.checked)}
          data-testid="produce-tombstone"
        />
        {t('tombstone')}
        {tombstone && (
          <span className="text-zinc-400">· {useKey ? t('tombstoneDeletes') : t('tombstoneNeedsKey')}</span>
        )}
      </label>
      <Field
        label={t('value')}
        hint={format === 'json' && !tombstone ? t('valueHint', { n: '{n}', example: '{"seq": {n}}' }) : undefined}
      >
        <textarea
          aria-label={t('valueLabel')}
          aria-invalid={badJson !== null}
          aria-describedby={badJson ? 'produce-json-problem' : undefined}
          value={tombstone ? '' : value}
          disabled={tombstone}
          placeholder={tombstone ? t('tombstoneValue') : undefined}
          onChange={(e) => setValue(e.target.value)}
          rows={3}
          className={`w-full rounded border bg-zinc-950 px-2 py-1 font-mono text-xs text-zinc-100 focus:border-violet-500 focus:outline-none disabled:opacity-50 ${badJson ? 'border-rose-600' : 'border-zinc-700'}`}
        />
      </Field>
      {badJson && (
        <p id="produce-json-problem" className="text-xs text-rose-300" data-testid="produce-json-problem">
          {t('badJson', { reason: badJson })}
        </p>
      )}
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
        <Field label={t('format')}>
          <Select
            aria-label={t('formatLabel')}
            value={format}
            disabled={tombstone}
            onChange={(e) => setFormat(e.target.value === 'json' ? 'json' : 'text')}
          >
            <option value="json">{t('formatJson')}</option>
            <option value="text">{t('formatText')}</option>
          </Select>
        </Field>
        <Field label={t('partition')}>
          <Select
            aria-label={t('partitionLabel')}
            value={partition ?? ''}
            onChange={(e) => setPartition(e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">{t('byKey')}</option>
            {Array.from({ length: partitions }, (_, i) => (
              <option key={i} value={i}>
                {t('partitionN', { n: i })}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('count')}>
          <TextInput
            aria-label={t('countLabel')}
            aria-invalid={countProblem !== null}
            type="number"
            min={1}
            max={MAX_BULK_COUNT}
            value={countText}
            onChange={(e) => setCountText(e.target.value)}
          />
        </Field>
      </div>
      {countProblem && (
        <p className="text-xs text-rose-300" data-testid="produce-count-problem">
          {countProblem}
        </p>
      )}
      <Field label={t('headers')}>
        <HeadersEditor headers={headers} onChange={setHeaders} />
      </Field>
      <PartitionPreview keyText={useKey ? key : null} partition={partition} count={count} partitions={partitions} />
      {asking && (
        <div
          role="alertdialog"
          aria-labelledby="produce-readers-warning"
          className="space-y-2 rounded border border-amber-700 bg-amber-950/40 p-3 text-xs text-amber-100"
          data-testid="produce-readers-warning"
        >
          <p id="produce-readers-warning">{t('readersWarning', { topic, groups: readers.join(', ') })}</p>
          <div className="flex gap-2">
            <Button
              tone="warn"
              size="sm"
              onClick={() => {
                setAgreedFor(topic);
                setAsking(false);
                void send.run(request);
              }}
              data-testid="produce-readers-confirm"
            >
              {t('sendAnyway')}
            </Button>
            <Button size="sm" onClick={() => setAsking(false)}>
              {t('cancel')}
            </Button>
          </div>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button tone="primary" type="submit" disabled={send.pending || !topic || blocked} data-testid="produce-send">
          {send.pending ? t('sending') : count > 1 ? t('sendMany', { count }) : t('send')}
        </Button>
        <span className="text-xs text-zinc-400">{t('producerNote')}</span>
      </div>
      <ActionMessage error={send.error} testId="produce-error" />
      {send.result && <ProduceResultView result={send.result} />}
    </form>
  );
}
