import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KafkaReader, KafkaWriter } from '@/server/kafka/protocol/codec';
import { decodeResponse, encodeRequest } from '@/server/kafka/protocol/request';
import { streamsGroupDescribe } from './streams-group-describe';

function tasks(w: KafkaWriter, list: [string, number[]][]): void {
  w.array(list, (tw, [sub, ps]) => {
    tw.string(sub)
      .array(ps, (pw, p) => pw.int32(p))
      .emptyTaggedFields();
  });
}

function assignment(w: KafkaWriter, active: [string, number[]][], standby: [string, number[]][] = []): void {
  tasks(w, active);
  tasks(w, standby);
  tasks(w, []);
  w.emptyTaggedFields();
}

function topicInfo(w: KafkaWriter, names: string[]): void {
  w.array(names, (tw, n) => {
    tw.string(n)
      .int32(0)
      .int16(0)
      .array([['cleanup.policy', 'compact']], (kw, [k, v]) => kw.string(k).string(v).emptyTaggedFields())
      .emptyTaggedFields();
  });
}

function response(topology: boolean): Buffer {
  return new KafkaWriter(true)
    .emptyTaggedFields()
    .int32(0)
    .array([0], (gw) => {
      gw.int16(0).nullableString(null).string('app').string('Stable').int32(3).int32(3);
      if (!topology) gw.int8(-1);
      else {
        gw.int8(1).int32(2);
        gw.array(['0', '1'], (sw, id) => {
          sw.string(id).array(id === '0' ? ['orders'] : [], (x, t) => x.string(t));
          sw.array(id === '0' ? ['app-repartition'] : [], (x, t) => x.string(t));
          topicInfo(sw, [`app-${id}-changelog`]);
          topicInfo(sw, id === '1' ? ['app-repartition'] : []);
          sw.emptyTaggedFields();
        });
        gw.emptyTaggedFields();
      }
      gw.array([0], (mw) => {
        mw.string('m1')
          .int32(3)
          .nullableString(null)
          .nullableString('rack-a')
          .string('app-StreamThread-1-consumer')
          .string('/127.0.0.1')
          .int32(2)
          .string('proc-1')
          .int8(1)
          .string('localhost')
          .int16(8080)
          .emptyTaggedFields()
          .array([['zone', 'a']], (kw, [k, v]) => kw.string(k).string(v).emptyTaggedFields())
          .array([['0', 1, 42]] as const, (ow, [s, p, o]) => ow.string(s).int32(p).int64(o).emptyTaggedFields())
          .array([], (ow) => ow);
        assignment(mw, [['0', [2, 0]]], [['1', [1]]]);
        assignment(mw, [['0', [0]]]);
        mw.int8(0).emptyTaggedFields();
      });
      gw.int32(-2147483648).emptyTaggedFields();
    })
    .emptyTaggedFields()
    .toBuffer();
}

describe('StreamsGroupDescribe v0 wire format', () => {
  it('encodes the group ids and no authorized operations', () => {
    const r = new KafkaReader(encodeRequest(streamsGroupDescribe, { groupIds: ['app'] }), true);
    r.skipTaggedFields();
    assert.deepEqual(
      r.array((x) => x.string()),
      ['app'],
    );
    assert.equal(r.int8(), 0);
  });

  it('decodes the topology (source and repartition topics), the process and each kind of task', () => {
    const [g] = decodeResponse(streamsGroupDescribe, response(true), { groupIds: ['app'] });
    assert.deepEqual([g!.state, g!.groupEpoch, g!.assignmentEpoch, g!.topologyEpoch], ['Stable', 3, 3, 2]);
    assert.deepEqual(g!.topology, [
      { id: '0', sourceTopics: ['orders'] },
      { id: '1', sourceTopics: ['app-repartition'] },
    ]);
    const m = g!.members[0]!;
    assert.deepEqual(
      [m.processId, m.rackId, m.memberEpoch, m.topologyEpoch, m.isClassic],
      ['proc-1', 'rack-a', 3, 2, false],
    );
    assert.deepEqual(m.assignment.active, [{ subtopology: '0', partitions: [0, 2] }]);
    assert.deepEqual(m.assignment.standby, [{ subtopology: '1', partitions: [1] }]);
    assert.deepEqual(m.targetAssignment.active, [{ subtopology: '0', partitions: [0] }]);
  });

  it('keeps a topology not yet initialised as null', () => {
    const [g] = decodeResponse(streamsGroupDescribe, response(false), { groupIds: ['app'] });
    assert.equal(g!.topology, null);
    assert.equal(g!.members.length, 1);
  });
});
