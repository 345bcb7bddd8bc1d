import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/contract/events';

// Plain HTTP and socket helpers for the security and fuzz tests: requests that keep their
// redirects and headers, and sockets that send what a browser or a script would.

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** fetch without following redirects, so a 303 to the login page is what the test sees. */
export function get(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { headers, redirect: 'manual' });
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
    redirect: 'manual',
  });
}

export function postForm(
  url: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    redirect: 'manual',
  });
}

/** The session cookie a login answer set, as a Cookie header value. */
export function sessionCookie(res: Response): string {
  const set = res.headers.get('set-cookie') ?? '';
  const pair = set.split(';')[0];
  if (!pair.includes('=')) throw new Error(`no cookie in the answer (status ${res.status})`);
  return pair;
}

/** A socket with the given handshake headers; resolves connected, or rejects with the refusal.
 *  `listen` sees the socket before it connects, so it misses none of the first events. */
export function connectSocket(
  url: string,
  headers: Record<string, string> = {},
  transports: ('websocket' | 'polling')[] = ['websocket'],
  listen?: (socket: TestSocket) => void,
): Promise<TestSocket> {
  const socket: TestSocket = io(url, {
    transports,
    forceNew: true,
    reconnection: false,
    extraHeaders: headers,
    timeout: 15_000,
    autoConnect: false,
  });
  listen?.(socket);
  socket.connect();
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e) => {
      socket.close();
      reject(e);
    });
  });
}

/** Resolves once `predicate` holds, polling; fails with `what` after the timeout. */
export async function until(
  what: string,
  predicate: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
