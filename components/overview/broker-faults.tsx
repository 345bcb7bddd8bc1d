'use client';

import { useState } from 'react';
import type { Broker } from '@/lib/contract/cluster';
import { useLiveStore } from '@/lib/store';
import { useAction, useCanAct } from '@/components/ui/use-action';
import { Button } from '@/components/ui/button';
import { ActionMessage } from '@/components/ui/action-message';

// Stop, kill and start for one broker of the embedded cluster. Stop is a controlled shutdown
// (leaderships move at once); kill is SIGKILL, so it asks first: the controller notices only
// after the session timeout, and a killed controller means an election.

export function BrokerFaults({ broker }: { broker: Broker }) {
  const canAct = useCanAct();
  const offered = useLiveStore((s) => s.serverInfo?.brokerFaults ?? false);
  const stop = useAction('broker:stop');
  const kill = useAction('broker:kill');
  const start = useAction('broker:start');
  const [confirmKill, setConfirmKill] = useState(false);
  if (!canAct || !offered) return null;

  const pending = stop.pending ? 'Stopping…' : kill.pending ? 'Killing…' : start.pending ? 'Starting… (can take half a minute)' : null;
  const error = stop.error ?? kill.error ?? start.error;
  const brokerId = broker.id;
  const clear = () => [stop, kill, start].forEach((a) => a.reset());
  // An unreachable broker is usually a killed one the controller has not fenced yet.
  const up = broker.status === 'online';

  return (
    <div className="mt-3 border-t border-zinc-800 pt-2" data-testid={`broker-faults-${brokerId}`}>
      <div className="flex flex-wrap items-center gap-2">
        {pending ? (
          <span className="text-xs text-amber-300" data-testid={`broker-pending-${brokerId}`} role="status">
            {pending}
          </span>
        ) : confirmKill ? (
          <>
            <span className="text-xs text-rose-200">Kill broker {brokerId} (SIGKILL, no controlled shutdown)?</span>
            <Button
              size="sm"
              tone="danger"
              data-testid={`broker-kill-confirm-${brokerId}`}
              onClick={() => {
                setConfirmKill(false);
                clear();
                void kill.run({ brokerId });
              }}
            >
              Kill
            </Button>
            <Button size="sm" onClick={() => setConfirmKill(false)}>
              Cancel
            </Button>
          </>
        ) : up ? (
          <>
            <Button
              size="sm"
              tone="warn"
              data-testid={`broker-stop-${brokerId}`}
              title="Graceful stop (SIGTERM): controlled shutdown moves its leaderships first"
              onClick={() => {
                clear();
                void stop.run({ brokerId });
              }}
            >
              Stop
            </Button>
            <Button size="sm" tone="danger" data-testid={`broker-kill-${brokerId}`} title="Hard kill (SIGKILL)" onClick={() => setConfirmKill(true)}>
              Kill…
            </Button>
          </>
        ) : (
          <Button
            size="sm"
            tone="primary"
            data-testid={`broker-start-${brokerId}`}
            onClick={() => {
              clear();
              void start.run({ brokerId });
            }}
          >
            Start
          </Button>
        )}
      </div>
      <ActionMessage error={error} testId={`broker-fault-error-${brokerId}`} />
    </div>
  );
}
