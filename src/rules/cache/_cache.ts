import type { Arg, DockerfileModel, Instruction, RunInfo } from '../../engine/model';
import { CACHE_PATHS, type Manager } from '../../engine/shell/packages';

/** 1-based line of an offset, for messages that point at another instruction. */
export function lineNumber(model: DockerfileModel, offset: number): number {
  return model.lines.lineOf(offset) + 1;
}

/** The source arguments of a COPY/ADD (everything but the destination), exec or shell form; none for heredoc sources. */
export function copySources(instr: Instruction): Arg[] {
  if (instr.heredocs.length) return [];
  const all = instr.json ?? instr.args;
  return all.slice(0, -1);
}

const KNOWN_CACHE_PATHS = Object.values(CACHE_PATHS).flat();

/** Whether a cache mount at `target` holds `path` (`~/x` paths match any home directory). */
function holds(target: string, path: string): boolean {
  const t = target.replace(/\/+$/, '');
  if (!t) return false;
  if (path.startsWith('~/')) {
    const tail = path.slice(1);
    return t.endsWith(tail) || t.includes(tail + '/');
  }
  return t === path || path.startsWith(t + '/') || t.startsWith(path + '/');
}

/**
 * Whether the RUN has a cache mount for the manager's downloads. A cache mount at a path no
 * manager is known to use counts too: the author has most likely pointed the tool at it
 * (`--cache-dir`, `PIP_CACHE_DIR`, `GOMODCACHE`...).
 */
export function hasCacheMountFor(run: RunInfo, manager: Manager): boolean {
  return run.mounts.some(
    (m) =>
      m.type === 'cache' &&
      m.target !== undefined &&
      (CACHE_PATHS[manager].some((p) => holds(m.target!, p)) || !KNOWN_CACHE_PATHS.some((p) => holds(m.target!, p))),
  );
}
