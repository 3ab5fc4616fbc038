import type { Linter } from '../engine/linter';
import type { OptionSpec } from '../engine/rule';
import { SEVERITIES } from '../engine/types';
import { didYouMean } from './suggest';
import { ConfigError, type PlimsollConfig } from './types';

const KEYS = ['extends', 'rules', 'overrides', 'failureThreshold', 'ignorePatterns', 'shellcheck', 'inlinePragmas'];
const OVERRIDE_KEYS = ['files', 'rules', 'shellcheck'];
const LEVELS = ['off', ...SEVERITIES];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * Checks a configuration object and returns it typed; anything unknown or mistyped is an error
 * naming the file and the key, with a suggestion where a near miss exists. Never ignored silently.
 */
export function validateConfig(raw: unknown, file: string, linter: Linter): PlimsollConfig {
  const fail = (key: string, problem: string): never => {
    throw new ConfigError(file, key, problem);
  };
  if (!isObject(raw)) fail('', `expected an object, got ${describe(raw)}`);
  const config = raw as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    if (!KEYS.includes(key)) fail(key, `unknown key${didYouMean(key, KEYS)}`);
  }
  const ext = config.extends;
  if (ext !== undefined && typeof ext !== 'string' && !isStringArray(ext)) fail('extends', `expected a string or a list of strings, got ${describe(ext)}`);
  if (config.rules !== undefined) validateRules(config.rules, 'rules', linter, fail);
  if (config.overrides !== undefined) {
    if (!Array.isArray(config.overrides)) fail('overrides', `expected a list, got ${describe(config.overrides)}`);
    (config.overrides as unknown[]).forEach((o, i) => {
      const at = `overrides[${i}]`;
      if (!isObject(o)) return fail(at, `expected an object, got ${describe(o)}`);
      for (const key of Object.keys(o)) if (!OVERRIDE_KEYS.includes(key)) fail(`${at}.${key}`, `unknown key${didYouMean(key, OVERRIDE_KEYS)}`);
      if (typeof o.files !== 'string' && !isStringArray(o.files)) fail(`${at}.files`, 'expected a glob or a list of globs');
      if (o.rules !== undefined) validateRules(o.rules, `${at}.rules`, linter, fail);
      if (o.shellcheck !== undefined && typeof o.shellcheck !== 'boolean') fail(`${at}.shellcheck`, `expected true or false, got ${describe(o.shellcheck)}`);
    });
  }
  const threshold = config.failureThreshold;
  if (threshold !== undefined && (typeof threshold !== 'string' || ![...SEVERITIES, 'none'].includes(threshold))) {
    fail('failureThreshold', `expected one of ${[...SEVERITIES, 'none'].join(', ')}, got ${describe(threshold)}${typeof threshold === 'string' ? didYouMean(threshold, [...SEVERITIES, 'none']) : ''}`);
  }
  if (config.ignorePatterns !== undefined && !isStringArray(config.ignorePatterns)) fail('ignorePatterns', `expected a list of globs, got ${describe(config.ignorePatterns)}`);
  for (const key of ['shellcheck', 'inlinePragmas']) {
    if (config[key] !== undefined && typeof config[key] !== 'boolean') fail(key, `expected true or false, got ${describe(config[key])}`);
  }
  return config as PlimsollConfig;
}

function validateRules(rules: unknown, at: string, linter: Linter, fail: (key: string, problem: string) => never): void {
  if (!isObject(rules)) fail(at, `expected an object of rule settings, got ${describe(rules)}`);
  const ids = linter.rules.flatMap((r) => [r.meta.id, ...r.meta.aliases]);
  for (const [id, setting] of Object.entries(rules as Record<string, unknown>)) {
    const key = `${at}.${id}`;
    const rule = linter.resolve(id);
    if (!rule) fail(key, `unknown rule${didYouMean(id, ids)}`);
    const [level, options] = Array.isArray(setting) ? setting : [setting, undefined];
    if (Array.isArray(setting) && (setting.length < 1 || setting.length > 2)) fail(key, 'expected [severity] or [severity, options]');
    if (typeof level !== 'string' || !LEVELS.includes(level)) {
      fail(key, `expected one of ${LEVELS.join(', ')}, got ${describe(level)}${typeof level === 'string' ? didYouMean(level, LEVELS) : ''}`);
    }
    if (options === undefined) continue;
    if (!isObject(options)) fail(key, `options must be an object, got ${describe(options)}`);
    const schema = rule!.meta.options ?? {};
    for (const [name, value] of Object.entries(options as Record<string, unknown>)) {
      const spec = schema[name];
      if (!spec) {
        const known = Object.keys(schema);
        fail(`${key}.${name}`, known.length ? `unknown option${didYouMean(name, known)} (options: ${known.join(', ')})` : `${rule!.meta.id} takes no options`);
      }
      if (!matchesType(value, spec)) fail(`${key}.${name}`, `expected ${spec.type}, got ${describe(value)}`);
    }
  }
}

function matchesType(value: unknown, spec: OptionSpec): boolean {
  switch (spec.type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'string[]':
      return isStringArray(value);
    case 'record':
      return isObject(value);
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${JSON.stringify(v)}`;
}

