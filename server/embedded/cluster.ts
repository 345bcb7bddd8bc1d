import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import type { EmbeddedSettings } from '@/server/config';
import { ensureJars, checkJava, EmbeddedKafkaError } from './prerequisites';
import {
  bootstrapServers,
  clusterLayout,
  CONTROLLER_PORT_OFFSET,
  newClusterId,
  nodeProperties,
  type ClusterLayout,
  type NodeLayout,
} from './layout';
import { checkDataVersion, recordDataVersion } from './data-version';
import { loggingConfig, loggingFlag } from './release';
import { isAlive, portOpen, processMatches, readPid, sleep, waitFor, withLockFile } from './processes';

// The embedded 3-node KRaft cluster: format, start, wait, stop, kill, restart.
// Nodes run detached and outlive the process that started them: the next dashboard start
// (or test run) reuses them in a second. `npm run kafka:stop` stops them.

export interface NodeStatus {
  id: number;
  pid: number | null;
  running: boolean;
  clientPort: number;
  controllerPort: number;
}

const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;
// Small heaps and the serial collector: three nodes share a 2-core box with the dashboard.
const JVM_OPTS = [
  '-Xms128m',
  '-Xmx384m',
  '-XX:+UseSerialGC',
  '-XX:+ExitOnOutOfMemoryError',
  '-Djava.awt.headless=true',
];

function ephemeralRange(): [number, number] | null {
  try {
    const [low, high] = fs
      .readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number);
    return Number.isFinite(low) && Number.isFinite(high) ? [low, high] : null;
  } catch {
    return null;
  }
}

/** The last ERROR line a node logged, to put in a start failure message. */
function lastError(logFile: string): string {
  try {
    const lines = fs
      .readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((l) => / ERROR /.test(l) || /Exception:/.test(l));
    const line = lines.find((l) => /Address already in use/.test(l)) ?? lines.at(-1);
    return line ? `: ${line.replace(/^\[[^\]]*\] /, '').slice(0, 300)}` : '';
  } catch {
    return '';
  }
}

export class EmbeddedCluster {
  readonly layout: ClusterLayout;

  constructor(
    settings: EmbeddedSettings,
    private readonly log: (line: string) => void = (line) => console.log(`[embedded-kafka] ${line}`),
  ) {
    this.layout = clusterLayout(settings);
  }

  get version(): string {
    return this.layout.release.version;
  }

  get bootstrap(): string[] {
    return bootstrapServers(this.layout);
  }

  node(id: number): NodeLayout {
    const node = this.layout.nodes.find((n) => n.id === id);
    if (!node)
      throw new EmbeddedKafkaError(
        `no embedded node ${id}; nodes are ${this.layout.nodes.map((n) => n.id).join(', ')}`,
      );
    return node;
  }

  private pidOf(node: NodeLayout): number | null {
    const pid = readPid(node.pidFile);
    return pid !== null && processMatches(pid, node.propertiesFile) ? pid : null;
  }

  status(): NodeStatus[] {
    return this.layout.nodes.map((n) => {
      const pid = this.pidOf(n);
      return { id: n.id, pid, running: pid !== null, clientPort: n.clientPort, controllerPort: n.controllerPort };
    });
  }

  /** Starts whatever is not running and waits until all nodes serve clients. Safe to call
   *  from several processes at once: one starts, the others wait and reuse. */
  async ensureRunning(): Promise<void> {
    fs.mkdirSync(path.dirname(this.layout.lockFile), { recursive: true });
    await withLockFile(this.layout.lockFile, async () => {
      const stopped = this.status().filter((s) => !s.running);
      checkDataVersion(this.layout, stopped.length < this.layout.nodes.length);
      if (stopped.length === 0) {
        this.log(`reusing the running cluster on ${this.bootstrap.join(',')}`);
      } else {
        checkJava(this.layout.release);
        await this.refuseForeignPorts(stopped.map((s) => this.node(s.id)));
        this.warnIfEphemeral();
        ensureJars(this.layout, this.log);
        this.writeConfig();
        this.formatIfNeeded();
        recordDataVersion(this.layout);
        for (const s of stopped) this.spawnNode(this.node(s.id));
        this.log(`starting Kafka ${this.version} node(s) ${stopped.map((s) => s.id).join(', ')}...`);
      }
      await this.waitReady();
    });
  }

  /** A port held by a process that is not our node (say, another Kafka) is refused up front
   *  with a message, instead of letting the broker die on "Address already in use". */
  private async refuseForeignPorts(nodes: NodeLayout[]): Promise<void> {
    for (const n of nodes) {
      for (const port of [n.clientPort, n.controllerPort]) {
        if (await portOpen(port, '127.0.0.1', 500)) {
          throw new EmbeddedKafkaError(
            `port ${port} (embedded node ${n.id}) is already in use by another process. ` +
              `Stop it, or move the embedded cluster with KAFKA_EMBEDDED_PORT=<first port> ` +
              `(it uses that port and the next ${this.layout.nodes.length - 1}, plus the same +${CONTROLLER_PORT_OFFSET} for controllers).`,
          );
        }
      }
    }
  }

  /** Ports in the OS's ephemeral range can be taken by any outgoing connection between our
   *  check and the broker's bind; say so instead of failing later with "Address in use". */
  private warnIfEphemeral(): void {
    const range = ephemeralRange();
    if (!range) return;
    const ports = this.layout.nodes.flatMap((n) => [n.clientPort, n.controllerPort]);
    if (ports.some((p) => p >= range[0] && p <= range[1])) {
      this.log(
        `warning: ports ${Math.min(...ports)}-${Math.max(...ports)} overlap the ephemeral range ${range[0]}-${range[1]}; pick KAFKA_EMBEDDED_PORT below ${range[0]} if a node fails to bind`,
      );
    }
  }

  private writeConfig(): void {
    fs.mkdirSync(this.layout.configDir, { recursive: true });
    fs.writeFileSync(this.layout.loggingFile, loggingConfig(this.layout.release.logging, 'broker'));
    for (const n of this.layout.nodes) {
      fs.mkdirSync(path.dirname(n.logFile), { recursive: true });
      fs.writeFileSync(n.propertiesFile, nodeProperties(this.layout, n));
    }
  }

  private clusterId(): string {
    if (fs.existsSync(this.layout.clusterIdFile)) return fs.readFileSync(this.layout.clusterIdFile, 'utf8').trim();
    const id = newClusterId();
    fs.writeFileSync(this.layout.clusterIdFile, id + '\n');
    return id;
  }

  private java(args: string[]): string[] {
    return [
      ...JVM_OPTS,
      loggingFlag(this.layout.release.logging, this.layout.loggingFile),
      '-cp',
      path.join(this.layout.libDir, '*'),
      ...args,
    ];
  }

  /** Formats each node's log dir once. `--ignore-formatted` keeps an already formatted dir. */
  private formatIfNeeded(): void {
    const clusterId = this.clusterId();
    for (const n of this.layout.nodes) {
      if (fs.existsSync(path.join(n.dataDir, 'meta.properties'))) continue;
      this.log(`formatting node ${n.id} (cluster ${clusterId})`);
      const r = spawnSync(
        'java',
        this.java(['kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', n.propertiesFile, '--ignore-formatted']),
        {
          encoding: 'utf8',
        },
      );
      if (r.status !== 0) throw new EmbeddedKafkaError(`formatting node ${n.id} failed: ${r.stderr || r.stdout}`);
    }
  }

  private spawnNode(n: NodeLayout): void {
    const out = fs.openSync(n.logFile, 'a');
    const child = spawn('java', this.java(['kafka.Kafka', n.propertiesFile]), {
      detached: true,
      stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
    if (!child.pid) throw new EmbeddedKafkaError(`could not start node ${n.id}`);
    fs.writeFileSync(n.pidFile, String(child.pid));
    child.unref();
  }

  /** Ready when every running node accepts clients (the acceptor opens once the broker is
   *  unfenced) and the cluster metadata lists them all. */
  async waitReady(timeoutMs = READY_TIMEOUT_MS): Promise<void> {
    const running = this.status().filter((s) => s.running);
    await waitFor(
      'embedded Kafka client ports',
      async () => {
        for (const s of this.status()) {
          if (!s.running && running.some((r) => r.id === s.id)) {
            const log = this.node(s.id).logFile;
            throw new EmbeddedKafkaError(`node ${s.id} exited while starting${lastError(log)}; see ${log}`);
          }
        }
        return (await Promise.all(running.map((s) => portOpen(s.clientPort)))).every(Boolean);
      },
      timeoutMs,
    );
    await waitFor(
      'all brokers in the cluster metadata',
      async () => (await this.registeredBrokers()).length >= running.length,
      timeoutMs,
      500,
    );
  }

  /** Broker ids in the cluster metadata right now ([] when no node answers). */
  async registeredBrokers(): Promise<number[]> {
    const kafka = new Kafka({
      clientId: 'kafka-live-embedded',
      brokers: this.bootstrap,
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
      connectionTimeout: 1000,
    });
    const admin = kafka.admin();
    try {
      await admin.connect();
      const { brokers } = await admin.describeCluster();
      return brokers.map((b) => b.nodeId).sort();
    } catch {
      return [];
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  /** Starts one stopped node and waits until it serves clients again. */
  async startNode(id: number): Promise<void> {
    const n = this.node(id);
    if (this.pidOf(n) !== null) return;
    checkDataVersion(this.layout, true);
    await this.refuseForeignPorts([n]);
    this.writeConfig();
    this.spawnNode(n);
    await waitFor(`node ${id} client port`, () => portOpen(n.clientPort), READY_TIMEOUT_MS);
    await waitFor(
      `node ${id} in the cluster metadata`,
      async () => (await this.registeredBrokers()).includes(id),
      READY_TIMEOUT_MS,
      500,
    );
  }

  /** Graceful stop (SIGTERM: controlled shutdown moves leadership away at once). Without a
   *  quorum a node can hang in shutdown for minutes, so it is killed after a timeout. */
  async stopNode(id: number, timeoutMs = STOP_TIMEOUT_MS): Promise<void> {
    const n = this.node(id);
    const pid = this.pidOf(n);
    if (pid === null) return;
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + timeoutMs;
    while (isAlive(pid) && Date.now() < deadline) await sleep(200);
    if (isAlive(pid)) {
      this.log(`node ${id} did not stop within ${timeoutMs / 1000} s; killing it`);
      process.kill(pid, 'SIGKILL');
      while (isAlive(pid)) await sleep(100);
    }
    fs.rmSync(n.pidFile, { force: true });
  }

  /** Hard kill (SIGKILL): no controlled shutdown; the controller fences it after the session timeout. */
  async killNode(id: number): Promise<void> {
    const n = this.node(id);
    const pid = this.pidOf(n);
    if (pid === null) return;
    process.kill(pid, 'SIGKILL');
    while (isAlive(pid)) await sleep(50);
    fs.rmSync(n.pidFile, { force: true });
  }

  async restartNode(id: number): Promise<void> {
    await this.stopNode(id);
    await this.startNode(id);
  }

  /** Stops every node at once: stopped one by one, the last two would lose their quorum and hang. */
  async stopAll(): Promise<void> {
    await Promise.all(this.layout.nodes.map((n) => this.stopNode(n.id, 15_000)));
  }
}
