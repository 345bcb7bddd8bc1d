import { createRequire } from 'node:module';
import { createKafkaClients } from '@/server/kafka/client';
import { metadata as metadataRequest, send } from '@/server/kafka/protocol';
import { observeCluster, readTopicConfigs, readWatermarks, type KnownBroker } from '@/server/cluster/reader';
import { clusterFromKafka } from '@/server/cluster/from-kafka';
import { describeAllGroups } from '@/server/groups/live-state';
import type { Topic } from '@/lib/contract/cluster';
import { median } from './support';

// Refreshes as the dashboard's poller does them (server/cluster/poller.ts and the group pass
// it runs after each round), run in this process with the server's own reader functions, so
// the requests can be counted:
// - a round, what runs every poll interval and keeps the all-groups view current: metadata,
//   broker probe, DescribeQuorum, one ListOffsets (log ends) per leader, then ListGroups +
//   DescribeGroups per broker;
// - a full refresh, what a round adds every 10 s (the staleness bound of these): log starts
//   (a second ListOffsets per leader) and every topic's settings (DescribeConfigs).
//
// Requests are counted by wrapping kafkajs's Connection.prototype.send, the one place every
// request of every kafkajs client goes through (broker request metrics would also count the
// brokers' own replication and controller traffic). Nothing else in this process talks to
// Kafka while a refresh is counted.

interface Sendable {
  prototype: { send(this: unknown, args: { request: { apiName: string } }): Promise<unknown> };
}

const counts = new Map<string, number>();
let counting = false;

function countRequests(): void {
  const connection = createRequire(__filename)('kafkajs/src/network/connection') as Sendable;
  const send = connection.prototype.send;
  connection.prototype.send = function (this: unknown, args) {
    if (counting) counts.set(args.request.apiName, (counts.get(args.request.apiName) ?? 0) + 1);
    return send.call(this, args);
  };
}

export interface RefreshFigures {
  coldMs: number;
  /** Full refreshes, warm. */
  warmMs: number[];
  /** Rounds between full refreshes, warm. */
  roundMs: number[];
  /** Requests of one warm full refresh / one round, by API name. */
  requests: Map<string, number>;
  roundRequests: Map<string, number>;
  /** One warm full refresh split into its parts, run one after the other. */
  parts: [string, number][];
}

const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const out = await fn();
  return [out, performance.now() - t0];
};

export async function measureRefresh(
  bootstrap: string[],
  known: KnownBroker[],
  warmRuns: number,
): Promise<RefreshFigures> {
  countRequests();
  const clients = createKafkaClients(
    { brokers: bootstrap, clientId: 'kafka-live-bench-refresh', ssl: null, sasl: null },
    bootstrap,
  );
  const connections = clients.pollConnections;
  const ids = known.map((b) => b.id);
  let previous: Topic[] = [];
  const refresh = async (full: boolean) => {
    const configured = new Set(previous.map((t) => t.name));
    const obs = await observeCluster(connections, {
      known,
      reachableBefore: new Set(ids),
      refreshAllConfigs: full,
      configured,
      readLogStart: () => full,
    });
    previous = clusterFromKafka(obs, known, { quorum: null, topics: previous }).topics;
    await describeAllGroups(connections, [...obs.reachable]);
  };
  const measure = async (full: boolean) => {
    counts.clear();
    counting = true;
    const [, t] = await timed(() => refresh(full));
    counting = false;
    return { t, requests: new Map(counts) };
  };
  try {
    // Cold: connecting and kafkajs's own first metadata read included.
    const [, coldMs] = await timed(() => refresh(true));
    const warmMs: number[] = [];
    const roundMs: number[] = [];
    let requests = new Map<string, number>();
    let roundRequests = new Map<string, number>();
    for (let i = 0; i < warmRuns; i++) {
      const full = await measure(true);
      warmMs.push(full.t);
      requests = full.requests;
      const round = await measure(false);
      roundMs.push(round.t);
      roundRequests = round.requests;
    }
    const reachable = new Set(ids);
    const broker = await connections.findBroker({ nodeId: ids[0] });
    const [metadata, metadataMs] = await timed(() => send(broker, metadataRequest, { topics: [] }));
    const parts: [string, number][] = [['Metadata (all topics)', metadataMs]];
    parts.push([
      'ListOffsets, log ends, 1 per leader (every round)',
      (await timed(() => readWatermarks(connections, metadata, reachable, () => false)))[1],
    ]);
    parts.push([
      'ListOffsets, log ends and starts, 2 per leader (every 10 s)',
      (await timed(() => readWatermarks(connections, metadata, reachable)))[1],
    ]);
    parts.push([
      'DescribeConfigs, all topics (every 10 s)',
      (
        await timed(() =>
          readTopicConfigs(
            connections,
            ids,
            metadata.topicMetadata.map((t) => t.topic),
          ),
        )
      )[1],
    ]);
    const obs = await observeCluster(connections, {
      known,
      reachableBefore: reachable,
      refreshAllConfigs: true,
      configured: new Set(),
    });
    parts.push([
      'reshape, first (CPU, in Node)',
      (await timed(async () => clusterFromKafka(obs, known, { quorum: null, topics: [] })))[1],
    ]);
    parts.push([
      'reshape, nothing changed (CPU, in Node)',
      (await timed(async () => clusterFromKafka(obs, known, { quorum: null, topics: previous })))[1],
    ]);
    parts.push(['ListGroups + DescribeGroups per broker', (await timed(() => describeAllGroups(connections, ids)))[1]]);
    return { coldMs, warmMs, roundMs, requests, roundRequests, parts };
  } finally {
    counting = false;
    await connections.disconnect().catch(() => undefined);
  }
}

export const warmMedian = (f: RefreshFigures) => median(f.warmMs);
export const roundMedian = (f: RefreshFigures) => median(f.roundMs);
