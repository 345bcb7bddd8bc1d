import type { ActionHandlers } from '@/server/actions/dispatcher';
import { ActionError, describeError } from '@/server/actions/errors';
import type { ClusterStore } from '@/server/cluster/store';
import { brokerOf } from '@/server/kafka/connections';
import { kafkaErrorText, type KafkaConnections } from '@/server/kafka/kafkajs-private';
import { describeProducers, send, writeTxnMarkers } from '@/server/kafka/protocol';

// Aborting a transaction on one partition, as Kafka's Admin abortTransaction does: the
// partition leader's producer state gives the producer epoch and coordinator epoch, and an
// ABORT marker with them is written by WriteTxnMarkers to that leader. Read_committed
// consumers move on at once; the producer, if alive, gets a fenced or invalid-state error on
// its next write. Typed confirmation: the producer id.

export function transactionActions(deps: {
  connections: KafkaConnections;
  store: ClusterStore;
}): Pick<ActionHandlers, 'transaction:abort'> {
  return {
    async 'transaction:abort'(req) {
      const { topic, partition, producerId } = req;
      if (req.confirm !== String(producerId))
        throw new ActionError(
          `type the producer id (${producerId}) to confirm: aborting drops what the transaction wrote to ${topic}/${partition}`,
        );
      const leader = deps.store
        .snapshot()
        .topics.find((t) => t.name === topic)
        ?.partitions.find((p) => p.partition === partition)?.leader;
      if (leader === undefined) throw new ActionError(`no partition ${topic}/${partition}`);
      if (leader < 0) throw new ActionError(`${topic}/${partition} has no leader right now: try again once it has one`);
      try {
        const broker = await brokerOf(deps.connections, leader);
        const [state] = await send(broker, describeProducers, { topics: new Map([[topic, [partition]]]) });
        if (!state || state.errorCode !== 0)
          throw new ActionError(
            `Kafka could not describe the producers of ${topic}/${partition}: ${state?.errorMessage ?? kafkaErrorText(state?.errorCode ?? -1)}`,
          );
        const producer = state.producers.find((p) => p.producerId === producerId && p.currentTxnStartOffset >= 0);
        if (!producer)
          throw new ActionError(
            `producer ${producerId} has no transaction open on ${topic}/${partition} (it may have ended)`,
          );
        const answer = await send(broker, writeTxnMarkers, {
          producerId,
          producerEpoch: producer.producerEpoch,
          coordinatorEpoch: producer.coordinatorEpoch,
          commit: false,
          topic,
          partitions: [partition],
        });
        const failed = answer.find((p) => p.errorCode !== 0);
        if (failed)
          throw new ActionError(`Kafka refused to abort the transaction: ${kafkaErrorText(failed.errorCode)}`);
        return { topic, partition, producerId, startOffset: producer.currentTxnStartOffset };
      } catch (e) {
        if (e instanceof ActionError) throw e;
        throw new ActionError(`aborting the transaction on ${topic}/${partition} failed: ${describeError(e)}`);
      }
    },
  };
}
