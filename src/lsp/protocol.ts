/**
 * Messages between the language server (main thread) and its lint worker. Linting runs in a
 * worker thread so that the protocol stays responsive while a large document is being linted.
 */
import type { LintError, LintOptions } from '../engine/linter';
import type { Finding } from '../engine/types';

export interface LintJob {
  kind: 'lint';
  text: string;
  options: LintOptions;
}

/** Applies every fix until stable (`fixText`). */
export interface FixAllJob {
  kind: 'fixAll';
  text: string;
  options: LintOptions;
}

export type WorkerJob = LintJob | FixAllJob;

/** Where a finding's instruction starts, for the "ignore for this instruction" action. */
export interface InstructionAnchor {
  /** Offset of the start of the line the instruction begins on. */
  lineStart: number;
  /** The whitespace before the instruction's keyword on that line. */
  indent: string;
}

export interface LintOutput {
  findings: Finding[];
  errors: LintError[];
  /** Per finding (same order): the instruction holding it, or null when it is outside every instruction. */
  anchors: (InstructionAnchor | null)[];
  /** Offset just after the parser directives (`# syntax=`, `# escape=`, `# check=`); 0 when there are none. */
  headerEnd: number;
}

export interface FixAllOutput {
  text: string;
  applied: number;
}

export type JobOutput<J extends WorkerJob> = J extends LintJob ? LintOutput : FixAllOutput;

export interface WorkerRequest {
  id: number;
  job: WorkerJob;
}

export type WorkerResponse = { id: number; ok: true; output: LintOutput | FixAllOutput } | { id: number; ok: false; error: string };
