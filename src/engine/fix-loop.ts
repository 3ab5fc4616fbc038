import { applyFixes } from './fixes';
import type { LintOptions, Linter } from './linter';

/** Most passes `fixText` makes; overlapping fixes rarely need more than two. */
export const MAX_FIX_PASSES = 10;

/**
 * Lints and applies every fix, again and again until no fix applies (bounded), so fixes whose
 * edits overlapped one another get their turn. `only` limits fixes to the rules it names.
 */
export function fixText(linter: Linter, text: string, options: LintOptions = {}, only?: (rule: string) => boolean): { text: string; passes: number; applied: number } {
  let current = text;
  let total = 0;
  for (let pass = 1; pass <= MAX_FIX_PASSES; pass++) {
    const fixes = linter.lintText(current, options).findings.filter((f) => f.fix && (!only || only(f.rule))).map((f) => f.fix!);
    if (fixes.length === 0) return { text: current, passes: pass - 1, applied: total };
    const result = applyFixes(current, fixes);
    if (result.applied === 0 || result.text === current) return { text: current, passes: pass, applied: total };
    current = result.text;
    total += result.applied;
  }
  return { text: current, passes: MAX_FIX_PASSES, applied: total };
}
