import type { Arg, DockerfileModel, Instruction } from '../../engine/model';
import type { ShellCommand, Word } from '../../engine/shell/model';
import { parseArgs } from '../../engine/shell/options';
import { baseName, isQuick, shippingInstructions } from './_scope';

/**
 * Paths as the bloat rules compare them: which files an instruction put into the image, and
 * whether a later command's path argument reaches them. Paths are absolute and normalised, `~`
 * is `/root`, and a trailing `/*` is dropped (`rm -rf dir/*` empties `dir`); globs elsewhere stay
 * in and are matched segment by segment.
 */

/** The literal value of a path word, with `$HOME` and variables set by ARG/ENV filled in; undefined when unknown. */
export function wordPath(word: Word, model: DockerfileModel, at: Instruction): string | undefined {
  if (word.value !== null) return word.value;
  // Double quotes around expansions are common (`"$HOME/.cache"`); anything fancier is left unknown.
  const text = word.text.split('"').join('');
  if (/['`\\]|\$\(/.test(text)) return undefined;
  const home = model.lookup('HOME', at) ? text : text.replace(/^\$\{?HOME\}?(?=\/|$)/, '~');
  const expanded = model.expand(home, at);
  return expanded.unresolved.length ? undefined : expanded.value;
}

export function normalizePath(path: string, cwd?: string): string | undefined {
  let p = path;
  if (p === '~' || p.startsWith('~/')) p = '/root' + p.slice(1);
  else if (!p.startsWith('/')) {
    if (cwd === undefined || p === '') return undefined;
    p = cwd + '/' + p;
  }
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  while (out[out.length - 1] === '*') out.pop();
  return '/' + out.join('/');
}

const segments = (p: string) => p.split('/').filter(Boolean);

/** Shell wildcard match of one path segment (`*`, `?`); linear backtracking to the last star. */
function segMatch(pattern: string, s: string): boolean {
  let p = 0;
  let i = 0;
  let star = -1;
  let mark = 0;
  while (i < s.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === s[i])) {
      p++;
      i++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = i;
    } else if (star >= 0) {
      p = star + 1;
      i = ++mark;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/** `target` is `pattern` itself or lies below it. */
export function covers(pattern: string, target: string): boolean {
  const ps = segments(pattern);
  const ts = segments(target);
  return ps.length <= ts.length && ps.every((seg, i) => segMatch(seg, ts[i]));
}

/** `target` names exactly what `pattern` names (same depth). */
export function same(pattern: string, target: string): boolean {
  return segments(pattern).length === segments(target).length && covers(pattern, target);
}

export interface Added {
  /** Where the files landed; may hold globs from the source (`/tmp/*.whl`). */
  path: string;
  /** A single file (known from its name), rather than a directory or unknown contents. */
  file: boolean;
  instr: Instruction;
  /** Fetched by `curl -o`/`wget -O` in a RUN rather than by COPY/ADD. */
  download: boolean;
}

/** How `path` (from a later command) reaches an added path: it is it or holds it, or lies strictly inside it. */
export function relation(path: string, added: Added): 'covers' | 'inside' | undefined {
  if (covers(path, added.path)) return 'covers';
  if (!added.file && covers(added.path, path)) return 'inside';
  return undefined;
}

const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tzst|zip|gz|bz2|xz|zst|lz4|lzma)$/i;
const isUrl = (s: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || s.startsWith('git@');
const isGit = (s: string) => s.startsWith('git@') || /\.git(#|$)/.test(s);

/** The archive extension a remote URL's path ends with, if any. */
export function remoteArchive(url: string): boolean {
  if (!isUrl(url) || isGit(url)) return false;
  const path = url.replace(/[?#].*$/, '');
  return ARCHIVE.test(path.slice(path.lastIndexOf('/') + 1));
}

/** COPY/ADD sources and destination as written on the instruction's first line (heredoc bodies excluded). */
export function copyOperands(instr: Instruction): { sources: Arg[]; dest?: string } {
  const bodyStart = Math.min(...instr.heredocs.map((h) => h.content?.start ?? Infinity));
  const args = instr.json ?? instr.args.filter((a) => a.start < bodyStart);
  if (args.length < 2) return { sources: [] };
  return { sources: args.slice(0, -1), dest: args[args.length - 1].value };
}

function lastSegment(p: string): string {
  let end = p.length;
  while (end > 0 && p[end - 1] === '/') end--;
  return p.slice(p.lastIndexOf('/', end - 1) + 1, end);
}

/** A source that is one file: its name has an extension (`app.tar.gz`, `*.whl`, `run.sh`). */
const fileLike = (source: string) => !source.endsWith('/') && lastSegment(source).lastIndexOf('.') > 0;

function addedByCopy(instr: Instruction, model: DockerfileModel, cwd: string | undefined): Added[] {
  const { sources, dest } = copyOperands(instr);
  const expand = (s: string) => {
    const e = model.expand(s, instr);
    return e.unresolved.length ? undefined : e.value;
  };
  const destValue = dest === undefined ? undefined : expand(dest);
  const to = destValue === undefined ? undefined : normalizePath(destValue, cwd);
  if (destValue === undefined || to === undefined) return [];
  const intoDir = sources.length > 1 || destValue.endsWith('/') || /(^|\/)\.\.?$/.test(destValue);
  const at = (name: string) => (intoDir ? normalizePath(name, to)! : to);
  return sources.map((src): Added => {
    const base = { instr, download: false };
    const v = src.value.startsWith('<<') ? src.value : expand(src.value);
    if (v === undefined) return { ...base, path: to, file: false };
    if (v.startsWith('<<')) return { ...base, path: at(v.replace(/^<<-?["']?|["']$/g, '')), file: true };
    if (isUrl(v)) {
      if (isGit(v)) return { ...base, path: to, file: false };
      return { ...base, path: at(lastSegment(v.replace(/[?#].*$/, ''))), file: true };
    }
    const name = lastSegment(v);
    // ADD unpacks local archives into the destination.
    if (instr.keyword === 'ADD' && ARCHIVE.test(name)) return { ...base, path: to, file: false };
    return fileLike(v) ? { ...base, path: at(name), file: true } : { ...base, path: to, file: false };
  });
}

const CURL_VALUED = new Set([
  '-o', '--output', '--output-dir', '-H', '--header', '-d', '--data', '--data-binary', '--data-raw', '--data-urlencode', '-u',
  '--user', '-x', '--proxy', '-A', '--user-agent', '-e', '--referer', '-m', '--max-time', '-w', '--write-out', '-X',
  '--request', '--retry', '--retry-delay', '--retry-max-time', '--connect-timeout', '-T', '--upload-file', '-F', '--form',
  '-b', '--cookie', '-c', '--cookie-jar', '-K', '--config', '-r', '--range', '-E', '--cert', '--key', '--cacert',
  '--resolve', '--limit-rate', '-C', '--continue-at', '-z', '--time-cond', '--proto', '-U', '--proxy-user', '--max-filesize',
]);
const WGET_VALUED = new Set([
  '-O', '--output-document', '-o', '--output-file', '-a', '--append-output', '-P', '--directory-prefix', '-t', '--tries',
  '-T', '--timeout', '-U', '--user-agent', '--header', '-e', '--execute', '-i', '--input-file', '-w', '--wait', '--user',
  '--password', '-Q', '--quota', '-l', '--level', '-A', '-R', '-D', '-I', '-X', '--limit-rate', '--post-data',
  '--post-file', '--method', '--body-data', '--ca-certificate', '--certificate', '--private-key', '-B', '--base',
]);

/** Files a `curl -o`/`wget -O` (or `curl ... > file`) writes. */
function downloadTargets(cmd: ShellCommand, model: DockerfileModel, run: Instruction): string[] {
  const name = baseName(cmd);
  const out: (string | null | undefined)[] = [];
  const fromWord = (w: Word | undefined, v: string | null | undefined) => (w ? wordPath(w, model, run) : v);
  if (name === 'curl') {
    const { options } = parseArgs(cmd.args, CURL_VALUED);
    const dir = options.find((o) => o.name === '--output-dir');
    const dirValue = dir && fromWord(dir.valueWord, dir.value);
    for (const o of options) {
      if (o.name !== '-o' && o.name !== '--output') continue;
      const v = fromWord(o.valueWord, o.value);
      out.push(v && dirValue && !v.startsWith('/') ? `${dirValue}/${v}` : v);
    }
  } else if (name === 'wget') {
    for (const o of parseArgs(cmd.args, WGET_VALUED).options) {
      if (o.name === '-O' || o.name === '--output-document') out.push(fromWord(o.valueWord, o.value));
    }
  } else return [];
  for (const r of cmd.redirects) if (r.operator === '>' && r.target) out.push(wordPath(r.target, model, run));
  return out.filter((v): v is string => !!v && v !== '-' && !v.startsWith('/dev/'));
}

export interface RunView {
  run: Instruction;
  /** What earlier instructions of the shipping chain added, oldest first. */
  added: readonly Added[];
  /** An absolute, normalised path for a path word of `cmd`, or undefined when unknown. */
  pathOf(word: Word, cmd: ShellCommand): string | undefined;
  /** Whether a command that could create files ran after `added` and before `cmd`. */
  busySince(added: Added, cmd: ShellCommand): boolean;
}

/**
 * Walks the shipping chain in build order, keeping track of WORKDIR, of the files COPY/ADD and
 * downloads added, and of RUNs that did real work, and shows each POSIX RUN to `visit`.
 */
export function walkShippingRuns(model: DockerfileModel, visit: (view: RunView) => void): void {
  const chain = shippingInstructions(model);
  const root = chain[0]?.stage ?? model.stages.find((s) => s.ships);
  // Without a WORKDIR of our own, the base image's (unknown) one applies; scratch starts at `/`.
  let workdir: string | undefined = root?.base.scratch ? '/' : undefined;
  const added: Added[] = [];
  const busyRuns: number[] = [];
  for (const instr of chain) {
    if (instr.keyword === 'WORKDIR' && instr.args[0]) {
      const e = model.expand(instr.args[0].value, instr);
      workdir = e.unresolved.length ? undefined : normalizePath(e.value, workdir);
    } else if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
      added.push(...addedByCopy(instr, model, workdir));
    } else if (instr.run?.posix) {
      const commands = instr.run.commands;
      const movedAt = commands.find((c) => ['cd', 'pushd', 'popd'].includes(baseName(c)))?.start ?? Infinity;
      const dir = workdir;
      const pathOf = (v: string | undefined, cmd: ShellCommand) =>
        v === undefined ? undefined : normalizePath(v, cmd.start > movedAt ? undefined : dir);
      visit({
        run: instr,
        added,
        pathOf: (word, cmd) => pathOf(wordPath(word, model, instr), cmd),
        busySince: (a, cmd) =>
          busyRuns.some((i) => i > a.instr.index) || commands.some((c) => c.start < cmd.start && !isQuick(c, instr)),
      });
      if (commands.some((c) => !isQuick(c, instr))) busyRuns.push(instr.index);
      // What this RUN deletes is gone for later RUNs; what it downloads (and keeps) is added.
      for (const c of commands) {
        for (const w of rmOperands(c)) {
          const path = pathOf(wordPath(w, model, instr), c);
          if (path !== undefined) for (let i = added.length - 1; i >= 0; i--) if (covers(path, added[i].path)) added.splice(i, 1);
        }
        for (const t of downloadTargets(c, model, instr)) {
          const path = pathOf(t, c);
          if (path) added.push({ path, file: true, instr, download: true });
        }
      }
    }
  }
}

/** Path operands of an `rm`. */
export function rmOperands(cmd: ShellCommand): Word[] {
  return baseName(cmd) === 'rm' ? parseArgs(cmd.args, new Set()).operands : [];
}

/** Line (from 1) of an instruction, for messages. */
export function lineOf(model: DockerfileModel, instr: Instruction): number {
  return model.lines.lineOf(instr.start) + 1;
}
