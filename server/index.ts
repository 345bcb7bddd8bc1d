import v8 from 'node:v8';
import next from 'next';
import { ConfigError, loadConfig } from './config';
import { startDashboard } from './app';
import { EmbeddedKafkaError } from './embedded/prerequisites';

// Entry point for `npm run dev` and `npm start`: one port serves the pages, the JSON API and
// the socket.io stream. With no KAFKA_BROKERS it starts (or reuses) the embedded cluster.

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

async function main(): Promise<void> {
  const config = loadConfig();
  const dev = process.env.NODE_ENV !== 'production';
  const started = Date.now();

  const app = next({ dev, dir: process.cwd(), hostname: config.host, port: config.port });
  const prepared = app.prepare();
  const dashboard = await startDashboard({
    config,
    // With the embedded cluster, polling starts once its nodes answer: until then the page
    // says "connecting", not "unreachable".
    startPolling: config.kafka.brokers !== null,
    pages: async (req, res) => {
      await prepared;
      await app.getRequestHandler()(req, res);
    },
    log: (line) => console.log(`[kafka-live] ${line}`),
    dev,
  });

  if (dashboard.embedded) {
    // The page is up at once and shows "connecting" until the nodes answer.
    console.log(
      `[kafka-live] embedded Kafka on ${dashboard.embedded.bootstrap.join(',')} (stays up after the dashboard; npm run kafka:stop stops it)`,
    );
    dashboard.embedded
      .ensureRunning()
      .then(() => dashboard.startPolling())
      .catch((e: unknown) => fail(e));
  }
  await prepared;
  // socket.io answers its own upgrades; any other (Next.js dev hot reload) goes to Next.
  const upgrade = app.getUpgradeHandler();
  dashboard.http.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith('/socket.io')) void upgrade(req, socket, head);
  });

  console.log(
    `[kafka-live] dashboard on ${dashboard.url} (${dev ? 'dev' : 'production'}, ready in ${Date.now() - started} ms)`,
  );
  // V8 grows its heap with the garbage of each poll round long before it collects it (hundreds
  // of MB at 20,000 partitions); npm start caps it, and this says whether the cap is in force.
  const heapLimitMb = Math.round(v8.getHeapStatistics().heap_size_limit / 1_048_576);
  console.log(
    `[kafka-live] JS heap limit ${heapLimitMb} MB${heapLimitMb < config.heapMb * 1.5 ? '' : ` (KAFKA_LIVE_HEAP_MB=${config.heapMb} not applied: run with npm start or node --max-old-space-size)`}`,
  );

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`[kafka-live] ${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    void dashboard
      .close()
      .then(() => app.close?.())
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

function fail(e: unknown): never {
  if (e instanceof ConfigError || e instanceof EmbeddedKafkaError) {
    console.error(`[kafka-live] ${e.message}`);
  } else {
    console.error('[kafka-live] failed to start:', e);
  }
  process.exit(1);
}

// A stray rejection inside a client library must not take the dashboard down.
process.on('unhandledRejection', (reason) => console.error('[kafka-live] unhandled rejection:', reason));

main().catch(fail);
