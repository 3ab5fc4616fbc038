import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeFsError, discover } from './cli/discover';
import { ConfigLoader, type LoaderOptions } from './config/load';
import type { ResolvedConfig } from './config/types';
import { UNUSED_PRAGMA_RULE, type Linter, type LintOptions, type RuleSettings } from './engine/linter';
import { decodeDockerfile, InputError } from './engine/text';
import type { FileReport } from './formats/types';
import type { ResultCache } from './cache';
import { defaultJobs, lintInWorkers, lintTexts } from './lint-text';

/** Files larger than this are refused rather than linted: no real Dockerfile comes near it. */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

/**
 * Starting a worker (modules and grammar) costs about as much as linting 150 typical files, so by
 * default each worker needs this many files to pay for itself.
 */
const MIN_FILES_PER_WORKER = 150;

export interface LintFilesOptions extends LoaderOptions {
  cwd?: string;
  /**
   * Worker threads to lint with; 1 is the calling thread. By default one per core, as many as the
   * number of files repays. Output order never depends on it.
   */
  jobs?: number;
  /** Results of unchanged files from an earlier run. */
  cache?: ResultCache;
  /** Lint only these absolute paths among those discovered (`--changed-since`). */
  only?: Set<string>;
  /** Options applied to every file, under what its configuration says. */
  buildArgs?: Record<string, string>;
  target?: string;
  shellcheck?: boolean;
  reportUnusedPragmas?: boolean;
  /** Standard input, linted as `filename` (which also decides its configuration). */
  stdin?: { read(): Buffer; filename?: string };
}

/** One linted file: its report, and what it was linted with (for fixing and thresholds). */
export interface FileResult extends FileReport {
  /** Absolute path; absent for standard input and for arguments that named nothing. */
  path?: string;
  config?: ResolvedConfig;
  options?: LintOptions;
}

/**
 * Lints the files that paths, directories and globs name, each under its own configuration, in
 * argument order. Unreadable or undecodable files become reports with an error; configuration
 * errors throw (`ConfigError`), since they concern every file below the configuration.
 */
export async function lintFiles(linter: Linter, paths: string[], options: LintFilesOptions = {}): Promise<FileResult[]> {
  const cwd = options.cwd ?? process.cwd();
  const configs = new ConfigLoader(linter, options);
  const results: FileResult[] = [];
  const { files, errors } = discover(paths, cwd);
  for (const e of errors) results.push({ file: e.file, findings: [], errors: [{ message: e.message }] });

  const inputs: { shown: string; abs: string; read: () => Buffer; stdin: boolean }[] = [];
  if (options.stdin) {
    const name = options.stdin.filename;
    inputs.push({ shown: name ?? '<stdin>', abs: path.resolve(cwd, name ?? 'Dockerfile'), read: options.stdin.read, stdin: true });
  }
  for (const abs of files) if (!options.only || options.only.has(abs)) inputs.push({ shown: displayPath(abs, cwd), abs, read: () => readFileChecked(abs), stdin: false });

  // One settings object per configuration, so the engine resolves each configuration once.
  const unusedPragmaRules = new Map<RuleSettings | undefined, RuleSettings>();
  const withUnusedPragmas = (rules: RuleSettings | undefined) => {
    let out = unusedPragmaRules.get(rules);
    if (!out) unusedPragmaRules.set(rules, (out = { ...rules, [UNUSED_PRAGMA_RULE]: 'info' }));
    return out;
  };
  const pending: { result: FileResult; text: string; key?: string }[] = [];
  for (const input of inputs) {
    const config = await configs.forFile(input.abs);
    if (config.ignored) continue;
    const lintOptions: LintOptions = {
      buildArgs: options.buildArgs,
      target: options.target,
      dockerignore: input.stdin ? undefined : readDockerignore(input.abs),
      shellcheck: options.shellcheck !== false && config.shellcheck !== false,
      noInlinePragmas: config.inlinePragmas === false,
      rules: options.reportUnusedPragmas ? withUnusedPragmas(config.rules) : config.rules,
    };
    const result: FileResult = { file: input.shown, findings: [], errors: [], path: input.stdin ? undefined : input.abs, config, options: lintOptions };
    results.push(result);
    let text: string;
    try {
      text = decodeDockerfile(input.read());
    } catch (err) {
      result.errors.push({ message: err instanceof InputError ? err.message : describeFsError(err) });
      continue;
    }
    result.source = text;
    const key = options.cache?.key(text, lintOptions);
    const cached = key && result.path ? options.cache!.get(result.path, key) : undefined;
    if (cached) Object.assign(result, cached);
    else pending.push({ result, text, key });
  }

  const jobs = Math.min(options.jobs ?? Math.min(defaultJobs(), Math.floor(pending.length / MIN_FILES_PER_WORKER)), pending.length);
  const tasks = pending.map((p) => ({ text: p.text, options: p.result.options! }));
  const outputs = jobs > 1 ? await lintInWorkers(tasks, jobs, (some) => lintTexts(linter, some)) : lintTexts(linter, tasks);
  outputs.forEach((out, i) => {
    const { result, key } = pending[i];
    Object.assign(result, out);
    if (key && result.path) options.cache!.set(result.path, key, out);
  });
  return results;
}


/**
 * The ignore file of the build context, taken to be the Dockerfile's directory: BuildKit prefers
 * `<Dockerfile name>.dockerignore` beside the Dockerfile, then `.dockerignore`.
 */
function readDockerignore(dockerfile: string): string | undefined {
  for (const candidate of [`${dockerfile}.dockerignore`, path.join(path.dirname(dockerfile), '.dockerignore')]) {
    try {
      return fs.readFileSync(candidate, 'utf8');
    } catch {
      // absent or unreadable: try the next, then lint without one
    }
  }
  return undefined;
}

function readFileChecked(file: string): Buffer {
  const stat = fs.statSync(file);
  if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  if (stat.size > MAX_FILE_BYTES) throw new InputError(`file too large (${stat.size} bytes; the limit is ${MAX_FILE_BYTES})`);
  return fs.readFileSync(file);
}

function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}
