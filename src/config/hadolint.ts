import { SEVERITIES } from '../engine/types';
import type { PlimsollConfig } from './types';
import { didYouMean } from './suggest';
import { ConfigError } from './types';

/** hadolint's configuration keys; the display ones (format, colour, verbosity) have no meaning here. */
const HADOLINT_KEYS = [
  'ignored', 'override', 'trustedRegistries', 'failure-threshold', 'label-schema', 'strict-labels',
  'disable-ignore-pragma', 'no-fail', 'no-color', 'format', 'output-file', 'verbose',
];

/**
 * Reads a `.hadolint.yaml` into the equivalent plimsoll configuration, so a team switching over
 * keeps its settings: ignored rules, severity overrides, trusted registries, the failure
 * threshold, the label schema and the pragma switch. hadolint ids work as plimsoll aliases.
 */
export function fromHadolint(raw: unknown, file: string): PlimsollConfig {
  if (raw === null || raw === undefined) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(file, '', 'expected a mapping');
  const h = raw as Record<string, unknown>;
  for (const key of Object.keys(h)) {
    if (!HADOLINT_KEYS.includes(key)) throw new ConfigError(file, key, `unknown hadolint key${didYouMean(key, HADOLINT_KEYS)}`);
  }
  const rules: NonNullable<PlimsollConfig['rules']> = {};
  const config: PlimsollConfig = {};
  const list = (key: string, v: unknown): string[] => {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new ConfigError(file, key, 'expected a list of rule ids');
    return v as string[];
  };
  for (const id of list('ignored', h.ignored)) rules[id] = 'off';
  const override = h.override as Record<string, unknown> | undefined;
  if (override !== undefined && override !== null) {
    if (typeof override !== 'object') throw new ConfigError(file, 'override', 'expected a mapping of severity to rule ids');
    for (const [level, ids] of Object.entries(override)) {
      if (!(SEVERITIES as readonly string[]).includes(level)) throw new ConfigError(file, `override.${level}`, `unknown severity (expected ${SEVERITIES.join(', ')})`);
      for (const id of list(`override.${level}`, ids)) rules[id] = level as (typeof SEVERITIES)[number];
    }
  }
  const registries = list('trustedRegistries', h.trustedRegistries);
  if (registries.length) rules['security/trusted-registry'] = ['error', { trustedRegistries: registries }];
  const schema = h['label-schema'];
  if (schema !== undefined || h['strict-labels'] !== undefined) {
    rules['style/label-schema'] = ['info', { ...(schema ? { schema } : {}), ...(h['strict-labels'] !== undefined ? { strict: h['strict-labels'] } : {}) }];
  }
  const threshold = h['failure-threshold'];
  if (threshold !== undefined) config.failureThreshold = threshold === 'ignore' ? 'none' : (threshold as PlimsollConfig['failureThreshold']);
  if (h['no-fail'] === true) config.failureThreshold = 'none';
  if (h['disable-ignore-pragma'] === true) config.inlinePragmas = false;
  if (Object.keys(rules).length) config.rules = rules;
  return config;
}
