import type { LabProtocolInfo } from '@/lib/contract/actions';
import type { KafkaSettings } from '@/server/config';
import type { ClusterLayout } from '@/server/embedded/layout';
import type { KafkaClients } from '@/server/kafka/client';
import { apiMaxVersion, groupCoordinatorBroker } from '@/server/kafka/kafkajs-private';
import { JavaRuntime, labProtocols, type BrokerApis } from './java-runtime';

// Which lab protocols this dashboard can start: Java present, the jars fetched, and a broker that
// serves the group protocol (it advertises the describe API of that group type out of early access).

const CONSUMER_GROUP_DESCRIBE_API = 69;
const SHARE_GROUP_DESCRIBE_API = 77;
/** A broker upgrade changes the answer; a page load should not ask each time. */
const CACHE_MS = 30_000;
/** Any group id finds a coordinator: the probe only reads the versions the broker advertised. */
const PROBE_GROUP = 'kafka-live-lab-probe';

export interface LabProtocolSource {
  protocols(): Promise<LabProtocolInfo[]>;
  javaCommand(): Promise<string[]>;
  /** No more broker probes; the one running is awaited, so none reconnects the poller's
   *  connections after the server closed them (that would keep the process alive). */
  close(): Promise<void>;
}

export function labProtocolSource(
  clients: KafkaClients,
  layout: ClusterLayout,
  kafka: KafkaSettings,
): LabProtocolSource {
  const java = new JavaRuntime(layout);
  let cached: { at: number; value: Promise<LabProtocolInfo[]> } | null = null;
  let closed = false;
  const ask = async (): Promise<LabProtocolInfo[]> => {
    const problem = await java.problem();
    let apis: BrokerApis | null = null;
    if (closed) return labProtocols({ problem }, null, false);
    try {
      const broker = await groupCoordinatorBroker(clients.pollConnections, PROBE_GROUP);
      apis = {
        consumerGroupDescribe: apiMaxVersion(broker, CONSUMER_GROUP_DESCRIBE_API),
        shareGroupDescribe: apiMaxVersion(broker, SHARE_GROUP_DESCRIBE_API),
      };
    } catch {
      apis = null;
    }
    return labProtocols({ problem }, apis, kafka.ssl !== null || kafka.sasl !== null);
  };
  return {
    protocols() {
      if (!cached || Date.now() - cached.at > CACHE_MS) {
        const value = ask();
        cached = { at: Date.now(), value };
        // A failed probe is not kept: the next page load asks again.
        void value.then((v) => {
          if (v.some((p) => p.why === 'brokerUnknown')) cached = null;
        });
      }
      return cached.value;
    },
    javaCommand: () => java.command(),
    async close() {
      closed = true;
      await cached?.value.catch(() => undefined);
    },
  };
}
