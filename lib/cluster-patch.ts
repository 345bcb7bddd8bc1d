import type { Broker, ClusterSnapshot, Topic } from './contract/cluster';
import type { ClusterPatch, KeyedChanges } from './contract/patch';

// Shared by server (to compute) and browser (to apply), so both sides agree on one algorithm.

function same(a: unknown, b: unknown): boolean {
  // Rows are small plain JSON; comparing their serialisation is exact and cheap enough.
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function diffKeyed<T, K>(prev: T[], next: T[], key: (row: T) => K): KeyedChanges<T, K> | undefined {
  const before = new Map(prev.map((row) => [key(row), row]));
  const upsert: T[] = [];
  for (const row of next) {
    const old = before.get(key(row));
    before.delete(key(row));
    if (old === undefined || !same(old, row)) upsert.push(row);
  }
  const remove = [...before.keys()];
  return upsert.length || remove.length ? { upsert, remove } : undefined;
}

const brokerKey = (b: Broker) => b.id;
const topicKey = (t: Topic) => t.name;

/** The patch that turns `prev` into `next`, or null when nothing a client shows changed. */
export function diffSnapshots(prev: ClusterSnapshot, next: ClusterSnapshot): ClusterPatch | null {
  const patch: ClusterPatch = { from: prev.version, to: next.version, observedAt: next.observedAt };
  let changed = false;
  if (prev.clusterId !== next.clusterId) {
    patch.clusterId = next.clusterId;
    changed = true;
  }
  if (prev.controllerId !== next.controllerId) {
    patch.controllerId = next.controllerId;
    changed = true;
  }
  if (!same(prev.quorum, next.quorum)) {
    patch.quorum = next.quorum;
    changed = true;
  }
  // The time of the last answered round alone is no change to show: it only matters once
  // Kafka is away, and that patch carries the whole connection with it.
  if (!same({ ...prev.connection, lastSuccessAt: null }, { ...next.connection, lastSuccessAt: null })) {
    patch.connection = next.connection;
    changed = true;
  }
  const brokers = diffKeyed(prev.brokers, next.brokers, brokerKey);
  if (brokers) {
    patch.brokers = brokers;
    changed = true;
  }
  const topics = diffKeyed(prev.topics, next.topics, topicKey);
  if (topics) {
    patch.topics = topics;
    changed = true;
  }
  return changed ? patch : null;
}

// The order localeCompare gives, at a fraction of its cost per call (thousands of topic names).
const collator = new Intl.Collator();
export const compareNames = (a: string, b: string): number => collator.compare(a, b);

function applyKeyed<T, K>(rows: T[], changes: KeyedChanges<T, K> | undefined, key: (row: T) => K, order: (a: T, b: T) => number): T[] {
  if (!changes) return rows;
  if (changes.remove.length === 0) {
    // Only known rows changed (the usual patch): swap them in place, no re-sort.
    const changed = new Map(changes.upsert.map((row) => [key(row), row]));
    let replaced = 0;
    const next = rows.map((row) => {
      const update = changed.get(key(row));
      if (update === undefined) return row;
      replaced++;
      return update;
    });
    if (replaced === changed.size) return next;
  }
  const byKey = new Map(rows.map((row) => [key(row), row]));
  for (const k of changes.remove) byKey.delete(k);
  for (const row of changes.upsert) byKey.set(key(row), row);
  return [...byKey.values()].sort(order);
}

export class PatchGapError extends Error {
  constructor(have: number, from: number) {
    super(`patch from version ${from} cannot apply to version ${have}`);
  }
}

/** Applies a patch; throws PatchGapError when versions do not line up (the client then resyncs). */
export function applyPatch(snapshot: ClusterSnapshot, patch: ClusterPatch): ClusterSnapshot {
  if (patch.from !== snapshot.version) throw new PatchGapError(snapshot.version, patch.from);
  return {
    version: patch.to,
    clusterId: patch.clusterId !== undefined ? patch.clusterId : snapshot.clusterId,
    controllerId: patch.controllerId !== undefined ? patch.controllerId : snapshot.controllerId,
    quorum: patch.quorum !== undefined ? patch.quorum : snapshot.quorum,
    connection: patch.connection ?? snapshot.connection,
    brokers: applyKeyed(snapshot.brokers, patch.brokers, brokerKey, (a, b) => a.id - b.id),
    topics: applyKeyed(snapshot.topics, patch.topics, topicKey, (a, b) => compareNames(a.name, b.name)),
    observedAt: patch.observedAt,
  };
}
