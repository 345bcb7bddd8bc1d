import type { SharePartitionOffset } from '@/lib/contract/groups';
import { defineRequest } from '@/server/kafka/protocol/request';
import { GroupDescribeError } from './group-assignment';

// DescribeShareGroupOffsets (API key 90) v1, flexible: per share-partition the start offset
// of the in-flight window and the lag the broker computes (v1 adds Lag). Topics null: every
// topic the group has state for.

const NO_OFFSET = -1;

export const describeShareGroupOffsets = defineRequest<{ groupId: string }, SharePartitionOffset[]>({
  name: 'DescribeShareGroupOffsets',
  apiKey: 90,
  version: 1,
  flexible: true,
  encode(w, { groupId }) {
    w.array([groupId], (gw, id) => {
      gw.string(id).arrayLength(-1).emptyTaggedFields();
    }).emptyTaggedFields();
  },
  decode(r, { groupId }) {
    r.int32();
    const out: SharePartitionOffset[] = [];
    r.array((gr) => {
      gr.string();
      const topics = gr.array((tr) => {
        const topic = tr.string();
        tr.uuid();
        const partitions = tr.array((pr) => {
          const p = {
            partition: pr.int32(),
            startOffset: pr.int64(),
            leaderEpoch: pr.int32(),
            lag: pr.int64(),
            errorCode: pr.int16(),
            errorMessage: pr.nullableString(),
          };
          pr.skipTaggedFields();
          return p;
        });
        tr.skipTaggedFields();
        return { topic, partitions };
      });
      const errorCode = gr.int16();
      const errorMessage = gr.nullableString();
      gr.skipTaggedFields();
      if (errorCode !== 0) throw new GroupDescribeError('DescribeShareGroupOffsets', groupId, errorCode, errorMessage);
      for (const t of topics)
        for (const p of t.partitions)
          out.push({
            topic: t.topic,
            partition: p.partition,
            startOffset: p.errorCode !== 0 || p.startOffset === NO_OFFSET ? null : p.startOffset,
            lag: p.errorCode !== 0 || p.lag < 0 ? null : p.lag,
          });
    });
    r.skipTaggedFields();
    return out.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  },
});
