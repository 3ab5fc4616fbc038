import type { Arg, Instruction, RunInfo } from '../../engine/model';
import { CACHE_PATHS, type Manager } from '../../engine/shell/packages';


/** The context sources of a COPY/ADD (heredoc sources are inline text, not context files). */
export function copySources(instr: Instruction): Arg[] {
  return (instr.copy?.sources ?? []).filter((s) => !s.value.startsWith('<<'));
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
