import { spawn, type ChildProcess } from 'node:child_process';
import { kafkaToolJvmArgs } from '@/server/embedded/tools';
import { embedded } from './kafka';

// Kafka's own Java console consumers as group members: the KIP-848 consumer protocol
// (ConsoleConsumer with group.protocol=consumer) and share groups (ConsoleShareConsumer),
// neither of which kafkajs speaks.

export interface JavaMember {
  stop(): Promise<void>;
}

export function startJavaConsumer(mainClass: string, args: string[]): JavaMember {
  const child = spawn(
    'java',
    [...kafkaToolJvmArgs(embedded.layout), mainClass, '--bootstrap-server', embedded.bootstrap.join(','), ...args],
    { stdio: ['ignore', 'ignore', 'ignore'] },
  );
  return javaMember(child, 10_000);
}

/** A Java client process as a group member: stopped with SIGTERM, so it closes and leaves its
 *  group; SIGKILL if it has not gone after `graceMs`. */
export function javaMember(child: ChildProcess, graceMs: number): JavaMember {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A table a Kafka tool prints, as rows keyed by its header's column names. */
export function parseToolTable(out: string, firstColumn: string): Record<string, string>[] {
  const lines = out.split('\n').map((l) => l.trim().split(/\s+/));
  const header = lines.find((cols) => cols[0] === firstColumn);
  if (!header) return [];
  return lines
    .filter((cols) => cols !== header && cols.length === header.length && cols[0] !== firstColumn)
    .map((cols) => Object.fromEntries(header.map((h, i) => [h, cols[i]!])));
}
