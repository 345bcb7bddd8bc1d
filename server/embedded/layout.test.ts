import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clusterLayout, newClusterId, nodeProperties } from '@/server/embedded/layout';

const parse = (text: string) =>
  Object.fromEntries(
    text
      .trim()
      .split('\n')
      .map((l) => l.split(/=(.*)/s).slice(0, 2)),
  );

describe('embedded cluster layout', () => {
  const layout = clusterLayout({ basePort: 20000, dir: '/tmp/kl', nodes: 3, version: '4.4.0' });

  it('gives each node its own client port, controller port and log dir', () => {
    assert.deepEqual(
      layout.nodes.map((n) => [n.id, n.clientPort, n.controllerPort]),
      [
        [1, 20000, 20100],
        [2, 20001, 20101],
        [3, 20002, 20102],
      ],
    );
    assert.equal(new Set(layout.nodes.map((n) => n.dataDir)).size, 3);
  });

  it('writes KRaft combined-mode settings with static voters and loopback listeners', () => {
    const props = parse(nodeProperties(layout, layout.nodes[1]));
    assert.equal(props['process.roles'], 'broker,controller');
    assert.equal(props['node.id'], '2');
    assert.equal(props['controller.quorum.voters'], '1@127.0.0.1:20100,2@127.0.0.1:20101,3@127.0.0.1:20102');
    assert.equal(props.listeners, 'PLAINTEXT://127.0.0.1:20001,CONTROLLER://127.0.0.1:20101');
    assert.equal(props['advertised.listeners'], 'PLAINTEXT://127.0.0.1:20001');
    assert.equal(props['listener.security.protocol.map'], 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT');
    assert.equal(props['group.initial.rebalance.delay.ms'], '0');
    assert.equal(props['offsets.topic.replication.factor'], '3');
    assert.equal(props['log.dirs'], layout.nodes[1].dataDir);
  });

  it("keeps each release's jars in a folder of their own, and the data beside its release record", () => {
    assert.equal(layout.libDir, '/tmp/kl/lib/4.4.0');
    assert.equal(
      clusterLayout({ basePort: 20000, dir: '/tmp/kl', nodes: 3, version: '3.9.2' }).libDir,
      '/tmp/kl/lib/3.9.2',
    );
    assert.equal(layout.dataVersionFile, '/tmp/kl/data/kafka-version');
    assert.ok(
      layout.nodes.every((n) => n.dataDir.startsWith(layout.dataDir + '/')),
      'deleting data/ resets every node',
    );
    assert.equal(layout.loggingFile, '/tmp/kl/config/log4j2.properties');
  });

  it('replicates the share-group state topic like the offsets topic on Kafka 4, and leaves 3.9 without it', () => {
    const props = parse(nodeProperties(layout, layout.nodes[0]));
    assert.equal(props['share.coordinator.state.topic.replication.factor'], '3');
    assert.equal(props['share.coordinator.state.topic.min.isr'], props['transaction.state.log.min.isr']);
    const old = clusterLayout({ basePort: 20000, dir: '/tmp/kl', nodes: 3, version: '3.9.2' });
    const props39 = parse(nodeProperties(old, old.nodes[0]));
    assert.equal(props39['share.coordinator.state.topic.replication.factor'], undefined);
    assert.equal(props39['offsets.topic.replication.factor'], '3');
  });

  it('makes cluster ids Kafka accepts: 22 base64url characters, never a leading dash', () => {
    for (let i = 0; i < 500; i++) assert.match(newClusterId(), /^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
  });
});
