import type { RuleMeta } from '../engine/rule';
import type { Finding } from '../engine/types';

/** What one linted file produced, as every formatter receives it. */
export interface FileReport {
  /** Path as shown to the user (relative to the working directory when inside it). */
  file: string;
  /** The file's text, for code frames; absent when it could not be read. */
  source?: string;
  findings: Finding[];
  /** Per-file problems: unreadable, not UTF-8, a failing rule. */
  errors: { message: string; rule?: string }[];
}

export interface FormatContext {
  color: boolean;
  /** Metadata of every rule that can appear in the reports (ShellCheck checks included when they occur). */
  rules: readonly RuleMeta[];
  /** A rule's docs page (Markdown), when it has one. */
  docs(ruleId: string): string | undefined;
  /** Where a rule's docs page is published. */
  docsUrl(ruleId: string): string;
  /** The tool's version, for machine formats. */
  version: string;
  /** Absolute directory report paths are relative to (the working directory). */
  cwd: string;
}

export type Formatter = (reports: FileReport[], context: FormatContext) => string | Promise<string>;
