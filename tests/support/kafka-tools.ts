import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { kafkaToolJvmArgs } from '@/server/embedded/tools';
import { embedded } from './kafka';

// Kafka's own consumer-groups tool and librdkafka's kcat, for checking the dashboard against
// clients that are not kafkajs.

// What bin/kafka-consumer-groups.sh runs in Kafka 3.9 and 4.x alike (from the kafka-tools
// artifact of the embedded cluster's release).
const CONSUMER_GROUP_COMMAND = 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand';

export interface ToolGroupRow {
  topic: string;
  partition: number;
  currentOffset: number | null;
  logEndOffset: number | null;
  lag: number | null;
  consumerId: string | null;
  host: string | null;
  clientId: string | null;
}

/** Runs one of Kafka's command-line classes of the embedded cluster's release against it
 *  (`--bootstrap-server` is added) and answers its stdout. Its logging goes to stderr, so
 *  stdout carries only the tool's answer. */
export function runKafkaTool(mainClass: string, args: string[]): Promise<string> {
  const jvm = kafkaToolJvmArgs(embedded.layout);
  return new Promise((resolve, reject) => {
    execFile(
      'java',
      [...jvm, mainClass, '--bootstrap-server', embedded.bootstrap.join(','), ...args],
      { timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${mainClass} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
        else resolve(stdout);
      },
    );
  });
}

const runTool = (args: string[]) => runKafkaTool(CONSUMER_GROUP_COMMAND, args);

const value = (s: string | undefined) => (s === undefined || s === '-' ? null : s);
const num = (s: string | undefined) => (value(s) === null ? null : Number(s));

/** `kafka-consumer-groups.sh --describe --group <id>` (offsets view) and `--state`, parsed. */
export async function describeGroupWithKafkaTool(
  groupId: string,
): Promise<{ state: string | null; rows: ToolGroupRow[] }> {
  const [offsets, state] = await Promise.all([
    runTool(['--describe', '--group', groupId]),
    runTool(['--describe', '--group', groupId, '--state']),
  ]);
  const rows: ToolGroupRow[] = [];
  for (const line of offsets.split('\n')) {
    const cols = line.trim().split(/\s+/);
    // Data rows start with the group id; the header starts with GROUP.
    if (cols[0] !== groupId || cols.length < 6) continue;
    const [, topic, partition, current, logEnd, lag, consumerId, host, clientId] = cols;
    rows.push({
      topic,
      partition: Number(partition),
      currentOffset: num(current),
      logEndOffset: num(logEnd),
      lag: num(lag),
      consumerId: value(consumerId),
      host: value(host)?.replace(/^\//, '') ?? null,
      clientId: value(clientId),
    });
  }
  rows.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  const match = /\b(Stable|Empty|PreparingRebalance|CompletingRebalance|Dead)\b/.exec(state);
  return { state: match?.[1] ?? null, rows };
}

export function hasKcat(): boolean {
  const r = spawnSync('kcat', ['-V'], { stdio: 'ignore' });
  return !r.error && r.status === 0;
}

export interface KcatConsumer {
  process: ChildProcess;
  messages(): number;
  stop(): Promise<void>;
}

/** `kcat -G` (librdkafka's balanced consumer): joins the group, reads from the start of
 *  partitions without a commit, commits every 200 ms. */
export function startKcatConsumer(groupId: string, topic: string, opts: { clientId?: string } = {}): KcatConsumer {
  const args = [
    '-b',
    embedded.bootstrap.join(','),
    '-G',
    groupId,
    topic,
    '-q',
    // Unbuffered: stdout is a pipe here, and the test counts lines as they come.
    '-u',
    '-f',
    'msg %p %o\\n',
    '-X',
    `client.id=${opts.clientId ?? 'kcat-test'}`,
    '-X',
    'auto.offset.reset=earliest',
    '-X',
    'auto.commit.interval.ms=200',
    '-X',
    'session.timeout.ms=6000',
    '-X',
    'heartbeat.interval.ms=500',
  ];
  const child = spawn('kcat', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let count = 0;
  child.stdout.setEncoding('utf8');
  let partial = '';
  child.stdout.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    count += lines.filter((l) => l.startsWith('msg ')).length;
  });
  child.stderr.resume();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    messages: () => count,
    async stop() {
      if (child.exitCode !== null) return;
      // SIGTERM: kcat commits, leaves the group and exits.
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
