import { io } from 'socket.io-client';
import { loadConfig } from '@/server/config';
import { startDashboard } from '@/server/app';

// Run by the shutdown test as a process of its own: a dashboard with everything running, then
// close(). It never calls process.exit on success: if close() left a socket or a timer, the
// process would not end, and the unref'd watchdog names what is left.

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
const WATCHDOG_MS = 15_000;

async function main(): Promise<void> {
  const topic = process.env.PROBE_TOPIC!;
  const groupId = process.env.PROBE_GROUP!;
  const dashboard = await startDashboard({
    config: loadConfig({ ...process.env, PORT: '0', POLL_INTERVAL_MS: '500' }),
    log: () => undefined,
  });
  const origin = { via: 'http' as const, address: 'close-probe' };
  const lab = await dashboard.actions.run(
    'lab:start',
    { groupId, topics: [topic], consumers: 1, processingDelayMs: 0, sessionTimeoutMs: 30_000 },
    origin,
  );
  if (!lab.ok) throw new Error(lab.error);
  const load = await dashboard.actions.run(
    'produce:load-start',
    { topic, rate: 50, durationSeconds: 60, keyPattern: null, keySpace: 1 },
    origin,
  );
  if (!load.ok) throw new Error(load.error);
  const socket = io(dashboard.url, { transports: ['websocket'], forceNew: true });
  await new Promise<void>((resolve) =>
    socket.once('tail:messages', () => resolve()).emit('watch', { kind: 'tail', topic }),
  );
  // The offsets log is read to its end, and a poll round ran with everything going.
  const deadline = Date.now() + 30_000;
  while (dashboard.groups.snapshot().offsetsLog.status !== 'live' && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  socket.close();

  const t0 = Date.now();
  await dashboard.close();
  console.log(`closed in ${Date.now() - t0} ms`);
  setTimeout(() => {
    console.error(`still running ${WATCHDOG_MS} ms after close(): ${JSON.stringify(process.getActiveResourcesInfo())}`);
    process.exit(3);
  }, WATCHDOG_MS).unref();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(2);
});
