import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TailMessage } from '@/lib/contract/actions';
import type { ClusterStore } from '@/server/cluster/store';
import type { KafkaClients } from '@/server/kafka/client';
import { TailService } from './service';

// The backfill's answer when a leader does not answer. Brokers are stand-ins here: what is under
// test is which batch the page is told to replace its tail with; the real cluster's tail is
// covered in tests/integration/produce.test.ts and tests/e2e/reconnect.spec.ts.

const record = (offset: number) => ({
  offset: String(offset),
  key: null,
  value: Buffer.from(`m${offset}`),
  timestamp: String(1_000 + offset),
  headers: {},
});

function service(failing: Set<number>): TailService {
  const broker = (nodeId: number) => ({
    fetch: async ({ maxWaitTime }: { maxWaitTime: number }) => {
      if (failing.has(nodeId)) throw new Error(`broker ${nodeId} is gone`);
      // The live reader's long poll: nothing new arrives.
      if (maxWaitTime > 0) {
        await new Promise((r) => setTimeout(r, maxWaitTime));
        return { responses: [] };
      }
      return {
        responses: [
          {
            topicName: 't',
            partitions: [
              {
                partition: nodeId,
                errorCode: 0,
                highWatermark: '3',
                lastStableOffset: '3',
                messages: [0, 1, 2].map(record),
              },
            ],
          },
        ],
      };
    },
  });
  const connections = {
    isConnected: () => true,
    disconnect: async () => undefined,
    findBroker: async ({ nodeId }: { nodeId: number }) => broker(nodeId),
  };
  const partition = (p: number) => ({ partition: p, leader: p, high: 3, low: 0 });
  const store = { snapshot: () => ({ topics: [{ name: 't', partitions: [partition(1), partition(2)] }] }) };
  return new TailService({ tailConnections: connections } as unknown as KafkaClients, store as unknown as ClusterStore);
}

function firstBatch(tails: TailService): Promise<{ messages: TailMessage[]; reset: boolean }> {
  return new Promise((resolve) => {
    tails.subscribe('t', (_topic, messages, reset) => resolve({ messages, reset }));
  });
}

describe('tail backfill', () => {
  it('replaces the page tail when every leader answered', async () => {
    const tails = service(new Set());
    const batch = await firstBatch(tails);
    assert.equal(batch.reset, true);
    assert.deepEqual(batch.messages.map((m) => `${m.partition}:${m.offset}`).sort(), [
      '1:0',
      '1:1',
      '1:2',
      '2:0',
      '2:1',
      '2:2',
    ]);
    await tails.close();
  });

  it('adds what it read, without a reset, when a leader still fails after retries', async () => {
    const tails = service(new Set([2]));
    const batch = await firstBatch(tails);
    assert.equal(batch.reset, false, 'a partial backfill must not wipe what the page shows');
    assert.deepEqual(
      batch.messages.map((m) => `${m.partition}:${m.offset}`),
      ['1:0', '1:1', '1:2'],
    );
    await tails.close();
  });
});
