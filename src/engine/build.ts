import {
  DockerfileParser,
  type Dockerfile,
  type Flag as AstFlag,
  type Heredoc as AstHeredoc,
  type Instruction as AstInstruction,
  type JSONInstruction,
  type Onbuild,
  type Property as AstProperty,
} from './dockerfile-ast';
import { looksWindows, parseImageRef } from './image-ref';
import type {
  Arg,
  BaseImage,
  BuildInputs,
  CommentLine,
  Directive,
  DockerfileModel,
  Flag,
  Heredoc,
  Instruction,
  Mount,
  ParseProblem,
  RunInfo,
  Stage,
  VariableDefinition,
  Property,
} from './model';
import { flagNamed } from './model';
import { posixShellName, type ShellScript, type Word } from './shell/model';
import { parseScript } from './shell/parser';
import { cachedScripts, cacheScripts, scriptCacheKey, scriptCacheOn } from './shell/script-cache';
import {
  continuationAt,
  isBlankBetween,
  isSkippedContinuationLine,
  joinLogicalLine,
  shellTextWithHeredocs,
  subMapped,
  verbatim,
  type LogicalLine,
} from './shell/source';
import { peelWrappers } from './shell/wrappers';
import { LineIndex } from './text';
import type { Span } from './types';
import { expand, type Expansion, type Lookup } from './variables';

const KNOWN_INSTRUCTIONS = new Set([
  'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT',
  'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL',
]);

/** Flags each instruction accepts in current BuildKit (stable and labs). */
const KNOWN_FLAGS: Record<string, string[]> = {
  FROM: ['platform'],
  RUN: ['mount', 'network', 'security', 'device'],
  COPY: ['from', 'chown', 'chmod', 'link', 'parents', 'exclude'],
  ADD: ['chown', 'chmod', 'link', 'keep-git-dir', 'checksum', 'exclude', 'unpack'],
  HEALTHCHECK: ['interval', 'timeout', 'start-period', 'start-interval', 'retries'],
};

/** Build arguments BuildKit defines for every build; their values depend on the platform. */
export const PLATFORM_ARGS = [
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT',
  'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
];

const DEFAULT_POSIX_SHELL = ['/bin/sh', '-c'];
const DEFAULT_WINDOWS_SHELL = ['cmd', '/S', '/C'];

/** Builds the semantic model. The shell parser must have been initialised (see `initShellParser`). */
export function buildModel(text: string, inputs: BuildInputs = {}): DockerfileModel {
  return new ModelBuilder(text, inputs).build();
}

class ModelBuilder {
  private readonly lines: LineIndex;
  private readonly ast: Dockerfile;
  private readonly escapeChar: string;
  private readonly problems: ParseProblem[] = [];
  private readonly errors: string[] = [];
  private readonly stages: Stage[] = [];
  private readonly globalArgs: Instruction[] = [];
  /** Variable definitions per stage (index), and for the global scope (key -1), in file order. */
  private readonly defs = new Map<number, Map<string, VariableDefinition[]>>();

  constructor(
    private readonly text: string,
    private readonly inputs: BuildInputs,
  ) {
    this.lines = new LineIndex(text);
    // A lone CR ends a line for dockerfile-ast (as in LSP documents) but not for BuildKit or for
    // our line index, so positions would disagree past it; as a blank it ends nothing and keeps
    // every offset.
    this.ast = DockerfileParser.parse(text.replace(/\r(?!\n)/g, ' '));
    this.escapeChar = this.ast.getEscapeCharacter();
  }

  private span(range: { start: { line: number; character: number }; end: { line: number; character: number } }): Span {
    return {
      start: this.lines.offsetAt(range.start.line, range.start.character),
      end: this.lines.offsetAt(range.end.line, range.end.character),
    };
  }

  build(): DockerfileModel {
    const instructions: Instruction[] = [];
    for (const node of this.ast.getInstructions()) {
      const instr = this.instruction(node, instructions.length);
      instructions.push(instr);
      this.place(instr);
    }
    for (const stage of this.stages) this.collectDependencies(stage);
    const target = this.markTarget();
    // dockerfile-ast takes any `# a b=c` header line for a directive; BuildKit requires a one-word
    // name, so the others (`# hadolint global ignore=...`) are comments.
    const directives: Directive[] = [];
    const comments: CommentLine[] = [];
    for (const d of this.ast.getDirectives()) {
      const span = this.span(d.getRange());
      const line = this.text.slice(span.start, span.end);
      if (/^\s*#\s*[a-z][a-z0-9]*\s*=/i.test(line)) {
        directives.push({ start: span.start, end: span.end, name: d.getName().toLowerCase(), value: d.getValue(), valueSpan: this.span(d.getValueRange()) });
      } else {
        comments.push({ start: span.start, end: span.end, text: line.replace(/^\s*#/, '').trim() });
      }
    }
    for (const c of this.ast.getComments()) {
      const { start, end } = this.span(c.getRange());
      comments.push({ start, end, text: c.getContent() });
    }
    const model: DockerfileModel = {
      text: this.text,
      lines: this.lines,
      escapeChar: this.escapeChar,
      directives,
      syntax: directives.find((d) => d.name === 'syntax')?.value,
      instructions,
      globalArgs: this.globalArgs,
      stages: this.stages,
      comments,
      problems: this.problems,
      errors: this.errors,
      inputs: this.inputs,
      target,
      lookup: (name, at) => this.lookup(name, at),
      expand: (t, at) => expand(t, this.lookupFn(at), this.escapeChar),
      stageByRef: (ref, before) => this.stageByRef(ref, before),
    };
    return model;
  }

  // ---- instructions ----------------------------------------------------------------------

  /**
   * An instruction that dockerfile-ast fails to read (a bug of the library's, on input it did not
   * foresee) is kept bare, without arguments, and reported: the rest of the file is still linted.
   */
  private instruction(node: AstInstruction, index: number): Instruction {
    try {
      return this.readInstruction(node, index);
    } catch (err) {
      const span = this.span(node.getRange());
      this.errors.push(`line ${this.lines.lineNumber(span.start)}: the Dockerfile parser failed to read this instruction (${err instanceof Error ? err.message : String(err)}); it was not checked`);
      const keywordSpan = this.span(node.getInstructionRange());
      const keyword = node.getKeyword().toUpperCase();
      return { start: span.start, end: span.end, index, keyword, keywordText: node.getInstruction(), keywordSpan, flags: [], args: [], heredocs: [], emptyContinuationLines: [], properties: [], ast: node };
    }
  }

  private readInstruction(node: AstInstruction, index: number): Instruction {
    const keyword = node.getKeyword().toUpperCase();
    const span = this.span(node.getRange());
    const instr: Instruction = {
      start: span.start,
      end: span.end,
      index,
      keyword,
      keywordText: node.getInstruction(),
      keywordSpan: this.span(node.getInstructionRange()),
      flags: 'getFlags' in node ? (node as unknown as { getFlags(): AstFlag[] }).getFlags().map((f) => this.flag(f)) : [],
      args: node.getArguments().map((a) => {
        const { start, end } = this.span(a.getRange());
        return { start, end, value: a.getValue() };
      }),
      heredocs: this.heredocs(node),
      emptyContinuationLines: [],
      properties: [],
      ast: node,
    };
    instr.emptyContinuationLines = this.emptyContinuationLines(instr);
    if (keyword === 'ARG' || keyword === 'ENV' || keyword === 'LABEL') instr.properties = this.properties(node, instr);
    const json = this.jsonForm(node);
    if (json) instr.json = json;
    if (keyword === 'COPY' || keyword === 'ADD') instr.copy = copyOperands(instr, this.firstLineEnd(instr));
    if (keyword === 'ONBUILD') {
      const trigger = (node as Onbuild).getTriggerInstruction();
      if (trigger) instr.trigger = this.instruction(trigger, index);
    }
    this.checkInstruction(instr);
    return instr;
  }

  /**
   * The pairs as dockerfile-ast reads them (quotes removed, the legacy `ENV NAME value with spaces`
   * form included). It reads one property per ARG; BuildKit accepts several (`ARG A=1 B=2`), so
   * those are split by their arguments.
   */
  private properties(node: AstInstruction, instr: Instruction): Property[] {
    if (instr.keyword === 'ARG' && instr.args.length > 1) {
      return instr.args.map((a) => {
        const eq = a.value.indexOf('=');
        const name = eq < 0 ? a.value : a.value.slice(0, eq);
        const raw = eq < 0 ? null : a.value.slice(eq + 1);
        return {
          start: a.start,
          end: a.end,
          name,
          nameSpan: { start: a.start, end: a.start + name.length },
          value: raw === null ? null : raw.replace(/^(["'])(.*)\1$/, '$2'),
          valueSpan: raw === null ? undefined : { start: a.start + eq + 1, end: a.end },
          legacy: false,
        };
      });
    }
    return (node as unknown as { getProperties(): AstProperty[] }).getProperties().map((p) => {
      const { start, end } = this.span(p.getRange());
      const valueRange = p.getValueRange();
      return {
        start,
        end,
        name: p.getName(),
        nameSpan: this.span(p.getNameRange()),
        value: p.getValue(),
        valueSpan: valueRange ? this.span(valueRange) : undefined,
        legacy: p.getAssignmentOperator() === null && p.getValue() !== null,
      };
    });
  }

  private flag(f: AstFlag): Flag {
    const valueRange = f.getValueRange();
    const { start, end } = this.span(f.getRange());
    return {
      start,
      end,
      name: f.getName(),
      value: f.getValue(),
      nameSpan: this.span(f.getNameRange()),
      valueSpan: valueRange ? this.span(valueRange) : undefined,
    };
  }

  private heredocs(node: AstInstruction): Heredoc[] {
    const get = (node as unknown as { getHeredocs?: () => AstHeredoc[] }).getHeredocs;
    if (typeof get !== 'function') return [];
    return get.call(node).map((h) => {
      const content = h.getContentRange();
      const delimiter = h.getDelimiterRange();
      const { start, end } = this.span(h.getStartRange());
      return {
        start,
        end,
        name: h.getName(),
        content: content ? this.span(content) : undefined,
        terminated: delimiter !== null,
      };
    });
  }

  /** Where the instruction's first logical line ends: heredoc bodies and delimiter lines follow it. */
  private firstLineEnd(instr: Instruction): number {
    return instr.heredocs.length ? joinLogicalLine(this.text, instr.start, instr.end, this.escapeChar).end : instr.end;
  }

  private emptyContinuationLines(instr: Instruction): Span[] {
    const out: Span[] = [];
    const stop = Math.min(instr.end, ...instr.heredocs.map((h) => h.content?.start ?? Infinity));
    let line = this.lines.lineOf(instr.start);
    let continued = false;
    for (; line < this.lines.lineCount && this.lines.lineStart(line) < stop; line++) {
      const from = Math.max(this.lines.lineStart(line), instr.start);
      const to = this.lines.lineEnd(line);
      const blank = isBlankBetween(this.text, from, to);
      if (continued && blank) out.push({ start: from, end: to });
      else if (continued && isSkippedContinuationLine(this.text, from, to)) continue;
      else continued = continuationAt(this.text, from, to, this.escapeChar) >= 0;
      if (!continued && !blank) break;
    }
    return out;
  }

  private jsonForm(node: AstInstruction): Arg[] | undefined {
    const j = node as JSONInstruction;
    if (typeof j.getOpeningBracket !== 'function' || !j.getOpeningBracket() || !j.getClosingBracket()) return undefined;
    // dockerfile-ast drops the spaces inside JSON strings (`"curl x | sh"` reads `curlx|sh`), so
    // each string is decoded from its own text.
    return j.getJSONStrings().map((s) => {
      const span = this.span(s.getRange());
      return { start: span.start, end: span.end, value: decodeJsonString(this.text.slice(span.start, span.end)) ?? s.getJSONValue() };
    });
  }

  private checkInstruction(instr: Instruction): void {
    const problem = (kind: ParseProblem['kind'], span: Span, message: string) =>
      this.problems.push({ start: span.start, end: span.end, kind, message, instruction: instr });
    if (!KNOWN_INSTRUCTIONS.has(instr.keyword)) {
      problem('unknown-instruction', instr.keywordSpan, `Unknown instruction "${instr.keywordText}"`);
      return;
    }
    const known = KNOWN_FLAGS[instr.keyword] ?? [];
    for (const f of instr.flags) {
      if (!known.includes(f.name.toLowerCase())) {
        const hint = known.length ? ` (known: ${known.map((k) => '--' + k).join(', ')})` : '';
        problem('unknown-flag', f, `Unknown flag --${f.name} for ${instr.keyword}${hint}`);
      }
    }
    for (const h of instr.heredocs) {
      if (!h.terminated) problem('unterminated-heredoc', h, `Heredoc <<${h.name} is never terminated: its delimiter line "${h.name}" is missing`);
    }
    if (instr.args.length === 0 && instr.heredocs.length === 0 && instr.keyword !== 'ONBUILD') {
      problem('empty-instruction', instr.keywordSpan, `${instr.keyword} has no arguments`);
    }
  }

  // ---- stages and scopes -----------------------------------------------------------------

  private place(instr: Instruction): void {
    if (instr.keyword === 'FROM') {
      this.startStage(instr);
      return;
    }
    const stage = this.stages[this.stages.length - 1];
    if (!stage) {
      if (instr.keyword === 'ARG') {
        this.globalArgs.push(instr);
        this.declareArgs(instr, -1);
      }
      return;
    }
    instr.stage = stage;
    stage.instructions.push(instr);
    if (instr.keyword === 'ARG') this.declareArgs(instr, stage.index);
    else if (instr.keyword === 'ENV') this.declareEnv(instr, stage.index);
    else if (instr.keyword === 'SHELL' && instr.json?.length) this.shells.set(stage.index, instr.json.map((a) => a.value));
    else if (instr.keyword === 'RUN') instr.run = this.runInfo(instr, stage);
  }

  /** The SHELL in effect per stage, as set by its last SHELL instruction so far. */
  private readonly shells = new Map<number, string[]>();

  private startStage(from: Instruction): void {
    const index = this.stages.length;
    const imageArg = from.args[0];
    const asArg = from.args[1];
    const nameArg = asArg && asArg.value.toUpperCase() === 'AS' ? from.args[2] : undefined;
    const base = this.baseImage(imageArg, from, index);
    const platform = flagNamed(from, 'platform');
    const parent = base.stage;
    const platformValue = platform?.value ? this.expandGlobal(platform.value).value.toLowerCase() : '';
    const stage: Stage = {
      index,
      name: nameArg?.value,
      nameSpan: nameArg ? { start: nameArg.start, end: nameArg.end } : undefined,
      from,
      base,
      platform,
      instructions: [],
      dependencies: new Set(),
      reachable: false,
      isTarget: false,
      ships: false,
      windows:
        parent?.windows ??
        ((base.ref ? looksWindows(base.ref) : false) ||
          platformValue.startsWith('windows') ||
          // A backtick escape is the Windows convention; it decides only when the image is unknown.
          (base.resolved === undefined && this.escapeChar === '`')),
    };
    from.stage = stage;
    this.stages.push(stage);
    if (parent) {
      const shell = this.shells.get(parent.index);
      if (shell) this.shells.set(index, shell);
      // ENV is part of the image, so a stage built FROM another inherits it; ARGs are not.
      const scope = this.scope(index);
      for (const [name, defs] of this.scope(parent.index)) {
        const envs = defs.filter((d) => d.kind === 'ENV');
        if (envs.length) scope.set(name, [Object.assign({}, envs[envs.length - 1], { instruction: undefined })]);
      }
    }
  }

  private baseImage(arg: Arg | undefined, from: Instruction, index: number): BaseImage {
    const text = arg?.value ?? '';
    const expansion = this.expandGlobal(text);
    const resolved = expansion.unresolved.length ? undefined : expansion.value;
    const base: BaseImage = {
      start: arg?.start ?? from.keywordSpan.end,
      end: arg?.end ?? from.keywordSpan.end,
      text,
      expansion,
      resolved,
      scratch: resolved?.toLowerCase() === 'scratch',
    };
    if (resolved !== undefined) {
      base.stage = this.stageByRef(resolved, index, false);
      if (!base.stage && !base.scratch && resolved) base.ref = parseImageRef(resolved);
    }
    return base;
  }

  private scope(stageIndex: number): Map<string, VariableDefinition[]> {
    let scope = this.defs.get(stageIndex);
    if (!scope) this.defs.set(stageIndex, (scope = new Map()));
    return scope;
  }

  private define(stageIndex: number, def: VariableDefinition): void {
    const scope = this.scope(stageIndex);
    const list = scope.get(def.name);
    if (list) list.push(def);
    else scope.set(def.name, [def]);
  }

  private declareArgs(instr: Instruction, stageIndex: number): void {
    for (const p of instr.properties) {
      if (!p.name) continue;
      const fromCli = this.inputs.buildArgs?.[p.name];
      let value: string | undefined;
      if (fromCli !== undefined) value = fromCli;
      else if (p.value !== null) value = expand(p.value, this.lookupFn(instr, stageIndex), this.escapeChar).value;
      else if (stageIndex >= 0) value = this.lastDef(-1, p.name, Infinity)?.value;
      this.define(stageIndex, { name: p.name, value, kind: 'ARG', instruction: instr, span: { start: p.start, end: p.end } });
    }
  }

  private declareEnv(instr: Instruction, stageIndex: number): void {
    for (const p of instr.properties) {
      const value = expand(p.value ?? '', this.lookupFn(instr, stageIndex), this.escapeChar).value;
      this.define(stageIndex, { name: p.name, value, kind: 'ENV', instruction: instr, span: { start: p.start, end: p.end } });
    }
  }

  private lastDef(stageIndex: number, name: string, beforeIndex: number, kind?: VariableDefinition['kind']): VariableDefinition | undefined {
    const list = this.defs.get(stageIndex)?.get(name);
    if (!list) return undefined;
    for (let i = list.length - 1; i >= 0; i--) {
      const d = list[i];
      if ((d.instruction?.index ?? -1) < beforeIndex && (!kind || d.kind === kind)) return d;
    }
    return undefined;
  }

  private lookup(name: string, at?: Instruction, stageIndex = at?.stage?.index ?? -1): VariableDefinition | undefined {
    const before = at?.index ?? Infinity;
    if (stageIndex < 0) {
      const def = this.lastDef(-1, name, before);
      if (def) return this.inputs.buildArgs?.[name] !== undefined ? Object.assign({}, def, { value: this.inputs.buildArgs[name], kind: 'build-arg' as const }) : def;
      if (PLATFORM_ARGS.includes(name)) return { name, kind: 'predefined' };
      return undefined;
    }
    // ENV wins over an ARG of the same name, whichever came first.
    return this.lastDef(stageIndex, name, before, 'ENV') ?? this.lastDef(stageIndex, name, before);
  }

  private lookupFn(at: Instruction | undefined, stageIndex?: number): Lookup {
    return (name) => {
      const def = this.lookup(name, at, stageIndex);
      return def ? (def.value ?? null) : undefined;
    };
  }

  private expandGlobal(text: string): Expansion {
    return expand(text, this.lookupFn(undefined, -1), this.escapeChar);
  }

  private stageByRef(ref: string, before = this.stages.length, allowIndex = true): Stage | undefined {
    const lower = ref.toLowerCase();
    for (let i = 0; i < Math.min(before, this.stages.length); i++) {
      if (this.stages[i].name?.toLowerCase() === lower) return this.stages[i];
    }
    if (allowIndex && /^\d+$/.test(ref)) {
      const n = Number(ref);
      if (n < Math.min(before, this.stages.length)) return this.stages[n];
    }
    return undefined;
  }

  private collectDependencies(stage: Stage): void {
    if (stage.base.stage) stage.dependencies.add(stage.base.stage);
    for (const instr of stage.instructions) {
      if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
        const from = flagNamed(instr, 'from');
        const dep = from?.value ? this.stageByRef(this.expand(from.value, instr).value, stage.index) : undefined;
        if (dep) stage.dependencies.add(dep);
      }
      for (const m of instr.run?.mounts ?? []) {
        const dep = m.options.from ? this.stageByRef(this.expand(m.options.from, instr).value, stage.index) : undefined;
        if (dep) stage.dependencies.add(dep);
      }
    }
  }

  private expand(text: string, at: Instruction): Expansion {
    return expand(text, this.lookupFn(at), this.escapeChar);
  }

  private markTarget(): Stage | undefined {
    const wanted = this.inputs.target;
    const target = wanted ? this.stages.find((s) => s.name?.toLowerCase() === wanted.toLowerCase()) : this.stages[this.stages.length - 1];
    if (!target) return undefined;
    target.isTarget = true;
    for (let s: Stage | undefined = target; s && !s.ships; s = s.base.stage) s.ships = true;
    const queue = [target];
    while (queue.length) {
      const s = queue.pop()!;
      if (s.reachable) continue;
      s.reachable = true;
      queue.push(...s.dependencies);
    }
    return target;
  }

  // ---- RUN -------------------------------------------------------------------------------

  private runInfo(instr: Instruction, stage: Stage): RunInfo {
    const shell = this.shells.get(stage.index) ?? (stage.windows ? DEFAULT_WINDOWS_SHELL : DEFAULT_POSIX_SHELL);
    const shellName = posixShellName(shell[0] ?? '');
    const mounts = instr.flags.filter((f) => f.name.toLowerCase() === 'mount').map((f) => parseMount(f));
    const scripts: ShellScript[] = [];
    if (instr.json) this.execFormScripts(instr.json, scripts);
    else if (shellName) this.shellFormScriptsOnce(instr, shellName, scripts);
    const commands = scripts.flatMap((s) => s.commands).sort((a, b) => a.start - b.start);
    return { shell, posix: shellName !== undefined, scripts, commands, mounts };
  }

  /** shellFormScripts, through the script cache when it is on (the language server's). */
  private shellFormScriptsOnce(instr: Instruction, shell: string, scripts: ShellScript[]): void {
    if (!scriptCacheOn()) return this.shellFormScripts(instr, shell, scripts);
    const key = scriptCacheKey(this.text.slice(instr.start, instr.end), this.escapeChar, shell);
    const seen = cachedScripts(key, instr.start);
    if (seen) scripts.push(...seen);
    else {
      this.shellFormScripts(instr, shell, scripts);
      cacheScripts(key, instr.start, scripts.slice());
    }
  }

  private shellFormScripts(instr: Instruction, shell: string, scripts: ShellScript[]): void {
    const first = instr.args[0];
    if (!first) return;
    const line = joinLogicalLine(this.text, first.start, instr.end, this.escapeChar);
    if (instr.heredocs.length === 0) {
      parseScript(line, 'shell-form', shell, scripts);
      return;
    }
    // Here-document bodies follow the whole logical line, even when the first body is empty.
    const heredocBodyStart = Math.min(instr.end, this.lineAfter(line.end));
    const lineArgs = instr.args.filter((a) => a.start < line.end);
    const leading = lineArgs.findIndex((a) => !a.value.startsWith('<<'));
    if (leading >= 0) {
      // `RUN <<EOF bash` puts the here-document before its command, which BuildKit accepts and the
      // bash grammar does not: hand the parser `bash <<EOF` instead, with offsets kept.
      const command = leading > 0 ? reorderLeadingHeredocs(line, lineArgs, leading) : line;
      parseScript(shellTextWithHeredocs(this.text, command, heredocBodyStart, instr.end), 'shell-form', shell, scripts);
      return;
    }
    // `RUN <<EOF`: each here-document is itself the script, run by its shebang or by the SHELL.
    for (const h of instr.heredocs) {
      if (!h.content) continue;
      const body = verbatim(this.text, h.content.start, h.content.end);
      const interpreter = shebangInterpreter(body.text);
      const name = interpreter === undefined ? shell : posixShellName(interpreter);
      if (name) parseScript(body, 'heredoc', name, scripts);
    }
  }

  /** `RUN ["sh", "-c", "..."]` parses the script; other exec forms become one command. */
  private execFormScripts(json: Arg[], scripts: ShellScript[]): void {
    if (json.length === 0) return;
    const shell = posixShellName(json[0].value);
    const dashC = json.findIndex((a, i) => i > 0 && /^-[a-z]*c$/.test(a.value));
    if (shell && dashC > 0 && json[dashC + 1]) {
      const arg = json[dashC + 1];
      const raw = this.text.slice(arg.start + 1, arg.end - 1);
      // Offsets map one to one only when the JSON string has no escapes.
      if (raw === arg.value) {
        parseScript(verbatim(this.text, arg.start + 1, arg.end - 1), 'nested', shell, scripts);
        return;
      }
    }
    const words: Word[] = json.map((a) => ({ start: a.start, end: a.end, text: this.text.slice(a.start, a.end), value: a.value }));
    const first = peelWrappers(words);
    const last = json[json.length - 1];
    scripts.push({
      origin: 'exec-form',
      text: '',
      map: new Int32Array(1),
      shell: '',
      start: json[0].start,
      end: last.end,
      syntaxErrors: [],
      commands: [
        {
          start: json[0].start,
          end: last.end,
          name: words[first].value ?? '',
          nameWord: words[first],
          args: words.slice(first + 1),
          wrappers: words.slice(0, first),
          assignments: [],
          redirects: [],
          script: scripts.length,
          conditional: false,
          substitution: false,
        },
      ],
    });
  }

  private lineAfter(offset: number): number {
    const nl = this.text.indexOf('\n', offset);
    return nl < 0 ? this.text.length : nl + 1;
  }
}

/** `<<A <<B cmd args` → `cmd args <<A <<B`, as mapped text. */
function reorderLeadingHeredocs(line: LogicalLine, args: Arg[], leading: number): LogicalLine {
  const at = (offset: number) => {
    let i = 0;
    while (i < line.text.length && line.map[i] < offset) i++;
    return i;
  };
  const markersEnd = at(args[leading].start);
  const parts = [subMapped(line, markersEnd, line.text.length), subMapped(line, 0, markersEnd)];
  const map = new Int32Array(line.text.length + 2);
  map.set(parts[0].map.subarray(0, parts[0].text.length), 0);
  // The joining space ends the command words, so it maps to where they end in the Dockerfile.
  map[parts[0].text.length] = line.map[line.text.length];
  map.set(parts[1].map.subarray(0, parts[1].text.length), parts[0].text.length + 1);
  map[line.text.length + 1] = line.map[line.text.length];
  return { text: `${parts[0].text} ${parts[1].text}`, map, end: line.end };
}

/** Sources and destination of a COPY/ADD, from the exec form or from the arguments on its first logical line. */
function copyOperands(instr: Instruction, lineEnd: number): { sources: Arg[]; destination?: Arg } {
  const args = instr.json ?? instr.args.filter((a) => a.start < lineEnd);
  if (args.length < 2) return { sources: [] };
  return { sources: args.slice(0, -1), destination: args[args.length - 1] };
}

function decodeJsonString(raw: string): string | undefined {
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

function parseMount(f: Flag): Mount {
  const options: Record<string, string> = {};
  for (const part of (f.value ?? '').split(',')) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    if (key) options[key] = eq < 0 ? 'true' : part.slice(eq + 1).trim();
  }
  const target = options.target ?? options.dst ?? options.destination;
  return { start: f.start, end: f.end, type: (options.type ?? 'bind').toLowerCase(), target, options };
}

/** The interpreter a `#!` line names (`/usr/bin/env python3` gives `python3`), or undefined without one. */
function shebangInterpreter(body: string): string | undefined {
  if (!body.startsWith('#!')) return undefined;
  const nl = body.indexOf('\n');
  const parts = body.slice(2, nl < 0 ? undefined : nl).trim().split(/\s+/);
  if (parts[0]?.endsWith('/env')) return parts.find((p, i) => i > 0 && !p.startsWith('-')) ?? '';
  return parts[0] ?? '';
}
