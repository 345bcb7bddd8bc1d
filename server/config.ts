import path from 'node:path';
import { ConfigError, int, read, type Env } from './env';
import { loadSecuritySettings, type SecuritySettings } from './security/config';
import { loadVerdictSettings } from './lag/verdict-settings';
import { loadAlertSettings, type AlertSettings } from './alerts/rules-file';
import type { VerdictConfig } from '@/lib/lag/verdict-config';

export { ConfigError };

// All configuration comes from the environment, checked once at start. A bad value stops the
// server with a message that names the variable, rather than failing later in a Kafka call.

export type SaslMechanism = 'plain' | 'scram-sha-256' | 'scram-sha-512';

export interface SslSettings {
  rejectUnauthorized: boolean;
  caFile?: string;
  certFile?: string;
  keyFile?: string;
}

export interface KafkaSettings {
  /** null: no KAFKA_BROKERS, so the embedded cluster is used. */
  brokers: string[] | null;
  clientId: string;
  ssl: SslSettings | null;
  sasl: { mechanism: SaslMechanism; username: string; password: string } | null;
}

export interface EmbeddedSettings {
  /** First client port; nodes use base, base+1, base+2. Controllers use base+100.. */
  basePort: number;
  dir: string;
  nodes: number;
  /** The Apache Kafka release the embedded cluster runs (KAFKA_EMBEDDED_VERSION). */
  version: string;
}

/** The embedded cluster's release unless KAFKA_EMBEDDED_VERSION says otherwise: the newest
 *  Kafka 4 that passes the suite. */
export const DEFAULT_KAFKA_VERSION = '4.4.0';

/** A release the embedded cluster can run: 4.x.y, or 3.9.x (the last 3.x line, still widely
 *  run). Older 3.x lack the tools and settings the cluster and the tests rely on. */
export function parseKafkaVersion(raw: string, variable = 'KAFKA_EMBEDDED_VERSION'): string {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(raw);
  if (!m) {
    throw new ConfigError(
      variable,
      `expected an Apache Kafka release as major.minor.patch (for example ${DEFAULT_KAFKA_VERSION} or 3.9.2), got "${raw}"`,
    );
  }
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (major !== 4 && !(major === 3 && minor === 9)) {
    throw new ConfigError(
      variable,
      `the embedded cluster runs Kafka 4.x or 3.9.x, got "${raw}"; for another release run it yourself and set KAFKA_BROKERS`,
    );
  }
  return raw;
}

export interface AppConfig {
  port: number;
  host: string;
  pollIntervalMs: number;
  /** READ_ONLY: every action is hidden in the UI and refused by the server. */
  readOnly: boolean;
  /** KAFKA_LIVE_HEAP_MB: the JS heap cap `npm start` and the Docker image give node. Read here
   *  only to check it and to say at start whether it took effect. */
  heapMb: number;
  kafka: KafkaSettings;
  embedded: EmbeddedSettings;
  security: SecuritySettings;
  /** Windows of the health verdicts (VERDICT_* variables, README "Health verdicts"). */
  verdict: VerdictConfig;
  /** Alert rules (KAFKA_LIVE_ALERTS_FILE, README "Alerts"). */
  alerts: AlertSettings;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `expected true or false, got "${raw}"`);
}

const hostPort = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;

export function parseBrokerList(raw: string, variable = 'KAFKA_BROKERS'): string[] {
  const list = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length === 0) throw new ConfigError(variable, 'expected host:port[,host:port...], got an empty list');
  for (const entry of list) {
    const m = hostPort.exec(entry);
    const port = m ? Number(m[2]) : 0;
    if (!m || port < 1 || port > 65535) {
      throw new ConfigError(variable, `"${entry}" is not host:port (for example 127.0.0.1:9092)`);
    }
  }
  return list;
}

function sasl(env: Env): KafkaSettings['sasl'] {
  const raw = read(env, 'KAFKA_SASL_MECHANISM')?.toLowerCase();
  if (raw === undefined) return null;
  const mechanisms: SaslMechanism[] = ['plain', 'scram-sha-256', 'scram-sha-512'];
  const mechanism = mechanisms.find((m) => m === raw);
  if (!mechanism)
    throw new ConfigError('KAFKA_SASL_MECHANISM', `expected one of ${mechanisms.join(', ')}, got "${raw}"`);
  const username = read(env, 'KAFKA_SASL_USERNAME');
  const password = env.KAFKA_SASL_PASSWORD;
  if (!username) throw new ConfigError('KAFKA_SASL_USERNAME', `required when KAFKA_SASL_MECHANISM is set`);
  if (!password) throw new ConfigError('KAFKA_SASL_PASSWORD', `required when KAFKA_SASL_MECHANISM is set`);
  return { mechanism, username, password };
}

function ssl(env: Env): SslSettings | null {
  const files = {
    caFile: read(env, 'KAFKA_SSL_CA_FILE'),
    certFile: read(env, 'KAFKA_SSL_CERT_FILE'),
    keyFile: read(env, 'KAFKA_SSL_KEY_FILE'),
  };
  const anyFile = Object.values(files).some(Boolean);
  if (!bool(env, 'KAFKA_SSL', anyFile)) return null;
  if (Boolean(files.certFile) !== Boolean(files.keyFile)) {
    throw new ConfigError(
      files.certFile ? 'KAFKA_SSL_KEY_FILE' : 'KAFKA_SSL_CERT_FILE',
      'client certificate and key go together: set both or neither',
    );
  }
  return { rejectUnauthorized: bool(env, 'KAFKA_SSL_REJECT_UNAUTHORIZED', true), ...files };
}

export function loadEmbeddedSettings(env: Env = process.env): EmbeddedSettings {
  return {
    basePort: int(env, 'KAFKA_EMBEDDED_PORT', 19092, 1024, 65000),
    dir: path.resolve(read(env, 'KAFKA_EMBEDDED_DIR') ?? path.join(process.cwd(), '.kafka')),
    nodes: 3,
    version: parseKafkaVersion(read(env, 'KAFKA_EMBEDDED_VERSION') ?? DEFAULT_KAFKA_VERSION),
  };
}

export function loadConfig(env: Env = process.env): AppConfig {
  const rawBrokers = read(env, 'KAFKA_BROKERS');
  const clientId = read(env, 'KAFKA_CLIENT_ID') ?? 'kafka-live';
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(clientId)) {
    throw new ConfigError('KAFKA_CLIENT_ID', `use letters, digits, ".", "_" or "-" (at most 100), got "${clientId}"`);
  }
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    host: read(env, 'HOST') ?? '127.0.0.1',
    pollIntervalMs: int(env, 'POLL_INTERVAL_MS', 1000, 100, 60000),
    readOnly: bool(env, 'READ_ONLY', false),
    heapMb: int(env, 'KAFKA_LIVE_HEAP_MB', 256, 128, 65536),
    kafka: {
      brokers: rawBrokers === undefined ? null : parseBrokerList(rawBrokers),
      clientId,
      ssl: ssl(env),
      sasl: sasl(env),
    },
    embedded: loadEmbeddedSettings(env),
    security: loadSecuritySettings(env),
    verdict: loadVerdictSettings(env),
    alerts: loadAlertSettings(env),
  };
}
