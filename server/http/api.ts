import type { IncomingMessage, ServerResponse } from 'node:http';
import type {
  AlertsResponse,
  ApiError,
  ClusterResponse,
  GroupResponse,
  GroupsResponse,
  HealthResponse,
} from '@/lib/contract/api';
import type { KafkaClients } from '@/server/kafka/client';
import type { ActionResponse } from '@/lib/contract/actions';
import { isActionName } from '@/lib/contract/action-schemas';
import { groupIdSchema } from '@/lib/contract/schemas';
import { describeIssue } from '@/lib/contract/describe-issue';
import type { ActionDispatcher } from '@/server/actions/dispatcher';
import type { ClusterStore } from '@/server/cluster/store';
import type { GroupsService } from '@/server/groups/service';
import type { BrowseService } from '@/server/browse/service';
import { serveSearch, SEARCH_PATH } from './browse-api';
import { serveTopicConfig, TOPIC_CONFIG_PATH } from './topic-config-api';
import { serveTransactions, TRANSACTIONS_PATH } from './transactions-api';
import { readJsonBody } from './json-body';
import { isMessageRequest, MESSAGE_PATH, serveMessage, type ReadMessage } from './message-api';
import type { MetricsExporter } from './metrics';
import type { AlertsService } from '@/server/alerts/service';

// The JSON API: the same state the UI shows, for scripts and health checks.

function send(
  res: ServerResponse,
  status: number,
  body: HealthResponse | ClusterResponse | GroupsResponse | GroupResponse | AlertsResponse | ApiError | ActionResponse,
): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(json);
}

const startedAt = Date.now();

export interface ApiDeps {
  clients: KafkaClients;
  store: ClusterStore;
  groups: GroupsService;
  metrics: MetricsExporter;
  actions: ActionDispatcher;
  browse: BrowseService;
  /** One message in full (GET /api/topics/:name/messages/:partition/:offset). */
  readMessage: ReadMessage;
  alerts: AlertsService;
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
  void readJsonBody(req, MAX_BODY_BYTES, 'action').then((body) => {
    if (!body.ok) {
      send(res, body.status, { ok: false, error: body.error });
      return;
    }
    void actions
      .run(name, body.payload, { via: 'http', address: req.socket.remoteAddress ?? 'unknown' })
      .then((result) => {
        if (!result.ok && result.retryAfterSeconds !== undefined)
          res.setHeader('retry-after', String(result.retryAfterSeconds));
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
export function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  { clients, store, groups, metrics, actions, browse, readMessage, alerts }: ApiDeps,
): boolean {
  const path = (req.url ?? '/').split('?')[0];
  const isApi = path.startsWith('/api/') || path === '/api';
  if (!isApi && path !== '/metrics') return false;
  // A search reads and changes nothing: allowed in read-only mode, bounded by the scan limiter.
  const search = SEARCH_PATH.exec(path);
  if (search) {
    if (req.method === 'POST') serveSearch(req, res, search[1], browse);
    else {
      res.setHeader('allow', 'POST');
      send(res, 405, { error: `${req.method} is not allowed on ${path}; a search is POST with a JSON query` });
    }
    return true;
  }
  // One message in full: read-only like a search.
  const message = MESSAGE_PATH.exec(path);
  if (message) {
    if (isMessageRequest(req)) serveMessage(res, message, readMessage);
    else {
      res.setHeader('allow', 'GET, HEAD');
      send(res, 405, { error: `${req.method} is not allowed on ${path}; use GET` });
    }
    return true;
  }
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
  if (path === TRANSACTIONS_PATH) {
    serveTransactions(req, res, { connections: clients.pollConnections, store, registry: groups.registry });
    return true;
  }
  const config = TOPIC_CONFIG_PATH.exec(path);
  if (config) {
    serveTopicConfig(res, config[1], { clients, store });
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
    const checked = groupIdSchema.safeParse(id);
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
    case '/api/alerts':
      send(res, 200, alerts.state());
      return true;
    default:
      send(res, 404, {
        error: `no API at ${path}; try /api/health, /api/cluster, /api/groups, /api/alerts or /metrics`,
      });
      return true;
  }
}
