import http from 'node:http';
import type { AppConfig } from './config';
import { createKafkaClients } from './kafka/client';
import { ClusterStore } from './cluster/store';
import { ClusterPoller } from './cluster/poller';
import { ThroughputTracker } from './cluster/throughput';
import type { KnownBroker } from './cluster/reader';
import { attachRealtime, type LiveServer } from './realtime/socket';
import { Subscriptions } from './realtime/subscriptions';
import { handleApi } from './http/api';
import { EmbeddedCluster } from './embedded/cluster';
import { RETENTION_CHECK_MS } from './embedded/layout';
import { GroupsService } from './groups/service';
import { MetricsExporter } from './http/metrics';
import { ActionDispatcher } from './actions/dispatcher';
import { ProduceService } from './produce/service';
import { produceActions } from './produce/actions';
import { TailService } from './tail/service';
import { BrowseService } from './browse/service';
import { readMessage } from './browse/read-one';
import { LabSupervisor } from './lab/supervisor';
import { labActions } from './lab/actions';
import { labProtocolSource } from './lab/availability';
import { clusterLayout } from './embedded/layout';
import { topicActions } from './topics/actions';
import { offsetActions } from './offsets/actions';
import { groupActions } from './groups/actions';
import { transactionActions } from './transactions/actions';
import { brokerActions } from './cluster/broker-faults';
import { createSecurity } from './security';
import { AlertsService } from './alerts/service';
import { alertActions } from './alerts/actions';
import { readTransactions } from './transactions/read';
import { DEFAULT_LONG_OPEN_MS } from './http/transactions-api';

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
  /** Searches (the JSON API and live scans share its limiter). */
  browse: BrowseService;
  subscriptions: Subscriptions;
  alerts: AlertsService;
  embedded: EmbeddedCluster | null;
  url: string;
  /** Starts reading Kafka (cluster poller and the offsets log), when the caller chose to wait. */
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

export async function startDashboard({
  config,
  pages,
  startPolling = true,
  log = console.log,
  dev = false,
}: DashboardOptions): Promise<Dashboard> {
  const embedded = config.kafka.brokers ? null : new EmbeddedCluster(config.embedded);
  const bootstrap = config.kafka.brokers ?? embedded!.bootstrap;
  const expected: KnownBroker[] = embedded
    ? embedded.layout.nodes.map((n) => ({ id: n.id, host: '127.0.0.1', port: n.clientPort, rack: null }))
    : [];

  const clients = createKafkaClients(config.kafka, bootstrap);
  const store = new ClusterStore({ brokers: bootstrap, embedded: embedded !== null });
  const throughput = new ThroughputTracker();
  const groups = new GroupsService(clients, store, log, config.verdict);
  const tails = new TailService(clients, store);
  const browse = new BrowseService(clients, store);
  const alerts = new AlertsService(groups, config.alerts, { log });
  const subscriptions = new Subscriptions(groups, tails, browse, alerts);
  const poller = new ClusterPoller(clients, store, throughput, {
    intervalMs: config.pollIntervalMs,
    expected,
    log,
    afterRound: () => groups.afterRound(),
    watchedTopics: () => subscriptions.watchedTopics(),
  });
  const metrics = new MetricsExporter(store, groups, alerts, () =>
    readTransactions({ connections: clients.pollConnections, store, registry: groups.registry }, DEFAULT_LONG_OPEN_MS),
  );
  const produce = new ProduceService(clients, store);
  const security = createSecurity(config.security, { dev, kafkaStatus: () => store.snapshot().connection.status });
  // Java lab workers use the jars of the embedded release, also against a cluster of your own.
  const labJava = labProtocolSource(clients, embedded?.layout ?? clusterLayout(config.embedded), config.kafka);
  const lab = new LabSupervisor({
    kafka: config.kafka,
    bootstrap,
    log,
    protocols: () => labJava.protocols(),
    javaCommand: () => labJava.javaCommand(),
    topicNames: () => clients.admin().then((a) => a.listTopics()),
  });
  const actions = new ActionDispatcher(
    {
      ...produceActions(produce),
      ...labActions(lab),
      ...topicActions({ clients, store, onDeleted: (topic) => produce.topicDeleted(topic) }),
      ...offsetActions({ clients, store }),
      ...groupActions({ clients }),
      ...brokerActions(embedded),
      ...transactionActions({ connections: clients.pollConnections, store }),
      ...alertActions(alerts),
    },
    { readOnly: config.readOnly, audit: log, limit: security.actionLimit },
  );
  const info = {
    readOnly: config.readOnly,
    brokerFaults: embedded !== null,
    auth: security.auth,
    retentionCheckMs: embedded ? RETENTION_CHECK_MS : null,
  };

  const readOne = (topic: string, partition: number, offset: number) =>
    readMessage({ clients, store }, topic, partition, offset);
  const route: PageHandler = (req, res) => {
    if (handleApi(req, res, { clients, store, groups, metrics, actions, browse, alerts, readMessage: readOne })) return;
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
  const live = attachRealtime(server, {
    store,
    throughput,
    groups,
    actions,
    produce,
    lab,
    subscriptions,
    info,
    allowRequest: security.allowRequest,
  });
  security.guard(live);

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
    alerts.start();
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
    browse,
    subscriptions,
    alerts,
    embedded,
    startPolling: beginPolling,
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    async close() {
      // Lab instances first: they leave their groups while Kafka and the server still answer.
      await lab.stopAll();
      alerts.close();
      await produce.close();
      await tails.close();
      await browse.close();
      // Record-time reads share the poller's connections: none may start once they close.
      await groups.recordTimes.close();
      await labJava.close();
      await poller.stop();
      await groups.stop();
      // Anything that still reached a broker through the poller's set meanwhile is closed too.
      await clients.pollConnections.disconnect().catch(() => undefined);
      await clients.closeAdmin();
      live.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
