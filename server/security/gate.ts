import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PublicHealthResponse } from '@/lib/contract/api';
import type { KafkaStatus } from '@/lib/contract/cluster';
import { clientAddress, parseCookies, SESSION_COOKIE, type Authenticator, type Identity } from './auth';
import { applySecurityHeaders, overTls } from './headers';
import { loginPage } from './login-page';
import { checkOrigin, originRefusal } from './origin';

// Every HTTP request passes here first: security headers; a cross-site write refused; and,
// with login on, the login and logout routes and a refusal for anyone not signed in. Left
// open: the login page itself, the build's static chunks, and /api/health, which then says only
// whether the server and Kafka are up (for load balancers), without errors, addresses or timings.

export interface HttpGateOptions {
  auth: Authenticator | null;
  allowedOrigins: string[];
  csp: string;
  kafkaStatus: () => KafkaStatus;
}

/** Answers the request when it is refused or is a login route; false lets it through. */
export type HttpGate = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

const MAX_FORM_BYTES = 8_192;

function json(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

function html(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

function redirect(res: ServerResponse, to: string, cookie?: string): void {
  res.writeHead(303, { location: to, 'cache-control': 'no-store', ...(cookie ? { 'set-cookie': cookie } : {}) });
  res.end();
}

/** Only a path on this dashboard: never `//other.host` or a full URL (no open redirect). */
function safeNext(raw: string | null): string {
  return raw && /^\/(?![/\\])[^\s\\]{0,2000}$/.test(raw) ? raw : '/';
}

function readForm(req: IncomingMessage): Promise<URLSearchParams | null> {
  return new Promise((resolve) => {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') {
      req.resume();
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_FORM_BYTES) chunks.push(c);
    });
    req.on('error', () => resolve(null));
    req.on('end', () =>
      resolve(size > MAX_FORM_BYTES ? null : new URLSearchParams(Buffer.concat(chunks).toString('utf8'))),
    );
  });
}

function refusalWords(identity: Exclude<Identity, { ok: true }>, kind: Authenticator['kind']): string {
  if (identity.reason === 'blocked')
    return `too many failed sign-ins from this address; try again in ${identity.retryAfterSeconds} s`;
  if (identity.reason === 'wrong') return kind === 'token' ? 'wrong access token' : 'wrong username or password';
  return kind === 'token'
    ? 'sign in required: send Authorization: Bearer <token> or sign in at /login'
    : 'sign in required: send HTTP Basic credentials or sign in at /login';
}

export function createHttpGate({ auth, allowedOrigins, csp, kafkaStatus }: HttpGateOptions): HttpGate {
  const cookie = (req: IncomingMessage, value: string, maxAge: number) =>
    `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${overTls(req) ? '; Secure' : ''}`;

  async function login(req: IncomingMessage, res: ServerResponse, url: URL, a: Authenticator): Promise<void> {
    if (req.method === 'GET' || req.method === 'HEAD') {
      const identity = await a.identify(req);
      if (identity.ok) redirect(res, safeNext(url.searchParams.get('next')));
      else html(res, 200, loginPage(a.kind, safeNext(url.searchParams.get('next')), null));
      return;
    }
    if (req.method !== 'POST') {
      json(res, 405, { error: `${req.method} is not allowed on /login` }, { allow: 'GET, POST' });
      return;
    }
    const form = await readForm(req);
    if (!form) {
      html(res, 400, loginPage(a.kind, '/', 'send the sign-in form (application/x-www-form-urlencoded, at most 8 KB)'));
      return;
    }
    const next = safeNext(form.get('next'));
    const offered =
      a.kind === 'token'
        ? { secret: form.get('token') ?? '' }
        : { username: form.get('username') ?? '', secret: form.get('password') ?? '' };
    const identity = await a.check(clientAddress(req), offered);
    if (identity.ok) {
      redirect(res, next, cookie(req, a.openSession(), a.sessionSeconds));
      return;
    }
    html(res, identity.reason === 'blocked' ? 429 : 401, loginPage(a.kind, next, refusalWords(identity, a.kind)));
  }

  function logout(req: IncomingMessage, res: ServerResponse, a: Authenticator): void {
    if (req.method !== 'POST') {
      json(res, 405, { error: 'sign out with POST /logout' }, { allow: 'POST' });
      return;
    }
    req.resume();
    const id = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    if (id) a.closeSession(id);
    redirect(res, '/login', cookie(req, '', 0));
  }

  return async (req, res) => {
    applySecurityHeaders(req, res, csp);
    const url = new URL(req.url ?? '/', 'http://dashboard.invalid');
    const path = url.pathname;
    const writes = !['GET', 'HEAD', 'OPTIONS'].includes(req.method ?? 'GET');
    const origin = checkOrigin(req, allowedOrigins);
    if (writes && !origin.ok) {
      req.resume();
      json(res, 403, { ok: false, error: originRefusal(origin.origin) });
      return true;
    }
    if (!auth) return false;
    // The build's own scripts and styles hold no data, and a page still open after sign-out (or
    // the login page itself) loads chunks from here: a JSON 401 in their place breaks the page.
    if (!writes && path.startsWith('/_next/static/') && !path.includes('..')) return false;
    if (path === '/login') {
      await login(req, res, url, auth);
      return true;
    }
    if (path === '/logout') {
      logout(req, res, auth);
      return true;
    }
    const identity = await auth.identify(req);
    if (identity.ok) return false;
    req.resume();
    const isApi = path === '/api' || path.startsWith('/api/') || path === '/metrics';
    if (path === '/api/health' && !writes) {
      const status = kafkaStatus();
      const body: PublicHealthResponse = { ok: true, kafka: { status, reachable: status === 'connected' } };
      json(res, 200, body);
      return true;
    }
    if (identity.reason === 'blocked') {
      json(
        res,
        429,
        { ok: false, error: refusalWords(identity, auth.kind) },
        { 'retry-after': String(identity.retryAfterSeconds ?? 60) },
      );
      return true;
    }
    const browser = !isApi && !writes && (req.headers.accept ?? '').includes('text/html');
    if (browser) {
      redirect(res, `/login?next=${encodeURIComponent(safeNext(`${path}${url.search}`))}`);
      return true;
    }
    const challenge = auth.kind === 'token' ? 'Bearer realm="kafka-live"' : 'Basic realm="kafka-live", charset="UTF-8"';
    json(res, 401, { ok: false, error: refusalWords(identity, auth.kind) }, { 'www-authenticate': challenge });
    return true;
  };
}
