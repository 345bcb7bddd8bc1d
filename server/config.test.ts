import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig, parseBrokerList } from '@/server/config';

const fails = (env: Record<string, string>, variable: string, pattern?: RegExp) =>
  assert.throws(
    () => loadConfig(env),
    (e: unknown) =>
      e instanceof ConfigError &&
      e.variable === variable &&
      e.message.startsWith(`${variable}:`) &&
      (!pattern || pattern.test(e.message)),
  );

describe('configuration from the environment', () => {
  it('defaults to the embedded cluster on port 3000', () => {
    const c = loadConfig({});
    assert.equal(c.kafka.brokers, null);
    assert.equal(c.port, 3000);
    assert.equal(c.kafka.clientId, 'kafka-live');
    assert.equal(c.embedded.basePort, 19092, 'clear of a Kafka the user runs on 9092');
    assert.equal(c.embedded.version, '4.4.0', 'Kafka 4 unless KAFKA_EMBEDDED_VERSION says otherwise');
    assert.equal(c.kafka.ssl, null);
    assert.equal(c.kafka.sasl, null);
    assert.equal(c.heapMb, 256, 'the heap cap npm start gives node when KAFKA_LIVE_HEAP_MB is unset');
  });

  it('reads a comma-separated broker list, tolerating spaces', () => {
    assert.deepEqual(loadConfig({ KAFKA_BROKERS: 'a.example:9092, b:9093,[::1]:9094' }).kafka.brokers, [
      'a.example:9092',
      'b:9093',
      '[::1]:9094',
    ]);
  });

  it('names the variable for a malformed broker list', () => {
    fails({ KAFKA_BROKERS: 'localhost' }, 'KAFKA_BROKERS', /"localhost" is not host:port/);
    fails({ KAFKA_BROKERS: 'h:99999' }, 'KAFKA_BROKERS');
    fails({ KAFKA_BROKERS: ',,' }, 'KAFKA_BROKERS');
    assert.throws(() => parseBrokerList('h:0'), ConfigError);
  });

  it('runs another Kafka release on request: any 4.x, or 3.9.x', () => {
    for (const v of ['3.9.2', '3.9.0', '4.0.2', '4.3.1', ' 4.4.0 '])
      assert.equal(loadConfig({ KAFKA_EMBEDDED_VERSION: v }).embedded.version, v.trim());
  });

  it('names the variable for bad numbers and flags', () => {
    fails({ PORT: 'eighty' }, 'PORT');
    fails({ PORT: '70000' }, 'PORT');
    fails({ POLL_INTERVAL_MS: '5' }, 'POLL_INTERVAL_MS');
    fails({ KAFKA_EMBEDDED_PORT: '80' }, 'KAFKA_EMBEDDED_PORT');
    fails({ KAFKA_EMBEDDED_VERSION: '4.4' }, 'KAFKA_EMBEDDED_VERSION', /major\.minor\.patch .*got "4\.4"/);
    fails({ KAFKA_EMBEDDED_VERSION: 'latest' }, 'KAFKA_EMBEDDED_VERSION', /for example 4\.4\.0 or 3\.9\.2/);
    fails({ KAFKA_EMBEDDED_VERSION: '4.4.0-rc1' }, 'KAFKA_EMBEDDED_VERSION');
    fails({ KAFKA_EMBEDDED_VERSION: '3.8.1' }, 'KAFKA_EMBEDDED_VERSION', /runs Kafka 4\.x or 3\.9\.x.*KAFKA_BROKERS/);
    fails({ KAFKA_EMBEDDED_VERSION: '2.8.2' }, 'KAFKA_EMBEDDED_VERSION');
    fails({ KAFKA_SSL: 'maybe' }, 'KAFKA_SSL');
    fails({ KAFKA_CLIENT_ID: 'has spaces' }, 'KAFKA_CLIENT_ID');
    fails({ KAFKA_LIVE_HEAP_MB: '64' }, 'KAFKA_LIVE_HEAP_MB');
    fails({ KAFKA_LIVE_HEAP_MB: '1g' }, 'KAFKA_LIVE_HEAP_MB');
  });

  it('takes SASL plain and SCRAM, and requires the credentials', () => {
    for (const mechanism of ['plain', 'scram-sha-256', 'SCRAM-SHA-512']) {
      const c = loadConfig({
        KAFKA_BROKERS: 'h:9092',
        KAFKA_SASL_MECHANISM: mechanism,
        KAFKA_SASL_USERNAME: 'u',
        KAFKA_SASL_PASSWORD: 'p',
      });
      assert.equal(c.kafka.sasl?.mechanism, mechanism.toLowerCase());
    }
    fails({ KAFKA_SASL_MECHANISM: 'gssapi' }, 'KAFKA_SASL_MECHANISM');
    fails({ KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_PASSWORD: 'p' }, 'KAFKA_SASL_USERNAME');
    fails({ KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u' }, 'KAFKA_SASL_PASSWORD');
  });

  it('turns SSL on with a flag or a CA file, and wants certificate and key together', () => {
    assert.deepEqual(loadConfig({ KAFKA_SSL: 'true' }).kafka.ssl, {
      rejectUnauthorized: true,
      caFile: undefined,
      certFile: undefined,
      keyFile: undefined,
    });
    assert.equal(loadConfig({ KAFKA_SSL_CA_FILE: '/ca.pem' }).kafka.ssl?.caFile, '/ca.pem');
    assert.equal(
      loadConfig({ KAFKA_SSL: 'true', KAFKA_SSL_REJECT_UNAUTHORIZED: 'false' }).kafka.ssl?.rejectUnauthorized,
      false,
    );
    fails({ KAFKA_SSL_CERT_FILE: '/c.pem' }, 'KAFKA_SSL_KEY_FILE');
  });

  it('reads the verdict windows from VERDICT_* variables and names a bad one', () => {
    assert.equal(loadConfig({}).verdict.stopFloorMs, 10_000);
    const c = loadConfig({ VERDICT_WINDOW_MS: '30000', VERDICT_TREND_MIN_MS: '5000', VERDICT_STOP_FACTOR: '2.5' });
    assert.equal(c.verdict.windowMs, 30_000);
    assert.equal(c.verdict.trendMinMs, 5_000);
    assert.equal(c.verdict.stopFactor, 2.5);
    fails({ VERDICT_STOP_FLOOR_MS: '10s' }, 'VERDICT_STOP_FLOOR_MS', /expected a number/);
    fails({ VERDICT_STOP_FLOOR_MS: '10' }, 'VERDICT_STOP_FLOOR_MS');
    fails({ VERDICT_WINDOW_MS: '20000' }, 'VERDICT_TREND_MIN_MS', /must not exceed windowMs/);
  });
});
