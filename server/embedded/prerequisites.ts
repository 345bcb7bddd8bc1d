import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ClusterLayout } from './layout';
import { missingJars, requiredJars, type KafkaRelease } from './release';

// The embedded cluster needs `java` to run and `mvn` to fetch each release's jars once.
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

export function checkJava(release: KafkaRelease): void {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new EmbeddedKafkaError(
      'The embedded Kafka cluster needs Java 17 or newer, and `java` was not found on PATH. ' +
        'Install it (Debian/Ubuntu: apt-get install -y openjdk-17-jre-headless). ' +
        ALTERNATIVES,
    );
  }
  const found = javaMajor(`${r.stderr}${r.stdout}`);
  const needed = release.major >= 4 ? 17 : 11;
  if (found !== null && found < needed) {
    throw new EmbeddedKafkaError(
      `Kafka ${release.version} needs Java ${needed} or newer, and \`java\` on PATH is Java ${found}. ` +
        'Install a newer one (Debian/Ubuntu: apt-get install -y openjdk-17-jre-headless). ' +
        ALTERNATIVES,
    );
  }
}

/** The major version in `java -version`'s banner ("1.8.0_402" is 8, "17.0.15" is 17). */
export function javaMajor(banner: string): number | null {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(banner);
  if (!m) return null;
  const first = Number(m[1]);
  return first === 1 && m[2] ? Number(m[2]) : first;
}

export function jarsPresent(layout: ClusterLayout): boolean {
  if (!fs.existsSync(layout.libDir)) return false;
  return missingJars(layout.release, fs.readdirSync(layout.libDir)).length === 0;
}

const POM = path.join(__dirname, 'pom.xml');

/** Fetches this release's runtime jars into .kafka/lib/<version> once; later starts reuse
 *  them. Maven writes into a scratch folder that is renamed when complete, so an interrupted
 *  fetch never leaves a folder that looks usable. */
export function ensureJars(layout: ClusterLayout, log: (line: string) => void = console.log): void {
  if (jarsPresent(layout)) return;
  if (!has('mvn', ['-v'])) {
    throw new EmbeddedKafkaError(
      'The embedded Kafka cluster fetches its jars with Maven on first use, and `mvn` was not found on PATH. ' +
        'Install it (Debian/Ubuntu: apt-get install -y maven). ' +
        ALTERNATIVES,
    );
  }
  const { version, logging } = layout.release;
  removeUnversionedJars(path.dirname(layout.libDir));
  const scratch = `${layout.libDir}.partial`;
  fs.rmSync(scratch, { recursive: true, force: true });
  log(`Fetching Apache Kafka ${version} jars with Maven (first start of this release only)...`);
  const r = spawnSync(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      POM,
      'dependency:copy-dependencies',
      `-Dkafka.version=${version}`,
      `-Dkafka.logging=${logging}`,
      '-DincludeScope=runtime',
      `-DoutputDirectory=${scratch}`,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const missing = fs.existsSync(scratch)
    ? missingJars(layout.release, fs.readdirSync(scratch))
    : requiredJars(layout.release);
  if (r.status !== 0 || missing.length > 0) {
    fs.rmSync(scratch, { recursive: true, force: true });
    throw new EmbeddedKafkaError(
      `Maven could not fetch the jars of Kafka ${version} (exit ${r.status}${missing.length > 0 ? `; missing ${missing.map(String).join(', ')}` : ''}). ` +
        `See its output above; is ${version} an Apache Kafka release on Maven Central? ` +
        ALTERNATIVES,
    );
  }
  fs.rmSync(layout.libDir, { recursive: true, force: true });
  fs.renameSync(scratch, layout.libDir);
}

/** Earlier dashboards kept one release's jars directly in .kafka/lib: nothing uses them now. */
function removeUnversionedJars(libRoot: string): void {
  if (!fs.existsSync(libRoot)) return;
  for (const f of fs.readdirSync(libRoot)) if (f.endsWith('.jar')) fs.rmSync(path.join(libRoot, f), { force: true });
}
