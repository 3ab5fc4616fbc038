import type { Span } from '../types';

/** One shell word: an argument, a command name, a redirect target. Offsets are Dockerfile offsets. */
export interface Word extends Span {
  /** The word as written (after line continuations are joined). */
  text: string;
  /** The word after quote removal, or null when it holds an expansion whose value is unknown here. */
  value: string | null;
}

export interface Redirect extends Span {
  /** `>`, `>>`, `<`, `2>`, `&>`, `<<`, `<<<`... */
  operator: string;
  target?: Word;
}

/** Where a command sits in its script, for rules whose verdict depends on it. */
export interface CommandContext {
  /** Runs only on some paths: after `||`, in an if/case/loop body or condition. */
  conditional: boolean;
  /** Inside `$(...)`, backticks or `<(...)`: its output is consumed by another command. */
  substitution: boolean;
  /** Position in a pipeline `a | b | c` (index from 0) with the pipeline's length; absent outside pipelines. */
  pipeline?: { index: number; length: number };
}

export interface ShellCommand extends Span, CommandContext {
  /** The command run, after wrappers such as `sudo`, `env VAR=x`, `xargs` are peeled off. */
  name: string;
  nameWord: Word;
  args: Word[];
  /** Wrapper words peeled off before the name (`sudo`, `env`, `-u`, `root`...), in order. */
  wrappers: Word[];
  /** `VAR=value` words before the command. */
  assignments: Word[];
  redirects: Redirect[];
  /** Index of the script (within its RUN) this command came from. */
  script: number;
}

export type ScriptOrigin =
  | 'shell-form' // RUN cmd ...
  | 'exec-form' // RUN ["cmd", "arg"]
  | 'heredoc' // RUN <<EOF ... EOF
  | 'nested'; // sh -c '...', bash <<EOF ... EOF

export interface ShellScript extends Span {
  origin: ScriptOrigin;
  /** The script as the shell reads it (continuations joined), and each character's Dockerfile offset. */
  text: string;
  map: Int32Array;
  /** Basename of the interpreter in effect (`sh`, `bash`...). */
  shell: string;
  commands: ShellCommand[];
  /** Spans the shell parser could not read; commands outside them are still reported. */
  syntaxErrors: Span[];
}

const BASE_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox', 'yash', 'posh']);

/** The POSIX-family shell named by an interpreter path, or undefined (PowerShell, cmd, python...). */
export function posixShellName(path: string): string | undefined {
  const base = path.replace(/^.*[\\/]/, '').replace(/\.exe$/i, '').toLowerCase();
  return BASE_SHELLS.has(base) ? base : undefined;
}
