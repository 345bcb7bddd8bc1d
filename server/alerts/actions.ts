import type { ActionHandlers } from '@/server/actions/dispatcher';
import { ActionError } from '@/server/actions/errors';
import type { AlertsService } from './service';

// Editing the alert rules: a write like any other (audited, rate limited, refused in read-only
// mode), though it changes the dashboard and not Kafka, because it decides who gets paged.

export function alertActions(alerts: AlertsService): Pick<ActionHandlers, 'alerts:set-rules'> {
  return {
    async 'alerts:set-rules'(req) {
      try {
        return await alerts.setRules(req);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new ActionError(`could not save the rules file: ${code ?? (e as Error).message}; nothing was changed`);
      }
    },
  };
}
