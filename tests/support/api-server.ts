import { loadConfig } from '@/server/config';
import { startDashboard } from '@/server/app';

// The dashboard without Next.js, as a process of its own: a test that may crash it (the fuzz
// test) sees the crash as an exit and reads its memory from /proc. Configured by env like the
// real server; tells its parent the URL over IPC once it listens.

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

async function main(): Promise<void> {
  const dashboard = await startDashboard({ config: loadConfig({ ...process.env, PORT: '0' }), log: () => undefined });
  process.send?.({ url: dashboard.url });
  const stop = () => void dashboard.close().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  // Without its parent the server has no reason to live.
  process.on('disconnect', stop);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
