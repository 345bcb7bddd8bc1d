import crypto from 'node:crypto';
import path from 'node:path';
import type { EmbeddedSettings } from '@/server/config';
import { kafkaRelease, loggingFileName, type KafkaRelease } from './release';

// Where the embedded cluster keeps things, and the broker settings each node runs with.
// Everything lives under one git-ignored folder (.kafka by default); jars sit in a folder per
// release, so switching KAFKA_EMBEDDED_VERSION never mixes two releases on one classpath.

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
  release: KafkaRelease;
  /** Jars of this release only: lib/<version>. */
  libDir: string;
  configDir: string;
  /** Every node's log dir is below it; deleting it gives a fresh cluster. */
  dataDir: string;
  /** The release that formatted the data (and last started it). */
  dataVersionFile: string;
  clusterIdFile: string;
  lockFile: string;
  /** The broker's logging configuration, for this release's logging library. */
  loggingFile: string;
  /** A quiet one for Kafka's command-line tools: warnings to stderr only. */
  toolsLoggingFile: string;
  nodes: NodeLayout[];
}

export const CONTROLLER_PORT_OFFSET = 100;

export function clusterLayout(s: EmbeddedSettings): ClusterLayout {
  const root = s.dir;
  const release = kafkaRelease(s.version);
  const dataDir = path.join(root, 'data');
  const configDir = path.join(root, 'config');
  const nodes: NodeLayout[] = [];
  for (let i = 0; i < s.nodes; i++) {
    const id = i + 1;
    nodes.push({
      id,
      clientPort: s.basePort + i,
      controllerPort: s.basePort + CONTROLLER_PORT_OFFSET + i,
      dataDir: path.join(dataDir, `node-${id}`),
      propertiesFile: path.join(configDir, `node-${id}.properties`),
      logFile: path.join(root, 'logs', `node-${id}.log`),
      pidFile: path.join(root, 'run', `node-${id}.pid`),
    });
  }
  return {
    root,
    release,
    libDir: path.join(root, 'lib', release.version),
    configDir,
    dataDir,
    dataVersionFile: path.join(dataDir, 'kafka-version'),
    clusterIdFile: path.join(root, 'cluster-id'),
    lockFile: path.join(root, 'run', 'start.lock'),
    loggingFile: path.join(configDir, loggingFileName(release.logging, 'broker')),
    toolsLoggingFile: path.join(configDir, loggingFileName(release.logging, 'tools')),
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

// Kafka 4 finalizes share groups (share.version): their state topic is replicated like the
// offsets topic, and as small. 3.9 does not know these settings.
const shareCoordinatorSettings = {
  'share.coordinator.state.topic.replication.factor': 3,
  'share.coordinator.state.topic.min.isr': 2,
  'share.coordinator.state.topic.num.partitions': 12,
};

/** The embedded brokers' retention check interval; the tour counts down to the next check. */
export const RETENTION_CHECK_MS = 10_000;

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
    ...(layout.release.major >= 4 ? shareCoordinatorSettings : {}),
    // A live demo: the first join of a group should not wait 3 s.
    'group.initial.rebalance.delay.ms': 0,
    // Fence a killed broker within seconds, so the dashboard can show it.
    'broker.session.timeout.ms': 6000,
    'broker.heartbeat.interval.ms': 1000,
    // Small segments and quick checks so retention and compaction are visible in a demo.
    'log.segment.bytes': 16 * 1024 * 1024,
    'log.retention.check.interval.ms': RETENTION_CHECK_MS,
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
  return (
    Object.entries(settings)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n') + '\n'
  );
}
