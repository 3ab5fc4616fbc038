import type { ShellCommand, Word } from './model';
import { lintMemo } from '../memo';
import { parseArgs, type ParsedOption } from './options';

/**
 * What the model knows about package managers: how each is invoked, which of its actions install,
 * upgrade or refresh, which options take values, where it keeps its cache, and how to read the
 * packages (with versions) an install asks for. Rules of every family ask these questions here
 * rather than each reading command lines their own way.
 */
export type Manager =
  | 'apt-get' | 'apt' | 'aptitude' | 'apk' | 'yum' | 'dnf' | 'microdnf' | 'tdnf' | 'zypper'
  | 'pip' | 'npm' | 'yarn' | 'pnpm' | 'gem' | 'go' | 'cargo' | 'bundle' | 'poetry' | 'pipenv' | 'mvn' | 'gradle' | 'composer';

/** Managers sharing packaging conventions. */
export type Ecosystem = 'apt' | 'apk' | 'rpm' | 'zypper' | 'pip' | 'node' | 'gem' | 'go' | 'cargo' | 'other';

interface ManagerSpec {
  ecosystem: Ecosystem;
  valued: string[];
  install: string[];
  upgrade?: string[];
  refresh?: string[];
  /** Long options spelled with one dash (Go's flag package). */
  singleDashLong?: boolean;
}

const APT: ManagerSpec = {
  ecosystem: 'apt',
  valued: ['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture'],
  install: ['install', 'reinstall'],
  upgrade: ['upgrade', 'dist-upgrade', 'full-upgrade', 'safe-upgrade'],
  refresh: ['update'],
};
const RPM_VALUED = [
  '--enablerepo', '--disablerepo', '--setopt', '--installroot', '--releasever', '-x', '--exclude', '-c', '--config',
  '-d', '--debuglevel', '-e', '--errorlevel', '--downloaddir', '--destdir', '--repofrompath', '--repoid', '--repo',
  '--rpmverbosity', '--color', '--forcearch', '--setopt', '--comment', '--advisory', '--security-severity',
];
const RPM: ManagerSpec = {
  ecosystem: 'rpm',
  valued: RPM_VALUED,
  install: ['install', 'groupinstall', 'localinstall', 'reinstall', 'in'],
  upgrade: ['update', 'upgrade', 'update-minimal', 'upgrade-minimal', 'distro-sync', 'distrosync', 'dsync'],
  refresh: ['makecache'],
};

const SPECS: Record<Manager, ManagerSpec> = {
  'apt-get': APT,
  apt: APT,
  aptitude: APT,
  apk: {
    ecosystem: 'apk',
    valued: ['-X', '--repository', '-p', '--root', '--keys-dir', '-t', '--virtual', '--arch', '--cache-dir', '--repositories-file', '--cache-max-age'],
    install: ['add'],
    upgrade: ['upgrade'],
    refresh: ['update'],
  },
  yum: RPM,
  dnf: RPM,
  microdnf: RPM,
  tdnf: RPM,
  zypper: {
    ecosystem: 'zypper',
    valued: [
      '--root', '-R', '--config', '-c', '--reposd-dir', '-D', '--cache-dir', '-C', '--raw-cache-dir', '--solv-cache-dir',
      '--pkg-cache-dir', '-t', '--type', '-r', '--repo', '--from', '-p', '--plus-repo', '--download',
    ],
    install: ['install', 'in'],
    upgrade: ['update', 'up', 'dist-upgrade', 'dup', 'patch'],
    refresh: ['refresh', 'ref'],
  },
  pip: {
    ecosystem: 'pip',
    valued: [
      '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-t',
      '--target', '--prefix', '--root', '-f', '--find-links', '--trusted-host', '--cache-dir', '--progress-bar',
      '--platform', '--python-version', '--implementation', '--abi', '--only-binary', '--no-binary', '--upgrade-strategy',
      '--src', '--log', '--timeout', '--retries', '--proxy', '--cert', '--client-cert', '--global-option',
      '--install-option', '--config-settings', '-C', '--report', '--root-user-action', '--python', '--exists-action',
    ],
    install: ['install'],
  },
  npm: {
    ecosystem: 'node',
    valued: ['--prefix', '--registry', '--cache', '--loglevel', '-w', '--workspace', '--omit', '--include', '--tag', '--userconfig', '--location'],
    install: ['install', 'i', 'add', 'ci', 'in', 'isntall'],
  },
  yarn: {
    ecosystem: 'node',
    valued: ['--cache-folder', '--modules-folder', '--registry', '--network-timeout', '--cwd', '--mutex', '--global-folder', '--link-folder'],
    install: ['install', 'add', 'global add'],
  },
  pnpm: {
    ecosystem: 'node',
    valued: ['--dir', '-C', '--filter', '-F', '--store-dir', '--reporter', '--registry', '--workspace-root'],
    install: ['install', 'i', 'add', 'fetch'],
  },
  gem: {
    ecosystem: 'gem',
    valued: ['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '-P', '--trust-policy', '--platform', '-g', '--file'],
    install: ['install', 'i'],
    upgrade: ['update'],
  },
  go: {
    ecosystem: 'go',
    valued: ['-tags', '-ldflags', '-gcflags', '-asmflags', '-o', '-mod', '-modfile', '-p', '-pkgdir', '-overlay', '-C', '-buildmode', '-compiler', '-gccgoflags', '-installsuffix', '-toolexec'],
    install: ['install', 'get'],
    singleDashLong: true,
  },
  cargo: {
    ecosystem: 'cargo',
    valued: [
      '--version', '--vers', '--git', '--branch', '--tag', '--rev', '--path', '--root', '--index', '--registry', '-F',
      '--features', '-j', '--jobs', '--target', '--target-dir', '--profile', '--bin', '--example', '--config', '-Z',
      '--color', '-p', '--package', '--manifest-path',
    ],
    install: ['install'],
  },
  bundle: { ecosystem: 'gem', valued: ['--gemfile', '--path', '--jobs', '-j', '--retry', '--without', '--with', '--binstubs'], install: ['install'] },
  poetry: { ecosystem: 'pip', valued: ['--only', '--with', '--without', '-E', '--extras', '-C', '--directory'], install: ['install', 'add'] },
  pipenv: { ecosystem: 'pip', valued: ['--python', '--pypi-mirror', '-r', '--requirements', '--categories', '--extra-pip-args'], install: ['install', 'sync'] },
  mvn: { ecosystem: 'other', valued: ['-f', '--file', '-s', '--settings', '-P', '-pl', '-D', '-T', '-gs'], install: [] },
  gradle: { ecosystem: 'other', valued: ['-p', '--project-dir', '-x', '--exclude-task', '-P', '-D', '--init-script', '-I'], install: [] },
  composer: { ecosystem: 'other', valued: ['-d', '--working-dir'], install: ['install', 'require'] },
};

export interface ManagerCall {
  manager: Manager;
  ecosystem: Ecosystem;
  command: ShellCommand;
  /** The action (`install`, `add`, `update`, `global add`...), when one was given. */
  action?: string;
  actionWord?: Word;
  options: ParsedOption[];
  /** Operands after the action: packages for an install. */
  operands: Word[];
}

/** Commands whose name reaches a manager through an interpreter: `python3 -m pip`. */
function managerOf(cmd: ShellCommand): { manager: Manager; args: Word[] } | undefined {
  const base = cmd.name.replace(/^.*\//, '');
  if (base in SPECS) return { manager: base as Manager, args: cmd.args };
  // The Maven and Gradle wrappers take the same arguments as the tools they download.
  if (base === 'mvnw') return { manager: 'mvn', args: cmd.args };
  if (base === 'gradlew') return { manager: 'gradle', args: cmd.args };
  if (/^pip\d*(\.\d+)*$/.test(base)) return { manager: 'pip', args: cmd.args };
  if (/^python\d*(\.\d+)*$/.test(base)) {
    const m = cmd.args.findIndex((a) => a.value === '-m');
    if (m >= 0 && /^pip\d*$/.test(cmd.args[m + 1]?.value ?? '')) return { manager: 'pip', args: cmd.args.slice(m + 2) };
  }
  if (base === 'corepack' && (cmd.args[0]?.value === 'yarn' || cmd.args[0]?.value === 'pnpm')) {
    return { manager: cmd.args[0].value as Manager, args: cmd.args.slice(1) };
  }
  return undefined;
}

/** Each command is asked about by many rules (and, within a RUN, about every other command): read it once. */
const calls = lintMemo<ShellCommand, ManagerCall | null>();

export function managerCall(cmd: ShellCommand): ManagerCall | undefined {
  let call = calls.get(cmd);
  if (call === undefined) calls.set(cmd, (call = readManagerCall(cmd) ?? null));
  return call ?? undefined;
}

function readManagerCall(cmd: ShellCommand): ManagerCall | undefined {
  const found = managerOf(cmd);
  if (!found) return undefined;
  const spec = SPECS[found.manager];
  const { options, operands } = parseArgs(found.args, new Set(spec.valued), spec.singleDashLong);
  let actionWord = operands.shift();
  let action = actionWord?.value ?? undefined;
  if (found.manager === 'yarn' && action === 'global' && operands[0]) {
    action = `global ${operands[0].value}`;
    actionWord = operands.shift();
  } else if (found.manager === 'go' && action === 'mod' && operands[0]) {
    action = `mod ${operands[0].value}`;
    actionWord = operands.shift();
  } else if ((found.manager === 'apk' || found.manager === 'pip') && action === 'cache' && operands[0]) {
    action = `cache ${operands[0].value}`;
    actionWord = operands.shift();
  }
  return { manager: found.manager, ecosystem: spec.ecosystem, command: cmd, action, actionWord, options, operands };
}

export function hasOption(call: { options: ParsedOption[] }, ...names: string[]): boolean {
  return call.options.some((o) => names.includes(o.name));
}

export function optionValue(call: { options: ParsedOption[] }, ...names: string[]): string | null | undefined {
  return call.options.find((o) => names.includes(o.name))?.value;
}

export function isInstall(call: ManagerCall): boolean {
  return call.action !== undefined && SPECS[call.manager].install.includes(call.action);
}

export function isUpgrade(call: ManagerCall): boolean {
  return call.action !== undefined && (SPECS[call.manager].upgrade ?? []).includes(call.action) && call.operands.length === 0;
}

export function isRefresh(call: ManagerCall): boolean {
  return call.action !== undefined && (SPECS[call.manager].refresh ?? []).includes(call.action);
}

/** A global tool install (`npm i -g`, `yarn global add`, `pnpm add -g`), as opposed to a project's dependencies. */
export function isGlobalNodeInstall(call: ManagerCall): boolean {
  if (call.ecosystem !== 'node' || !isInstall(call)) return false;
  if (call.action === 'global add') return true;
  return call.options.some((o) => o.name === '-g' || o.name === '--global' || (o.name === '--location' && o.value === 'global'));
}

export type PackageSource = 'registry' | 'file' | 'url' | 'vcs' | 'local' | 'group' | 'dynamic';

export interface PackageRequest {
  word: Word;
  name: string;
  /** The version or constraint asked for, if any (`1.2.3`, `>=2,<3`, `latest`). */
  version?: string;
  source: PackageSource;
}

const isUrl = (v: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(v);
const isPath = (v: string) => v.startsWith('/') || v.startsWith('./') || v.startsWith('../') || v === '.' || v.startsWith('~/');

/** The packages an install asks for, each with its version and where it comes from. */
export function requestedPackages(call: ManagerCall): PackageRequest[] {
  if (!isInstall(call)) return [];
  return call.operands.map((word) => {
    const v = word.value;
    if (v === null) return { word, name: word.text, source: 'dynamic' as const };
    return { word, ...splitSpec(call, v) };
  });
}

function splitSpec(call: ManagerCall, v: string): Omit<PackageRequest, 'word'> {
  if (isUrl(v)) return { name: v, source: /^git\+|\.git(@|$)|^git:/.test(v) ? 'vcs' : 'url' };
  if (isPath(v)) return { name: v, source: 'local' };
  switch (call.ecosystem) {
    case 'apt': {
      if (v.endsWith('.deb')) return { name: v, source: 'file' };
      const eq = v.indexOf('=');
      if (eq > 0) return { name: v.slice(0, eq), version: v.slice(eq + 1), source: 'registry' };
      const slash = v.indexOf('/');
      return { name: slash > 0 ? v.slice(0, slash) : v, source: 'registry' };
    }
    case 'apk': {
      if (v.endsWith('.apk')) return { name: v, source: 'file' };
      const at = firstIndexOf(v, ['=', '~', '<', '>']);
      return at > 0 ? { name: v.slice(0, at), version: v.slice(at), source: 'registry' } : { name: v, source: 'registry' };
    }
    case 'rpm': {
      if (v.endsWith('.rpm')) return { name: v, source: 'file' };
      if (v.startsWith('@')) return { name: v, source: 'group' };
      // RPM names carry the version after a dash followed by a digit, and the release after one more:
      // `httpd-2.4.6`, `nginx-1:1.20.1-1.el8`; `java-11-openjdk` is a name (its "release" is not numeric).
      const m = /-(\d[^-]*(-\d[^-]*)?)$/.exec(v);
      const ops = firstIndexOf(v, ['=', '<', '>']);
      if (ops > 0) return { name: v.slice(0, ops).trim(), version: v.slice(ops), source: 'registry' };
      return m ? { name: v.slice(0, m.index), version: m[1], source: 'registry' } : { name: v, source: 'registry' };
    }
    case 'zypper': {
      if (v.endsWith('.rpm')) return { name: v, source: 'file' };
      const at = firstIndexOf(v, ['=', '<', '>']);
      return at > 0 ? { name: v.slice(0, at), version: v.slice(at), source: 'registry' } : { name: v, source: 'registry' };
    }
    case 'pip': {
      if (/\.(whl|tar\.gz|zip|tar\.bz2)$/.test(v)) return { name: v, source: 'file' };
      const at = v.indexOf('@');
      if (at > 0) return { name: v.slice(0, at).trim(), version: v.slice(at + 1).trim(), source: 'url' };
      const op = firstIndexOf(v, ['=', '<', '>', '~', '!']);
      const bare = op > 0 ? v.slice(0, op) : v;
      const extras = bare.indexOf('[');
      const name = (extras > 0 ? bare.slice(0, extras) : bare).trim();
      return op > 0 ? { name, version: v.slice(op), source: 'registry' } : { name, source: 'registry' };
    }
    case 'node': {
      if (/^(git|github|gitlab|bitbucket|file|link|npm|workspace):/.test(v)) return { name: v, source: 'vcs' };
      if (v.endsWith('.tgz') || v.endsWith('.tar.gz')) return { name: v, source: 'file' };
      const at = v.lastIndexOf('@');
      if (at > 0) return { name: v.slice(0, at), version: v.slice(at + 1), source: 'registry' };
      if (!v.startsWith('@') && v.includes('/') ) return { name: v, source: 'vcs' }; // user/repo is a GitHub shorthand
      return { name: v, source: 'registry' };
    }
    case 'gem': {
      if (v.endsWith('.gem')) return { name: v, source: 'file' };
      const colon = v.indexOf(':');
      const version = colon > 0 ? v.slice(colon + 1) : (optionValue(call, '-v', '--version') ?? undefined);
      return { name: colon > 0 ? v.slice(0, colon) : v, version, source: 'registry' };
    }
    case 'go': {
      const at = v.lastIndexOf('@');
      if (at > 0) return { name: v.slice(0, at), version: v.slice(at + 1), source: 'registry' };
      // Without @version, `go install` builds the package at the version of the current module's go.mod.
      return { name: v, source: 'local' };
    }
    case 'cargo': {
      if (hasOption(call, '--path')) return { name: v, source: 'local' };
      if (hasOption(call, '--git')) {
        const ref = optionValue(call, '--rev', '--tag');
        return { name: v, version: ref ?? undefined, source: 'vcs' };
      }
      const at = v.indexOf('@');
      if (at > 0) return { name: v.slice(0, at), version: v.slice(at + 1), source: 'registry' };
      return { name: v, version: optionValue(call, '--version', '--vers') ?? undefined, source: 'registry' };
    }
    default:
      return { name: v, source: 'registry' };
  }
}

function firstIndexOf(v: string, chars: string[]): number {
  let best = -1;
  for (const c of chars) {
    const i = v.indexOf(c);
    if (i > 0 && (best < 0 || i < best)) best = i;
  }
  return best;
}

/** Where each ecosystem keeps downloads that serve no purpose in the final image. */
export const CACHE_PATHS: Record<Manager, string[]> = {
  'apt-get': ['/var/lib/apt/lists', '/var/cache/apt'],
  apt: ['/var/lib/apt/lists', '/var/cache/apt'],
  aptitude: ['/var/lib/apt/lists', '/var/cache/apt'],
  apk: ['/var/cache/apk', '/etc/apk/cache'],
  yum: ['/var/cache/yum'],
  dnf: ['/var/cache/dnf', '/var/cache/yum', '/var/cache/libdnf5'],
  microdnf: ['/var/cache/yum', '/var/cache/dnf'],
  tdnf: ['/var/cache/tdnf'],
  zypper: ['/var/cache/zypp'],
  pip: ['/root/.cache/pip', '~/.cache/pip', '/root/.cache', '~/.cache'],
  npm: ['/root/.npm', '~/.npm'],
  yarn: ['/usr/local/share/.cache/yarn', '/root/.cache/yarn', '~/.cache/yarn', '/root/.yarn/berry/cache', '~/.yarn/berry/cache'],
  pnpm: ['/root/.local/share/pnpm/store', '~/.local/share/pnpm/store', '/root/.cache/pnpm', '/pnpm/store'],
  gem: ['/usr/local/bundle/cache', '/root/.gem', '~/.gem'],
  go: ['/go/pkg/mod', '/root/go/pkg/mod', '/root/.cache/go-build', '~/.cache/go-build'],
  cargo: ['/usr/local/cargo/registry', '/root/.cargo/registry', '/usr/local/cargo/git', '/root/.cargo/git'],
  bundle: ['/usr/local/bundle/cache', '/root/.bundle/cache'],
  poetry: ['/root/.cache/pypoetry', '~/.cache/pypoetry'],
  pipenv: ['/root/.cache/pipenv', '~/.cache/pipenv', '/root/.cache/pip', '~/.cache/pip'],
  mvn: ['/root/.m2', '~/.m2'],
  gradle: ['/root/.gradle', '~/.gradle', '/home/gradle/.gradle'],
  composer: ['/root/.composer/cache', '/tmp/cache', '~/.composer/cache'],
};
