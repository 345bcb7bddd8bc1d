import { useTranslations } from 'use-intl';
import type { AlertRule } from '@/lib/contract/alerts';
import { useDuration } from '@/components/ui/use-duration';

/** A rule's condition in the UI's language; the server keeps its English one
 *  (lib/alerts/condition-text.ts) for the webhook body and the API. */
export function useConditionText(): (rule: AlertRule) => string {
  const t = useTranslations('alerts.condition');
  const duration = useDuration();
  return (rule) => {
    const w = rule.when;
    const base =
      w.verdictNot !== undefined
        ? t('verdictNot', { verdict: w.verdictNot })
        : w.verdictIn !== undefined
          ? t('verdictIn', { verdicts: w.verdictIn.join(t('or')) })
          : w.lagSecondsOver !== undefined
            ? t('lagSecondsOver', { duration: duration(w.lagSecondsOver * 1000) })
            : t('lagOver', { count: w.lagOver ?? 0 });
    return w.forSeconds > 0 ? t('for', { base, duration: duration(w.forSeconds * 1000) }) : base;
  };
}
