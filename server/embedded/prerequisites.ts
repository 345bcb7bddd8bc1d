import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ClusterLayout } from './layout';

// The embedded cluster needs `java` to run and `mvn` to fetch the broker jars once.
// When either is missing the message says what to install, or how to do without it.

export class EmbeddedKafkaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedKafkaError';
  }
}

const ALTERNATIVES =
  'Or point the dashboard at a cluster you already run with KAFKA_BROKERS=host:port,... ' +
  'or start one with `docker compose up` (see README).';

function has(command: string, args: string[]): boolean {
  const r = spawnSync(command, args, { stdio: 'ignore' });
  return !r.error && r.status === 0;
}

export function checkJava(): void {
  if (!has('java', ['-version'])) {
    throw new EmbeddedKafkaError(
      'The embedded Kafka cluster needs Java 17 or newer, and `java` was not found on PATH. ' +
        'Install it (Debian/Ubuntu: apt-get install -y openjdk-17-jre-headless). ' + ALTERNATIVES,
    );
  }
}

// The broker, and Kafka's tools (added later: an older .kafka/lib without them is refreshed).
const REQUIRED_JARS = [/^kafka_2\.13-3\.9\.\d+\.jar$/, /^kafka-tools-3\.9\.\d+\.jar$/];

export function jarsPresent(layout: ClusterLayout): boolean {
  if (!fs.existsSync(layout.libDir)) return false;
  const files = fs.readdirSync(layout.libDir);
  return REQUIRED_JARS.every((jar) => files.some((f) => jar.test(f)));
}

const POM = path.join(__dirname, 'pom.xml');

/** Fetches the broker's runtime jars into .kafka/lib once; later starts reuse them. */
export function ensureJars(layout: ClusterLayout, log: (line: string) => void = console.log): void {
  if (jarsPresent(layout)) return;
  if (!has('mvn', ['-v'])) {
    throw new EmbeddedKafkaError(
      'The embedded Kafka cluster fetches its jars with Maven on first use, and `mvn` was not found on PATH. ' +
        'Install it (Debian/Ubuntu: apt-get install -y maven). ' + ALTERNATIVES,
    );
  }
  log('Fetching Apache Kafka jars with Maven (first start only)...');
  const r = spawnSync(
    'mvn',
    ['-q', '-B', '-f', POM, 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${layout.libDir}`],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (r.status !== 0 || !jarsPresent(layout)) {
    throw new EmbeddedKafkaError(`Maven could not fetch the Kafka jars (exit ${r.status}). See its output above. ` + ALTERNATIVES);
  }
}
