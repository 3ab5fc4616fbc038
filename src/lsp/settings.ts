import type { Linter, RuleSetting, RuleSettings } from '../engine/linter';
import { SEVERITIES } from '../engine/types';

/** The `plimsoll.*` client settings. */
export interface Settings {
  /** Rule id or alias → `off` or a severity (or `[severity, options]`). */
  rules: RuleSettings;
  /** Run ShellCheck over RUN scripts when it is installed. */
  shellcheck: boolean;
  /**
   * Whether configuration files from the workspace may be loaded even when loading them would run
   * the workspace's JavaScript (`.plimsollrc.js` and the like). Off by default: opening a folder
   * must never run code from it. Read here and passed to `loadConfigFor`.
   */
  trustWorkspaceConfig: boolean;
}

export const DEFAULT_SETTINGS: Settings = { rules: {}, shellcheck: true, trustWorkspaceConfig: false };

const LEVELS = new Set<string>(['off', ...SEVERITIES]);

/**
 * Validates the `plimsoll` section a client sent. Unknown rules and invalid values are dropped
 * with a warning (through `warn`) rather than failing every lint.
 */
export function normaliseSettings(raw: unknown, rules: Pick<Linter, 'resolve'>, warn: (message: string) => void): Settings {
  if (raw === undefined || raw === null) return { ...DEFAULT_SETTINGS };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    warn('plimsoll: the "plimsoll" settings should be an object; using the defaults');
    return { ...DEFAULT_SETTINGS };
  }
  const r = raw as Record<string, unknown>;
  const settings: Settings = { ...DEFAULT_SETTINGS, rules: normaliseRules(r.rules, rules, warn, 'plimsoll.rules') };
  if (typeof r.shellcheck === 'boolean') settings.shellcheck = r.shellcheck;
  else if (r.shellcheck !== undefined) warn('plimsoll: "plimsoll.shellcheck" should be true or false');
  if (typeof r.trustWorkspaceConfig === 'boolean') settings.trustWorkspaceConfig = r.trustWorkspaceConfig;
  else if (r.trustWorkspaceConfig !== undefined) warn('plimsoll: "plimsoll.trustWorkspaceConfig" should be true or false');
  return settings;
}

export function normaliseRules(raw: unknown, rules: Pick<Linter, 'resolve'>, warn: (message: string) => void, where: string): RuleSettings {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    warn(`plimsoll: "${where}" should be an object of rule id → "off" | ${SEVERITIES.map((s) => `"${s}"`).join(' | ')}`);
    return {};
  }
  const out: RuleSettings = {};
  for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!rules.resolve(id)) {
      warn(`plimsoll: ${where}: unknown rule "${id}" ignored`);
      continue;
    }
    const level = Array.isArray(value) ? value[0] : value;
    const options = Array.isArray(value) ? value[1] : undefined;
    if (typeof level !== 'string' || !LEVELS.has(level) || (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options)))) {
      warn(`plimsoll: ${where}: "${id}" should be "off" or a severity (${SEVERITIES.join(', ')}); ignored`);
      continue;
    }
    out[id] = (Array.isArray(value) ? [level, options] : level) as RuleSetting;
  }
  return out;
}

/**
 * SEAM for configuration files. Returns the rule settings that apply to the document at `uri`
 * from the workspace's configuration files; client settings (`plimsoll.rules`) are applied on top.
 *
 * Not implemented yet (configuration files come in a later change): returns {} for now. Whatever
 * fills it in must not execute JavaScript from the workspace (e.g. `.plimsoll.config.js` through
 * cosmiconfig's JS loaders) unless `trustWorkspaceConfig` is true; data formats (JSON, YAML) are
 * always safe to read.
 */
export async function loadConfigFor(_uri: string, _options: { trustWorkspaceConfig: boolean }): Promise<RuleSettings> {
  return {};
}
