/** Severities, most to least severe. `style` is hadolint's lowest level. */
export const SEVERITIES = ['error', 'warning', 'info', 'style'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** True when `s` is at least as severe as `threshold`. */
export function meetsThreshold(s: Severity, threshold: Severity): boolean {
  return severityRank(s) <= severityRank(threshold);
}

export const CATEGORIES = [
  'pin',
  'bloat',
  'cache',
  'security',
  'correctness',
  'style',
  'deprecated',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** A half-open span of UTF-16 code-unit offsets into the file text. */
export interface Span {
  start: number;
  end: number;
}

/** A replacement of `span` by `text`; an insertion has start === end. */
export interface TextEdit extends Span {
  text: string;
}

export interface Fix {
  /** What applying the fix does, shown in quick-fix menus and diffs. */
  description: string;
  edits: TextEdit[];
}

/** 1-based line and column; columns count UTF-16 code units, end column is exclusive. */
export interface Location {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A finding as the engine produces it, before it is placed on lines. */
export interface RawFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  fix?: Fix;
}

export interface Finding extends Location {
  rule: string;
  aliases: string[];
  category: Category;
  severity: Severity;
  message: string;
  span: Span;
  fix?: Fix;
}
