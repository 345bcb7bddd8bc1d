import type { KafkaStatus } from '@/lib/contract/cluster';
import type { LiveServer } from '@/server/realtime/socket';
import { createActionLimit, type ActionLimit } from './action-limit';
import { Authenticator } from './auth';
import type { SecuritySettings } from './config';
import { createHttpGate, type HttpGate } from './gate';
import { contentSecurityPolicy } from './headers';
import { guardSockets, socketAllowRequest } from './socket-guard';

// The dashboard's security in one place, for server/app.ts to wire in: the HTTP gate, the
// socket handshake check and guard, and the action rate limit.

export interface Security {
  /** Login is on. */
  auth: boolean;
  gate: HttpGate;
  allowRequest: ReturnType<typeof socketAllowRequest>;
  actionLimit: ActionLimit;
  guard(io: LiveServer): void;
}

export function createSecurity(
  settings: SecuritySettings,
  opts: { dev: boolean; kafkaStatus: () => KafkaStatus },
): Security {
  const auth = settings.auth
    ? new Authenticator(settings.auth, settings.sessionHours * 3_600_000, settings.loginAttempts)
    : null;
  return {
    auth: auth !== null,
    gate: createHttpGate({
      auth,
      allowedOrigins: settings.allowedOrigins,
      csp: contentSecurityPolicy(opts.dev),
      kafkaStatus: opts.kafkaStatus,
    }),
    allowRequest: socketAllowRequest(auth, settings.allowedOrigins),
    actionLimit: createActionLimit(settings.actionsPerMinute),
    guard: (io) => guardSockets(io, auth),
  };
}
