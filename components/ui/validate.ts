import { useTranslations } from 'use-intl';

// Field checks made in the browser before an action is sent, worded for a person in the UI's
// language. The server checks again with its schema; these only spare the person its wording.

export interface IntRule {
  min?: number;
  max?: number;
  /** An empty box is allowed (it means "the broker's default"). */
  optional?: boolean;
}

export type Check = (text: string, rule?: IntRule) => string | null;

export function useIntCheck(): Check {
  const t = useTranslations('common.validation');
  return (text, rule = {}) => {
    const s = text.trim();
    if (s === '') return rule.optional ? null : t('required');
    if (!/^-?\d+$/.test(s)) return t('wholeNumber');
    const n = Number(s);
    if (rule.min !== undefined && rule.max !== undefined && (n < rule.min || n > rule.max))
      return t('between', { min: rule.min, max: rule.max });
    if (rule.min !== undefined && n < rule.min) return t('atLeast', { min: rule.min });
    return null;
  };
}

/** True when no check found a problem. */
export const allValid = (errors: Record<string, string | null>): boolean =>
  Object.values(errors).every((e) => e === null);
