import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/types';
import { sameRange, SOURCE } from './convert';
import type { Outcome } from './scheduler';

/** The kind of the "fix everything" source action, for `editor.codeActionsOnSave` and the like. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.plimsoll`;

/** Whether a code action of `kind` is among those the client asked for (`only`, by prefix). */
export function wanted(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export function workspaceEdit(doc: TextDocument, edits: TextEdit[], documentChanges: boolean): WorkspaceEdit {
  if (documentChanges) return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] };
  return { changes: { [doc.uri]: edits } };
}

function insertion(doc: TextDocument, offset: number, text: string): TextEdit {
  const at = doc.positionAt(offset);
  return { range: { start: at, end: at }, newText: text };
}

/**
 * Quick fixes for the client's diagnostics that this outcome produced: the rule's fix, and
 * pragmas ignoring the rule for the instruction or for the file.
 */
export function quickFixes(doc: TextDocument, outcome: Outcome, diagnostics: readonly Diagnostic[], documentChanges: boolean): CodeAction[] {
  const output = outcome.output;
  if (!output) return [];
  const text = doc.getText();
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const fixes: CodeAction[] = [];
  const ignores: CodeAction[] = [];
  const globals: CodeAction[] = [];
  const seen = new Set<string>();
  for (const d of diagnostics) {
    if (d.source !== undefined && d.source !== SOURCE) continue;
    const matches: number[] = [];
    outcome.diagnostics.forEach((mine, i) => {
      if (mine.code === d.code && sameRange(mine.range, d.range)) matches.push(i);
    });
    // Several findings of one rule on one range: prefer the one with the same message.
    const exact = matches.filter((i) => outcome.diagnostics[i].message === d.message);
    const chosen = exact.length ? exact : matches;
    const withFix = chosen.filter((i) => output.findings[i].fix);
    for (const i of chosen) {
      const f: Finding = output.findings[i];
      if (f.fix && f.fix.edits.length) {
        fixes.push({
          title: `${f.fix.description} (${f.rule})`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: withFix.length === 1,
          edit: workspaceEdit(doc, f.fix.edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.text })), documentChanges),
        });
      }
      const anchor = output.anchors[i];
      if (anchor && !seen.has(`i:${f.rule}:${anchor.lineStart}`)) {
        seen.add(`i:${f.rule}:${anchor.lineStart}`);
        ignores.push({
          title: `Ignore ${f.rule} for this instruction`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          edit: workspaceEdit(doc, [insertion(doc, anchor.lineStart, `${anchor.indent}# plimsoll ignore=${f.rule}${eol}`)], documentChanges),
        });
      }
      if (!seen.has(`f:${f.rule}`)) {
        seen.add(`f:${f.rule}`);
        const at = output.headerEnd;
        const needsBreak = at === text.length && text.length > 0 && !text.endsWith('\n');
        globals.push({
          title: `Ignore ${f.rule} in this file`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          edit: workspaceEdit(doc, [insertion(doc, at, `${needsBreak ? eol : ''}# plimsoll global ignore=${f.rule}${eol}`)], documentChanges),
        });
      }
    }
  }
  return [...fixes, ...ignores, ...globals];
}

/** The source action replacing the document with `fixed` (the smallest edit that does it). */
export function fixAllAction(doc: TextDocument, fixed: string, documentChanges: boolean): CodeAction | undefined {
  const text = doc.getText();
  if (fixed === text) return undefined;
  let start = 0;
  const max = Math.min(text.length, fixed.length);
  while (start < max && text.charCodeAt(start) === fixed.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && text.charCodeAt(text.length - 1 - end) === fixed.charCodeAt(fixed.length - 1 - end)) end++;
  // Keep surrogate pairs whole.
  if (start > 0 && isHighSurrogate(text.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(text.charCodeAt(text.length - end))) end--;
  const edit: TextEdit = {
    range: { start: doc.positionAt(start), end: doc.positionAt(text.length - end) },
    newText: fixed.slice(start, fixed.length - end),
  };
  return {
    title: 'Fix all auto-fixable plimsoll problems',
    kind: FIX_ALL_KIND,
    edit: workspaceEdit(doc, [edit], documentChanges),
  };
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
