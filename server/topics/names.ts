import { ActionError } from '@/server/actions/errors';

// Kafka's topic name rules beyond the characters the schema checks (apache/kafka Topic.java):
// "." and ".." are refused, and names that differ only by "." versus "_" collide in metric
// names, so Kafka refuses the second one.

const metricName = (name: string) => name.replace(/\./g, '_');

export function checkNewTopicName(name: string, existing: string[]): void {
  if (name === '.' || name === '..') throw new ActionError(`"${name}" is not a valid topic name`);
  const clash = existing.find((t) => t !== name && metricName(t) === metricName(name));
  if (clash)
    throw new ActionError(
      `${name} collides with the existing topic ${clash}: Kafka treats "." and "_" alike in metric names`,
    );
}
