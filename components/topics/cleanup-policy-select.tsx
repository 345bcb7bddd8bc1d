import type { SelectHTMLAttributes } from 'react';
import { CLEANUP_POLICIES } from '@/lib/contract/action-schemas';
import { Select } from '@/components/ui/field';

/** delete, compact or both; `withDefault` adds an empty choice meaning the broker's default. */
export function CleanupPolicySelect({ withDefault = false, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { withDefault?: boolean }) {
  return (
    <Select {...props}>
      {withDefault && <option value="">default</option>}
      {CLEANUP_POLICIES.map((p) => (
        <option key={p} value={p}>
          {p}
        </option>
      ))}
    </Select>
  );
}
