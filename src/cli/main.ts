import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../config/types';
import type { Linter } from '../engine/linter';
import { decodeDockerfile } from '../engine/text';
import { meetsThreshold, SEVERITIES, type Severity } from '../engine/types';
import { FORMATS } from '../formats';
import { ResultCache } from '../cache';
import { lintFiles, type FileResult } from '../lint-files';
import { UsageError } from './usage-error';
import { packageVersion } from '../version';
import { formatContext } from './format-context';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

const HELP = `Usage: plimsoll [options] [paths | globs | -]
       plimsoll init --from-hadolint [.hadolint.yaml]
       plimsoll --explain RULE

Lints Dockerfiles. A directory is searched for Dockerfile, Dockerfile.*, *.Dockerfile,
*.dockerfile and Containerfile (honouring .gitignore); "-" reads standard input. With no
path, the current directory is linted.

Options:
  -f, --format NAME            ${Object.keys(FORMATS).join(', ')} (default: stylish)
  -o, --output FILE            write the report to FILE instead of standard output
  -c, --config FILE            use this configuration file (default: the nearest .plimsollrc*,
                               plimsoll.config.*, package.json "plimsoll", else .hadolint.yaml)
      --no-config              use no configuration file
      --build-arg NAME=VALUE   value of a build argument (repeatable)
      --target STAGE           the stage being built (default: the last one)
      --failure-threshold SEV  exit 1 on findings at or above SEV: error, warning (default),
                               info, style, or none
      --fix                    apply safe fixes to the files in place
      --fix-dry-run            print the fixes as a unified diff; change nothing
      --rule ID                with --fix/--fix-dry-run: only this rule's fixes (repeatable)
      --stdin-filename NAME    name (and config lookup path) for standard input
      --no-shellcheck          do not run ShellCheck over RUN scripts (it runs when installed)
  -j, --jobs N                 lint on N worker threads (default: one per core when there are
                               enough files to repay starting them)
      --cache                  reuse results of unchanged files from the last run
      --cache-location PATH    the cache file (default: .plimsoll-cache)
      --changed-since REF      lint only files that git says changed since REF (and untracked ones)
      --report-unused-pragmas  report inline ignore pragmas that suppress nothing
      --list-rules             print every rule (with --format json: as JSON)
      --explain RULE           print a rule's documentation
      --color, --no-color      force colours on or off (default: on for a terminal, off with NO_COLOR)
  -v, --version                print the version
  -h, --help                   print this help

Exit codes: 0 no findings at or above the threshold, 1 findings, 2 usage, configuration or I/O error.
`;

export interface Io {
  cwd: string;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  readStdin(): Buffer;
  env: NodeJS.ProcessEnv;
}

type CliOptions = ReturnType<typeof parseCli>;

export async function main(argv: string[], io: Io, loadLinter: () => Promise<Linter>): Promise<number> {
  let opts: CliOptions;
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
  try {
    if (opts.command === 'init') return await require('./init').initFromHadolint(opts.paths, io, linter);
    if (opts.explain) return require('./explain').explain(opts.explain, io, linter);
    if (opts.listRules) {
      const { listRules } = require('./list-rules') as typeof import('./list-rules');
      io.stdout.write(listRules(linter, opts.format === 'json'));
      return EXIT_OK;
    }
    return await lint(opts, io, linter);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof UsageError) {
      io.stderr.write(`plimsoll: ${err.message}\n`);
      return EXIT_ERROR;
    }
    throw err;
  }
}

async function lint(opts: CliOptions, io: Io, linter: Linter): Promise<number> {
  const paths = opts.paths.length ? opts.paths : ['.'];
  const stdinCount = paths.filter((p) => p === '-').length;
  if (stdinCount > 1) throw new UsageError('"-" (standard input) can be given only once');
  if (stdinCount && opts.fix) throw new UsageError('--fix cannot rewrite standard input; use --fix-dry-run to see the fixes');
  const onlyRules = opts.rules.map((r) => {
    const rule = linter.resolve(r);
    if (!rule) throw new UsageError(`--rule ${r}: unknown rule`);
    return rule.meta.id;
  });

  const cache = opts.cache ? new ResultCache(path.resolve(io.cwd, opts.cacheLocation)) : undefined;
  const changed = opts.changedSince ? (require('./changed') as typeof import('./changed')).changedFiles(opts.changedSince, io.cwd) : undefined;
  const results = await lintFiles(linter, paths.filter((p) => p !== '-'), {
    jobs: opts.jobs,
    cache,
    only: changed,
    cwd: io.cwd,
    configFile: opts.config,
    noConfig: opts.noConfig,
    allowCode: true,
    buildArgs: opts.buildArgs,
    target: opts.target,
    shellcheck: opts.shellcheck,
    reportUnusedPragmas: opts.reportUnusedPragmas,
    stdin: stdinCount ? { read: io.readStdin, filename: opts.stdinFilename } : undefined,
  });
  cache?.save();
  const diffs: string[] = [];
  if (opts.fix || opts.fixDryRun) {
    for (const r of results) if (r.source !== undefined && r.options && r.errors.length === 0) fixFile(linter, r, opts, onlyRules, diffs);
  }

  if (opts.fixDryRun) io.stdout.write(diffs.join(''));
  const color = opts.color ?? (!opts.output && !!io.stdout.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb');
  const formatted = await FORMATS[opts.format]()(results, formatContext(linter, results, color, io.cwd));
  if (opts.output) writeAtomically(path.resolve(io.cwd, opts.output), formatted);
  else if (!opts.fixDryRun || opts.format !== 'stylish') io.stdout.write(formatted);

  if (results.some((r) => r.errors.length)) return EXIT_ERROR;
  const failing = results.some((r) => {
    const threshold = opts.failureThreshold ?? r.config?.failureThreshold ?? 'warning';
    return threshold !== 'none' && r.findings.some((f) => meetsThreshold(f.severity, threshold));
  });
  return failing ? EXIT_FINDINGS : EXIT_OK;
}

function parseCli(argv: string[]) {
  let command: 'lint' | 'init' = 'lint';
  if (argv[0] === 'init') {
    command = 'init';
    argv = argv.slice(1);
  }
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f', default: 'stylish' },
      output: { type: 'string', short: 'o' },
      config: { type: 'string', short: 'c' },
      'no-config': { type: 'boolean', default: false },
      'build-arg': { type: 'string', multiple: true, default: [] },
      target: { type: 'string' },
      'failure-threshold': { type: 'string' },
      fix: { type: 'boolean', default: false },
      'fix-dry-run': { type: 'boolean', default: false },
      rule: { type: 'string', multiple: true, default: [] },
      'stdin-filename': { type: 'string' },
      'list-rules': { type: 'boolean', default: false },
      explain: { type: 'string' },
      'no-shellcheck': { type: 'boolean', default: false },
      jobs: { type: 'string', short: 'j' },
      cache: { type: 'boolean', default: false },
      'cache-location': { type: 'string', default: '.plimsoll-cache' },
      'changed-since': { type: 'string' },
      'report-unused-pragmas': { type: 'boolean', default: false },
      'from-hadolint': { type: 'boolean', default: false },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      version: { type: 'boolean', short: 'v', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const format = values.format!;
  if (!(format in FORMATS)) throw new UsageError(`unknown format "${format}" (expected one of: ${Object.keys(FORMATS).join(', ')})`);
  const threshold = values['failure-threshold'];
  if (threshold !== undefined && threshold !== 'none' && !(SEVERITIES as readonly string[]).includes(threshold)) {
    throw new UsageError(`unknown failure threshold "${threshold}" (expected one of: ${SEVERITIES.join(', ')}, none)`);
  }
  const buildArgs: Record<string, string> = {};
  for (const pair of values['build-arg']!) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--build-arg expects NAME=VALUE, got "${pair}"`);
    buildArgs[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  if (command === 'init' && !values['from-hadolint']) throw new UsageError('init needs --from-hadolint');
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new UsageError(`--jobs expects a positive whole number, got "${values.jobs}"`);
  if (values.config && values['no-config']) throw new UsageError('--config and --no-config exclude each other');
  if (values.rule!.length && !values.fix && !values['fix-dry-run']) throw new UsageError('--rule goes with --fix or --fix-dry-run');
  return {
    command,
    format,
    output: values.output,
    config: values.config,
    noConfig: values['no-config']!,
    buildArgs,
    target: values.target,
    failureThreshold: threshold as Severity | 'none' | undefined,
    fix: values.fix!,
    fixDryRun: values['fix-dry-run']!,
    rules: values.rule!,
    stdinFilename: values['stdin-filename'],
    listRules: values['list-rules']!,
    explain: values.explain,
    shellcheck: !values['no-shellcheck'],
    jobs,
    cache: values.cache!,
    cacheLocation: values['cache-location']!,
    changedSince: values['changed-since'],
    reportUnusedPragmas: values['report-unused-pragmas']!,
    color: values['no-color'] ? false : values.color,
    version: values.version!,
    help: values.help!,
    paths: positionals,
  };
}

/** Applies fixes (or collects their diff), then re-lints so the report shows what is left. */
function fixFile(linter: Linter, report: FileResult, opts: CliOptions, onlyRules: string[], diffs: string[]): void {
  const options = report.options!;
  const { fixText } = require('../engine/fix-loop') as typeof import('../engine/fix-loop');
  const original = report.source!;
  const fixed = fixText(linter, original, options, onlyRules.length ? (r) => onlyRules.includes(r) : undefined).text;
  if (fixed === original) return;
  if (opts.fixDryRun) {
    const { createTwoFilesPatch } = require('diff') as typeof import('diff');
    diffs.push(createTwoFilesPatch(`a/${report.file}`, `b/${report.file}`, original, fixed, undefined, undefined, { context: 3 }));
    return;
  }
  // Refuse to overwrite a file that changed since it was read (an editor saved it meanwhile).
  if (!report.path) return;
  const current = fs.readFileSync(report.path);
  if (decodeDockerfileSafe(current) !== original) {
    report.errors.push({ message: 'changed on disk while being fixed; not overwritten' });
    return;
  }
  const bom = current[0] === 0xef && current[1] === 0xbb && current[2] === 0xbf ? '\ufeff' : '';
  writeAtomically(report.path, bom + fixed);
  const after = linter.lintText(fixed, options);
  report.source = fixed;
  report.findings = after.findings;
}

function decodeDockerfileSafe(bytes: Buffer): string | undefined {
  try {
    return decodeDockerfile(bytes);
  } catch {
    return undefined;
  }
}

/** Writes through a temporary file in the same directory and a rename, so readers never see half a file. */
function writeAtomically(file: string, content: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.plimsoll-${process.pid}.tmp`);
  let mode: number | undefined;
  try {
    mode = fs.statSync(file).mode;
  } catch {
    // a new file
  }
  fs.writeFileSync(tmp, content, mode === undefined ? undefined : { mode });
  fs.renameSync(tmp, file);
}

