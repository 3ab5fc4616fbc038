import * as fs from 'node:fs';
import * as path from 'node:path';
import { docsPath, metadataLine } from '../engine/docs';
import type { Linter } from '../engine/linter';
import { docsUrl } from './format-context';
import type { Io } from './main';

/** `--explain RULE`: the rule's docs page, as Markdown text in the terminal. */
export function explain(id: string, io: Io, linter: Linter): number {
  const rule = linter.resolve(id);
  if (!rule) {
    io.stderr.write(`plimsoll: unknown rule "${id}"\n`);
    return 2;
  }
  let page: string;
  try {
    page = fs.readFileSync(path.resolve(__dirname, '../..', docsPath(rule.meta.id)), 'utf8');
  } catch {
    page = `# ${rule.meta.id}\n\n> ${rule.meta.description}\n\n${metadataLine(rule.meta)}\n`;
  }
  io.stdout.write(`${page.trimEnd()}\n\n${docsUrl(rule.meta.id)}\n`);
  return 0;
}
