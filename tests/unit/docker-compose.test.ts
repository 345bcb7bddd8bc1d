import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_KAFKA_VERSION } from '@/server/config';
import { clusterLayout, nodeProperties } from '@/server/embedded/layout';

// Docker cannot run on every machine; this checks the compose file's wiring instead.

interface Service {
  image?: string;
  build?: string;
  hostname?: string;
  ports?: string[];
  environment: Record<string, string | number>;
}

const root = path.join(__dirname, '..', '..');
const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const pomVersion = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(
  fs.readFileSync(path.join(root, 'server/embedded/pom.xml'), 'utf8'),
)?.[1];
const brokers = Object.entries(compose.services).filter(([name]) => name.startsWith('kafka-'));

// Cluster-wide settings that make the demo behave the same in both (KAFKA_A_B is a.b).
const SHARED_SETTINGS = [
  'offsets.topic.replication.factor',
  'offsets.topic.num.partitions',
  'transaction.state.log.replication.factor',
  'transaction.state.log.min.isr',
  'share.coordinator.state.topic.replication.factor',
  'share.coordinator.state.topic.min.isr',
  'share.coordinator.state.topic.num.partitions',
  'default.replication.factor',
  'min.insync.replicas',
  'num.partitions',
  'group.initial.rebalance.delay.ms',
  'broker.session.timeout.ms',
  'broker.heartbeat.interval.ms',
  'leader.imbalance.check.interval.seconds',
];

describe('docker-compose.yml', () => {
  it('runs 3 KRaft nodes on the same Kafka version as the embedded cluster', () => {
    assert.equal(pomVersion, DEFAULT_KAFKA_VERSION, 'the jar fetch defaults to the same release');
    assert.equal(brokers.length, 3);
    for (const [, s] of brokers) {
      assert.equal(s.image, `apache/kafka:${DEFAULT_KAFKA_VERSION}`);
      assert.equal(s.environment.KAFKA_PROCESS_ROLES, 'broker,controller');
    }
    assert.deepEqual(brokers.map(([, s]) => Number(s.environment.KAFKA_NODE_ID)).sort(), [1, 2, 3]);
    assert.equal(new Set(brokers.map(([, s]) => s.environment.CLUSTER_ID)).size, 1, 'one cluster id for all nodes');
  });

  it("gives the brokers the embedded cluster's settings", () => {
    const layout = clusterLayout({ basePort: 20000, dir: '/tmp/kl', nodes: 3, version: DEFAULT_KAFKA_VERSION });
    const embedded = Object.fromEntries(
      nodeProperties(layout, layout.nodes[0])
        .trim()
        .split('\n')
        .map((l) => l.split(/=(.*)/s).slice(0, 2)),
    );
    for (const [name, s] of brokers) {
      for (const setting of SHARED_SETTINGS) {
        const variable = `KAFKA_${setting.toUpperCase().replace(/\./g, '_')}`;
        assert.equal(String(s.environment[variable]), embedded[setting], `${name} ${variable}`);
      }
    }
  });

  it('names every node in the voters at its hostname and controller port', () => {
    for (const [, s] of brokers) {
      const voters = String(s.environment.KAFKA_CONTROLLER_QUORUM_VOTERS).split(',');
      assert.deepEqual(voters, brokers.map(([, b]) => `${b.environment.KAFKA_NODE_ID}@${b.hostname}:9093`).sort());
    }
  });

  it('advertises a container listener and a host listener that is actually published', () => {
    for (const [, s] of brokers) {
      const advertised = String(s.environment.KAFKA_ADVERTISED_LISTENERS).split(',');
      const internal = advertised.find((l) => l.startsWith('PLAINTEXT://'));
      const host = advertised.find((l) => l.startsWith('PLAINTEXT_HOST://'));
      assert.equal(internal, `PLAINTEXT://${s.hostname}:19092`);
      const hostPort = host?.split(':').pop();
      assert.ok(s.ports?.includes(`${hostPort}:9092`), `host port ${hostPort} is published to the host listener`);
      const protocols = String(s.environment.KAFKA_LISTENER_SECURITY_PROTOCOL_MAP);
      for (const l of String(s.environment.KAFKA_LISTENERS).split(','))
        assert.ok(protocols.includes(`${l.split(':')[0]}:`), `${l} has a protocol`);
    }
  });

  it('points the dashboard at the container listeners and publishes its port', () => {
    const d = compose.services.dashboard;
    assert.equal(d.build, '.');
    assert.deepEqual(
      String(d.environment.KAFKA_BROKERS).split(','),
      brokers.map(([, s]) => `${s.hostname}:19092`),
    );
    assert.equal(d.environment.HOST, '0.0.0.0');
    assert.ok(d.ports?.includes(`${d.environment.PORT}:${d.environment.PORT}`));
  });
});
