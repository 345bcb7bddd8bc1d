import type { AlertsState } from './alerts';
import type { ClusterSnapshot, KafkaStatus } from './cluster';
import type { GroupDetail, GroupSummary } from './groups';

/** GET /api/health: 200 while the server runs, whatever Kafka's state. */
export interface HealthResponse {
  ok: true;
  kafka: {
    status: KafkaStatus;
    reachable: boolean;
    lastError: string | null;
    lastSuccessAt: number | null;
  };
  uptimeSeconds: number;
}

/** GET /api/cluster: the same state the UI shows. */
export type ClusterResponse = ClusterSnapshot;

export interface ApiError {
  error: string;
}

/** GET /api/groups: one row per group (members is a count here). */
export type GroupsResponse = GroupSummary[];

/** GET /api/groups/:id. */
export type GroupResponse = GroupDetail;

/** GET /api/health without credentials when login is on: up or not, nothing more. */
export interface PublicHealthResponse {
  ok: true;
  kafka: { status: KafkaStatus; reachable: boolean };
}

/** GET /api/topics/:name/config: the topic's dynamic overrides (settings not given here are the
 *  broker's defaults). 404 for an unknown topic. */
export interface TopicConfigResponse {
  topic: string;
  overrides: Record<string, string>;
}

/** GET /api/alerts: the rules, what fires now, the latest transitions and webhook delivery. */
export type AlertsResponse = AlertsState;
