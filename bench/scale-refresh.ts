import { createRequire } from 'node:module';
import { createKafkaClients } from '../server/kafka/client';
import { metadataKeepingErrors, observeCluster, readTopicConfigs, readWatermarks, type KnownBroker } from '../server/cluster/reader';
import { reshapeCluster } from '../server/cluster/reshape';
import { describeAllGroups } from '../server/groups/live-state';
import { median } from './support';

// One full refresh as the dashboard's poller does it (server/cluster/poller.ts and the group
// pass it runs after each round): metadata, broker probe, DescribeQuorum, ListOffsets per
// leader, DescribeConfigs for every topic, then ListGroups + DescribeGroups per broker. Run in
// this process with the server's own reader functions, so the requests can be counted.
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
  warmMs: number[];
  /** Requests of one warm refresh, by API name. */
  requests: Map<string, number>;
  /** One warm refresh split into its parts, run one after the other. */
  parts: [string, number][];
}

const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const out = await fn();
  return [out, performance.now() - t0];
};

export async function measureRefresh(bootstrap: string[], known: KnownBroker[], warmRuns: number): Promise<RefreshFigures> {
  countRequests();
  const clients = createKafkaClients({ brokers: bootstrap, clientId: 'kafka-live-bench-refresh', ssl: null, sasl: null }, bootstrap);
  const wire = clients.wire;
  const ids = known.map((b) => b.id);
  const refresh = async () => {
    const obs = await observeCluster(wire, { known, reachableBefore: new Set(ids), refreshAllConfigs: true, configured: new Set() });
    reshapeCluster(obs, known, { quorum: null, topics: [] });
    await describeAllGroups(wire, [...obs.reachable]);
  };
  try {
    // Cold: connecting and kafkajs's own first metadata read included.
    const [, coldMs] = await timed(refresh);
    const warmMs: number[] = [];
    let requests = new Map<string, number>();
    for (let i = 0; i < warmRuns; i++) {
      counts.clear();
      counting = true;
      warmMs.push((await timed(refresh))[1]);
      counting = false;
      requests = new Map(counts);
    }
    const reachable = new Set(ids);
    const broker = await wire.findBroker({ nodeId: ids[0] });
    const [metadata, metadataMs] = await timed(() => metadataKeepingErrors(broker));
    const parts: [string, number][] = [['Metadata (all topics)', metadataMs]];
    parts.push(['ListOffsets ×2 per leader', (await timed(() => readWatermarks(wire, metadata, reachable)))[1]]);
    parts.push(['DescribeConfigs (all topics)', (await timed(() => readTopicConfigs(wire, ids, metadata.topicMetadata.map((t) => t.topic))))[1]]);
    const obs = await observeCluster(wire, { known, reachableBefore: reachable, refreshAllConfigs: true, configured: new Set() });
    parts.push(['reshape (CPU, in Node)', (await timed(async () => reshapeCluster(obs, known, { quorum: null, topics: [] })))[1]]);
    parts.push(['ListGroups + DescribeGroups per broker', (await timed(() => describeAllGroups(wire, ids)))[1]]);
    return { coldMs, warmMs, requests, parts };
  } finally {
    counting = false;
    await wire.disconnect().catch(() => undefined);
  }
}

export const warmMedian = (f: RefreshFigures) => median(f.warmMs);
