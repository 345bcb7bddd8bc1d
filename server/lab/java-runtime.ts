import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { LabProtocol, LabProtocolInfo, LabUnavailable } from '@/lib/contract/actions';
import type { ClusterLayout } from '@/server/embedded/layout';
import { kafkaToolJvmArgs } from '@/server/embedded/tools';

// The Java lab worker (./java/LabWorker.java): compiled once with javac against the jars of the
// cluster's release, into <embedded dir>/lab-java/<hash of source + version>/, so a new source or
// another release compiles afresh and an unchanged one starts at once.

const run = promisify(execFile);
export const JAVA_WORKER_SOURCE = path.join(__dirname, 'java', 'LabWorker.java');
const MAIN_CLASS = 'LabWorker';

/** The version at which each describe API leaves early access; 3.9 advertises v0 or nothing. */
export const GA_DESCRIBE_VERSION = 1;

export interface BrokerApis {
  /** Highest ConsumerGroupDescribe version the broker serves, null when it serves none. */
  consumerGroupDescribe: number | null;
  shareGroupDescribe: number | null;
}

export interface JavaSide {
  /** null: java, javac and the jars are there; otherwise what is missing. */
  problem: { why: 'noJava' | 'noJars'; reason: string } | null;
}

type Unavailable = { why: LabUnavailable; reason: string } | null;

/** Which protocols a lab instance can be started with, and the reason for each it cannot. */
export function labProtocols(java: JavaSide, apis: BrokerApis | null, tlsOrSasl: boolean): LabProtocolInfo[] {
  const javaSide: Unavailable =
    java.problem ??
    (tlsOrSasl
      ? {
          why: 'tlsSasl',
          reason: 'the Java lab worker does not take TLS or SASL settings yet; use classic on this cluster',
        }
      : null);
  const brokerSide = (api: number | null, what: string): Unavailable =>
    apis === null
      ? { why: 'brokerUnknown', reason: 'the broker could not be asked which group protocols it serves' }
      : (api ?? -1) < GA_DESCRIBE_VERSION
        ? { why: 'brokerTooOld', reason: `this broker does not serve ${what} (Kafka 4.0 or newer does)` }
        : null;
  const info = (protocol: LabProtocol, no: Unavailable): LabProtocolInfo => ({
    protocol,
    available: no === null,
    why: no?.why ?? null,
    reason: no?.reason ?? null,
  });
  return [
    info('classic', null),
    info('consumer', javaSide ?? brokerSide(apis?.consumerGroupDescribe ?? null, 'the KIP-848 consumer protocol')),
    info('share', javaSide ?? brokerSide(apis?.shareGroupDescribe ?? null, 'share groups (KIP-932)')),
  ];
}

export class JavaRuntime {
  private compiled: Promise<string> | null = null;
  private checked: Promise<JavaSide['problem']> | null = null;

  constructor(private readonly layout: ClusterLayout) {}

  /** Why Java workers cannot run here, or null when they can. Asked once. */
  problem(): Promise<JavaSide['problem']> {
    this.checked ??= (async () => {
      for (const tool of ['java', 'javac']) {
        try {
          await run(tool, ['-version']);
        } catch {
          return {
            why: 'noJava',
            reason: `${tool} was not found on the PATH (a JDK 17 or newer runs the Java lab worker)`,
          };
        }
      }
      const jars = fs.existsSync(this.layout.libDir) ? fs.readdirSync(this.layout.libDir) : [];
      if (!jars.some((j) => j.startsWith('kafka-clients-')))
        return {
          why: 'noJars',
          reason: `Kafka's Java client jars are not in ${this.layout.libDir} yet (the embedded cluster fetches them on its first start)`,
        };
      return null;
    })();
    return this.checked;
  }

  /** The folder of LabWorker.class, compiled now if this source and release are new. */
  classesDir(): Promise<string> {
    this.compiled ??= this.compile().catch((e: unknown) => {
      this.compiled = null;
      throw e;
    });
    return this.compiled;
  }

  /** java's arguments for one worker: the tools' small JVM, jars and the compiled class. */
  async command(): Promise<string[]> {
    const classes = await this.classesDir();
    const jvm = kafkaToolJvmArgs(this.layout);
    const cp = jvm.indexOf('-cp');
    jvm[cp + 1] = `${jvm[cp + 1]}${path.delimiter}${classes}`;
    return [...jvm, MAIN_CLASS];
  }

  private async compile(): Promise<string> {
    const source = fs.readFileSync(JAVA_WORKER_SOURCE);
    const hash = crypto
      .createHash('sha256')
      .update(source)
      .update(this.layout.release.version)
      .digest('hex')
      .slice(0, 16);
    const dir = path.join(this.layout.root, 'lab-java', hash);
    if (fs.existsSync(path.join(dir, `${MAIN_CLASS}.class`))) return dir;
    // Compiled beside, then renamed: two servers compiling at once never see half a folder.
    const tmp = `${dir}.tmp-${process.pid}`;
    fs.mkdirSync(tmp, { recursive: true });
    try {
      await run('javac', ['-nowarn', '-cp', path.join(this.layout.libDir, '*'), '-d', tmp, JAVA_WORKER_SOURCE]);
      fs.renameSync(tmp, dir);
    } catch (e) {
      fs.rmSync(tmp, { recursive: true, force: true });
      if (fs.existsSync(path.join(dir, `${MAIN_CLASS}.class`))) return dir;
      const err = e as { stderr?: string; message: string };
      throw new Error(`javac could not compile the lab worker: ${(err.stderr ?? err.message).trim().slice(0, 400)}`);
    }
    return dir;
  }
}
