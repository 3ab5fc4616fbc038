import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range } from 'vscode-languageserver/node';
import { docsUrl } from '../cli/format-context';
import type { Finding, Severity } from '../engine/types';

export const SOURCE = 'plimsoll';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  style: DiagnosticSeverity.Hint,
};

/** A finding's 1-based, end-exclusive position as a 0-based LSP range (columns are UTF-16 units in both). */
export function findingRange(f: Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>): Range {
  return {
    start: { line: f.line - 1, character: f.column - 1 },
    end: { line: f.endLine - 1, character: f.endColumn - 1 },
  };
}

export function toDiagnostic(f: Finding): Diagnostic {
  const d: Diagnostic = {
    range: findingRange(f),
    severity: SEVERITY[f.severity],
    code: f.rule,
    codeDescription: { href: docsUrl(f.rule) },
    source: SOURCE,
    message: f.message,
  };
  if (f.category === 'deprecated') d.tags = [DiagnosticTag.Deprecated];
  return d;
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
