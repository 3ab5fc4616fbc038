import type { Ignore } from 'ignore';
import type { Instruction } from '../../engine/model';
import { defineRule } from '../../engine/rule';
import { flagNamed, isRemoteOrInline, wordValue } from './_operands';

interface Pattern {
  /** As written, for messages. */
  text: string;
  clean: string;
  line: number;
  exception: boolean;
  matcher: Ignore;
}

/** `path` relative to the context root, cleaned like Go's path.Clean (`./a//b/../c` is `a/c`); wildcards stay. */
function contextPath(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg && seg !== '.') out.push(seg);
  }
  return out.join('/');
}

/**
 * The patterns of a .dockerignore as BuildKit reads them: `#` comments and blank lines skipped,
 * each pattern cleaned and taken relative to the context root (a leading `/` changes nothing).
 */
function readPatterns(text: string): Pattern[] {
  const out: Pattern[] = [];
  text.split('\n').forEach((raw, i) => {
    let body = raw.trim();
    if (!body || body.startsWith('#')) return;
    const exception = body.startsWith('!');
    if (exception) body = body.slice(1).trim();
    const clean = contextPath(body.replace(/\\/g, '/'));
    // Anchored at the root, as .dockerignore patterns are (gitignore would match `x` at any depth).
    if (clean) out.push({ text: raw.trim(), clean, line: i + 1, exception, matcher: (require('ignore') as typeof import('ignore'))().add('/' + clean) });
  });
  return out;
}

/** The pattern that decides `path`: the last one matching it or a directory above it, when that is not an exception. */
function excludedBy(patterns: Pattern[], path: string): Pattern | undefined {
  let decided: Pattern | undefined;
  for (const p of patterns) if (p.matcher.ignores(path)) decided = p;
  return decided?.exception ? undefined : decided;
}

const WILDCARD = /[*?[]/;
const EXCLUDES_ALL = new Set(['*', '**', '**/*']);

export default defineRule({
  meta: {
    id: 'correctness/copy-ignored-file',
    category: 'correctness',
    severity: 'warning',
    description: 'COPY or ADD of a path that .dockerignore leaves out of the build context',
    aliases: ['CopyIgnoredFile'],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    const file = model.inputs.dockerignore;
    const patterns = file === undefined ? [] : readPatterns(file);
    const hasExceptions = patterns.some((p) => p.exception);
    const check = (instr: Instruction) => {
      if (!patterns.length || !instr.stage || flagNamed(instr, 'from')) return;
      for (const source of instr.copy?.sources ?? []) {
        if (isRemoteOrInline(source.value)) continue;
        let value = wordValue(model, source.value, instr);
        if (value === undefined) continue;
        if (instr.stage.windows) value = value.replace(/\\/g, '/');
        const path = contextPath(value);
        const segments = path ? path.split('/') : [];
        const glob = segments.findIndex((s) => WILDCARD.test(s));
        let found: Pattern | undefined;
        if (!path) {
          // The whole context: only a pattern excluding every entry, with no exception, leaves it empty.
          found = hasExceptions ? undefined : patterns.find((p) => !p.exception && EXCLUDES_ALL.has(p.clean));
        } else if (glob >= 0) {
          // A wildcard source is judged by the directory it searches; an exception could re-include matches.
          found = glob > 0 && !hasExceptions ? excludedBy(patterns, segments.slice(0, glob).join('/')) : undefined;
        } else found = excludedBy(patterns, path);
        if (!found) continue;
        const outcome = glob >= 0 ? 'so it matches nothing' : 'so the build fails with "not found"';
        context.report({
          span: { start: source.start, end: source.end },
          message: `\`${value}\` is excluded from the build context by .dockerignore line ${found.line} (\`${found.text}\`), ${outcome}; remove the pattern or add an exception (\`!${path || '.'}\`)`,
        });
      }
    };
    return { COPY: check, ADD: check };
  },
});
