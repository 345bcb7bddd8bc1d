import type { z } from 'zod';
import { AlertRulesFileSchema, type AlertRulesFile } from '@/lib/contract/alerts';

// Reading alert rules from JSON text, for the rules file on the server and the editor on the
// Alerts page alike: every bad field named by its path (`rules[2].when: ...`).

const fieldPath = (path: readonly PropertyKey[]) =>
  path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');

export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${fieldPath(i.path) || '(file)'}: ${i.message}`).join('; ');
}

/** Validates rules as JSON text or a parsed value; throws with every bad field named. */
export function parseAlertRules(input: unknown, source = 'alert rules'): AlertRulesFile {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      throw new Error(`${source}: not valid JSON (${(e as Error).message})`);
    }
  }
  const parsed = AlertRulesFileSchema.safeParse(Array.isArray(value) ? { rules: value } : value);
  if (!parsed.success) throw new Error(`${source}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
