import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kafkaToolJvmArgs } from '@/server/embedded/tools';
import { embedded } from './kafka';
import { javaMember, type JavaMember } from './java-consumers';

// A real Kafka Streams application (./java/KeyedCount.java, group.protocol=streams) as members of
// a streams group: compiled once per test run against the embedded cluster's own jars (javac
// comes with the JDK the cluster needs), each instance in its own JVM.

const SOURCE = path.join(__dirname, 'java', 'KeyedCount.java');
let compiled: string | null = null;

function classesDir(): string {
  if (compiled) return compiled;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-live-streams-app-'));
  const cp = path.join(embedded.layout.libDir, '*');
  execFileSync('javac', ['-cp', cp, '-d', out, SOURCE], { stdio: ['ignore', 'ignore', 'pipe'] });
  compiled = out;
  return out;
}

/** One Kafka Streams instance with `threads` stream threads (each a member of the group). */
export function startStreamsApp(applicationId: string, input: string, output: string, threads = 1): JavaMember {
  const jvm = kafkaToolJvmArgs(embedded.layout);
  const cp = jvm.indexOf('-cp');
  jvm[cp + 1] = `${jvm[cp + 1]}${path.delimiter}${classesDir()}`;
  const child = spawn(
    'java',
    [...jvm, 'KeyedCount', embedded.bootstrap.join(','), applicationId, input, output, String(threads)],
    { stdio: ['ignore', 'ignore', 'ignore'] },
  );
  // SIGTERM runs the app's shutdown hook: KafkaStreams.close() leaves the group.
  return javaMember(child, 15_000);
}
