import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

// Docker cannot run on every machine; this checks the compose file's wiring instead.

interface Service {
  image?: string;
  build?: string;
  hostname?: string;
  ports?: string[];
  environment: Record<string, string | number>;
}

const root = path.join(__dirname, '..', '..');
const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service> };
const pomVersion = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(fs.readFileSync(path.join(root, 'server/embedded/pom.xml'), 'utf8'))?.[1];
const brokers = Object.entries(compose.services).filter(([name]) => name.startsWith('kafka-'));

describe('docker-compose.yml', () => {
  it('runs 3 KRaft nodes on the same Kafka version as the embedded cluster', () => {
    assert.equal(brokers.length, 3);
    for (const [, s] of brokers) {
      assert.equal(s.image, `apache/kafka:${pomVersion}`);
      assert.equal(s.environment.KAFKA_PROCESS_ROLES, 'broker,controller');
    }
    assert.deepEqual(brokers.map(([, s]) => Number(s.environment.KAFKA_NODE_ID)).sort(), [1, 2, 3]);
    assert.equal(new Set(brokers.map(([, s]) => s.environment.CLUSTER_ID)).size, 1, 'one cluster id for all nodes');
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
      for (const l of String(s.environment.KAFKA_LISTENERS).split(',')) assert.ok(protocols.includes(`${l.split(':')[0]}:`), `${l} has a protocol`);
    }
  });

  it('points the dashboard at the container listeners and publishes its port', () => {
    const d = compose.services.dashboard;
    assert.equal(d.build, '.');
    assert.deepEqual(String(d.environment.KAFKA_BROKERS).split(','), brokers.map(([, s]) => `${s.hostname}:19092`));
    assert.equal(d.environment.HOST, '0.0.0.0');
    assert.ok(d.ports?.includes(`${d.environment.PORT}:${d.environment.PORT}`));
  });
});
