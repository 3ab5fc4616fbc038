/**
 * The fuzz suite's properties and run parameters. Each check throws a `PropertyViolation` saying
 * what broke, so that fast-check reports it with the (shrunk) input, the seed and the path.
 */
import fc from 'fast-check';
import { formatContext } from '../../src/cli/format-context';
import { fixText } from '../../src/engine/fix-loop';
import type { LintOptions, LintResult, Linter } from '../../src/engine/linter';
import type { ParseProblem } from '../../src/engine/model';
import type { Finding } from '../../src/engine/types';
import { formatSarif } from '../../src/formats/sarif';
import type { FormatContext } from '../../src/formats/types';
import { getLinter } from '../helpers/lint';
import { haveSarifSchema, sarifSchemaErrors } from '../helpers/sarif-schema';

export class PropertyViolation extends Error {
  constructor(what: string, details?: unknown) {
    super(details === undefined ? what : `${what}: ${JSON.stringify(details, null, 1).slice(0, 4000)}`);
  }
}

export interface FuzzEngine {
  linter: Linter;
  options: LintOptions;
  sarifContext: FormatContext;
  /** Rules that report the model's parse problems (see src/rules/correctness/_parse-problem.ts). */
  parseProblemRules: ReadonlySet<string>;
}

/** The kinds of `model.problems`, each reported by the rule `correctness/<kind>`. */
const PARSE_PROBLEM_KINDS = ['unknown-instruction', 'unknown-flag', 'unterminated-heredoc', 'empty-instruction'] as const satisfies readonly ParseProblem['kind'][];

let engine: Promise<FuzzEngine> | undefined;

/** The real engine with every rule on (ShellCheck off: it is an external binary, not ours to fuzz). */
export function fuzzEngine(): Promise<FuzzEngine> {
  engine ??= (async () => {
    const linter = await getLinter();
    const rules = Object.fromEntries(linter.rules.map((r) => [r.meta.id, r.meta.severity] as const));
    const ids = new Set(linter.rules.map((r) => r.meta.id));
    const parseProblemRules = new Set(PARSE_PROBLEM_KINDS.map((k) => `correctness/${k}`));
    const missing = [...parseProblemRules].filter((id) => !ids.has(id));
    if (missing.length) throw new Error(`parse-problem rules missing: ${missing.join(', ')}`);
    // Docs pages are re-read for every SARIF log otherwise, which would dominate the run time.
    const base = formatContext(linter, [], false, process.cwd());
    const docs = new Map<string, string | undefined>();
    const sarifContext: FormatContext = {
      ...base,
      docs: (id) => (docs.has(id) ? docs.get(id) : docs.set(id, base.docs(id)).get(id)),
    };
    return { linter, options: { rules, shellcheck: false }, sarifContext, parseProblemRules };
  })();
  return engine;
}

// ---- a. no crash, no rule error ------------------------------------------------------------

export function lintChecked(e: FuzzEngine, text: string): LintResult {
  let result: LintResult;
  try {
    result = e.linter.lintText(text, e.options);
  } catch (err) {
    throw new PropertyViolation(`lintText threw ${(err as Error).stack ?? String(err)}`);
  }
  if (result.errors.length) throw new PropertyViolation('a rule failed', result.errors);
  return result;
}

// ---- b. ranges inside the text, lines and columns consistent --------------------------------

/** Line starts computed here rather than with the engine's LineIndex, so that a bug there shows. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineColumn(starts: number[], offset: number): [number, number] {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return [lo + 1, offset - starts[lo] + 1];
}

const inside = (text: string, s: { start: number; end: number }) =>
  Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= text.length;

export function checkRanges(text: string, findings: readonly Finding[]): void {
  const starts = lineStarts(text);
  const bad: string[] = [];
  for (const f of findings) {
    const where = `${f.rule} ${f.span.start}-${f.span.end} (${f.line}:${f.column}-${f.endLine}:${f.endColumn}) in a text of ${text.length} units, ${starts.length} lines`;
    if (!inside(text, f.span)) {
      bad.push(`span outside the text: ${where}`);
      continue;
    }
    const [line, column] = lineColumn(starts, f.span.start);
    const [endLine, endColumn] = lineColumn(starts, f.span.end);
    if (f.line < 1 || f.column < 1 || f.line > starts.length || f.endLine > starts.length) bad.push(`line/column out of range: ${where}`);
    else if (f.line !== line || f.column !== column || f.endLine !== endLine || f.endColumn !== endColumn) {
      bad.push(`line/column do not match the span (expected ${line}:${column}-${endLine}:${endColumn}): ${where}`);
    }
    const edits = f.fix?.edits ?? [];
    for (const [i, edit] of edits.entries()) {
      if (!inside(text, edit)) bad.push(`fix edit ${edit.start}-${edit.end} outside the text: ${where}`);
      // Edits of one fix are applied together: overlapping ones would garble each other.
      else if (edits.slice(0, i).some((o) => edit.start < o.end && o.start < edit.end)) bad.push(`fix edits overlap: ${where}`);
    }
  }
  if (bad.length) throw new PropertyViolation('bad finding ranges', bad.slice(0, 10));
}

export function checkLintAndRanges(e: FuzzEngine, text: string): LintResult {
  const result = lintChecked(e, text);
  checkRanges(text, result.findings);
  return result;
}

// ---- c. SARIF valid against the official schema ---------------------------------------------

export { haveSarifSchema };

export async function checkSarif(e: FuzzEngine, text: string): Promise<void> {
  const result = lintChecked(e, text);
  const out = await formatSarif([{ file: 'Dockerfile', source: text, findings: result.findings, errors: result.errors }], e.sarifContext);
  let log: { runs: { results: unknown[] }[] };
  try {
    log = JSON.parse(out);
  } catch (err) {
    throw new PropertyViolation(`SARIF output is not JSON: ${(err as Error).message}`);
  }
  const errors = haveSarifSchema ? sarifSchemaErrors(log) : [];
  if (errors.length) throw new PropertyViolation('SARIF log invalid against the 2.1.0 schema', errors.slice(0, 5));
  if (log.runs[0].results.length !== result.findings.length) {
    throw new PropertyViolation(`SARIF has ${log.runs[0].results.length} results for ${result.findings.length} findings`);
  }
}

// ---- d. fixes converge and add no parse problem ---------------------------------------------

function parseProblemCounts(e: FuzzEngine, findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) if (e.parseProblemRules.has(f.rule)) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return counts;
}

export function checkFixes(e: FuzzEngine, text: string): void {
  const before = parseProblemCounts(e, lintChecked(e, text).findings);
  let fixed: string;
  try {
    fixed = fixText(e.linter, text, e.options).text;
  } catch (err) {
    throw new PropertyViolation(`fixText threw ${(err as Error).stack ?? String(err)}`);
  }
  if (fixed === text) return;
  const after = checkLintAndRanges(e, fixed);
  const added = [...parseProblemCounts(e, after.findings)].filter(([rule, n]) => n > (before.get(rule) ?? 0));
  if (added.length) {
    throw new PropertyViolation('fixing added parse problems', {
      added: added.map(([rule, n]) => `${rule}: ${before.get(rule) ?? 0} -> ${n}`),
      fixed,
      problems: after.findings.filter((f) => e.parseProblemRules.has(f.rule)).map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`),
    });
  }
  const again = fixText(e.linter, fixed, e.options);
  if (again.text !== fixed) {
    const fixes = after.findings.filter((f) => f.fix).map((f) => `${f.line}:${f.column} ${f.rule}: ${f.fix!.description}`);
    throw new PropertyViolation('fixing is not idempotent: the fixed text still has fixes that change it', { fixed, again: again.text, fixes });
  }
}

// ---- run parameters ------------------------------------------------------------------------

/** CI's seed: fixed so that a red build is reproducible without reading the log. */
export const DEFAULT_SEED = 20_240_611;

function envNumber(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new Error(`${name}=${raw} is not a number`);
  return n;
}

export interface FuzzSettings {
  parameters: fc.Parameters<unknown>;
  /** For jest: long enough for the runs and for shrinking a failure. */
  timeoutMs: number;
}

/**
 * fast-check parameters from FUZZ_RUNS, FUZZ_SEED, FUZZ_PATH and FUZZ_MINUTES. `share` is how
 * many properties split FUZZ_MINUTES between them.
 */
export function fuzzSettings(defaultRuns: number, share: number): FuzzSettings {
  const minutes = envNumber('FUZZ_MINUTES');
  const runs = envNumber('FUZZ_RUNS') ?? (minutes !== undefined ? Number.MAX_SAFE_INTEGER : defaultRuns);
  const seed = envNumber('FUZZ_SEED') ?? DEFAULT_SEED;
  const budgetMs = minutes !== undefined ? (minutes * 60_000) / share : undefined;
  const parameters: fc.Parameters<unknown> = {
    seed: seed | 0,
    numRuns: runs,
    ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}),
    ...(budgetMs !== undefined ? { interruptAfterTimeLimit: budgetMs, markInterruptAsFailure: false } : {}),
  };
  const shrinkMs = 10 * 60_000;
  const timeoutMs = (budgetMs ?? Math.min(runs, 1e7) * 250) + shrinkMs;
  return { parameters, timeoutMs };
}
