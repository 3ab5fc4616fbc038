import type { Instruction as AstInstruction } from 'dockerfile-ast';
import type { ImageRef } from './image-ref';
import type { ShellCommand, ShellScript } from './shell/model';
import type { LineIndex } from './text';
import type { Span } from './types';
import type { Expansion } from './variables';

export interface Flag extends Span {
  name: string;
  value: string | null;
  nameSpan: Span;
  valueSpan?: Span;
}

export interface Arg extends Span {
  value: string;
}

export interface Heredoc extends Span {
  name: string;
  /** The body lines, without the delimiter line; absent when the body is empty. */
  content?: Span;
  /** False when the file ends before the delimiter line. */
  terminated: boolean;
}

/** A `RUN --mount=...` flag, split into its options. */
export interface Mount extends Span {
  type: string;
  target?: string;
  options: Record<string, string>;
}

export interface RunInfo {
  /** The SHELL in effect (argv before the command), or the platform default. */
  shell: string[];
  /** False when the shell is not POSIX (PowerShell, cmd): the body was not parsed. */
  posix: boolean;
  scripts: ShellScript[];
  /** Every command of every script, in source order. */
  commands: ShellCommand[];
  mounts: Mount[];
}

export interface Instruction extends Span {
  /** Position in the file, from 0. */
  index: number;
  /** Upper-cased keyword (`RUN`). */
  keyword: string;
  /** The keyword as written (`run`). */
  keywordText: string;
  keywordSpan: Span;
  flags: Flag[];
  /** Arguments after the flags, as the Dockerfile parser splits them (quotes kept). */
  args: Arg[];
  /** For CMD/ENTRYPOINT/RUN/SHELL/COPY/ADD/VOLUME: the exec (JSON) form's strings, when the form is valid JSON. */
  json?: Arg[];
  heredocs: Heredoc[];
  /** Blank lines inside the instruction's line continuation (BuildKit drops them, and warns). */
  emptyContinuationLines: Span[];
  /** For ARG, ENV and LABEL: the `NAME=value` pairs, in order (empty for other instructions). */
  properties: Property[];
  /** For COPY and ADD: the sources (a heredoc source is its `<<NAME` marker) and the destination, from the first logical line. */
  copy?: { sources: Arg[]; destination?: Arg };
  /** The stage it belongs to; undefined for ARGs before the first FROM. */
  stage?: Stage;
  run?: RunInfo;
  /** For ONBUILD: the instruction it triggers. */
  trigger?: Instruction;
  ast: AstInstruction;
}

export interface BaseImage extends Span {
  /** The image argument as written. */
  text: string;
  /** After ARG expansion; undefined if a variable in it has no known value. */
  resolved?: string;
  expansion: Expansion;
  ref?: ImageRef;
  /** `FROM scratch`. */
  scratch: boolean;
  /** The earlier stage it names, when it does. */
  stage?: Stage;
}

export interface Stage {
  index: number;
  /** The `AS name`, as written. */
  name?: string;
  nameSpan?: Span;
  from: Instruction;
  base: BaseImage;
  platform?: Flag;
  instructions: Instruction[];
  /** Stages whose files or filesystem this stage uses (FROM, COPY --from, RUN --mount from=). */
  dependencies: Set<Stage>;
  /** Part of what `--target` (or the last stage) builds. */
  reachable: boolean;
  /** The stage `--target` names, or the last one. */
  isTarget: boolean;
  /** Its layers end up in the built image: the target and the stages it is built FROM, transitively. */
  ships: boolean;
  windows: boolean;
}

export interface VariableDefinition {
  name: string;
  /** undefined: declared without a value (an ARG with no default and no --build-arg). */
  value?: string;
  kind: 'ARG' | 'ENV' | 'build-arg' | 'predefined';
  instruction?: Instruction;
  span?: Span;
}

/** A problem found while reading the file, reported by the correctness rules. */
export interface ParseProblem extends Span {
  kind: 'unknown-instruction' | 'unknown-flag' | 'unterminated-heredoc' | 'empty-instruction';
  message: string;
  instruction?: Instruction;
}

/** One `NAME=value` (or legacy `NAME value`) of an ARG, ENV or LABEL; the span is the whole pair. */
export interface Property extends Span {
  name: string;
  nameSpan: Span;
  /** Quotes removed; null when none is given (`ARG TOKEN`, `ENV A`). */
  value: string | null;
  /** Where the value is written, quotes included. */
  valueSpan?: Span;
  /** Written `NAME value`, without `=` (deprecated for ENV and LABEL). */
  legacy: boolean;
}

export interface Directive extends Span {
  name: string;
  value: string;
  valueSpan: Span;
}

export interface CommentLine extends Span {
  /** Text after `#`, trimmed. */
  text: string;
}

export interface BuildInputs {
  buildArgs?: Record<string, string>;
  target?: string;
  /** The build context's ignore file (`Dockerfile.dockerignore` or `.dockerignore`), when there is one. */
  dockerignore?: string;
}

export interface DockerfileModel {
  text: string;
  lines: LineIndex;
  escapeChar: string;
  directives: Directive[];
  /** The `# syntax=` frontend, when given. */
  syntax?: string;
  instructions: Instruction[];
  /** ARGs before the first FROM. */
  globalArgs: Instruction[];
  stages: Stage[];
  comments: CommentLine[];
  problems: ParseProblem[];
  /** Instructions the Dockerfile parser failed to read (kept without arguments): reported as lint errors. */
  errors: string[];
  inputs: BuildInputs;
  /** The stage being built; undefined when the file has no FROM or `--target` names no stage. */
  target?: Stage;
  /** Looks a variable up as it is visible at `at` (in its stage), or in the global scope. */
  lookup(name: string, at?: Instruction): VariableDefinition | undefined;
  /** Expands `$VAR` references in `text` as BuildKit would at instruction `at`. */
  expand(text: string, at?: Instruction): Expansion;
  /** The stage a `--from`/`FROM` reference names: a stage name (any case) or index. */
  stageByRef(ref: string, before?: number): Stage | undefined;
}

/** The flag of that name (`from`, `checksum`...) on an instruction, matched case-insensitively as BuildKit does. */
export function flagNamed(instr: { flags: Flag[] }, name: string): Flag | undefined {
  return instr.flags.find((f) => f.name.toLowerCase() === name);
}
