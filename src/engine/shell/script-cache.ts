/**
 * Shell parses of RUN instructions, by the instruction's text. A RUN seen before is copied with
 * its offsets moved instead of parsed again. What a RUN's scripts are depends only on its text,
 * the escape character and the shell in force.
 *
 * Off unless a process turns it on: it pays in an editor, which re-lints the file being edited on
 * every keystroke, and not in a batch run. About a third of the corpus's RUN instructions repeat
 * one seen in another file, but a cache large enough to hold them cost more memory and garbage
 * collection than it saved parsing (bench/: 10.4 s against 10.0 s, 210 MB against 190 MB).
 */
import type { Redirect, ShellCommand, ShellScript, Word } from './model';

/** Instruction text kept, in characters (the parses kept are some fifty times as large). */
let maxChars = 0;

/** Turns the cache on for this process (or thread), keeping up to `chars` characters of RUN text. */
export function keepScripts(chars: number): void {
  maxChars = chars;
}

export function scriptCacheOn(): boolean {
  return maxChars > 0;
}

interface Entry {
  /** Where the instruction started when it was parsed: every offset is relative to it. */
  start: number;
  scripts: ShellScript[];
  chars: number;
}

const entries = new Map<string, Entry>();
let chars = 0;

export function scriptCacheKey(text: string, escapeChar: string, shell: string): string {
  return `${shell}\0${escapeChar}\0${text}`;
}

/** The scripts of an instruction with this key, moved to start at `start`; undefined when unseen. */
export function cachedScripts(key: string, start: number): ShellScript[] | undefined {
  const entry = entries.get(key);
  if (!entry) return undefined;
  // Most recently used last, so eviction takes the oldest first.
  entries.delete(key);
  entries.set(key, entry);
  const by = start - entry.start;
  return entry.scripts.map((s) => moveScript(s, by));
}

/** Keeps the scripts parsed for an instruction starting at `start` (they must not be changed later). */
export function cacheScripts(key: string, start: number, scripts: ShellScript[]): void {
  if (key.length > maxChars / 8 || entries.has(key)) return;
  entries.set(key, { start, scripts, chars: key.length });
  chars += key.length;
  for (const [k, e] of entries) {
    if (chars <= maxChars) break;
    entries.delete(k);
    chars -= e.chars;
  }
}

// Copies field by field, in the order the parser creates them, so copies share its object shapes.

function moveScript(s: ShellScript, by: number): ShellScript {
  const map = new Int32Array(s.map.length);
  for (let i = 0; i < map.length; i++) map[i] = s.map[i] + by;
  return {
    origin: s.origin,
    text: s.text,
    map,
    shell: s.shell,
    start: s.start + by,
    end: s.end + by,
    commands: s.commands.map((c) => moveCommand(c, by)),
    syntaxErrors: s.syntaxErrors.map((e) => ({ start: e.start + by, end: e.end + by })),
  };
}

function moveCommand(c: ShellCommand, by: number): ShellCommand {
  return {
    start: c.start + by,
    end: c.end + by,
    conditional: c.conditional,
    substitution: c.substitution,
    pipeline: c.pipeline,
    name: c.name,
    nameWord: moveWord(c.nameWord, by),
    args: c.args.map((w) => moveWord(w, by)),
    wrappers: c.wrappers.map((w) => moveWord(w, by)),
    assignments: c.assignments.map((w) => moveWord(w, by)),
    redirects: c.redirects.map((r) => moveRedirect(r, by)),
    script: c.script,
  };
}

function moveWord(w: Word, by: number): Word {
  return { start: w.start + by, end: w.end + by, text: w.text, value: w.value };
}

function moveRedirect(r: Redirect, by: number): Redirect {
  return { start: r.start + by, end: r.end + by, operator: r.operator, target: r.target && moveWord(r.target, by) };
}
