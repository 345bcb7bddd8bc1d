import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedCluster } from '@/server/embedded/cluster';
import { EmbeddedKafkaError } from '@/server/embedded/prerequisites';
import { embedded } from '@/tests/support/kafka';

describe('embedded cluster lifecycle', { timeout: 120_000 }, () => {
  it('starting twice at once reuses the running nodes (same pids, no second cluster)', async () => {
    await embedded.ensureRunning();
    const pids = embedded.status().map((s) => s.pid);
    const other = new EmbeddedCluster(
      {
        basePort: embedded.layout.nodes[0].clientPort,
        dir: embedded.layout.root,
        nodes: 3,
        version: embedded.version,
      },
      () => undefined,
    );
    await Promise.all([embedded.ensureRunning(), other.ensureRunning()]);
    assert.deepEqual(
      embedded.status().map((s) => s.pid),
      pids,
    );
    assert.ok(pids.every((p) => p !== null));
    assert.deepEqual(await embedded.registeredBrokers(), [1, 2, 3]);
  });

  it('refuses with a clear message when a client port is taken by another process', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as net.AddressInfo).port;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-live-clash-'));
    try {
      const clash = new EmbeddedCluster({ basePort: port, dir, nodes: 3, version: embedded.version }, () => undefined);
      await assert.rejects(clash.ensureRunning(), (e: Error) => {
        assert.ok(e instanceof EmbeddedKafkaError);
        assert.match(e.message, new RegExp(`port ${port} .*already in use`));
        assert.match(e.message, /KAFKA_EMBEDDED_PORT/);
        return true;
      });
    } finally {
      blocker.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says what to install when java is missing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-live-nojava-'));
    const savedPath = process.env.PATH;
    process.env.PATH = dir;
    try {
      const cluster = new EmbeddedCluster(
        { basePort: 29092, dir, nodes: 3, version: embedded.version },
        () => undefined,
      );
      await assert.rejects(
        cluster.ensureRunning(),
        /Java 17.*apt-get install -y openjdk-17-jre-headless.*KAFKA_BROKERS/s,
      );
    } finally {
      process.env.PATH = savedPath;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
