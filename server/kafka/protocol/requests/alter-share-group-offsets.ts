import { defineRequest } from '@/server/kafka/protocol/request';

// AlterShareGroupOffsets (API key 91) v0, flexible: sets a share group's start offset per
// partition (where its members begin acquiring records). The coordinator accepts it only
// while the group is empty. The answer has a group-level error and one per partition.

export interface ShareOffsetsTarget {
  groupId: string;
  topic: string;
  offsets: { partition: number; offset: number }[];
}

export interface AlterShareOffsetsAnswer {
  errorCode: number;
  errorMessage: string | null;
  partitions: { partition: number; errorCode: number; errorMessage: string | null }[];
}

export const alterShareGroupOffsets = defineRequest<ShareOffsetsTarget, AlterShareOffsetsAnswer>({
  name: 'AlterShareGroupOffsets',
  apiKey: 91,
  version: 0,
  flexible: true,
  encode(w, { groupId, topic, offsets }) {
    w.string(groupId)
      .array([topic], (tw, name) => {
        tw.string(name)
          .array(offsets, (pw, o) => {
            pw.int32(o.partition).int64(o.offset).emptyTaggedFields();
          })
          .emptyTaggedFields();
      })
      .emptyTaggedFields();
  },
  decode(r) {
    r.int32();
    const errorCode = r.int16();
    const errorMessage = r.nullableString();
    const partitions: AlterShareOffsetsAnswer['partitions'] = [];
    r.array((tr) => {
      tr.string();
      tr.uuid();
      tr.array((pr) => {
        partitions.push({ partition: pr.int32(), errorCode: pr.int16(), errorMessage: pr.nullableString() });
        pr.skipTaggedFields();
      });
      tr.skipTaggedFields();
    });
    r.skipTaggedFields();
    return { errorCode, errorMessage, partitions: partitions.sort((a, b) => a.partition - b.partition) };
  },
});
