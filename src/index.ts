/**
 * Programmatic API. `lint(text, options)` lints one Dockerfile's text; `lintFiles(paths, options)`
 * lints files, directories and globs under their configuration files, as the CLI does. For many
 * calls, `createLinter()` once and `linter.lintText(text, options)` avoids re-initialising.
 */
import { createEngine, Linter, type LintOptions, type LintResult } from './engine/linter';
import { lintFiles as lintPaths, type FileResult, type LintFilesOptions } from './lint-files';
import { allRules } from './rules';

export { Linter } from './engine/linter';
export type { LintError, LintOptions, LintResult, RuleSettings } from './engine/linter';
export type { Finding, Fix, Severity, Category, TextEdit } from './engine/types';
export type { RuleMeta } from './engine/rule';
export type { FileResult, LintFilesOptions } from './lint-files';
export { ConfigError } from './config/types';
export { allRules };

export function createLinter(): Promise<Linter> {
  return createEngine(allRules);
}

let shared: Promise<Linter> | undefined;

/** Lints one Dockerfile's text. */
export async function lint(text: string, options: LintOptions = {}): Promise<LintResult> {
  shared ??= createLinter();
  return (await shared).lintText(text, options);
}

/** Lints the Dockerfiles that paths, directories and globs name; each result is one file. */
export async function lintFiles(paths: string[], options: LintFilesOptions = {}): Promise<FileResult[]> {
  shared ??= createLinter();
  return lintPaths(await shared, paths, options);
}
