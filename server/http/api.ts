import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiError, ClusterResponse, GroupResponse, GroupsResponse, HealthResponse } from '../../lib/contract/api';
import type { ActionResponse } from '../../lib/contract/actions';
import { isActionName } from '../../lib/contract/action-schemas';
import { groupIdParamSchema } from '../../lib/contract/schemas';
import { describeIssue } from '../../lib/contract/describe-issue';
import type { ActionDispatcher } from '../actions/dispatcher';
import type { ClusterStore } from '../cluster/store';
import type { GroupsService } from '../groups/service';
import type { MetricsExporter } from './metrics';

// The JSON API: the same state the UI shows, for scripts and health checks.

function send(res: ServerResponse, status: number, body: HealthResponse | ClusterResponse | GroupsResponse | GroupResponse | ApiError | ActionResponse): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(json);
}

const startedAt = Date.now();

export interface ApiDeps {
  store: ClusterStore;
  groups: GroupsService;
  metrics: MetricsExporter;
  actions: ActionDispatcher;
}

// Same ceiling as the socket: a produce near Kafka's 1 MB limit, and no more.
const MAX_BODY_BYTES = 2_000_000;

/** POST /api/actions/:name with a JSON body: the same actions, checks and answers as the socket. */
function serveAction(req: IncomingMessage, res: ServerResponse, path: string, actions: ActionDispatcher): void {
  const name = path.slice('/api/actions/'.length);
  if (!isActionName(name)) {
    send(res, 404, { ok: false, error: `unknown action "${name.slice(0, 100)}"` });
    return;
  }
  if (actions.readOnly) {
    req.resume();
    send(res, 403, { ok: false, error: `the dashboard is in read-only mode (READ_ONLY): ${name} is not allowed` });
    return;
  }
  // JSON only: a cross-site HTML form cannot send it without the browser asking first.
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    req.resume();
    send(res, 415, { ok: false, error: `send the action as JSON (content-type: application/json), not ${type ? `"${type.slice(0, 100)}"` : 'without a content type'}` });
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  req.on('data', (chunk: Buffer) => {
    if (refused) return;
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      refused = true;
      send(res, 413, { ok: false, error: `request body over ${MAX_BODY_BYTES} bytes` });
      return;
    }
    chunks.push(chunk);
  });
  req.on('error', () => undefined);
  req.on('end', () => {
    if (refused) return;
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch (e) {
      send(res, 400, { ok: false, error: `the body is not valid JSON: ${e instanceof Error ? e.message : String(e)}` });
      return;
    }
    void actions.run(name, payload, { via: 'http', address: req.socket.remoteAddress ?? 'unknown' }).then((result) => {
      if (!result.ok && result.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(result.retryAfterSeconds));
      send(res, result.ok ? 200 : result.retryAfterSeconds !== undefined ? 429 : 400, result);
    });
  });
}

function serveMetrics(res: ServerResponse, metrics: MetricsExporter): void {
  metrics.render().then(
    ({ contentType, body }) => {
      res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
      res.end(body);
    },
    (e: unknown) => send(res, 500, { error: `metrics failed: ${e instanceof Error ? e.message : String(e)}` }),
  );
}

/** Answers /api/* and /metrics; returns false for any other path so Next.js can serve it. */
export function handleApi(req: IncomingMessage, res: ServerResponse, { store, groups, metrics, actions }: ApiDeps): boolean {
  const path = (req.url ?? '/').split('?')[0];
  const isApi = path.startsWith('/api/') || path === '/api';
  if (!isApi && path !== '/metrics') return false;
  if (path.startsWith('/api/actions/')) {
    if (req.method === 'POST') serveAction(req, res, path, actions);
    else {
      res.setHeader('allow', 'POST');
      send(res, 405, { error: `${req.method} is not allowed on ${path}; actions are POST with a JSON body` });
    }
    return true;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    send(res, 405, { error: `${req.method} is not allowed on ${path}; use GET` });
    return true;
  }
  if (path === '/metrics') {
    serveMetrics(res, metrics);
    return true;
  }
  const state = store.snapshot();
  if (path.startsWith('/api/groups/')) {
    let id: string;
    try {
      id = decodeURIComponent(path.slice('/api/groups/'.length));
    } catch {
      send(res, 400, { error: 'the group id in the path is not valid percent-encoding' });
      return true;
    }
    const checked = groupIdParamSchema.safeParse(id);
    if (!checked.success) {
      send(res, 400, { error: `the group id in the path: ${describeIssue(checked.error)}` });
      return true;
    }
    const detail = groups.detail(checked.data);
    if (detail) send(res, 200, detail);
    else send(res, 404, { error: `no consumer group "${id}" is known to the dashboard; GET /api/groups lists them` });
    return true;
  }
  switch (path) {
    case '/api/health':
      send(res, 200, {
        ok: true,
        kafka: {
          status: state.connection.status,
          reachable: state.connection.status === 'connected',
          lastError: state.connection.lastError,
          lastSuccessAt: state.connection.lastSuccessAt,
        },
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      });
      return true;
    case '/api/cluster':
      send(res, 200, state);
      return true;
    case '/api/groups':
      send(res, 200, groups.list());
      return true;
    default:
      send(res, 404, { error: `no API at ${path}; try /api/health, /api/cluster, /api/groups or /metrics` });
      return true;
  }
}
