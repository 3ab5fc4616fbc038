import type { DockerfileModel, Instruction } from '../../engine/model';
import { covers, normalizePath, wordPath } from '../../engine/paths';
import { remoteKind } from '../../engine/remote';
import type { ShellCommand, Word } from '../../engine/shell/model';
import { parseArgs } from '../../engine/shell/options';
import { baseName, isQuick, shippingInstructions } from './_scope';

/**
 * Which files an instruction put into the image, and whether a later command's path argument
 * reaches them (paths compared as src/engine/paths.ts normalises them).
 */


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

/** The archive extension a remote URL's path ends with, if any. */
export function remoteArchive(url: string): boolean {
  if (remoteKind(url) !== 'http') return false;
  const path = url.replace(/[?#].*$/, '');
  return ARCHIVE.test(path.slice(path.lastIndexOf('/') + 1));
}


function lastSegment(p: string): string {
  let end = p.length;
  while (end > 0 && p[end - 1] === '/') end--;
  return p.slice(p.lastIndexOf('/', end - 1) + 1, end);
}

/** A source that is one file: its name has an extension (`app.tar.gz`, `*.whl`, `run.sh`). */
const fileLike = (source: string) => !source.endsWith('/') && lastSegment(source).lastIndexOf('.') > 0;

function addedByCopy(instr: Instruction, model: DockerfileModel, cwd: string | undefined): Added[] {
  const { sources, destination } = instr.copy ?? { sources: [] };
  const dest = destination?.value;
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
    const added = (path: string, file: boolean): Added => ({ instr, download: false, path, file });
    const v = src.value.startsWith('<<') ? src.value : expand(src.value);
    if (v === undefined) return added(to, false);
    if (v.startsWith('<<')) return added(at(v.replace(/^<<-?["']?|["']$/g, '')), true);
    const remote = remoteKind(v);
    if (remote === 'git') return added(to, false);
    if (remote === 'http') return added(at(lastSegment(v.replace(/[?#].*$/, ''))), true);
    const name = lastSegment(v);
    // ADD unpacks local archives into the destination.
    if (instr.keyword === 'ADD' && ARCHIVE.test(name)) return added(to, false);
    return fileLike(v) ? added(at(name), true) : added(to, false);
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

