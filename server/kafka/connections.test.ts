import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { askInOrder, isKafkaError } from './connections';
import type { BrokerConnection, KafkaConnections } from './kafkajs-private';

/** Brokers 1-3; `down` ones refuse a connection. */
function cluster(down: number[]) {
  const asked: number[] = [];
  const connections = {
    async findBroker({ nodeId }: { nodeId: number }) {
      asked.push(nodeId);
      if (down.includes(nodeId)) throw new Error(`broker ${nodeId} is down`);
      return { nodeId } as unknown as BrokerConnection;
    },
  } as unknown as KafkaConnections;
  return { connections, asked };
}

const idOf = async (b: BrokerConnection) => (b as unknown as { nodeId: number }).nodeId;

describe('asking brokers in order', () => {
  it('answers with the first broker that answers, in the order given', async () => {
    const { connections, asked } = cluster([3]);
    assert.equal(await askInOrder(connections, [3, 1, 2], idOf), 1);
    assert.deepEqual(asked, [3, 1]);
  });

  it('throws the last failure when none answers, and says so when there is none to ask', async () => {
    const { connections } = cluster([1, 2]);
    await assert.rejects(askInOrder(connections, [1, 2], idOf), /broker 2 is down/);
    await assert.rejects(askInOrder(connections, [], idOf), /no broker to ask/);
  });

  it("stops at an error that is the cluster's answer rather than a broker failing", async () => {
    const { connections, asked } = cluster([]);
    const unknownTopic = Object.assign(new Error('unknown topic'), { type: 'UNKNOWN_TOPIC_OR_PARTITION' });
    const fail = async () => {
      throw unknownTopic;
    };
    await assert.rejects(askInOrder(connections, [1, 2], fail, { isAnswer: isKafkaError }), /unknown topic/);
    assert.deepEqual(asked, [1]);
  });
});
