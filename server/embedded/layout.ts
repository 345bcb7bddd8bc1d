import crypto from 'node:crypto';
import path from 'node:path';
import type { EmbeddedSettings } from '../config';

// Where the embedded cluster keeps things, and the broker settings each node runs with.
// Everything lives under one git-ignored folder (.kafka by default).

export interface NodeLayout {
  id: number;
  clientPort: number;
  controllerPort: number;
  dataDir: string;
  propertiesFile: string;
  logFile: string;
  pidFile: string;
}

export interface ClusterLayout {
  root: string;
  libDir: string;
  configDir: string;
  clusterIdFile: string;
  lockFile: string;
  log4jFile: string;
  nodes: NodeLayout[];
}

export const CONTROLLER_PORT_OFFSET = 100;

export function clusterLayout(s: EmbeddedSettings): ClusterLayout {
  const root = s.dir;
  const nodes: NodeLayout[] = [];
  for (let i = 0; i < s.nodes; i++) {
    const id = i + 1;
    nodes.push({
      id,
      clientPort: s.basePort + i,
      controllerPort: s.basePort + CONTROLLER_PORT_OFFSET + i,
      dataDir: path.join(root, 'data', `node-${id}`),
      propertiesFile: path.join(root, 'config', `node-${id}.properties`),
      logFile: path.join(root, 'logs', `node-${id}.log`),
      pidFile: path.join(root, 'run', `node-${id}.pid`),
    });
  }
  return {
    root,
    libDir: path.join(root, 'lib'),
    configDir: path.join(root, 'config'),
    clusterIdFile: path.join(root, 'cluster-id'),
    lockFile: path.join(root, 'run', 'start.lock'),
    log4jFile: path.join(root, 'config', 'log4j.properties'),
    nodes,
  };
}

export function bootstrapServers(layout: ClusterLayout): string[] {
  return layout.nodes.map((n) => `127.0.0.1:${n.clientPort}`);
}

/** A Kafka cluster id: 16 random bytes as unpadded base64url, never starting with "-"
 *  (the same rule as Kafka's own Uuid.randomUuid, so StorageTool accepts it). */
export function newClusterId(): string {
  for (;;) {
    const id = crypto.randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

export function nodeProperties(layout: ClusterLayout, node: NodeLayout): string {
  const voters = layout.nodes.map((n) => `${n.id}@127.0.0.1:${n.controllerPort}`).join(',');
  const settings: Record<string, string | number> = {
    'process.roles': 'broker,controller',
    'node.id': node.id,
    'controller.quorum.voters': voters,
    listeners: `PLAINTEXT://127.0.0.1:${node.clientPort},CONTROLLER://127.0.0.1:${node.controllerPort}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${node.clientPort}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'log.dirs': node.dataDir,
    'num.partitions': 3,
    'default.replication.factor': 3,
    'min.insync.replicas': 2,
    'offsets.topic.replication.factor': 3,
    // Fewer than the default 50: starts faster on a small box, still spreads over all nodes.
    'offsets.topic.num.partitions': 12,
    'transaction.state.log.replication.factor': 3,
    'transaction.state.log.min.isr': 2,
    // A live demo: the first join of a group should not wait 3 s.
    'group.initial.rebalance.delay.ms': 0,
    // Fence a killed broker within seconds, so the dashboard can show it.
    'broker.session.timeout.ms': 6000,
    'broker.heartbeat.interval.ms': 1000,
    // Small segments and quick checks so retention and compaction are visible in a demo.
    'log.segment.bytes': 16 * 1024 * 1024,
    'log.retention.check.interval.ms': 10000,
    'log.initial.task.delay.ms': 5000,
    'log.cleaner.backoff.ms': 5000,
    // The cleaner's default 128 MiB dedupe buffer does not fit a small heap.
    'log.cleaner.dedupe.buffer.size': 8 * 1024 * 1024,
    // Preferred leaders return 30 s after a restart instead of 5 minutes.
    'leader.imbalance.check.interval.seconds': 30,
    'num.network.threads': 2,
    'num.io.threads': 4,
    'num.recovery.threads.per.data.dir': 1,
    'auto.create.topics.enable': 'true',
  };
  return Object.entries(settings).map(([k, v]) => `${k}=${v}`).join('\n') + '\n';
}

export const LOG4J_PROPERTIES = `# Broker logging: INFO to stdout, which the launcher sends to the node's log file.
log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.kafka.log.LogCleaner=INFO
log4j.logger.state.change.logger=WARN
log4j.logger.org.apache.kafka.raft=WARN
log4j.logger.org.apache.kafka.controller=INFO
`;
