/**
 * Programmatic API: `createLinter()` once, then `linter.lintText(text, options)` as often as needed.
 */
import { createEngine, Linter, type LintOptions, type LintResult } from './engine/linter';
import { allRules } from './rules';

export { Linter } from './engine/linter';
export type { LintError, LintOptions, LintResult, RuleSettings } from './engine/linter';
export type { Finding, Fix, Severity, Category, TextEdit } from './engine/types';
export type { RuleMeta } from './engine/rule';
export { allRules };

export function createLinter(): Promise<Linter> {
  return createEngine(allRules);
}

/** Lints one Dockerfile's text. */
export async function lint(text: string, options: LintOptions = {}): Promise<LintResult> {
  return (await createLinter()).lintText(text, options);
}
