import type { ClusterSnapshot, KafkaStatus } from './cluster';

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
