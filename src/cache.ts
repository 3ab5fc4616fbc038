import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LintOptions } from './engine/linter';
import type { LintOutput } from './lint-text';
import { shellcheckAvailable } from './engine/shellcheck';
import { packageVersion } from './version';

/**
 * Results of earlier runs, so an unchanged file costs a hash instead of a lint (`--cache`). An
 * entry is valid while the file's content, the options it was linted with (rules, build inputs,
 * configuration) and the plimsoll version are all the same, as in ESLint's content cache.
 */
export class ResultCache {
  private entries: Record<string, { key: string; output: LintOutput }> = {};
  private dirty = false;

  constructor(readonly file: string) {
    try {
      const data = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (data && data.version === packageVersion() && typeof data.entries === 'object') this.entries = data.entries;
    } catch {
      // no cache yet, or an unreadable one: start empty
    }
  }

  key(text: string, options: LintOptions): string {
    // Whether ShellCheck could run changes the findings as much as the options do.
    const shellcheck = options.shellcheck !== false && shellcheckAvailable();
    const { createHash } = require('node:crypto') as typeof import('node:crypto');
    return createHash('sha256')
      .update(`${packageVersion()}\0${shellcheck}\0${JSON.stringify(options)}\0`)
      .update(text)
      .digest('base64url');
  }

  get(file: string, key: string): LintOutput | undefined {
    const e = this.entries[file];
    return e && e.key === key ? e.output : undefined;
  }

  set(file: string, key: string, output: LintOutput): void {
    this.entries[file] = { key, output };
    this.dirty = true;
  }

  save(): void {
    if (!this.dirty) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ version: packageVersion(), entries: this.entries }));
    fs.renameSync(tmp, this.file);
  }
}
