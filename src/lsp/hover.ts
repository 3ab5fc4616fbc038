import * as fs from 'node:fs';
import * as path from 'node:path';
import { docsUrl } from '../cli/format-context';
import { docsPath } from '../engine/docs';
import type { RuleMeta } from '../engine/rule';

/** The package root: dist/lsp/ (or src/lsp/) is two levels down. */
const ROOT = path.resolve(__dirname, '../..');

const docsCache = new Map<string, string | undefined>();

/** The rule's docs page (rules-docs/<id>.md), when it has one. */
export function readDocs(id: string): string | undefined {
  if (!docsCache.has(id)) {
    let text: string | undefined;
    try {
      text = fs.readFileSync(path.join(ROOT, docsPath(id)), 'utf8');
    } catch {
      text = undefined;
    }
    docsCache.set(id, text);
  }
  return docsCache.get(id);
}

/** Markdown for a rule: its docs page, or its description and a link when it has none (ShellCheck's checks). */
export function ruleMarkdown(meta: RuleMeta): string {
  const page = readDocs(meta.id);
  if (page) return `${page.trimEnd()}\n\n[Documentation](${docsUrl(meta.id)})`;
  return `### ${meta.id}\n\n${meta.description}\n\n[Documentation](${docsUrl(meta.id)})`;
}

export interface IdAtPosition {
  id: string;
  /** UTF-16 columns in the line, end exclusive. */
  start: number;
  end: number;
}

/**
 * The rule id or alias under `character` in an inline pragma comment line (the forms
 * `readPragmas` understands): `# plimsoll|hadolint|tally [global|stage] ignore=A,B`,
 * `# check=skip=A,B`, `# trivy:ignore:A`, `#checkov:skip=A:reason`.
 */
export function pragmaIdAt(line: string, character: number): IdAtPosition | undefined {
  const list = pragmaIdList(line);
  if (!list) return undefined;
  let offset = list.start;
  for (const part of list.text.split(',')) {
    const lead = part.length - part.trimStart().length;
    const id = part.trim();
    const start = offset + lead;
    const end = start + id.length;
    if (id && character >= start && character <= end) return { id, start, end };
    offset += part.length + 1;
  }
  return undefined;
}

/** The comma-separated id list of a pragma line and where it starts. */
function pragmaIdList(line: string): { text: string; start: number } | undefined {
  const forms: RegExp[] = [
    /^(\s*#\s*(?:plimsoll|hadolint|tally)\s+(?:(?:global|stage)\s+)?ignore=)([^\s]+)/i,
    /^(\s*#\s*trivy:ignore:)([^\s]+)/i,
    /^(\s*#\s*checkov:skip=)([^:\s]+)/i,
  ];
  for (const re of forms) {
    const m = re.exec(line);
    if (m) return { text: m[2], start: m[1].length };
  }
  const check = /^(\s*#\s*check\s*=\s*)(.*)$/i.exec(line);
  if (!check) return undefined;
  let offset = check[1].length;
  for (const part of check[2].split(';')) {
    const m = /^(\s*skip\s*=\s*)([^\s]*)/i.exec(part);
    if (m) return { text: m[2], start: offset + m[1].length };
    offset += part.length + 1;
  }
  return undefined;
}
