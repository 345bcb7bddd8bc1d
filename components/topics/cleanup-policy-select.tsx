'use client';

import type { SelectHTMLAttributes } from 'react';
import { useTranslations } from 'use-intl';
import { CLEANUP_POLICIES } from '@/lib/contract/action-schemas';
import { Select } from '@/components/ui/field';

/** delete, compact or both; `withDefault` adds an empty choice meaning the broker's default. */
export function CleanupPolicySelect({
  withDefault = false,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { withDefault?: boolean }) {
  const t = useTranslations('topics.settings');
  return (
    <Select {...props}>
      {withDefault && <option value="">{t('default')}</option>}
      {CLEANUP_POLICIES.map((p) => (
        <option key={p} value={p}>
          {p}
        </option>
      ))}
    </Select>
  );
}
