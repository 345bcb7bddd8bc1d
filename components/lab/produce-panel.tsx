'use client';

import { useEffect, useState } from 'react';
import type { TailHeader } from '@/lib/contract/actions';
import { MAX_BULK_COUNT, produceSchema, type ProduceRequest } from '@/lib/contract/action-schemas';
import { useLiveStore } from '@/lib/store';
import { Button } from '@/components/ui/button';
import { Field, Select, TextInput } from '@/components/ui/field';
import { ActionMessage } from '@/components/ui/action-message';
import { useAction } from '@/components/ui/use-action';
import { HeadersEditor } from './headers-editor';
import { PartitionPreview } from './partition-preview';
import { ProduceResultView } from './produce-result';
import { describeIssue } from '@/lib/contract/describe-issue';

const EXAMPLE_VALUE = '{"orderId": 42, "status": "PAID"}';

/** Send one message or a bulk of N, see beforehand where they will land, and after, where they did. */
export function ProducePanel({ topic, partitions }: { topic: string; partitions: number }) {
  const [useKey, setUseKey] = useState(true);
  const [key, setKey] = useState('order-42');
  const [value, setValue] = useState(EXAMPLE_VALUE);
  const [format, setFormat] = useState<'text' | 'json'>('json');
  const [headers, setHeaders] = useState<TailHeader[]>([]);
  const [partition, setPartition] = useState<number | null>(null);
  const [count, setCount] = useState(1);
  const [clientError, setClientError] = useState<string | null>(null);
  const send = useAction('produce:send');
  const draft = useLiveStore((s) => s.produceDraft);
  const clearDraft = useLiveStore((s) => s.setProduceDraft);

  // A message replayed from the tail fills the form.
  useEffect(() => {
    if (!draft) return;
    setUseKey(draft.key !== null && draft.key !== undefined);
    if (draft.key) setKey(draft.key);
    if (draft.value !== undefined) setValue(draft.value);
    if (draft.format) setFormat(draft.format);
    setHeaders(draft.headers ?? []);
    setPartition(null);
    setCount(1);
    clearDraft(null);
  }, [draft, clearDraft]);

  const request: ProduceRequest = { topic, key: useKey ? key : null, value, format, headers, partition, count };
  const submit = async () => {
    // The same schema as the server: most mistakes are caught before a round trip.
    const parsed = produceSchema.safeParse(request);
    if (!parsed.success) {
      setClientError(describeIssue(parsed.error));
      return;
    }
    if (format === 'json') {
      try {
        JSON.parse(value);
      } catch (e) {
        setClientError(`the value is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
        return;
      }
    }
    setClientError(null);
    await send.run(parsed.data);
  };

  return (
    <form
      className="space-y-3"
      data-testid="produce-panel"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="grid grid-cols-[auto_1fr] items-end gap-2">
        <label className="flex items-center gap-1.5 pb-1.5 text-xs text-zinc-400">
          <input type="checkbox" checked={useKey} onChange={(e) => setUseKey(e.target.checked)} aria-label="use a key" />
          key
        </label>
        <Field label="Key" hint={useKey ? '{n} becomes the message number in a bulk send' : 'no key: spread over partitions'}>
          <TextInput aria-label="key" value={useKey ? key : ''} disabled={!useKey} placeholder="(no key)" onChange={(e) => setKey(e.target.value)} className="font-mono" />
        </Field>
      </div>
      <Field label="Value">
        <textarea aria-label="value" value={value} onChange={(e) => setValue(e.target.value)} rows={3} className="w-full rounded border border-zinc-700 bg-zinc-950 px-2 py-1 font-mono text-xs text-zinc-100 focus:border-violet-500 focus:outline-none" />
      </Field>
      <div className="grid grid-cols-3 gap-2">
        <Field label="Format">
          <Select aria-label="format" value={format} onChange={(e) => setFormat(e.target.value === 'json' ? 'json' : 'text')}>
            <option value="json">JSON (checked)</option>
            <option value="text">text</option>
          </Select>
        </Field>
        <Field label="Partition">
          <Select aria-label="partition" value={partition ?? ''} onChange={(e) => setPartition(e.target.value === '' ? null : Number(e.target.value))}>
            <option value="">by key / round-robin</option>
            {Array.from({ length: partitions }, (_, i) => (
              <option key={i} value={i}>
                partition {i}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Count">
          <TextInput aria-label="count" type="number" min={1} max={MAX_BULK_COUNT} value={count} onChange={(e) => setCount(Math.max(1, Math.floor(Number(e.target.value) || 1)))} />
        </Field>
      </div>
      <Field label="Headers">
        <HeadersEditor headers={headers} onChange={setHeaders} />
      </Field>
      <PartitionPreview keyText={useKey ? key : null} partition={partition} count={count} partitions={partitions} />
      <div className="flex items-center gap-3">
        <Button tone="primary" type="submit" disabled={send.pending || !topic} data-testid="produce-send">
          {send.pending ? 'Sending…' : count > 1 ? `Send ${count} messages` : 'Send'}
        </Button>
        <span className="text-xs text-zinc-500">idempotent producer, acks=all</span>
      </div>
      <ActionMessage error={clientError ?? send.error} testId="produce-error" />
      {send.result && <ProduceResultView result={send.result} />}
    </form>
  );
}
