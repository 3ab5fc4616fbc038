import { lintMemo } from '../../engine/memo';
import { shortRepository } from '../../engine/image-ref';
import type { DockerfileModel, Instruction, Stage } from '../../engine/model';
import type { ShellCommand } from '../../engine/shell/model';
import {
  CACHE_PATHS,
  hasOption,
  isInstall,
  isRefresh,
  managerCall,
  type Manager,
  type ManagerCall,
} from '../../engine/shell/packages';
import { covers, normalizePath, wordPath } from '../../engine/paths';
import { rmOperands } from './_files';
import { shippingInstructions } from './_scope';

/**
 * What the bloat rules know about package managers' leftovers. Managers that share a cache are
 * one family: `yum` on a dnf system caches where `dnf` does, `apt` and `apt-get` share the lists.
 */
export type Family = 'apt' | 'apk' | 'rpm' | 'zypper' | 'pip' | 'npm' | 'yarn' | 'gem';

const MEMBERS: Record<Family, Manager[]> = {
  apt: ['apt-get', 'apt', 'aptitude'],
  apk: ['apk'],
  rpm: ['yum', 'dnf', 'microdnf', 'tdnf'],
  zypper: ['zypper'],
  pip: ['pip'],
  npm: ['npm'],
  yarn: ['yarn'],
  gem: ['gem'],
};
const FAMILIES = Object.keys(MEMBERS) as Family[];

export function familyOf(call: ManagerCall): Family | undefined {
  return FAMILIES.find((f) => MEMBERS[f].includes(call.manager));
}

/** `yarn` alone (or with options only) installs the project's dependencies. */
export function installs(call: ManagerCall): boolean {
  if (isInstall(call)) return true;
  return call.manager === 'yarn' && call.action === undefined && !hasOption(call, '--version', '-v', '--help', '-h');
}

/**
 * Home directories are interchangeable for cache paths: pip run as `app` caches in
 * `/home/app/.cache/pip` what root caches in `/root/.cache/pip`.
 */
function homeless(path: string): string {
  if (path === '/root' || path.startsWith('/root/')) return '~' + path.slice(5);
  if (path.startsWith('/home/')) {
    const slash = path.indexOf('/', 6);
    return slash < 0 ? '~' : '~' + path.slice(slash);
  }
  return path;
}

/** Per family, its cache paths (home-less), computed once: every command of every RUN asks. */
const CACHES = new Map(FAMILIES.map((f) => [f, [...new Set(MEMBERS[f].flatMap((m) => CACHE_PATHS[m]).map((p) => homeless(normalizePath(p)!)))]]));

/**
 * What must be gone for an install to leave nothing behind. For apt that is the lists: Debian and
 * Ubuntu images already delete downloaded .debs (docker-clean), while the lists (tens of MB) stay.
 */
function residue(f: Family): string[] {
  return f === 'apt' ? ['/var/lib/apt/lists'] : CACHES.get(f)!;
}

/**
 * Paths whose removal cleans a family: its caches and residue, and, for paths below them, only the
 * most specific one (`~/.cache/go-build` is not pip's `~/.cache`).
 */
const CLEANED_BY = new Map(
  FAMILIES.map((f) => {
    const known = [...new Set([...CACHES.get(f)!, ...residue(f)])];
    return [f, { known, specific: known.filter((k) => !known.some((o) => o !== k && covers(k, o))) }] as const;
  }),
);

const CACHE_DIR_OPTION: Partial<Record<Manager, string>> = { npm: '--cache', yarn: '--cache-folder', pip: '--cache-dir', apk: '--cache-dir' };

/** A cache directory chosen on the command line (`npm ci --cache /tmp/npm`), whose removal is then what counts. */
function chosenCacheDir(call: ManagerCall, model: DockerfileModel, run: Instruction): string | undefined {
  const name = CACHE_DIR_OPTION[call.manager];
  const o = name ? call.options.find((x) => x.name === name) : undefined;
  const v = o && (o.valueWord ? wordPath(o.valueWord, model, run) : o.value);
  const p = v ? normalizePath(v) : undefined;
  return p && homeless(p);
}

/** The path a `rm` operand or mount target names, comparable with cache paths. */
function cacheComparable(value: string | undefined): string | undefined {
  const p = value === undefined ? undefined : normalizePath(value);
  return p && homeless(p);
}

/** A manager command that empties the family's cache completely (`dnf clean all`, `npm cache clean`). */
function cleansFully(call: ManagerCall, f: Family): boolean {
  const sub = call.operands[0]?.value;
  switch (f) {
    case 'apk':
      return call.action === 'cache clean' || call.action === 'cache purge';
    case 'rpm':
      return call.action === 'clean' && sub === 'all';
    case 'zypper':
      return call.action === 'clean' || call.action === 'cc';
    case 'pip':
      return call.action === 'cache purge';
    case 'npm':
      return call.action === 'cache' && ['clean', 'clear', 'rm'].includes(sub ?? '');
    case 'yarn':
      return call.action === 'cache' && sub === 'clean';
    default:
      return false;
  }
}

/** A manager command that cleans some of the family's cache (`apt-get clean`, `yum clean packages`). */
function cleansPartly(call: ManagerCall, f: Family): boolean {
  if (cleansFully(call, f)) return true;
  switch (f) {
    case 'apt':
      return call.action === 'clean' || call.action === 'autoclean';
    case 'apk':
      return call.action?.startsWith('cache ') ?? false;
    case 'rpm':
      return call.action === 'clean';
    case 'pip':
      return call.action === 'cache remove';
    default:
      return false;
  }
}

function setsPipNoCache(cmd: ShellCommand, run: Instruction, model: DockerfileModel): boolean {
  const def = model.lookup('PIP_NO_CACHE_DIR', run);
  if (def?.value) return true;
  const words = [...cmd.assignments, ...cmd.wrappers];
  return words.some((w) => (w.value ?? w.text).startsWith('PIP_NO_CACHE_DIR='));
}

/** The stage at the root of `stage`'s FROM chain. */
function rootStage(stage: Stage): Stage {
  let s = stage;
  while (s.base.stage) s = s.base.stage;
  return s;
}

/**
 * gem skips documentation when the official ruby image's gemrc says so, or when the Dockerfile
 * writes a gemrc (`echo 'gem: --no-document' > /etc/gemrc`) or copies one in.
 */
function gemDocsOff(call: ManagerCall, run: Instruction, model: DockerfileModel): boolean {
  const root = rootStage(run.stage!).base.ref;
  if (root && shortRepository(root) === 'ruby') return true;
  const gemrc = (v: string | null | undefined) => !!v && v.endsWith('gemrc');
  for (const instr of shippingInstructions(model)) {
    if (instr.index > run.index) break;
    if ((instr.keyword === 'COPY' || instr.keyword === 'ADD') && gemrc(instr.copy?.destination?.value)) return true;
    for (const c of instr.run?.commands ?? []) {
      if (instr === run && c.start >= call.command.start) break;
      if (c.redirects.some((r) => r.target && gemrc(r.target.value))) return true;
    }
  }
  return false;
}

/** The install itself leaves nothing: `apk add --no-cache`, `pip install --no-cache-dir`, `gem install -N`. */
function cleanByFlag(call: ManagerCall, f: Family, run: Instruction, model: DockerfileModel): boolean {
  if (!installs(call)) return false;
  switch (f) {
    case 'apk':
      return hasOption(call, '--no-cache');
    case 'pip':
      return hasOption(call, '--no-cache-dir') || setsPipNoCache(call.command, run, model);
    case 'gem':
      return (
        hasOption(call, '--no-document', '-N') ||
        (hasOption(call, '--no-rdoc') && hasOption(call, '--no-ri')) ||
        gemDocsOff(call, run, model)
      );
    default:
      return false;
  }
}

/** Whether an install or index refresh leaves the family's cache in the RUN's layer. */
function leaks(call: ManagerCall, f: Family, run: Instruction, model: DockerfileModel): boolean {
  if (cleanByFlag(call, f, run, model)) return false;
  // gem's leftover is documentation, which neither a mount nor a cache cleanup takes away.
  if (f === 'gem') return true;
  const chosen = chosenCacheDir(call, model, run);
  const dirs = chosen ? [chosen] : residue(f);
  const reaches = (p: string | undefined) => p !== undefined && dirs.some((d) => covers(p, d));
  // With a cache or tmpfs mount over the cache, its files never reach the layer.
  const mounted = run.run!.mounts.some(
    (m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target && reaches(cacheComparable(model.expand(m.target, run).value)),
  );
  if (mounted) return false;
  const { removals, lastFullClean } = cleanupsOf(run, model);
  if ((lastFullClean.get(f) ?? -1) >= call.command.end) return false;
  return !removals.some((r) => r.start >= call.command.end && r.paths.some(reaches));
}

/**
 * The cleanups of a RUN, read once: its `rm` commands with what they remove, and per family where
 * its last full clean (`apk cache clean`...) starts. Asking each install about every later
 * command instead was quadratic: minutes for a RUN of thousands of `&& apk add`.
 */
const cleanups = lintMemo<Instruction, { removals: { start: number; paths: (string | undefined)[] }[]; lastFullClean: Map<Family, number> }>();
function cleanupsOf(run: Instruction, model: DockerfileModel) {
  let found = cleanups.get(run);
  if (!found) {
    found = { removals: [], lastFullClean: new Map() };
    for (const c of run.run!.commands) {
      const paths = rmOperands(c).map((w) => cacheComparable(wordPath(w, model, run)));
      if (paths.length) found.removals.push({ start: c.start, paths });
      const other = managerCall(c);
      const family = other && familyOf(other);
      if (family && cleansFully(other!, family)) found.lastFullClean.set(family, Math.max(c.start, found.lastFullClean.get(family) ?? -1));
    }
    cleanups.set(run, found);
  }
  return found;
}

export interface FamilyUse {
  family: Family;
  installs: ManagerCall[];
  refreshes: ManagerCall[];
  /** Installs and refreshes whose cache nothing in the RUN removes. */
  leaking: ManagerCall[];
}

/** The package families a RUN installs with or refreshes, and what each leaves in the layer. */
export function packageUse(run: Instruction, model: DockerfileModel): Map<Family, FamilyUse> {
  const uses = new Map<Family, FamilyUse>();
  for (const cmd of run.run?.commands ?? []) {
    const call = managerCall(cmd);
    const family = call && familyOf(call);
    if (!call || !family) continue;
    const install = installs(call);
    if (!install && !isRefresh(call)) continue;
    let use = uses.get(family);
    if (!use) uses.set(family, (use = { family, installs: [], refreshes: [], leaking: [] }));
    (install ? use.installs : use.refreshes).push(call);
    if (leaks(call, family, run, model)) use.leaking.push(call);
  }
  return uses;
}

/** The families whose cache `cmd` removes, wholly or partly (`rm -rf /var/lib/apt/lists/*`, `apt-get clean`). */
export function cleanedFamilies(cmd: ShellCommand, run: Instruction, model: DockerfileModel): Family[] {
  const call = managerCall(cmd);
  const family = call && familyOf(call);
  if (call && family) return cleansPartly(call, family) ? [family] : [];
  const paths = rmOperands(cmd)
    .map((w) => cacheComparable(wordPath(w, model, run)))
    .filter((p): p is string => p !== undefined);
  if (!paths.length) return [];
  return FAMILIES.filter((f) => {
    const { known, specific } = CLEANED_BY.get(f)!;
    return paths.some((p) => known.some((k) => covers(p, k)) || specific.some((k) => covers(k, p)));
  });
}
