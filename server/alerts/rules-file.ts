import fs from 'node:fs';
import path from 'node:path';
import type { AlertRulesFile } from '@/lib/contract/alerts';
import { parseAlertRules } from '@/lib/alerts/rules';
import { ConfigError, read, type Env } from '@/server/env';

// Alert rules from the JSON file KAFKA_LIVE_ALERTS_FILE names: `{ "webhook"?, "rules": [...] }`
// or a bare array of rules. A bad file stops the server with every bad field named
// (`rules[2].when.forSeconds: ...`), like every other setting.

export { parseAlertRules };

export const ALERTS_FILE_VARIABLE = 'KAFKA_LIVE_ALERTS_FILE';

export interface AlertSettings {
  /** Where the rules are read from and edits saved; null: edits last until restart. */
  file: string | null;
  rules: AlertRulesFile;
}

/** The rules file the environment names, and its rules. A named file that does not exist yet
 *  starts empty and is written on the first edit. */
export function loadAlertSettings(env: Env = process.env): AlertSettings {
  const file = read(env, ALERTS_FILE_VARIABLE);
  if (file === undefined) return { file: null, rules: { rules: [] } };
  const full = path.resolve(file);
  if (!fs.existsSync(full)) return { file: full, rules: { rules: [] } };
  return { file: full, rules: loadAlertRules(env) };
}

/** Writes the rules where a reader never sees half a file: a temporary file, then a rename. */
export async function saveAlertRules(file: string, rules: AlertRulesFile): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.promises.writeFile(tmp, `${JSON.stringify(rules, null, 2)}\n`, 'utf8');
  await fs.promises.rename(tmp, file);
}

/** The rules file the environment names; no rules when the variable is unset. */
export function loadAlertRules(env: Env = process.env): AlertRulesFile {
  const file = read(env, ALERTS_FILE_VARIABLE);
  if (file === undefined) return { rules: [] };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(ALERTS_FILE_VARIABLE, `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  try {
    return parseAlertRules(text, file);
  } catch (e) {
    throw new ConfigError(ALERTS_FILE_VARIABLE, (e as Error).message);
  }
}
