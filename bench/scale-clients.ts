import { io, type Socket } from 'socket.io-client';
import type { ClusterSnapshot } from '@/lib/contract/cluster';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/contract/events';
import type { GroupsSnapshot } from '@/lib/contract/groups';
import { applyPatch } from '@/lib/cluster-patch';
import { applyGroupsPatch } from '@/lib/groups-patch';
import { PatchGapError } from '@/lib/keyed-patch';
import { BASE, median, percentile, sleep } from './support';

// Many dashboards at once (issue part 4): N real socket.io clients of the contract, each
// keeping cluster and group state the way the browser's store does (snapshot, then patches,
// a resync on a gap), counting the bytes it receives and when it reached each version.

class BenchClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  cluster: ClusterSnapshot | null = null;
  groups: GroupsSnapshot | null = null;
  bytes = 0;
  resyncs = 0;
  /** Version → when this client reached it (Date.now()). */
  readonly clusterAt = new Map<number, number>();
  readonly groupsAt = new Map<number, number>();

  constructor() {
    this.socket = io(BASE, { transports: ['websocket'], forceNew: true });
    this.socket.io.on('open', () =>
      this.socket.io.engine.on('data', (data: string | Buffer | ArrayBuffer) => {
        this.bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
      }),
    );
    this.socket.on('cluster:snapshot', (s) => {
      this.cluster = s;
      this.clusterAt.set(s.version, Date.now());
    });
    this.socket.on('cluster:patch', (p) => {
      if (!this.cluster) return;
      try {
        this.cluster = applyPatch(this.cluster, p);
        this.clusterAt.set(p.to, Date.now());
      } catch (e) {
        if (!(e instanceof PatchGapError)) throw e;
        this.resyncs++;
        this.socket.emit('cluster:resync', { reason: 'bench gap' });
      }
    });
    this.socket.on('groups:snapshot', (g) => {
      this.groups = g;
      this.groupsAt.set(g.version, Date.now());
    });
    this.socket.on('groups:patch', (p) => {
      if (!this.groups) return;
      try {
        this.groups = applyGroupsPatch(this.groups, p);
        this.groupsAt.set(p.to, Date.now());
      } catch (e) {
        if (!(e instanceof PatchGapError)) throw e;
        this.resyncs++;
        this.socket.emit('groups:resync', { reason: 'bench gap' });
      }
    });
  }

  high(topic: string, partition: number): number | null {
    return (
      this.cluster?.topics.find((t) => t.name === topic)?.partitions.find((p) => p.partition === partition)?.high ??
      null
    );
  }
}

async function until(what: string, ok: () => boolean, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  while (!ok()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await sleep(10);
  }
  return Date.now() - t0;
}

/** For each version some client reached during the window: how long after the first client
 *  the last one reached it, and how many versions some client never reached. */
function spread(
  clients: BenchClient[],
  at: (c: BenchClient) => Map<number, number>,
  from: number,
  to: number,
): { delays: number[]; missed: number } {
  const versions = new Set<number>();
  for (const c of clients) for (const [v, t] of at(c)) if (t >= from && t <= to) versions.add(v);
  const delays: number[] = [];
  let missed = 0;
  for (const v of versions) {
    const times = clients.map((c) => at(c).get(v));
    if (times.some((t) => t === undefined)) missed++;
    else delays.push(Math.max(...(times as number[])) - Math.min(...(times as number[])));
  }
  return { delays, missed };
}

/** Connects `n` clients, lets them run for `seconds` while `load` streams, then checks each is
 *  current: a marker produce reaches all of them, and all reach the server's latest version. */
export async function manyClients(
  n: number,
  seconds: number,
  server: { cpu: () => number; rss: () => number },
  marker: () => Promise<{ topic: string; partition: number; high: number }>,
): Promise<[string, string][]> {
  const clients = Array.from({ length: n }, () => new BenchClient());
  await until(
    `${n} clients got their snapshots`,
    () => clients.every((c) => c.cluster !== null && c.groups !== null),
    120_000,
  );
  await sleep(3000);
  for (const c of clients) c.bytes = 0;
  const cpu0 = server.cpu();
  const t0 = Date.now();
  let peakRss = 0;
  while (Date.now() - t0 < seconds * 1000) {
    peakRss = Math.max(peakRss, server.rss());
    await sleep(1000);
  }
  const t1 = Date.now();
  const wall = (t1 - t0) / 1000;
  const cpu = ((server.cpu() - cpu0) / wall) * 100;
  const kib = clients.map((c) => c.bytes / wall / 1024);

  // A marker while the load still runs: every client must see the new log end.
  const m = await marker();
  const markerSeen = clients.map(() => -1);
  const sentAt = Date.now();
  const all = await until(
    'the marker produce reached every client',
    () => {
      clients.forEach((c, i) => {
        if (markerSeen[i] < 0 && (c.high(m.topic, m.partition) ?? -1) >= m.high) markerSeen[i] = Date.now() - sentAt;
      });
      return markerSeen.every((t) => t >= 0);
    },
    30_000,
  );
  const cluster = spread(clients, (c) => c.clusterAt, t0, t1);
  const groups = spread(clients, (c) => c.groupsAt, t0, t1);
  // The server's latest cluster version, then every client at it.
  const latest = ((await (await fetch(`${BASE}/api/cluster`)).json()) as { version: number }).version;
  const caughtUp = await until(
    "every client at the server's latest cluster version",
    () => clients.every((c) => (c.cluster?.version ?? 0) >= latest),
    30_000,
  );
  const resyncs = clients.reduce((a, c) => a + c.resyncs, 0);
  for (const c of clients) c.socket.close();

  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const d = (xs: number[]) =>
    xs.length ? `median ${ms(median(xs))}, p95 ${ms(percentile(xs, 95))}, max ${ms(Math.max(...xs))}` : 'none';
  return [
    [
      `${n} socket clients for ${seconds} s: server CPU`,
      `${cpu.toFixed(1)} % of one core; RSS ${peakRss.toFixed(0)} MB peak`,
    ],
    [
      `${n} socket clients: traffic per client`,
      `mean ${(kib.reduce((a, b) => a + b, 0) / n).toFixed(2)} KiB/s (min ${Math.min(...kib).toFixed(2)}, max ${Math.max(...kib).toFixed(2)})`,
    ],
    [
      `${n} socket clients: cluster versions, first → last client`,
      `${cluster.delays.length} versions, ${d(cluster.delays)}; ${cluster.missed} missed by some client`,
    ],
    [
      `${n} socket clients: group versions, first → last client`,
      `${groups.delays.length} versions, ${d(groups.delays)}; ${groups.missed} missed by some client`,
    ],
    [
      `${n} socket clients: marker produce → shown by every client`,
      `first ${ms(Math.min(...markerSeen))}, last ${ms(all)}; resyncs ${resyncs}`,
    ],
    [`${n} socket clients: at the server's latest cluster version`, `all ${n} within ${ms(caughtUp)} of asking`],
  ];
}
