/**
 * GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…::message` line per
 * finding, which the runner turns into annotations on the run and on the pull request's diff.
 * Escaping is that of @actions/core: `%`, CR and LF in the message; also `:` and `,` in properties.
 * The path is relative to the working directory, which for a workflow step is the checkout's root.
 * GitHub shows only the first annotations of a step (10 of each type at the time of writing); the
 * others stay in the log, so `sarif` suits repositories with many findings.
 */
import { relativePath, scrubPaths, SEVERITY_WORDS } from './_shared';
import type { Formatter } from './types';

export const formatGithub: Formatter = (reports, context) => {
  const out: string[] = [];
  for (const r of reports) {
    const file = relativePath(r.file, context.cwd);
    for (const e of r.errors) out.push(command('error', { file, title: e.rule ?? 'plimsoll' }, scrubPaths(e.message, context.cwd)));
    for (const f of r.findings) {
      const props: Record<string, string | number> = { file, line: f.line, endLine: f.endLine };
      // GitHub takes columns only for an annotation on a single line.
      if (f.line === f.endLine) Object.assign(props, { col: f.column, endColumn: f.endColumn });
      props.title = f.rule;
      out.push(command(SEVERITY_WORDS.github[f.severity], props, f.message));
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
};

function command(name: string, props: Record<string, string | number>, message: string): string {
  const list = Object.entries(props).map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  return `::${name} ${list.join(',')}::${escapeData(message)}`;
}

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
