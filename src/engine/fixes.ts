import type { Fix, Span, TextEdit } from './types';

/**
 * Applies as many fixes as can be applied together: a fix whose edits overlap an earlier chosen
 * fix's edits waits for the next pass (the caller re-lints and tries again).
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const taken: TextEdit[] = [];
  let applied = 0;
  for (const fix of fixes) {
    const overlaps = fix.edits.some((e) => taken.some((t) => e.start < t.end && t.start < e.end || (e.start === t.start && e.end === t.end)));
    if (overlaps) continue;
    taken.push(...fix.edits);
    applied++;
  }
  taken.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of taken) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { text: out, applied };
}

/** An edit that replaces what `span` covers with `text` (the span may be any model object: only its offsets are kept). */
export function replacing(span: Span, text: string): TextEdit {
  return { start: span.start, end: span.end, text };
}
