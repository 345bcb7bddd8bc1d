import { after, before, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { ActionName } from '@/lib/contract/action-schemas';
import type { ActionResponse, LabInstance } from '@/lib/contract/actions';
import { LiveClient } from '@/tests/support/live-client';
import { createTopic, deleteTopic, embedded, randomName, withAdmin } from '@/tests/support/kafka';
import {
  descendants,
  startServerProcess,
  stillRunning,
  type Launcher,
  type ServerProcess,
} from '@/tests/support/server-process';

// Shutdown of the real server process with lab instances in a group, a load run, a live tail
// and a browser-like socket open: SIGTERM ends it cleanly and quickly, the group is left at
// once (not after the session timeout), and neither SIGTERM nor SIGKILL leaves a process.

// Far above how long any step here takes: a group still Stable after the server exits was not left.
const SESSION_MS = 45_000;
// index.ts forces exit(1) after 10 s; a clean shutdown is well inside that.
const SHUTDOWN_LIMIT_MS = 8_000;

async function post(server: ServerProcess, name: ActionName, payload: unknown): Promise<ActionResponse> {
  const res = await fetch(`${server.url}/api/actions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  return (await res.json()) as ActionResponse;
}

async function groupState(groupId: string): Promise<{ state: string; members: number }> {
  return withAdmin(async (admin) => {
    const { groups } = await admin.describeGroups([groupId]);
    return { state: groups[0].state, members: groups[0].members.length };
  });
}

async function until<T>(what: string, get: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await get().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('graceful shutdown and no orphans', { timeout: 600_000 }, () => {
  let topic: string;

  before(async () => {
    await embedded.ensureRunning();
    topic = randomName('shutdown');
    await createTopic(topic, 3, 3);
  });

  after(async () => {
    await deleteTopic(topic);
  });

  /** A server with two lab instances in one group, a load run, a tail and a socket open. */
  async function busyServer(launcher: Launcher) {
    const server = await startServerProcess({ launcher });
    const client = new LiveClient(server.url);
    try {
      const groupId = randomName('shutdown-group');
      const instances: LabInstance[] = [];
      for (const consumers of [2, 1]) {
        const answer = await post(server, 'lab:start', {
          groupId,
          topics: [topic],
          consumers,
          processingDelayMs: 0,
          sessionTimeoutMs: SESSION_MS,
        });
        assert.ok(answer.ok, answer.ok ? '' : answer.error);
        instances.push(answer.result as LabInstance);
      }
      await until(
        '3 members Stable',
        async () => {
          const g = await groupState(groupId);
          return g.state === 'Stable' && g.members === 3 ? g : null;
        },
        60_000,
      );
      const load = await post(server, 'produce:load-start', {
        topic,
        rate: 200,
        durationSeconds: 120,
        keyPattern: 'k-{n}',
        keySpace: 10,
      });
      assert.ok(load.ok, load.ok ? '' : load.error);
      client.watchTail(topic);
      await client.waitForTail('the tail streaming', (m) => m.length > 0, 30_000);
      const tree = descendants(server.child.pid!);
      for (const i of instances) assert.ok(tree.includes(i.pid!), `lab worker ${i.pid} runs under the server`);
      return { server, client, groupId, tree, instances };
    } catch (e) {
      client.close();
      server.cleanup();
      throw e;
    }
  }

  async function sigtermCase(t: TestContext, launcher: Launcher, target: 'process' | 'group') {
    const { server, client, groupId, tree } = await busyServer(launcher);
    try {
      const t0 = Date.now();
      if (target === 'group') process.kill(-server.child.pid!, 'SIGTERM');
      else server.child.kill('SIGTERM');
      const exit = await Promise.race([server.exited, new Promise<null>((r) => setTimeout(() => r(null), 20_000))]);
      const tookMs = Date.now() - t0;
      t.diagnostic(`SIGTERM (${launcher}, to the ${target}) → exit in ${tookMs} ms`);
      assert.ok(exit, 'the server exited');
      assert.deepEqual(exit, { code: 0, signal: null }, 'a clean exit, not the forced one');
      assert.ok(tookMs < SHUTDOWN_LIMIT_MS, `took ${tookMs} ms`);
      // Right away, far inside the session timeout: only LeaveGroup explains an empty group.
      const g = await groupState(groupId);
      assert.deepEqual(g, { state: 'Empty', members: 0 }, 'the lab instances left their group');
      await until(
        'every process of the tree gone',
        async () => (stillRunning(tree).length === 0 ? true : null),
        5_000,
      ).catch(() => {
        assert.fail(`still running after exit: ${stillRunning(tree).join(', ')}`);
      });
    } finally {
      client.close();
      server.cleanup();
    }
  }

  // node with tsx's loader is what npm start and the Docker image run. (tsx's own CLI relays
  // a SIGTERM but SIGKILLs the server if it does not confirm within 30 ms, so it is not used.)
  it('SIGTERM to the server (npm start, the Docker image): exit 0 within seconds, lab instances leave their group at once, no process left', (t) =>
    sigtermCase(t, 'node', 'process'));

  it('SIGTERM to the whole process group (a service manager, Ctrl-C): instances still leave their group, exit 0', (t) =>
    sigtermCase(t, 'node', 'group'));

  it('SIGKILL of the server leaves no process behind, and the instances leave their group before they go', async (t) => {
    const { server, client, groupId, tree } = await busyServer('npx');
    try {
      const serverPid = server.serverPid();
      const t0 = Date.now();
      process.kill(serverPid, 'SIGKILL');
      await until(
        'every process of the tree gone',
        async () => (stillRunning(tree).length === 0 ? true : null),
        10_000,
      ).catch(() => {
        assert.fail(`orphans after SIGKILL: ${stillRunning(tree).join(', ')}`);
      });
      const goneMs = Date.now() - t0;
      const g = await groupState(groupId);
      t.diagnostic(`SIGKILL → whole tree gone in ${goneMs} ms; group ${g.state}`);
      assert.deepEqual(g, { state: 'Empty', members: 0 });
    } finally {
      client.close();
      server.cleanup();
    }
  });

  it('Dashboard.close() stops pollers, sidecar, tail, load and lab instances: the process then exits by itself', async () => {
    const probe = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../support/close-probe.ts')], {
      cwd: path.resolve(__dirname, '../..'),
      env: {
        ...process.env,
        KAFKA_BROKERS: embedded.bootstrap.join(','),
        PROBE_TOPIC: topic,
        PROBE_GROUP: randomName('close-probe'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    probe.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    probe.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
    const exit = await new Promise<number | null>((resolve) => probe.once('exit', (code) => resolve(code)));
    assert.match(out, /closed in \d+ ms/, out);
    assert.equal(exit, 0, `the probe did not exit by itself after close(): ${out}`);
  });
});
