import { loadEmbeddedSettings } from '@/server/config';
import { EmbeddedCluster } from '@/server/embedded/cluster';

// npm run kafka:start | kafka:stop | kafka:status, and `tsx scripts/kafka.ts stop-node 2` etc.

async function main(): Promise<void> {
  const [command = 'status', arg] = process.argv.slice(2);
  const cluster = new EmbeddedCluster(loadEmbeddedSettings());
  const nodeId = () => {
    const id = Number(arg);
    if (!Number.isInteger(id)) throw new Error(`${command} needs a node id, e.g. ${command} 2`);
    return id;
  };
  switch (command) {
    case 'start':
      await cluster.ensureRunning();
      console.log(`embedded Kafka ${cluster.version} ready on ${cluster.bootstrap.join(',')}`);
      break;
    case 'stop':
      await cluster.stopAll();
      console.log('embedded Kafka stopped');
      break;
    case 'status':
      console.log(`Kafka ${cluster.version} (KAFKA_EMBEDDED_VERSION), data in ${cluster.layout.dataDir}`);
      for (const s of cluster.status()) {
        console.log(
          `node ${s.id}: ${s.running ? `running (pid ${s.pid})` : 'stopped'}  client 127.0.0.1:${s.clientPort}  controller 127.0.0.1:${s.controllerPort}`,
        );
      }
      break;
    case 'stop-node':
      await cluster.stopNode(nodeId());
      break;
    case 'kill-node':
      await cluster.killNode(nodeId());
      break;
    case 'start-node':
      await cluster.startNode(nodeId());
      break;
    default:
      throw new Error(`unknown command "${command}"; use start, stop, status, stop-node N, kill-node N, start-node N`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
