import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiError, ClusterResponse, HealthResponse } from '../../lib/contract/api';
import type { ClusterStore } from '../cluster/store';

// The JSON API: the same state the UI shows, for scripts and health checks.

function send(res: ServerResponse, status: number, body: HealthResponse | ClusterResponse | ApiError): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(json);
}

const startedAt = Date.now();

/** Answers /api/* requests; returns false for any other path so Next.js can serve it. */
export function handleApi(req: IncomingMessage, res: ServerResponse, store: ClusterStore): boolean {
  const path = (req.url ?? '/').split('?')[0];
  if (!path.startsWith('/api/') && path !== '/api') return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    send(res, 405, { error: `${req.method} is not allowed on ${path}; use GET` });
    return true;
  }
  const state = store.snapshot();
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
    default:
      send(res, 404, { error: `no API at ${path}; try /api/health or /api/cluster` });
      return true;
  }
}
