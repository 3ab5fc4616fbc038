import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeFsError, discover } from './cli/discover';
import { ConfigLoader, type LoaderOptions } from './config/load';
import type { ResolvedConfig } from './config/types';
import { UNUSED_PRAGMA_RULE, type Linter, type LintOptions } from './engine/linter';
import { decodeDockerfile, InputError } from './engine/text';
import type { FileReport } from './formats/types';

/** Files larger than this are refused rather than linted: no real Dockerfile comes near it. */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

export interface LintFilesOptions extends LoaderOptions {
  cwd?: string;
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
  for (const abs of files) inputs.push({ shown: displayPath(abs, cwd), abs, read: () => readFileChecked(abs), stdin: false });

  for (const input of inputs) {
    const config = await configs.forFile(input.abs);
    if (config.ignored) continue;
    const lintOptions: LintOptions = {
      buildArgs: options.buildArgs,
      target: options.target,
      dockerignore: input.stdin ? undefined : readDockerignore(input.abs),
      shellcheck: options.shellcheck !== false && config.shellcheck !== false,
      noInlinePragmas: config.inlinePragmas === false,
      rules: options.reportUnusedPragmas ? { ...config.rules, [UNUSED_PRAGMA_RULE]: 'info' } : config.rules,
    };
    const report = lintOne(linter, input.shown, input.read, lintOptions);
    results.push({ ...report, path: input.stdin ? undefined : input.abs, config, options: lintOptions });
  }
  return results;
}

function lintOne(linter: Linter, file: string, read: () => Buffer, options: LintOptions): FileReport {
  let source: string;
  try {
    source = decodeDockerfile(read());
  } catch (err) {
    return { file, findings: [], errors: [{ message: err instanceof InputError ? err.message : describeFsError(err) }] };
  }
  try {
    const result = linter.lintText(source, options);
    return { file, source, findings: result.findings, errors: result.errors };
  } catch (err) {
    const message = err instanceof InputError ? err.message : `internal error: ${(err as Error)?.stack ?? err}`;
    return { file, source, findings: [], errors: [{ message }] };
  }
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
