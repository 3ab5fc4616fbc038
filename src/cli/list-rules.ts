import type { Linter } from '../engine/linter';
import { shellcheckAvailable } from '../engine/shellcheck';

/** `--list-rules`: every rule's metadata, as a table or as JSON, and whether ShellCheck can run. */
export function listRules(linter: Linter, json: boolean): string {
  if (json) {
    const rules = linter.rules.map((r) => ({ ...r.meta, enabledByDefault: r.meta.enabledByDefault !== false }));
    return JSON.stringify({ rules, shellcheck: { available: shellcheckAvailable(), ids: 'shell/SC<code>' } }, null, 2) + '\n';
  }
  const rows = linter.rules.map((r) => [
    r.meta.id,
    r.meta.severity + (r.meta.enabledByDefault === false ? ' (off)' : ''),
    r.meta.fixable ? 'fix' : '',
    r.meta.aliases.join(','),
    r.meta.description,
  ]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i].length)));
  const table = rows.map((row) => row.map((cell, i) => (i < 4 ? cell.padEnd(widths[i]) : cell)).join('  ')).join('\n');
  const shell = shellcheckAvailable()
    ? 'shell/SC<code>: ShellCheck findings in RUN scripts (shellcheck found on PATH; --no-shellcheck turns them off)'
    : 'shell/SC<code>: ShellCheck findings in RUN scripts: not available, shellcheck is not on PATH (skipped)';
  return `${table}\n\n${shell}\n`;
}
