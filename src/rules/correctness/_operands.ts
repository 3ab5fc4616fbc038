import type { DockerfileModel, Flag, Instruction } from '../../engine/model';
import { variableRefs } from '../../engine/variables';

/** Drops the quotes BuildKit's word processing removes (`"a b"` is `a b`); escapes stay as written. */
export function unquote(text: string): string {
  let out = '';
  let quote = '';
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = '';
      else out += ch;
    } else if (ch === '"' || ch === "'") quote = ch;
    else out += ch;
  }
  return out;
}

/** What BuildKit makes of an instruction word: variables expanded, quotes removed; undefined when a variable has no value. */
export function wordValue(model: DockerfileModel, text: string, at: Instruction): string | undefined {
  const expansion = model.expand(text, at);
  return expansion.unresolved.length ? undefined : unquote(expansion.value);
}

/** The text holds no variable reference, so a fix may rewrite it as it stands. */
export function isLiteral(model: DockerfileModel, text: string): boolean {
  return variableRefs(text, model.escapeChar).length === 0;
}

export function flagNamed(instr: Instruction, name: string): Flag | undefined {
  return instr.flags.find((f) => f.name.toLowerCase() === name);
}

/** `/x`, `\x`, `C:\x`, `c:/x`: paths BuildKit does not resolve against the WORKDIR. */
export function isAbsolute(path: string): boolean {
  return /^(?:[A-Za-z]:)?[\\/]/.test(path);
}

/** A COPY/ADD source that is not a path in the build context or a stage: a URL, a git remote or a heredoc. */
export function isRemoteOrInline(source: string): boolean {
  return source.startsWith('<<') || source.includes('://') || source.startsWith('git@');
}
