import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { UNUSED_PRAGMA_RULE, type Linter } from '../engine/linter';
import { shellcheckAvailable } from '../engine/shellcheck';
import { decodeDockerfile, InputError } from '../engine/text';
import { meetsThreshold, SEVERITIES, type Severity } from '../engine/types';
import { FORMATS } from '../formats';
import type { FileReport } from '../formats/types';
import { describeFsError, discover } from './discover';
import { formatContext } from './format-context';
import { packageVersion } from '../version';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;


/** Files larger than this are refused rather than linted: no real Dockerfile comes near it. */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

const HELP = `Usage: plimsoll [options] [paths | globs | -]

Lints Dockerfiles. A directory is searched for Dockerfile, Dockerfile.*, *.Dockerfile,
*.dockerfile and Containerfile (honouring .gitignore); "-" reads standard input. With no
path, the current directory is linted.

Options:
  -f, --format <name>          stylish (default) or json
      --build-arg NAME=VALUE   value of a build argument (repeatable)
      --target STAGE           the stage being built (default: the last one)
      --failure-threshold SEV  exit 1 on findings at or above SEV: error, warning (default),
                               info, style, or none
      --stdin-filename NAME    name shown for standard input
      --list-rules             print every rule (with --format json: as JSON)
      --no-shellcheck          do not run ShellCheck over RUN scripts (it runs when installed)
      --report-unused-pragmas  report inline ignore pragmas that suppress nothing
      --color, --no-color      force colours on or off (default: on for a terminal, off with NO_COLOR)
  -v, --version                print the version
  -h, --help                   print this help

Exit codes: 0 no findings at or above the threshold, 1 findings, 2 usage, configuration or I/O error.
`;

interface Io {
  cwd: string;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  readStdin(): Buffer;
  env: NodeJS.ProcessEnv;
}

class UsageError extends Error {}

export async function main(argv: string[], io: Io, loadLinter: () => Promise<Linter>): Promise<number> {
  let opts: ReturnType<typeof parseCli>;
  try {
    opts = parseCli(argv);
  } catch (err) {
    io.stderr.write(`plimsoll: ${(err as Error).message}\nRun "plimsoll --help" for usage.\n`);
    return EXIT_ERROR;
  }
  if (opts.help) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if (opts.version) {
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  const linter = await loadLinter();
  if (opts.listRules) {
    io.stdout.write(opts.format === 'json' ? listRulesJson(linter) : listRulesText(linter));
    return EXIT_OK;
  }

  const reports: FileReport[] = [];
  const paths = opts.paths.length ? opts.paths : ['.'];
  const stdinCount = paths.filter((p) => p === '-').length;
  if (stdinCount > 1) {
    io.stderr.write('plimsoll: "-" (standard input) can be given only once\n');
    return EXIT_ERROR;
  }
  const { files, errors } = discover(paths.filter((p) => p !== '-'), io.cwd);
  for (const e of errors) reports.push({ file: e.file, findings: [], errors: [{ message: e.message }] });
  const lintOne = (file: string, read: () => Buffer, dockerignore?: string) =>
    reports.push(lintFile(linter, file, read, { ...opts, dockerignore }));
  if (stdinCount) {
    const name = opts.stdinFilename;
    lintOne(name ?? '<stdin>', io.readStdin, name ? readDockerignore(path.resolve(io.cwd, name)) : undefined);
  }
  for (const file of files) lintOne(displayPath(file, io.cwd), () => readFileChecked(file), readDockerignore(file));

  const color = opts.color ?? (!!io.stdout.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb');
  io.stdout.write(await FORMATS[opts.format]()(reports, formatContext(linter, reports, color, io.cwd)));

  if (reports.some((r) => r.errors.length)) return EXIT_ERROR;
  const threshold = opts.failureThreshold;
  const failing = threshold !== 'none' && reports.some((r) => r.findings.some((f) => meetsThreshold(f.severity, threshold)));
  return failing ? EXIT_FINDINGS : EXIT_OK;
}

function parseCli(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f', default: 'stylish' },
      'build-arg': { type: 'string', multiple: true, default: [] },
      target: { type: 'string' },
      'failure-threshold': { type: 'string', default: 'warning' },
      'stdin-filename': { type: 'string' },
      'list-rules': { type: 'boolean', default: false },
      'no-shellcheck': { type: 'boolean', default: false },
      'report-unused-pragmas': { type: 'boolean', default: false },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      version: { type: 'boolean', short: 'v', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const format = values.format!;
  if (!(format in FORMATS)) throw new UsageError(`unknown format "${format}" (expected one of: ${Object.keys(FORMATS).join(', ')})`);
  const threshold = values['failure-threshold']!;
  if (threshold !== 'none' && !(SEVERITIES as readonly string[]).includes(threshold)) {
    throw new UsageError(`unknown failure threshold "${threshold}" (expected one of: ${SEVERITIES.join(', ')}, none)`);
  }
  const buildArgs: Record<string, string> = {};
  for (const pair of values['build-arg']!) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--build-arg expects NAME=VALUE, got "${pair}"`);
    buildArgs[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return {
    format,
    buildArgs,
    target: values.target,
    failureThreshold: threshold as Severity | 'none',
    stdinFilename: values['stdin-filename'],
    listRules: values['list-rules']!,
    shellcheck: !values['no-shellcheck'],
    reportUnusedPragmas: values['report-unused-pragmas']!,
    color: values['no-color'] ? false : values.color,
    version: values.version!,
    help: values.help!,
    paths: positionals,
  };
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

function lintFile(
  linter: Linter,
  file: string,
  read: () => Buffer,
  opts: ReturnType<typeof parseCli> & { dockerignore?: string },
): FileReport {
  let source: string;
  try {
    source = decodeDockerfile(read());
  } catch (err) {
    return { file, findings: [], errors: [{ message: err instanceof InputError ? err.message : describeFsError(err) }] };
  }
  try {
    const result = linter.lintText(source, {
      buildArgs: opts.buildArgs,
      target: opts.target,
      dockerignore: opts.dockerignore,
      shellcheck: opts.shellcheck,
      rules: opts.reportUnusedPragmas ? { [UNUSED_PRAGMA_RULE]: 'info' } : undefined,
    });
    return { file, source, findings: result.findings, errors: result.errors };
  } catch (err) {
    const message = err instanceof InputError ? err.message : `internal error: ${(err as Error)?.stack ?? err}`;
    return { file, source, findings: [], errors: [{ message }] };
  }
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

function listRulesJson(linter: Linter): string {
  const rules = linter.rules.map((r) => ({ ...r.meta, enabledByDefault: r.meta.enabledByDefault !== false }));
  return JSON.stringify({ rules, shellcheck: { available: shellcheckAvailable(), ids: 'shell/SC<code>' } }, null, 2) + '\n';
}

function listRulesText(linter: Linter): string {
  const rows = linter.rules.map((r) => [
    r.meta.id,
    r.meta.severity + (r.meta.enabledByDefault === false ? ' (off)' : ''),
    r.meta.fixable ? 'fix' : '',
    r.meta.aliases.join(','),
    r.meta.description,
  ]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i].length)));
  const table = rows.map((row) => row.map((cell, i) => (i < 4 ? cell.padEnd(widths[i]) : cell)).join('  ')).join('\n');
  const shell = shellcheckAvailable()
    ? 'shell/SC<code>: ShellCheck findings in RUN scripts (shellcheck found on PATH; --no-shellcheck turns them off)'
    : 'shell/SC<code>: ShellCheck findings in RUN scripts: not available, shellcheck is not on PATH (skipped)';
  return `${table}\n\n${shell}\n`;
}
