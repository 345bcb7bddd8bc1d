import fs from 'node:fs';
import path from 'node:path';
import type { ClusterLayout } from './layout';
import { loggingConfig, loggingFlag } from './release';

// Kafka's own command-line classes (kafka-consumer-groups.sh and friends) run from the same
// release's jars as the embedded cluster, so tests compare the dashboard with the tools of the
// broker they talk to.

/** JVM arguments before the main class: a small, quick-starting JVM, logging that keeps
 *  stdout for the tool's answer, and this release's jars (broker, tools, Java clients). */
export function kafkaToolJvmArgs(layout: ClusterLayout): string[] {
  fs.mkdirSync(layout.configDir, { recursive: true });
  fs.writeFileSync(layout.toolsLoggingFile, loggingConfig(layout.release.logging, 'tools'));
  return [
    '-Xmx256m',
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    loggingFlag(layout.release.logging, layout.toolsLoggingFile),
    '-cp',
    path.join(layout.libDir, '*'),
  ];
}
