import type { ServerResponse } from 'node:http';
import type { ApiError, TopicConfigResponse } from '@/lib/contract/api';
import { ActionError, describeError } from '@/server/actions/errors';
import type { KafkaClients } from '@/server/kafka/client';
import type { ClusterStore } from '@/server/cluster/store';
import { readOverrides } from '@/server/topics/configs';
import { describeTopic } from '@/server/topics/metadata';
import { topicFromPath } from './topic-path';

// GET /api/topics/:name/config: a topic's dynamic overrides. A read, so not an action: the
// topic page opens with it (in read-only mode too), and nothing is audited or rate limited.

export const TOPIC_CONFIG_PATH = /^\/api\/topics\/([^/]+)\/config$/;

function answer(res: ServerResponse, status: number, body: TopicConfigResponse | ApiError): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export function serveTopicConfig(
  res: ServerResponse,
  rawName: string,
  deps: { clients: KafkaClients; store: ClusterStore },
): void {
  const named = topicFromPath(rawName);
  if (!named.ok) return answer(res, 400, { error: named.error });
  const { topic } = named;
  describeTopic(deps, topic)
    .then(() => readOverrides(deps, topic))
    .then(
      (overrides) => answer(res, 200, { topic, overrides }),
      (e: unknown) => {
        if (e instanceof ActionError) answer(res, /^no topic named/.test(e.message) ? 404 : 400, { error: e.message });
        else answer(res, 503, { error: `could not read the settings of ${topic}: ${describeError(e)}` });
      },
    );
}
