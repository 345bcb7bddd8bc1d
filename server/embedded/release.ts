// What differs between the Kafka releases the embedded cluster runs: the logging library the
// broker needs, the jars that must be there, and whether data formatted by one release may be
// started by another. Pure: unit-tested without Java.

export type Logging = 'log4j2' | 'reload4j';

export interface KafkaRelease {
  version: string;
  major: number;
  minor: number;
  /** Kafka 4 logs through log4j2; 3.x through reload4j (log4j 1 API). */
  logging: Logging;
}

export function kafkaRelease(version: string): KafkaRelease {
  const [major, minor] = version.split('.').map(Number);
  return { version, major, minor, logging: major >= 4 ? 'log4j2' : 'reload4j' };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Jars a usable lib folder holds: the broker, Kafka's tools and Java clients of exactly this
 *  release, and the logging binding (without one the broker logs nothing). */
export function requiredJars(release: KafkaRelease): RegExp[] {
  const v = escape(release.version);
  const kafka = ['kafka_2\\.13', 'kafka-tools', 'kafka-clients', 'kafka-streams'].map(
    (name) => new RegExp(`^${name}-${v}\\.jar$`),
  );
  const logging =
    release.logging === 'log4j2'
      ? [/^log4j-slf4j-impl-[\d.]+\.jar$/, /^log4j-core-[\d.]+\.jar$/]
      : [/^slf4j-reload4j-[\d.]+\.jar$/, /^reload4j-[\d.]+\.jar$/];
  return [...kafka, ...logging];
}

export function missingJars(release: KafkaRelease, files: string[]): RegExp[] {
  return requiredJars(release).filter((jar) => !files.some((f) => jar.test(f)));
}

/** The JVM flag that points the logging library at its configuration file. */
export function loggingFlag(logging: Logging, file: string): string {
  return logging === 'log4j2' ? `-Dlog4j2.configurationFile=${file}` : `-Dlog4j.configuration=file:${file}`;
}

export function loggingFileName(logging: Logging, use: 'broker' | 'tools'): string {
  return `${use === 'broker' ? '' : 'tools-'}${logging === 'log4j2' ? 'log4j2' : 'log4j'}.properties`;
}

// Quiet loggers a demo box does not need at INFO (the same in both files).
const QUIET = {
  'kafka.request.logger': 'WARN',
  'state.change.logger': 'WARN',
  'org.apache.kafka.raft': 'WARN',
};

/** Broker logging: INFO to stdout, which the launcher sends to the node's log file. Tools
 *  log warnings to stderr only, so their stdout carries nothing but their answer. */
export function loggingConfig(logging: Logging, use: 'broker' | 'tools'): string {
  const level = use === 'broker' ? 'INFO' : 'WARN';
  const loggers: Record<string, string> = use === 'broker' ? QUIET : {};
  if (logging === 'reload4j') {
    return [
      `log4j.rootLogger=${level}, out`,
      'log4j.appender.out=org.apache.log4j.ConsoleAppender',
      `log4j.appender.out.Target=${use === 'broker' ? 'System.out' : 'System.err'}`,
      'log4j.appender.out.layout=org.apache.log4j.PatternLayout',
      'log4j.appender.out.layout.ConversionPattern=[%d] %p %m (%c)%n',
      ...Object.entries(loggers).map(([name, l]) => `log4j.logger.${name}=${l}`),
      '',
    ].join('\n');
  }
  return [
    'status = warn',
    'appender.out.type = Console',
    'appender.out.name = OUT',
    `appender.out.target = ${use === 'broker' ? 'SYSTEM_OUT' : 'SYSTEM_ERR'}`,
    'appender.out.layout.type = PatternLayout',
    'appender.out.layout.pattern = [%d] %p %m (%c)%n',
    `rootLogger.level = ${level}`,
    'rootLogger.appenderRef.out.ref = OUT',
    ...Object.entries(loggers).flatMap(([name, l], i) => [`logger.q${i}.name = ${name}`, `logger.q${i}.level = ${l}`]),
    '',
  ].join('\n');
}

/** Release that formatted data written before the version was recorded: the dashboard ran
 *  only Kafka 3.9.2 then. */
export const UNRECORDED_DATA_VERSION = '3.9.2';

const line = (version: string) => version.split('.').slice(0, 2).join('.');

/** Why `wanted` must not start on data formatted by `formattedWith`, in words that say what
 *  to do; null when it may. Releases of one minor line share their metadata and log formats;
 *  across lines Kafka needs a planned upgrade (and cannot go back), which a demo cluster
 *  should not do behind the user's back. */
export function dataVersionConflict(formattedWith: string, wanted: string, dataDir: string): string | null {
  if (line(formattedWith) === line(wanted)) return null;
  return (
    `the embedded cluster's data in ${dataDir} was formatted by Kafka ${formattedWith}, ` +
    `and this start asks for Kafka ${wanted}. Moving data to another release line takes a planned upgrade ` +
    `(and cannot be undone), so nothing was started. Either delete ${dataDir} for a fresh cluster (its topics, messages and groups are lost), ` +
    `or set KAFKA_EMBEDDED_DIR to another folder for a separate cluster, ` +
    `or set KAFKA_EMBEDDED_VERSION=${formattedWith} to keep using this one.`
  );
}
