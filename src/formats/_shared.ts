/**
 * Small helpers shared by the machine formats (SARIF, GitLab, GitHub, checkstyle, compact/gnu).
 * Nothing here knows about specific rules: everything is derived from the findings and metadata.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { LineIndex } from '../engine/text';
import type { Finding, Severity } from '../engine/types';
import type { FileReport } from './types';

/**
 * Plimsoll's severities in each format's words, in one table.
 * - sarif: result and rule levels; SARIF has no fourth level, so info and style are notes.
 * - github: the workflow commands `::error`, `::warning`, `::notice`.
 * - gitlab: Code Quality's info/minor/major/critical/blocker; see gitlab.ts for the choice.
 * - checkstyle: its error/warning/info.
 * - editor: words editors' error parsers classify: Vim's errorformat `%t` reads the first letter
 *   (e, w, i, n) and Emacs' compilation-mode takes "warning" as a warning and "info"/"note" as
 *   information (an unknown word would count as an error).
 */
export const SEVERITY_WORDS = {
  sarif: { error: 'error', warning: 'warning', info: 'note', style: 'note' },
  github: { error: 'error', warning: 'warning', info: 'notice', style: 'notice' },
  gitlab: { error: 'major', warning: 'minor', info: 'info', style: 'info' },
  checkstyle: { error: 'error', warning: 'warning', info: 'info', style: 'info' },
  editor: { error: 'error', warning: 'warning', info: 'info', style: 'note' },
} as const satisfies Record<string, Record<Severity, string>>;

/**
 * A report's path relative to `cwd`, with forward slashes, never absolute: a file outside `cwd`
 * gets `../` segments, and one on another drive (Windows) only its base name.
 */
export function relativePath(file: string, cwd: string): string {
  if (!path.isAbsolute(file) && !/^[a-zA-Z]:/.test(file)) return toSlashes(path.normalize(file));
  const rel = path.relative(cwd, file);
  if (rel === '') return '.';
  return path.isAbsolute(rel) ? path.basename(file) : toSlashes(rel);
}

function toSlashes(p: string): string {
  return p.split(path.sep).join('/').replace(/^\.\//, '');
}

/**
 * Removes machine-specific absolute paths (the working directory, the installed package, the home
 * directory) from free text such as a stack trace, so that reports can be shared and compared.
 */
export function scrubPaths(text: string, cwd: string): string {
  const roots: [string, string][] = [
    [cwd, '.'],
    [path.resolve(__dirname, '../..'), '<plimsoll>'],
    [os.homedir(), '~'],
  ];
  let out = text;
  for (const [root, alias] of roots.filter(([r]) => r.length > 1).sort((a, b) => b[0].length - a[0].length)) {
    for (const form of new Set([root, toSlashes(root), `file://${toSlashes(root)}`])) out = out.split(form).join(alias);
  }
  return out;
}

/** A message on one line (for line-oriented formats). */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** The text of a finding's first line, for fingerprints; '' when the source is not at hand. */
export function lineContentOf(lines: LineIndex | undefined, line: number): string {
  if (!lines || line < 1 || line > lines.lineCount) return '';
  return lines.lineText(line - 1);
}

export function fileLines(report: FileReport): LineIndex | undefined {
  return report.source !== undefined ? new LineIndex(report.source) : undefined;
}

export interface StableKey {
  /** Hex digest of rule id and whitespace-normalised line content. */
  hash: string;
  /** 1 for the first finding with this hash in the file, 2 for the next... */
  occurrence: number;
}

/**
 * For each finding of a report, a key that survives unrelated edits: it is computed from the rule
 * and the content of the finding's line (whitespace-normalised), never from the line number, with
 * an occurrence counter telling apart identical lines (and several findings on one line). Inserting
 * lines above a finding leaves its key unchanged. `salt` (the path, for a format whose keys are
 * global to the report) goes into the hash too.
 */
export function stableKeys(report: FileReport, lines: LineIndex | undefined, salt = ''): StableKey[] {
  const seen = new Map<string, number>();
  // Normalising and hashing a line costs its length: done once per line (and rule), never per
  // finding, or thousands of findings on one long line take quadratic time.
  const contents = new Map<number, string>();
  const hashes = new Map<string, string>();
  return report.findings.map((f: Finding) => {
    let content = contents.get(f.line);
    if (content === undefined) contents.set(f.line, (content = lineContentOf(lines, f.line).replace(/\s+/g, ' ').trim()));
    const memo = `${f.line}\0${f.rule}`;
    let hash = hashes.get(memo);
    if (hash === undefined) hashes.set(memo, (hash = (require('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(`${salt}\0${f.rule}\0${content}`).digest('hex')));
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return { hash, occurrence };
  });
}
