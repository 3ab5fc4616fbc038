import type { DockerfileModel, Instruction } from './model';
import type { Word } from './shell/model';

/**
 * Paths inside the image as rules compare them: absolute and normalised, `~` is `/root`, and a
 * trailing `/*` is dropped (`rm -rf dir/*` empties `dir`); globs elsewhere stay in and are
 * matched segment by segment.
 */

/** The literal value of a path word, with `$HOME` and variables set by ARG/ENV filled in; undefined when unknown. */
export function wordPath(word: Word, model: DockerfileModel, at: Instruction): string | undefined {
  if (word.value !== null) return word.value;
  // Double quotes around expansions are common (`"$HOME/.cache"`); anything fancier is left unknown.
  const text = word.text.split('"').join('');
  if (/['`\\]|\$\(/.test(text)) return undefined;
  const home = model.lookup('HOME', at) ? text : text.replace(/^\$\{?HOME\}?(?=\/|$)/, '~');
  const expanded = model.expand(home, at);
  return expanded.unresolved.length ? undefined : expanded.value;
}

/** Absolute, normalised form of `path` (relative paths resolve against `cwd`); undefined when unknowable. */
export function normalizePath(path: string, cwd?: string): string | undefined {
  let p = path;
  if (p === '~' || p.startsWith('~/')) p = '/root' + p.slice(1);
  else if (!p.startsWith('/')) {
    if (cwd === undefined || p === '') return undefined;
    p = cwd + '/' + p;
  }
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  while (out[out.length - 1] === '*') out.pop();
  return '/' + out.join('/');
}

const segments = (p: string) => p.split('/').filter(Boolean);

/** Shell wildcard match of one path segment (`*`, `?`); linear backtracking to the last star. */
function segMatch(pattern: string, s: string): boolean {
  let p = 0;
  let i = 0;
  let star = -1;
  let mark = 0;
  while (i < s.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === s[i])) {
      p++;
      i++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = i;
    } else if (star >= 0) {
      p = star + 1;
      i = ++mark;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/** `target` is `pattern` itself or lies below it. */
export function covers(pattern: string, target: string): boolean {
  const ps = segments(pattern);
  const ts = segments(target);
  return ps.length <= ts.length && ps.every((seg, i) => segMatch(seg, ts[i]));
}

/** `target` names exactly what `pattern` names (same depth). */
export function same(pattern: string, target: string): boolean {
  return segments(pattern).length === segments(target).length && covers(pattern, target);
}
