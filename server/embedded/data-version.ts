import fs from 'node:fs';
import path from 'node:path';
import type { ClusterLayout } from './layout';
import { EmbeddedKafkaError } from './prerequisites';
import { dataVersionConflict, UNRECORDED_DATA_VERSION } from './release';

// The data folder records the Kafka release that formatted it, so starting another release
// line on it is refused with what to do, before any node touches the data.

/** The release that formatted the data, or null when no node is formatted yet. */
export function formattedWith(layout: ClusterLayout): string | null {
  try {
    const recorded = fs.readFileSync(layout.dataVersionFile, 'utf8').trim();
    if (recorded) return recorded;
  } catch {
    // Not recorded: data from before the record, or none at all.
  }
  const formatted = layout.nodes.some((n) => fs.existsSync(path.join(n.dataDir, 'meta.properties')));
  return formatted ? UNRECORDED_DATA_VERSION : null;
}

export function checkDataVersion(layout: ClusterLayout, nodesRunning: boolean): void {
  const formatted = formattedWith(layout);
  if (formatted === null) return;
  const conflict = dataVersionConflict(formatted, layout.release.version, layout.dataDir);
  if (!conflict) return;
  throw new EmbeddedKafkaError(
    nodesRunning ? `${conflict} Its nodes are running: stop them first (npm run kafka:stop).` : conflict,
  );
}

/** Called before nodes start: the data now belongs to this release. */
export function recordDataVersion(layout: ClusterLayout): void {
  fs.mkdirSync(layout.dataDir, { recursive: true });
  fs.writeFileSync(layout.dataVersionFile, layout.release.version + '\n');
}
