import type { IncomingMessage } from 'node:http';
import type { LiveServer } from '@/server/realtime/socket';
import { parseCookies, SESSION_COOKIE, type Authenticator } from './auth';
import { checkOrigin, originRefusal } from './origin';

// The socket's door: the handshake is refused when it comes from another site's page or,
// with login on, without a session or credentials. A signed-out session's sockets are closed
// at once. Each socket may send a bounded number of events a second; the page sends a few.

export const MAX_EVENTS_PER_SECOND = 200;

type AllowRequest = (
  req: IncomingMessage,
  callback: (err: string | null | undefined, success: boolean) => void,
) => void;

export function socketAllowRequest(auth: Authenticator | null, allowedOrigins: string[]): AllowRequest {
  return (req, callback) => {
    const origin = checkOrigin(req, allowedOrigins);
    if (!origin.ok) {
      callback(originRefusal(origin.origin), false);
      return;
    }
    if (!auth) {
      callback(null, true);
      return;
    }
    auth.identify(req).then(
      (identity) =>
        callback(
          identity.ok ? null : 'sign in required: open /login, or send Authorization with the handshake',
          identity.ok,
        ),
      () => callback('sign-in check failed', false),
    );
  };
}

export function guardSockets(server: LiveServer, auth: Authenticator | null): void {
  if (auth) {
    auth.on('revoked', (session) => {
      for (const socket of server.of('/').sockets.values()) {
        if (parseCookies(socket.request.headers.cookie).get(SESSION_COOKIE) === session) socket.disconnect(true);
      }
    });
  }
  server.on('connection', (socket) => {
    // A socket opened with a session lives as long as the session: one that expired is closed
    // at its next event.
    const session = auth ? parseCookies(socket.request.headers.cookie).get(SESSION_COOKIE) : undefined;
    const sessionBound = session !== undefined && auth !== null && auth.sessionValid(session);
    let second = 0;
    let count = 0;
    let told = false;
    socket.use((packet, next) => {
      if (sessionBound && !auth.sessionValid(session)) {
        socket.disconnect(true);
        return;
      }
      const now = Math.floor(Date.now() / 1000);
      if (now !== second) {
        second = now;
        count = 0;
        told = false;
      }
      if (++count <= MAX_EVENTS_PER_SECOND) {
        next();
        return;
      }
      const message = `too many events: at most ${MAX_EVENTS_PER_SECOND} a second per connection; this one was dropped`;
      const ack = packet[packet.length - 1];
      if (typeof ack === 'function') (ack as (r: unknown) => void)({ ok: false, error: message });
      else if (!told) socket.emit('action:error', { event: String(packet[0]).slice(0, 100), message });
      told = true;
    });
  });
}
