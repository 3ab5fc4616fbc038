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
}

export type Formatter = (reports: FileReport[], context: FormatContext) => string | Promise<string>;
