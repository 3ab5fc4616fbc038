import type { Finding, Severity } from '../engine/types';
import { LineIndex } from '../engine/text';
import type { Formatter } from './types';

type Paint = (s: string) => string;
interface Palette {
  error: Paint;
  warning: Paint;
  info: Paint;
  style: Paint;
  dim: Paint;
  bold: Paint;
  underline: Paint;
}

const plain: Paint = (s) => s;
const PLAIN: Palette = { error: plain, warning: plain, info: plain, style: plain, dim: plain, bold: plain, underline: plain };

async function palette(color: boolean): Promise<Palette> {
  if (!color) return PLAIN;
  // chalk is ESM-only; loading it lazily keeps it off the path of every other format.
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level: 1 });
  return { error: c.red, warning: c.yellow, info: c.cyan, style: c.magenta, dim: c.dim, bold: c.bold, underline: c.underline };
}

/** Human output: per file, each finding with its position, severity, message, rule and a code frame. */
export const formatStylish: Formatter = async (reports, context) => {
  const p = await palette(context.color);
  const out: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, style: 0 };
  let fileErrors = 0;
  for (const r of reports) {
    if (r.findings.length === 0 && r.errors.length === 0) continue;
    out.push(p.underline(r.file));
    for (const e of r.errors) {
      fileErrors++;
      out.push(`  ${p.error('error')}  ${e.message}`);
    }
    const lines = r.source !== undefined ? new LineIndex(r.source) : undefined;
    for (const f of r.findings) {
      counts[f.severity]++;
      out.push(`  ${p.dim(`${f.line}:${f.column}`.padEnd(7))} ${p[f.severity](f.severity.padEnd(7))}  ${f.message}  ${p.dim(f.rule)}${f.fix ? p.dim(' (fixable)') : ''}`);
      if (lines) out.push(...codeFrame(lines, f, p));
    }
    out.push('');
  }
  const total = counts.error + counts.warning + counts.info + counts.style;
  if (total === 0 && fileErrors === 0) return '';
  const parts = (['error', 'warning', 'info', 'style'] as const).filter((s) => counts[s]).map((s) => `${counts[s]} ${s}${counts[s] === 1 || s === 'info' || s === 'style' ? '' : 's'}`);
  const summary = `${total} problem${total === 1 ? '' : 's'}${parts.length ? ` (${parts.join(', ')})` : ''}`;
  const fixable = reports.reduce((n, r) => n + r.findings.filter((f) => f.fix).length, 0);
  out.push(p.bold(`✖ ${summary}${fileErrors ? `, ${fileErrors} file error${fileErrors === 1 ? '' : 's'}` : ''}`));
  if (fixable) out.push(p.dim(`  ${fixable} fixable with --fix`));
  return out.join('\n') + '\n';
};

const MAX_FRAME_WIDTH = 160;

function codeFrame(lines: LineIndex, f: Finding, p: Palette): string[] {
  const lineNo = f.line - 1;
  if (lineNo >= lines.lineCount) return [];
  let text = lines.lineText(lineNo).replace(/\t/g, ' ');
  let start = f.column - 1;
  let end = f.endLine === f.line ? Math.max(f.endColumn - 1, start + 1) : Math.max(text.length, start + 1);
  // Long lines are cut around the finding so the frame stays readable.
  if (text.length > MAX_FRAME_WIDTH) {
    const from = Math.max(0, start - 40);
    text = (from ? '…' : '') + text.slice(from, from + MAX_FRAME_WIDTH);
    const shift = from ? from - 1 : 0;
    start -= shift;
    end = Math.min(end - shift, text.length + 1);
  }
  const gutter = String(f.line).padStart(5);
  return [
    `  ${p.dim(gutter + ' |')} ${text}`,
    `  ${p.dim(' '.repeat(5) + ' |')} ${' '.repeat(start)}${p[f.severity]('^'.repeat(Math.max(1, end - start)))}`,
  ];
}
