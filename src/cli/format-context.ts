import * as fs from 'node:fs';
import * as path from 'node:path';
import { docsPath } from '../engine/docs';
import type { Linter } from '../engine/linter';
import type { RuleMeta } from '../engine/rule';
import type { FileReport, FormatContext } from '../formats/types';
import { packageVersion } from '../version';

const ROOT = path.resolve(__dirname, '../..');

/** Where the docs pages are published: the repository's `rules-docs/` folder. */
export function docsUrl(ruleId: string): string {
  const sc = /^shell\/SC(\d+)$/.exec(ruleId);
  if (sc) return `https://www.shellcheck.net/wiki/SC${sc[1]}`;
  const pkg = require('../../package.json') as { homepage: string };
  return `${pkg.homepage}/blob/main/${docsPath(ruleId)}`;
}

/** What formatters may know about rules, derived from the linter and the reports at hand. */
export function formatContext(linter: Linter, reports: FileReport[], color: boolean, cwd: string): FormatContext {
  const rules: RuleMeta[] = linter.rules.map((r) => r.meta);
  const seen = new Set(rules.map((r) => r.id));
  for (const r of reports) {
    for (const f of r.findings) {
      if (seen.has(f.rule)) continue;
      seen.add(f.rule);
      const rule = linter.resolve(f.rule);
      if (rule) rules.push(rule.meta);
    }
  }
  return {
    color,
    rules,
    docs(ruleId) {
      try {
        return fs.readFileSync(path.join(ROOT, docsPath(ruleId)), 'utf8');
      } catch {
        return undefined;
      }
    },
    docsUrl,
    version: packageVersion(),
    cwd,
  };
}
