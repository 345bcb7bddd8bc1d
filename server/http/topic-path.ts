import { describeIssue } from '@/lib/contract/describe-issue';
import { topicNameSchema } from '@/lib/contract/schemas';

// The topic name inside an /api/topics/:name/... path: percent-decoded and checked like any
// other topic name, so every topic endpoint refuses a bad one in the same words.

export function topicFromPath(raw: string): { ok: true; topic: string } | { ok: false; error: string } {
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    return { ok: false, error: 'the topic name in the path is not valid percent-encoding' };
  }
  const checked = topicNameSchema.safeParse(name);
  if (!checked.success) return { ok: false, error: `the topic name in the path: ${describeIssue(checked.error)}` };
  return { ok: true, topic: checked.data };
}
