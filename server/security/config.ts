import { ConfigError, int, read, type Env } from '@/server/env';

// Security settings from the environment: optional login, allowed origins, rate limits. Read
// once at start with the rest of the configuration; a bad value names its variable.

/** Who may use the dashboard when login is on: one shared token, or one user and password. */
export type AuthSettings = { kind: 'token'; token: string } | { kind: 'password'; username: string; password: string };

export interface SecuritySettings {
  /** null: no login (the default, for a dashboard on 127.0.0.1). */
  auth: AuthSettings | null;
  sessionHours: number;
  /** Origins allowed to open the socket besides the dashboard's own (e.g. behind a proxy). */
  allowedOrigins: string[];
  /** Produce and lab actions per client address per minute; 0 turns the limit off. */
  actionsPerMinute: number;
  /** Failed logins (form or header) per client address per 15 minutes before a pause. */
  loginAttempts: number;
}

// Short secrets are guessable however constant-time the comparison is.
const MIN_SECRET = 12;

function auth(env: Env): AuthSettings | null {
  // Secrets are taken as written: a space may be part of a password.
  const token = env.KAFKA_LIVE_AUTH_TOKEN ?? '';
  const username = read(env, 'KAFKA_LIVE_AUTH_USERNAME');
  const password = env.KAFKA_LIVE_AUTH_PASSWORD ?? '';
  if (token !== '' && (username || password !== '')) {
    throw new ConfigError('KAFKA_LIVE_AUTH_TOKEN', 'set either a token or a username and password, not both');
  }
  if (token !== '') {
    if (token.length < MIN_SECRET)
      throw new ConfigError('KAFKA_LIVE_AUTH_TOKEN', `use at least ${MIN_SECRET} characters (got ${token.length})`);
    return { kind: 'token', token };
  }
  if (!username && password === '') return null;
  if (!username) throw new ConfigError('KAFKA_LIVE_AUTH_USERNAME', 'required with KAFKA_LIVE_AUTH_PASSWORD');
  if (username.includes(':'))
    throw new ConfigError(
      'KAFKA_LIVE_AUTH_USERNAME',
      'cannot contain ":" (HTTP Basic separates user and password with it)',
    );
  if (password === '') throw new ConfigError('KAFKA_LIVE_AUTH_PASSWORD', 'required with KAFKA_LIVE_AUTH_USERNAME');
  if (password.length < MIN_SECRET)
    throw new ConfigError('KAFKA_LIVE_AUTH_PASSWORD', `use at least ${MIN_SECRET} characters (got ${password.length})`);
  return { kind: 'password', username, password };
}

function origins(env: Env): string[] {
  const raw = read(env, 'KAFKA_LIVE_ALLOWED_ORIGINS');
  if (raw === undefined) return [];
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      let url: URL;
      try {
        url = new URL(entry);
      } catch {
        throw new ConfigError(
          'KAFKA_LIVE_ALLOWED_ORIGINS',
          `"${entry}" is not an origin such as https://kafka.example.com`,
        );
      }
      if (!['http:', 'https:'].includes(url.protocol) || url.origin !== entry.replace(/\/$/, '')) {
        throw new ConfigError(
          'KAFKA_LIVE_ALLOWED_ORIGINS',
          `"${entry}" is not an origin (scheme://host[:port], no path)`,
        );
      }
      return url.origin;
    });
}

export function loadSecuritySettings(env: Env): SecuritySettings {
  return {
    auth: auth(env),
    sessionHours: int(env, 'KAFKA_LIVE_SESSION_HOURS', 12, 1, 24 * 30),
    allowedOrigins: origins(env),
    actionsPerMinute: int(env, 'KAFKA_LIVE_ACTION_LIMIT', 300, 0, 1_000_000),
    loginAttempts: int(env, 'KAFKA_LIVE_LOGIN_LIMIT', 10, 1, 10_000),
  };
}
