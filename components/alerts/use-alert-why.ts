import { useTranslations } from 'use-intl';
import type { AlertWhy } from '@/lib/contract/alerts';
import { useVerdictText } from '@/components/groups/use-verdict-text';
import { useDuration } from '@/components/ui/use-duration';

/** Why an alert fires, in the UI's language (the server's `reason` is the English one, for the
 *  API and webhooks). A value not known is said so, never shown as 0. */
export function useAlertWhy(): (why: AlertWhy) => string {
  const t = useTranslations('alerts.why');
  const verdict = useVerdictText();
  const duration = useDuration();
  return (why) => {
    switch (why.kind) {
      case 'verdict':
        return verdict.group(why.health);
      case 'lag':
        return why.lag === null ? t('lagUnknown') : t('lagBehind', { count: why.lag });
      case 'lag-seconds':
        return why.seconds === null ? t('lagSecondsUnknown') : t('oldestUnread', { age: duration(why.seconds * 1000) });
    }
  };
}
