/**
 * Variable expansion as BuildKit performs it in Dockerfile instructions (FROM, COPY, ENV, LABEL...):
 * `$VAR`, `${VAR}`, `${VAR:-word}`, `${VAR-word}`, `${VAR:+word}`, `${VAR+word}`, `${VAR:?msg}`.
 * RUN bodies are expanded by the shell at build time, not here.
 */

export interface VariableRef {
  name: string;
  /** Offsets of the whole reference (`$X` or `${X...}`) within the expanded text. */
  start: number;
  end: number;
  /** The reference supplies its own fallback (`${X:-d}`, `${X+a}`), so an undefined X is intended. */
  hasFallback: boolean;
}

export interface Expansion {
  value: string;
  refs: VariableRef[];
  /** Names referenced without a value in scope and without a fallback. */
  unresolved: string[];
}

/** Returns the value of a variable, `undefined` when it is not declared, `null` when declared without a value. */
export type Lookup = (name: string) => string | null | undefined;

const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57);

export function expand(text: string, lookup: Lookup, escapeChar = '\\'): Expansion {
  const refs: VariableRef[] = [];
  const unresolved: string[] = [];
  const value = expandInto(text, 0, text.length, lookup, escapeChar, refs, unresolved, 0);
  return { value, refs, unresolved };
}

/** Variable names referenced by `text`, in order. */
export function variableRefs(text: string, escapeChar = '\\'): VariableRef[] {
  return expand(text, () => '', escapeChar).refs;
}

function expandInto(
  text: string,
  from: number,
  to: number,
  lookup: Lookup,
  esc: string,
  refs: VariableRef[],
  unresolved: string[],
  depth: number,
): string {
  let out = '';
  let i = from;
  let inSingle = false;
  while (i < to) {
    const ch = text[i];
    if (ch === esc && i + 1 < to) {
      // An escaped `$` stays literal; other escapes are kept for the consumer to interpret.
      out += text[i + 1] === '$' ? '$' : ch + text[i + 1];
      i += 2;
      continue;
    }
    if (ch === "'") inSingle = !inSingle;
    if (ch !== '$' || inSingle || i + 1 >= to) {
      out += ch;
      i++;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    if (isNameStart(next)) {
      let j = i + 2;
      while (j < to && isNameChar(text.charCodeAt(j))) j++;
      const name = text.slice(i + 1, j);
      out += resolve(name, i, j, false, lookup, refs, unresolved);
      i = j;
      continue;
    }
    if (next === 123 /* { */) {
      const close = matchingBrace(text, i + 2, to, esc);
      if (close < 0) {
        out += text.slice(i, to);
        break;
      }
      let j = i + 2;
      while (j < close && isNameChar(text.charCodeAt(j))) j++;
      const name = text.slice(i + 2, j);
      if (!name) {
        out += text.slice(i, close + 1);
        i = close + 1;
        continue;
      }
      const op = text.slice(j, Math.min(j + 2, close));
      const colon = op.startsWith(':') && op.length === 2 && '-+?'.includes(op[1]);
      const kind = colon ? op[1] : '-+?'.includes(op[0] ?? '') ? op[0] : '';
      const wordStart = j + (colon ? 2 : kind ? 1 : 0);
      if (j === close || kind === '') {
        // `${X}`, or an operator BuildKit supports but whose result we cannot predict (`#`, `%`, `/`).
        const known = j === close;
        out += known ? resolve(name, i, close + 1, false, lookup, refs, unresolved) : '';
        if (!known) refs.push({ name, start: i, end: close + 1, hasFallback: true });
        i = close + 1;
        continue;
      }
      const v = lookup(name);
      const isSet = colon ? v != null && v !== '' : v !== undefined;
      refs.push({ name, start: i, end: close + 1, hasFallback: kind !== '?' });
      const word = () =>
        depth > 32 ? text.slice(wordStart, close) : expandInto(text, wordStart, close, lookup, esc, refs, unresolved, depth + 1);
      if (kind === '-') out += isSet ? (v ?? '') : word();
      else if (kind === '+') out += isSet ? word() : '';
      else {
        if (!isSet) unresolved.push(name);
        out += v ?? '';
      }
      i = close + 1;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function resolve(
  name: string,
  start: number,
  end: number,
  hasFallback: boolean,
  lookup: Lookup,
  refs: VariableRef[],
  unresolved: string[],
): string {
  refs.push({ name, start, end, hasFallback });
  const v = lookup(name);
  if (v == null) {
    unresolved.push(name);
    return '';
  }
  return v;
}

/** Index of the `}` closing a `${` whose body starts at `from`, or -1. Linear: one pass with a depth counter. */
function matchingBrace(text: string, from: number, to: number, esc: string): number {
  let depth = 1;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === esc) i++;
    else if (ch === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (ch === '}' && --depth === 0) return i;
  }
  return -1;
}
