'use client';

import { useTranslations } from 'use-intl';
import type { TailHeader } from '@/lib/contract/actions';
import { MAX_HEADERS } from '@/lib/contract/action-schemas';
import { Button } from '@/components/ui/button';
import { TextInput } from '@/components/ui/field';

/** Header rows; the same key may appear more than once, as Kafka allows. */
export function HeadersEditor({
  headers,
  onChange,
}: {
  headers: TailHeader[];
  onChange: (headers: TailHeader[]) => void;
}) {
  const t = useTranslations('lab.headers');
  const set = (i: number, change: Partial<TailHeader>) =>
    onChange(headers.map((h, j) => (j === i ? { ...h, ...change } : h)));
  return (
    <div className="space-y-1" data-testid="produce-headers">
      {headers.map((h, i) => (
        <div key={i} className="flex gap-1">
          <TextInput
            aria-label={t('keyLabel', { n: i + 1 })}
            placeholder={t('key')}
            value={h.key}
            onChange={(e) => set(i, { key: e.target.value })}
            className="w-1/3"
          />
          <TextInput
            aria-label={t('valueLabel', { n: i + 1 })}
            placeholder={t('value')}
            value={h.value}
            onChange={(e) => set(i, { value: e.target.value })}
          />
          <Button
            size="sm"
            aria-label={t('removeLabel', { n: i + 1 })}
            onClick={() => onChange(headers.filter((_, j) => j !== i))}
          >
            ×
          </Button>
        </div>
      ))}
      {headers.length < MAX_HEADERS && (
        <Button size="sm" onClick={() => onChange([...headers, { key: '', value: '' }])}>
          {t('add')}
        </Button>
      )}
    </div>
  );
}
