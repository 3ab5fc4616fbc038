/**
 * One line per finding, for editors' and CI tools' error parsers.
 *
 * - `compact`: `file:line:col: severity: message [rule]`, the GCC/Clang shape that Vim's default
 *   errorformat, Emacs' compilation-mode, VS Code problem matchers and most CI log parsers read.
 * - `gnu`: the GNU Coding Standards' "Formatting Error Messages" with the range,
 *   `file:line.col-endLine.endCol: severity: message [rule]`, shortened to `line.col-endCol` on one
 *   line and `line.col` for a single character or an empty range. As in Bison, the end column is the
 *   last character's (inclusive). Emacs' compilation-mode reads these ranges.
 *
 * Paths are shown as the CLI displays them (absolute outside the working directory, which an
 * editor can open). Columns are 1-based UTF-16 code units, as in the other formats. Severities are error, warning,
 * info and note (style), words both Vim (`%t`) and Emacs classify. A file that could not be linted is
 * reported as `file: error: message`.
 */
import type { LineIndex } from '../engine/text';
import type { Finding } from '../engine/types';
import { fileLines, oneLine, scrubPaths, SEVERITY_WORDS } from './_shared';
import type { FileReport, Formatter } from './types';

function lines(reports: FileReport[], cwd: string, position: (f: Finding, lines: LineIndex | undefined) => string): string {
  const out: string[] = [];
  for (const r of reports) {
    for (const e of r.errors) out.push(`${r.file}: error: ${oneLine(scrubPaths(e.message, cwd))}${e.rule ? ` [${e.rule}]` : ''}`);
    const index = r.findings.length ? fileLines(r) : undefined;
    for (const f of r.findings) out.push(`${r.file}:${position(f, index)}: ${SEVERITY_WORDS.editor[f.severity]}: ${oneLine(f.message)} [${f.rule}]`);
  }
  return out.length ? out.join('\n') + '\n' : '';
}

export const formatCompact: Formatter = (reports, context) => lines(reports, context.cwd, (f) => `${f.line}:${f.column}`);

export const formatGnu: Formatter = (reports, context) => lines(reports, context.cwd, gnuRange);

function gnuRange(f: Finding, index: LineIndex | undefined): string {
  const start = `${f.line}.${f.column}`;
  if (f.span.end <= f.span.start) return start;
  // The last character of the range, inclusive.
  let endLine = f.endLine;
  let endCol = f.endColumn - 1;
  if (index) {
    const p = index.position(f.span.end - 1);
    endLine = p.line + 1;
    endCol = p.character + 1;
  }
  if (endLine === f.line) return endCol <= f.column ? start : `${start}-${endCol}`;
  return `${start}-${endLine}.${endCol}`;
}
