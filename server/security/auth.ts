import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { AuthSettings } from './config';

// Optional login. A person signs in once on the login page and gets a random session id in an
// HttpOnly, SameSite=Strict cookie (kept in memory here: a restart signs everyone out). Scripts
// send the credential itself: `Authorization: Bearer <token>`, or Basic for user and password.
// Secrets are compared as SHA-256 digests with timingSafeEqual, so neither their content nor
// their length shows in the time an answer takes. Failed attempts are limited per address.

export const SESSION_COOKIE = 'kafka_live_session';
/** Sessions kept at most; the oldest goes first, so a login flood cannot grow memory. */
const MAX_SESSIONS = 10_000;
const LOGIN_WINDOW_SECONDS = 15 * 60;

const digest = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest();

/** Constant-time equality of two strings of any length. */
export function secretEquals(given: string, expected: string): boolean {
  return crypto.timingSafeEqual(digest(given), digest(expected));
}

export type Identity =
  | { ok: true; session: string | null }
  | { ok: false; reason: 'missing' | 'wrong' | 'blocked'; retryAfterSeconds?: number };

/** What a login form or an Authorization header offers. */
export interface Credentials {
  username?: string;
  secret: string;
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return cookies;
}

export function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

export class Authenticator extends EventEmitter<{ revoked: [session: string] }> {
  /** session id -> expiry (ms); Map keeps insertion order, so the first key is the oldest. */
  private readonly sessions = new Map<string, number>();
  private readonly failures: RateLimiterMemory;

  constructor(
    readonly settings: AuthSettings,
    private readonly sessionMs: number,
    readonly maxFailures: number,
  ) {
    super();
    this.failures = new RateLimiterMemory({ points: maxFailures, duration: LOGIN_WINDOW_SECONDS });
  }

  get kind(): AuthSettings['kind'] {
    return this.settings.kind;
  }

  /** Who is asking: a live session cookie, or a valid Authorization header. */
  async identify(req: IncomingMessage): Promise<Identity> {
    const session = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    if (session && this.sessionValid(session)) return { ok: true, session };
    const offered = fromAuthorization(req.headers.authorization);
    if (!offered) return { ok: false, reason: 'missing' };
    return this.check(clientAddress(req), offered);
  }

  /** Checks credentials against the configuration, counting failures per address. */
  async check(address: string, offered: Credentials): Promise<Identity> {
    const blocked = await this.blockedFor(address);
    if (blocked > 0) return { ok: false, reason: 'blocked', retryAfterSeconds: blocked };
    if (this.matches(offered)) {
      await this.failures.delete(address);
      return { ok: true, session: null };
    }
    await this.failures.consume(address).catch(() => undefined);
    return { ok: false, reason: 'wrong' };
  }

  /** A new session after a successful login. */
  openSession(): string {
    const id = crypto.randomBytes(32).toString('base64url');
    this.sessions.set(id, Date.now() + this.sessionMs);
    while (this.sessions.size > MAX_SESSIONS) this.closeSession(this.sessions.keys().next().value as string);
    return id;
  }

  closeSession(id: string): void {
    if (this.sessions.delete(id)) this.emit('revoked', id);
  }

  sessionValid(id: string): boolean {
    const expires = this.sessions.get(id);
    if (expires === undefined) return false;
    if (expires > Date.now()) return true;
    this.closeSession(id);
    return false;
  }

  get sessionSeconds(): number {
    return Math.round(this.sessionMs / 1000);
  }

  private async blockedFor(address: string): Promise<number> {
    const state = await this.failures.get(address);
    return state && state.consumedPoints >= this.maxFailures ? Math.max(1, Math.ceil(state.msBeforeNext / 1000)) : 0;
  }

  private matches(offered: Credentials): boolean {
    const s = this.settings;
    if (s.kind === 'token') return secretEquals(offered.secret, s.token);
    // Both compared every time, so a right username does not answer faster or slower.
    const user = secretEquals(offered.username ?? '', s.username);
    const pass = secretEquals(offered.secret, s.password);
    return user && pass;
  }
}

/** `Bearer <token>` or `Basic base64(user:password)`; anything else offers nothing. */
function fromAuthorization(header: string | undefined): Credentials | null {
  if (!header || header.length > 4096) return null;
  const [scheme, value] = header.trim().split(/\s+/, 2);
  if (!value) return null;
  if (scheme.toLowerCase() === 'bearer') return { secret: value };
  if (scheme.toLowerCase() !== 'basic') return null;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { username: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}
