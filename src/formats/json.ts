import type { Finding } from '../engine/types';
import { LineIndex } from '../engine/text';
import type { Formatter } from './types';

/** The stable machine-readable shape documented in README ("JSON output"). Bump `version` on any breaking change. */
export const JSON_FORMAT_VERSION = 1;

export const formatJson: Formatter = (reports) => {
  const results = reports.flatMap((r) => {
    const lines = r.source !== undefined ? new LineIndex(r.source) : undefined;
    return r.findings.map((f) => jsonFinding(r.file, f, lines));
  });
  const errors = reports.flatMap((r) => r.errors.map((e) => ({ file: r.file, message: e.message, ...(e.rule ? { rule: e.rule } : {}) })));
  return JSON.stringify({ version: JSON_FORMAT_VERSION, results, errors }, null, 2) + '\n';
};

function jsonFinding(file: string, f: Finding, lines: LineIndex | undefined) {
  return {
    file,
    rule: f.rule,
    aliases: f.aliases,
    category: f.category,
    severity: f.severity,
    message: f.message,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    fix: f.fix && lines ? { description: f.fix.description, edits: f.fix.edits.map((e) => Object.assign(lines.location(e), { text: e.text })) } : undefined,
  };
}
