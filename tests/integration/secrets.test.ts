import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Dashboard } from '@/server/app';
import { startTestDashboard } from '@/tests/support/kafka';
import { connectSocket, get, postJson, until, type TestSocket } from '@/tests/support/http';

// With broker credentials, TLS key paths and the dashboard's own login secret set, none of
// them reaches the API, /metrics, the socket or an error message. SASL and TLS against the
// embedded PLAINTEXT cluster fail to connect, as they would against a misconfigured cluster:
// the dashboard must show that error without the secret in it.

const secret = (label: string) => `${label}-${crypto.randomBytes(8).toString('hex')}`;

interface Case {
  name: string;
  env: Record<string, string>;
  secrets: string[];
}

function assertClean(what: string, text: string, secrets: string[]): void {
  for (const s of secrets) assert.ok(!text.includes(s), `${what} contains the secret ${s}`);
}

describe('no secret reaches the browser or the API', { timeout: 180_000 }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kl-${secret('tls')}-`));
  const token = secret('dashboard-token');
  const files = {
    ca: path.join(dir, 'ca-private.pem'),
    cert: path.join(dir, 'client-cert.pem'),
    key: path.join(dir, 'client-key-secret.pem'),
  };
  before(() => {
    // Not real PEM: the TLS setup fails, and that failure is what the page shows.
    for (const f of Object.values(files))
      fs.writeFileSync(f, '-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const saslUser = secret('sasl-user');
  const saslPassword = secret('sasl-password');
  const cases: Case[] = [
    {
      name: 'SASL/SCRAM user and password',
      env: {
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: saslUser,
        KAFKA_SASL_PASSWORD: saslPassword,
        KAFKA_LIVE_AUTH_TOKEN: token,
      },
      secrets: [saslUser, saslPassword, token],
    },
    {
      name: 'SASL/PLAIN over TLS with client key files',
      env: {
        KAFKA_SASL_MECHANISM: 'plain',
        KAFKA_SASL_USERNAME: saslUser,
        KAFKA_SASL_PASSWORD: saslPassword,
        KAFKA_SSL_CA_FILE: files.ca,
        KAFKA_SSL_CERT_FILE: files.cert,
        KAFKA_SSL_KEY_FILE: files.key,
        KAFKA_LIVE_AUTH_TOKEN: token,
      },
      secrets: [saslUser, saslPassword, token, dir, files.key, 'client-key-secret'],
    },
  ];

  for (const c of cases) {
    describe(c.name, () => {
      let dashboard: Dashboard;
      let socket: TestSocket;
      const received: string[] = [];
      const auth = { authorization: `Bearer ${token}` };

      before(async () => {
        dashboard = await startTestDashboard(c.env);
        socket = await connectSocket(dashboard.url, auth, ['websocket'], (s) =>
          s.onAny((event: string, ...args: unknown[]) => received.push(`${event} ${JSON.stringify(args)}`)),
        );
      });
      after(async () => {
        socket.close();
        await dashboard.close();
      });

      it('shows the connection error, without the secret, everywhere', async () => {
        await until(
          'Kafka unreachable with an error',
          () => {
            const { status, lastError } = dashboard.store.snapshot().connection;
            return status === 'unreachable' && lastError !== null;
          },
          90_000,
        );
        const lastError = dashboard.store.snapshot().connection.lastError!;
        assert.ok(lastError.length > 0);

        const texts: [string, string][] = [];
        for (const p of [
          '/api/health',
          '/api/cluster',
          '/api/groups',
          '/api/groups/some-group',
          '/metrics',
          '/api/nothing',
        ]) {
          texts.push([p, await (await get(`${dashboard.url}${p}`, auth)).text()]);
        }
        // An action that needs Kafka fails; its error must be clean too.
        const action = await postJson(
          `${dashboard.url}/api/actions/produce:send`,
          { topic: 'secrets-topic', key: null, value: 'v', format: 'text', headers: [], partition: null, count: 1 },
          auth,
        );
        const actionText = await action.text();
        assert.equal(action.status, 400);
        texts.push(['produce error', actionText]);
        const viaSocket = await socket.timeout(60_000).emitWithAck('action:run', {
          name: 'topic:create',
          payload: {
            name: 'secrets-topic',
            partitions: 1,
            replicationFactor: 1,
            cleanupPolicy: 'delete',
            retentionMs: null,
            retentionBytes: null,
            segmentMs: null,
          },
        });
        assert.equal(viaSocket.ok, false);
        texts.push(['socket action error', JSON.stringify(viaSocket)]);

        await until(
          'server:info and a snapshot with the error on the socket',
          () =>
            received.some((r) => r.startsWith('server:info')) &&
            received.some((r) => r.startsWith('cluster:') && r.includes('unreachable')),
          30_000,
        );
        texts.push(['socket events', received.join('\n')]);
        for (const [what, text] of texts) assertClean(what, text, c.secrets);
        assert.ok(
          texts.some(([, t]) => t.includes('unreachable')),
          'the error state is shown',
        );
      });
    });
  }
});
