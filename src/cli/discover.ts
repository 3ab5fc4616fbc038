import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Ignore } from 'ignore';

/** Names of Dockerfiles found when a directory is linted. */
const DOCKERFILE_NAME = /^(dockerfile|containerfile)([.-][^/]*)?$|\.(dockerfile|containerfile)$/i;
/** Suffixes of files that share a Dockerfile's name but are not Dockerfiles. */
const NOT_DOCKERFILE = /\.(dockerignore|md|txt|j2|jinja2?|tmpl|tpl|template|erb|in|orig|rej|bak|swp|sh|py|ya?ml|json|toml|lock)$/i;
const SKIPPED_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn']);

export function isDockerfileName(name: string): boolean {
  return DOCKERFILE_NAME.test(name) && !NOT_DOCKERFILE.test(name);
}

export interface Discovery {
  files: string[];
  /** Arguments that named nothing lintable, or could not be read. */
  errors: { file: string; message: string }[];
}

const GLOB_CHARS = /[*?[\]{}]/;

/**
 * Expands CLI arguments into files: a file is taken as is, a directory is searched for
 * Dockerfiles (honouring .gitignore files, not following symlinked directories, so a link loop
 * cannot trap it), anything else is a glob. Results keep argument order and have no duplicates.
 */
export function discover(args: string[], cwd: string): Discovery {
  const files: string[] = [];
  const seen = new Set<string>();
  const errors: Discovery['errors'] = [];
  const add = (f: string) => {
    const abs = path.resolve(cwd, f);
    if (!seen.has(abs)) {
      seen.add(abs);
      files.push(abs);
    }
  };
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch (err) {
      if (!GLOB_CHARS.test(arg)) {
        errors.push({ file: arg, message: describeFsError(err) });
        continue;
      }
    }
    if (stat?.isDirectory()) {
      const found = walk(abs);
      if (found.length === 0) errors.push({ file: arg, message: 'no Dockerfiles found in this directory' });
      found.forEach(add);
    } else if (stat) {
      add(abs);
    } else {
      // fast-glob is loaded only when a glob is given: most runs name files or directories.
      const fg = require('fast-glob') as typeof import('fast-glob');
      const matches = fg.sync(arg, { cwd, dot: true, onlyFiles: true, absolute: true, followSymbolicLinks: false, ignore: ['**/node_modules/**', '**/.git/**'] }).sort();
      if (matches.length === 0) errors.push({ file: arg, message: 'no files match this pattern' });
      matches.forEach(add);
    }
  }
  return { files, errors };
}

function walk(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string, rules: { base: string; ig: Ignore }[]) => {
    const here = [...rules];
    const gitignore = readIfExists(path.join(dir, '.gitignore'));
    if (gitignore !== undefined) here.push({ base: dir, ig: (require('ignore') as typeof import('ignore'))().add(gitignore) });
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      const isDir = e.isDirectory();
      if (isDir && SKIPPED_DIRS.has(e.name)) continue;
      if (here.some(({ base, ig }) => ig.ignores(path.relative(base, full) + (isDir ? '/' : '')))) continue;
      if (isDir) visit(full, here);
      else if ((e.isFile() || e.isSymbolicLink()) && isDockerfileName(e.name)) out.push(full);
    }
  };
  visit(root, []);
  return out;
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return e?.message ?? String(err);
  }
}
