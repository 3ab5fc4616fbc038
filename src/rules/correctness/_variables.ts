import { PLATFORM_ARGS } from '../../engine/build';
import { shortRepository } from '../../engine/image-ref';
import type { DockerfileModel, Instruction, Stage } from '../../engine/model';
import { joinLogicalLine } from '../../engine/shell/source';
import type { Span } from '../../engine/types';
import { variableRefs } from '../../engine/variables';

export { PLATFORM_ARGS };

/** A `$NAME` / `${NAME...}` reference with its Dockerfile offsets. */
export interface PlacedRef extends Span {
  name: string;
  hasFallback: boolean;
}

/**
 * The variable references BuildKit expands in [from, to), located in the Dockerfile. Continued
 * lines are joined and comment lines inside the continuation dropped first, as BuildKit does, so a
 * `$X` in such a comment is not a reference.
 */
export function refsIn(model: DockerfileModel, from: number, to: number): PlacedRef[] {
  if (to <= from) return [];
  const line = joinLogicalLine(model.text, from, to, model.escapeChar);
  return variableRefs(line.text, model.escapeChar).map((r) => ({
    name: r.name,
    hasFallback: r.hasFallback,
    start: line.map[r.start],
    end: line.map[r.end - 1] + 1,
  }));
}

/** Where an instruction's expandable text ends: before its first heredoc body, whose expansion follows other rules. */
export function expandableEnd(instr: Instruction): number {
  return Math.min(instr.end, ...instr.heredocs.map((h) => h.content?.start ?? Infinity));
}

export interface Assignment extends Span {
  name: string;
  /** For ENV: where the value is written (quotes included), and the value after quote removal. */
  value?: Span & { text: string };
}

/** The names an ENV or ARG instruction assigns, in order; for ENV with their values. */
export function assignments(instr: Instruction): Assignment[] {
  if (instr.keyword === 'ARG') {
    return instr.args.map((a) => ({ name: a.value.split('=')[0], start: a.start, end: a.end }));
  }
  if (instr.keyword !== 'ENV') return [];
  return instr.properties.map((p) => ({
    name: p.name,
    start: p.start,
    end: p.end,
    value: p.valueSpan ? { start: p.valueSpan.start, end: p.valueSpan.end, text: p.value ?? '' } : undefined,
  }));
}

/** Every name the file declares (global ARGs, and ARG/ENV in stages), with where. */
export function declarations(model: DockerfileModel): { name: string; instruction: Instruction }[] {
  const out: { name: string; instruction: Instruction }[] = [];
  for (const instr of model.instructions) {
    if (instr.keyword !== 'ARG' && instr.keyword !== 'ENV') continue;
    for (const a of assignments(instr)) if (a.name) out.push({ name: a.name, instruction: instr });
  }
  return out;
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment): `PAHT` is one step
 * from `PATH`. Quadratic in the (short) names, no backtracking.
 */
function distance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0].push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i].push(d);
    }
  }
  return rows[a.length][b.length];
}

/**
 * The candidate `name` was most likely meant as, or undefined when none is close: names differing
 * only in case always qualify; otherwise one edit for names up to 5 characters, two beyond. A
 * name of 1 or 2 characters is too short to guess from.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const limit = name.length <= 2 ? 0 : name.length <= 5 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of new Set(candidates)) {
    if (c === name) continue;
    const d = c.toLowerCase() === name.toLowerCase() ? 0 : distance(name.toUpperCase(), c.toUpperCase());
    if (d <= limit && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Variables base images commonly set in their configuration (and PATH, which BuildKit always
 * sets). The linter cannot read a base image's ENV offline, so it assumes these may be set.
 */
const IMAGE_VARIABLES = new Set(
  [
    'PATH', 'HOME', 'HOSTNAME', 'USER', 'PWD', 'OLDPWD', 'SHELL', 'TERM', 'TZ', 'LANG', 'LANGUAGE', 'LC_ALL', 'LC_CTYPE', 'TMPDIR',
    'DEBIAN_FRONTEND', 'LD_LIBRARY_PATH', 'LIBRARY_PATH', 'PKG_CONFIG_PATH', 'MANPATH', 'container',
    'JAVA_HOME', 'JAVA_VERSION', 'JDK_HOME', 'JRE_HOME', 'MAVEN_HOME', 'MAVEN_CONFIG', 'GRADLE_HOME', 'CATALINA_HOME',
    'GOPATH', 'GOROOT', 'GOTOOLCHAIN', 'PYTHONPATH', 'PYTHONHOME', 'VIRTUAL_ENV', 'CONDA_DIR', 'MAMBA_ROOT_PREFIX',
    'GEM_HOME', 'BUNDLE_PATH', 'BUNDLE_APP_CONFIG', 'CARGO_HOME', 'RUSTUP_HOME', 'PHPIZE_DEPS', 'YARN_VERSION',
    'DOTNET_VERSION', 'ASPNET_VERSION', 'ASPNETCORE_URLS', 'PG_MAJOR', 'PGDATA', 'CUDA_VERSION', 'CUDA_HOME',
    'NVIDIA_VISIBLE_DEVICES', 'NVIDIA_DRIVER_CAPABILITIES', 'GPG_KEY',
    'PROGRAMFILES', 'PROGRAMDATA', 'SYSTEMROOT', 'SYSTEMDRIVE', 'WINDIR', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA', 'TEMP',
    'TMP', 'COMPUTERNAME', 'USERNAME', 'PATHEXT', 'COMSPEC',
  ].map((n) => n.toUpperCase()),
);

/** The stage whose base image the chain of `FROM <stage>` ends at. */
export function rootOf(stage: Stage): Stage {
  let s = stage;
  while (s.base.stage) s = s.base.stage;
  return s;
}

/**
 * Whether the base image of the chain rooted at `root` may set `name`: a common variable, or
 * one named after the image, as official images name theirs (`python` sets `PYTHON_VERSION`,
 * `node` sets `NODE_VERSION`). From scratch, only PATH is set.
 */
export function mayComeFromImage(name: string, root: Stage): boolean {
  const upper = name.toUpperCase();
  if (root.base.scratch) return upper === 'PATH';
  if (IMAGE_VARIABLES.has(upper)) return true;
  if (!root.base.ref) return false;
  const image = shortRepository(root.base.ref).split('/').pop()!.toUpperCase().replace(/[-.]/g, '_');
  return upper.startsWith(image + '_');
}
