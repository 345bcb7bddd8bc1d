import type { ActionHandlers } from '@/server/actions/dispatcher';
import type { ProduceService } from './service';

export function produceActions(
  produce: ProduceService,
): Pick<ActionHandlers, 'produce:send' | 'produce:load-start' | 'produce:load-stop'> {
  return {
    'produce:send': (req) => produce.send(req),
    'produce:load-start': (req) => produce.startLoad(req),
    'produce:load-stop': ({ id }) => produce.stopLoad(id),
  };
}
