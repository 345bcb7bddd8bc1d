import http from 'node:http';
import type { AppConfig } from './config';
import { createKafkaClients } from './kafka/client';
import { ClusterStore } from './cluster/store';
import { ClusterPoller } from './cluster/poller';
import { ThroughputTracker } from './cluster/throughput';
import type { KnownBroker } from './cluster/reader';
import { attachRealtime, watchedTopics, type LiveServer } from './realtime/socket';
import { handleApi } from './http/api';
import { EmbeddedCluster } from './embedded/cluster';
import { GroupsService } from './groups/service';
import { MetricsExporter } from './http/metrics';
import { ActionDispatcher } from './actions/dispatcher';
import { ProduceService } from './produce/service';
import { produceActions } from './produce/actions';
import { TailService } from './tail/service';
import { LabSupervisor } from './lab/supervisor';
import { labActions } from './lab/actions';
import { topicActions } from './topics/actions';
import { offsetActions } from './offsets/actions';
import { brokerActions } from './brokers/actions';
import { createSecurity } from './security';

// Composes the server: Kafka clients, state, poller, JSON API, socket.io and (optionally)
// Next.js on one HTTP port. Tests use it without Next.js.

export type PageHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

export interface Dashboard {
  http: http.Server;
  io: LiveServer;
  store: ClusterStore;
  poller: ClusterPoller;
  groups: GroupsService;
  actions: ActionDispatcher;
  lab: LabSupervisor;
  produce: ProduceService;
  embedded: EmbeddedCluster | null;
  url: string;
  /** Starts reading Kafka (cluster poller and group sidecar), when the caller chose to wait. */
  startPolling(): void;
  close(): Promise<void>;
}

export interface DashboardOptions {
  config: AppConfig;
  pages?: PageHandler;
  /** false: the caller starts the poller (after the embedded cluster is up). */
  startPolling?: boolean;
  log?: (line: string) => void;
  /** Next.js in development mode: its hot reload needs a looser CSP. */
  dev?: boolean;
}

export async function startDashboard({ config, pages, startPolling = true, log = console.log, dev = false }: DashboardOptions): Promise<Dashboard> {
  const embedded = config.kafka.brokers ? null : new EmbeddedCluster(config.embedded);
  const bootstrap = config.kafka.brokers ?? embedded!.bootstrap;
  const expected: KnownBroker[] = embedded ? embedded.layout.nodes.map((n) => ({ id: n.id, host: '127.0.0.1', port: n.clientPort, rack: null })) : [];

  const clients = createKafkaClients(config.kafka, bootstrap);
  const store = new ClusterStore({ brokers: bootstrap, embedded: embedded !== null });
  const throughput = new ThroughputTracker();
  const groups = new GroupsService(clients, store, log);
  // The socket layer comes later; until it exists no page watches anything.
  let io: LiveServer | null = null;
  const poller = new ClusterPoller(clients, store, throughput, {
    intervalMs: config.pollIntervalMs,
    expected,
    log,
    afterRound: () => groups.afterRound(),
    watchedTopics: () => (io ? watchedTopics(io) : []),
  });
  const metrics = new MetricsExporter(store, groups);
  const produce = new ProduceService(clients, store);
  const tails = new TailService(clients, store);
  const security = createSecurity(config.security, { dev, kafkaStatus: () => store.snapshot().connection.status });
  const lab = new LabSupervisor({ kafka: config.kafka, bootstrap, log, topicNames: () => clients.admin().then((a) => a.listTopics()) });
  const actions = new ActionDispatcher(
    {
      ...produceActions(produce),
      ...labActions(lab),
      ...topicActions({ clients, store }),
      ...offsetActions({ clients, store, groups }),
      ...brokerActions(embedded),
    },
    { readOnly: config.readOnly, audit: log, limit: security.actionLimit },
  );
  const info = { readOnly: config.readOnly, brokerFaults: embedded !== null, auth: security.auth };

  const route: PageHandler = (req, res) => {
    if (handleApi(req, res, { store, groups, metrics, actions })) return;
    if (pages) {
      void Promise.resolve(pages(req, res)).catch((e: unknown) => {
        log(`page error: ${e instanceof Error ? e.message : String(e)}`);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  };
  const server = http.createServer((req, res) => {
    security.gate(req, res).then(
      (answered) => (answered ? undefined : route(req, res)),
      (e: unknown) => {
        log(`security gate error: ${e instanceof Error ? e.message : String(e)}`);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      },
    );
  });
  const live = attachRealtime(server, { store, throughput, groups, actions, produce, lab, tails, info, allowRequest: security.allowRequest });
  security.guard(live);
  io = live;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const beginPolling = () => {
    poller.start();
    groups.start();
  };
  if (startPolling) beginPolling();

  return {
    http: server,
    io: live,
    store,
    poller,
    groups,
    actions,
    lab,
    produce,
    embedded,
    startPolling: beginPolling,
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    async close() {
      // Lab instances first: they leave their groups while Kafka and the server still answer.
      await lab.stopAll();
      await produce.close();
      await tails.close();
      await poller.stop();
      await groups.stop();
      await clients.closeAdmin();
      live.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
