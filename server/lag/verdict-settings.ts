import { ConfigError, read, type Env } from '@/server/env';
import { parseVerdictConfig, VerdictConfigError, type VerdictConfig } from '@/lib/lag/verdict-config';

// The verdict windows from the environment, one variable per field, checked by the same schema
// as the defaults (lib/lag/verdict-config.ts) so a bad value stops the server naming its variable.

export const VERDICT_VARIABLES: Record<keyof VerdictConfig, string> = {
  windowMs: 'VERDICT_WINDOW_MS',
  stopFactor: 'VERDICT_STOP_FACTOR',
  stopFloorMs: 'VERDICT_STOP_FLOOR_MS',
  assumedCommitIntervalMs: 'VERDICT_ASSUMED_COMMIT_INTERVAL_MS',
  trendMinMs: 'VERDICT_TREND_MIN_MS',
  trendMinCommits: 'VERDICT_TREND_MIN_COMMITS',
  rewindHoldMs: 'VERDICT_REWIND_HOLD_MS',
  freshMs: 'VERDICT_FRESH_MS',
};

export function loadVerdictSettings(env: Env): VerdictConfig {
  const input: Record<string, number> = {};
  for (const [field, variable] of Object.entries(VERDICT_VARIABLES)) {
    const raw = read(env, variable);
    if (raw === undefined) continue;
    if (!/^\d+(\.\d+)?$/.test(raw)) throw new ConfigError(variable, `expected a number, got "${raw}"`);
    input[field] = Number(raw);
  }
  try {
    return parseVerdictConfig(input);
  } catch (e) {
    if (!(e instanceof VerdictConfigError)) throw e;
    // "windowMs: Too small: expected number to be >=10000" → named by its variable.
    const [first] = e.issues;
    const field = first.split(':')[0] as keyof VerdictConfig;
    throw new ConfigError(VERDICT_VARIABLES[field] ?? 'VERDICT_*', first.slice(first.indexOf(':') + 1).trim());
  }
}
