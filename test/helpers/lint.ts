import { Linter, type LintOptions } from '../../src/engine/linter';
import { createEngine } from '../../src/engine/linter';
import { buildModel } from '../../src/engine/build';
import { initShellParser } from '../../src/engine/shell/parser';
import type { DockerfileModel } from '../../src/engine/model';
import type { Finding } from '../../src/engine/types';
import { allRules } from '../../src/rules';

let linter: Linter | undefined;

/** The real engine with every rule, created once per test file. */
export async function getLinter(): Promise<Linter> {
  linter ??= await createEngine(allRules);
  return linter;
}

/** Findings of one rule (turned on even if it is off by default), linting `text` with that rule alone (no ShellCheck). */
export async function lintWith(ruleId: string, text: string, options: LintOptions = {}): Promise<Finding[]> {
  const l = await getLinter();
  const rule = l.resolve(ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const rules: Record<string, 'off' | Finding['severity']> = {};
  for (const r of l.rules) rules[r.meta.id] = r === rule ? r.meta.severity : 'off';
  return l.lintText(text, { shellcheck: false, ...options, rules: { ...rules, ...options.rules } }).findings;
}

/** `line:column-endLine:endColumn` of each finding, for compact assertions on exact ranges. */
export function positions(findings: Finding[]): string[] {
  return findings.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn}`);
}

/** The model of `text`, for engine tests. */
export async function model(text: string, inputs: Parameters<typeof buildModel>[1] = {}): Promise<DockerfileModel> {
  await initShellParser();
  return buildModel(text, inputs);
}

/**
 * Dockerfile text from an indented template literal: the common indentation and first newline go.
 * Escapes are JavaScript's: write `\\` for a backslash, `\${X}` for a Dockerfile variable.
 */
export function df(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '').replace(/^\n/, '');
  const indent = Math.min(...raw.split('\n').filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return raw.split('\n').map((l) => l.slice(indent)).join('\n');
}
