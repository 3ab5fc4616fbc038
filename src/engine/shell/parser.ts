import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { Language, Node, Parser, Tree } from 'web-tree-sitter';
import type { Span } from '../types';
import { posixShellName, type Redirect, type ScriptOrigin, type ShellCommand, type ShellScript, type Word } from './model';
import { subMapped, type MappedText } from './source';
import { peelWrappers } from './wrappers';

let parser: Parser | undefined;
let initializing: Promise<void> | undefined;

/** Loads the bash grammar (WebAssembly) once per process or worker. */
export function initShellParser(): Promise<void> {
  initializing ??= (async () => {
    // V8 would compile the 1.3 MB grammar a second time with its optimising tier in the
    // background, and a process cannot exit before that finishes: 0.6 s on every short run.
    // The baseline compiler alone lints the whole corpus as fast (13.7 s against 13.5 s).
    v8.setFlagsFromString('--liftoff-only');
    await Parser.init();
    const wasm = path.join(path.dirname(require.resolve('tree-sitter-bash/package.json')), 'tree-sitter-bash.wasm');
    // Bytes rather than a path: web-tree-sitter would otherwise load them with a dynamic import().
    const language = await Language.load(fs.readFileSync(wasm));
    const p = new Parser();
    p.setLanguage(language);
    parser = p;
  })();
  return initializing;
}

export function shellParserReady(): boolean {
  return parser !== undefined;
}

/** Nested `sh -c` / heredoc-to-shell scripts deeper than this are not followed. */
const MAX_NESTING = 4;

/**
 * Parses `src` as a script of `shell` and appends it, and any script it runs through a nested
 * shell (`sh -c '...'`, `bash <<EOF`), to `out`.
 */
export function parseScript(src: MappedText, origin: ScriptOrigin, shell: string, out: ShellScript[], depth = 0): void {
  if (!parser) throw new Error('shell parser used before initShellParser() resolved');
  const tree = parser.parse(src.text);
  if (!tree) return;
  const script: ShellScript = {
    origin,
    text: src.text,
    map: src.map,
    shell,
    start: src.map[0],
    end: src.map[src.text.length],
    commands: [],
    syntaxErrors: [],
  };
  const index = out.length;
  out.push(script);
  try {
    new Extractor(src, script, index, out, depth).run(tree);
  } finally {
    tree.delete();
  }
}

interface Frame {
  type: string;
  conditional: boolean;
  substitution: boolean;
  pipeline?: { index: number; length: number };
  /** Sibling state while iterating this frame's children. */
  afterOr: boolean;
  namedIndex: number;
  pipeLength: number;
}

const CONDITIONAL_PARENTS = new Set([
  'if_statement',
  'elif_clause',
  'else_clause',
  'case_statement',
  'case_item',
  'while_statement',
  'for_statement',
  'c_style_for_statement',
]);
const SUBSTITUTIONS = new Set(['command_substitution', 'process_substitution']);
/** Node types whose subtrees can never hold a command. */
const LEAVES = new Set(['word', 'raw_string', 'number', 'comment', 'variable_name', 'heredoc_start', 'heredoc_end', 'heredoc_content', 'string_content', 'ansi_c_string']);

class Extractor {
  /** Where each extracted command ends in the parsed text (not the Dockerfile: the two orders can differ). */
  private readonly textEnds: number[] = [];

  constructor(
    private readonly src: MappedText,
    private readonly script: ShellScript,
    private readonly index: number,
    private readonly out: ShellScript[],
    private readonly depth: number,
  ) {}

  private span(node: { startIndex: number; endIndex: number }): Span {
    const max = this.src.text.length;
    const start = this.src.map[Math.min(node.startIndex, max)];
    // Just past the node's last character, not the map of the next one: after a joined line
    // continuation that would be the start of the following line.
    const end = node.endIndex > node.startIndex ? this.src.map[Math.min(node.endIndex, max) - 1] + 1 : start;
    return { start, end };
  }

  private word(node: Node): Word {
    const text = node.text;
    const { start, end } = this.span(node);
    return { start, end, text, value: literalValue(node, text) };
  }

  run(tree: Tree): void {
    const cursor = tree.walk();
    // Each node property is a call into WebAssembly; most scripts have no error to look for.
    const hasErrors = tree.rootNode.hasError;
    const frames: Frame[] = [{ type: 'program', conditional: false, substitution: false, afterOr: false, namedIndex: 0, pipeLength: 0 }];
    try {
      for (;;) {
        const type = cursor.nodeType;
        const parent = frames[frames.length - 1];
        if (type === '||') parent.afterOr = true;
        let pipeline = parent.pipeline;
        if (parent.type === 'pipeline' && cursor.nodeIsNamed) {
          pipeline = { index: parent.namedIndex++, length: parent.pipeLength };
        }
        const conditional = parent.conditional || (parent.type === 'list' && parent.afterOr);
        if (hasErrors && (type === 'ERROR' || cursor.nodeIsMissing)) {
          this.script.syntaxErrors.push(this.span(cursor));
        } else if (type === 'command') {
          this.command(cursor.currentNode, { conditional, substitution: parent.substitution, pipeline });
        } else if (type === 'heredoc_redirect') {
          this.heredocToShell(cursor.currentNode);
        }
        if (!LEAVES.has(type) && cursor.gotoFirstChild()) {
          frames.push({
            type,
            conditional: conditional || CONDITIONAL_PARENTS.has(type),
            substitution: parent.substitution || SUBSTITUTIONS.has(type),
            pipeline: type === 'pipeline' ? undefined : pipeline,
            afterOr: false,
            namedIndex: 0,
            pipeLength: type === 'pipeline' ? cursor.currentNode.parent!.namedChildCount : 0,
          });
          continue;
        }
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) return;
          frames.pop();
        }
      }
    } finally {
      cursor.delete();
    }
  }

  private command(node: Node, ctx: Pick<ShellCommand, 'conditional' | 'substitution' | 'pipeline'>): void {
    const assignments: Word[] = [];
    const words: Node[] = [];
    const redirects: Redirect[] = [];
    for (const child of node.namedChildren) {
      if (!child) continue;
      const type = child.type;
      if (type === 'variable_assignment' && words.length === 0) assignments.push(this.word(child));
      else if (type.endsWith('_redirect')) redirects.push(this.redirect(child));
      else if (type === 'command_name') words.push(child.firstNamedChild ?? child);
      else if (type !== 'comment') words.push(child);
    }
    const parent = node.parent;
    if (parent?.type === 'redirected_statement') {
      for (const r of parent.namedChildren) if (r && r !== node && r.type.endsWith('_redirect')) redirects.push(this.redirect(r));
    }
    if (words.length === 0) return;
    const all = words.map((w) => this.word(w));
    const start = peelWrappers(all);
    const nameWord = all[start] ?? all[all.length - 1];
    const { start: cmdStart, end: cmdEnd } = this.span(node);
    const cmd: ShellCommand = {
      start: cmdStart,
      end: cmdEnd,
      conditional: ctx.conditional,
      substitution: ctx.substitution,
      pipeline: ctx.pipeline,
      name: nameWord.value ?? nameWord.text,
      nameWord,
      args: all.slice(start + 1),
      wrappers: all.slice(0, start),
      assignments,
      redirects,
      script: this.index,
    };
    this.script.commands.push(cmd);
    this.textEnds.push(node.endIndex);
    this.shellDashC(cmd, words.slice(start + 1));
  }

  private redirect(node: Node): Redirect {
    let operator = '';
    let target: Word | undefined;
    for (const child of node.children) {
      if (!child) continue;
      if (!child.isNamed) operator += child.text;
      else if (child.type !== 'file_descriptor' && !target && child.type !== 'heredoc_body') target = this.word(child);
    }
    const { start, end } = this.span(node);
    return { start, end, operator, target };
  }

  /** `sh -c 'script'`, `su user -c "script"`: the quoted script runs too, so parse it. */
  private shellDashC(cmd: ShellCommand, argNodes: Node[]): void {
    if (this.depth >= MAX_NESTING) return;
    const isShell = posixShellName(cmd.name);
    if (!isShell && cmd.name !== 'su' && cmd.name !== 'runuser') return;
    for (let i = 0; i < cmd.args.length - 1; i++) {
      const v = cmd.args[i].value;
      if (v === '-c' || (isShell && v !== null && /^-[a-z]*c[a-z]*$/.test(v))) {
        const node = argNodes[i + 1];
        const inner = innerLiteralSpan(node);
        if (inner) {
          parseScript(subMapped(this.src, inner.start, inner.end), 'nested', isShell ?? 'sh', this.out, this.depth + 1);
        }
        return;
      }
    }
  }

  /** `bash <<EOF ... EOF`: the here-document is the script of the shell it is fed to. */
  private heredocToShell(node: Node): void {
    if (this.depth >= MAX_NESTING) return;
    const body = node.namedChildren.find((c) => c?.type === 'heredoc_body');
    if (!body) return;
    let feeder: ShellCommand | undefined;
    this.textEnds.forEach((end, i) => {
      if (end <= node.startIndex) feeder = this.script.commands[i];
    });
    const shell = feeder && posixShellName(feeder.name);
    if (!shell || feeder!.args.some((a) => a.value === '-c')) return;
    parseScript(subMapped(this.src, body.startIndex, body.endIndex), 'nested', shell, this.out, this.depth + 1);
  }
}

/** The span inside the quotes of a literal string argument, in shell-text offsets. */
function innerLiteralSpan(node: Node | undefined): Span | undefined {
  if (!node) return undefined;
  if (node.type === 'raw_string') return { start: node.startIndex + 1, end: node.endIndex - 1 };
  if (node.type === 'string' && node.namedChildren.every((c) => c?.type === 'string_content') && !node.text.includes('\\')) {
    return { start: node.startIndex + 1, end: node.endIndex - 1 };
  }
  if (node.type === 'word' && !node.text.includes('\\')) return { start: node.startIndex, end: node.endIndex };
  return undefined;
}

/** The value of a word after quote removal, or null when it depends on an expansion. */
export function literalValue(node: Node, text = node.text): string | null {
  switch (node.type) {
    case 'word':
    case 'number':
      return unescapeUnquoted(text);
    case 'raw_string':
      return text.slice(1, -1);
    case 'string': {
      let out = '';
      for (const child of node.namedChildren) {
        if (child?.type !== 'string_content') return null;
        out += child.text.replace(/\\([$`"\\\n])/g, '$1');
      }
      return out;
    }
    case 'concatenation': {
      let out = '';
      for (const child of node.namedChildren) {
        const v = child && literalValue(child);
        if (v == null) return null;
        out += v;
      }
      return out;
    }
    default:
      return null;
  }
}

function unescapeUnquoted(text: string): string {
  return text.includes('\\') ? text.replace(/\\(.)/g, '$1') : text;
}
