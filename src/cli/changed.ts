import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { UsageError } from './usage-error';

/**
 * Absolute paths of the files git reports as changed since `ref` (committed, staged or not) plus
 * untracked ones: in a big monorepo's CI, only these need linting.
 */
export function changedFiles(ref: string, cwd: string): Set<string> {
  const git = (...args: string[]) => {
    const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new UsageError(`--changed-since ${ref}: git ${args[0]} failed: ${(r.stderr || r.error?.message || '').trim()}`);
    return r.stdout;
  };
  const top = git('rev-parse', '--show-toplevel').trim();
  const names = [
    ...git('diff', '--name-only', '--diff-filter=ACMR', ref).split('\n'),
    ...git('ls-files', '--others', '--exclude-standard', '--full-name').split('\n'),
  ].filter(Boolean);
  return new Set(names.map((n) => path.resolve(top, n)));
}
