import type { RuleContext } from '../../engine/rule';
import type { Word } from '../../engine/shell/model';

/**
 * Shared by the package-pinning rules. None of them offers a fix: the version to pin is the one
 * the registry serves today, which a linter working offline cannot know.
 */

/** Branch and tag names that exist to move: pinning to them pins nothing. */
export const MOVING_REFS = new Set(['latest', 'master', 'main', 'HEAD']);

const spanOf = (word: Word) => ({ start: word.start, end: word.end });

/** Reports `word` (the package as written) with the form that would pin it. */
export function reportUnpinned(context: RuleContext, word: Word, name: string, pinned: string): void {
  context.report({ span: spanOf(word), message: `Pin \`${name}\` to a version: \`${pinned}\`` });
}

/** Reports a package whose version is a moving reference (`@latest`, `@main`). */
export function reportMoving(context: RuleContext, word: Word, pinned: string): void {
  context.report({
    span: spanOf(word),
    message: `\`${word.value ?? word.text}\` follows a moving reference; pin an exact version: \`${pinned}\``,
  });
}

/** Reports a source repository installed at its default branch (no ref) or at a moving ref. */
export function reportBranch(context: RuleContext, word: Word, ref: string | undefined, how: string): void {
  const what = ref ? `the moving ref \`${ref}\`` : 'whatever the default branch holds';
  context.report({ span: spanOf(word), message: `\`${word.value ?? word.text}\` installs ${what}; pin a tag or commit: ${how}` });
}
