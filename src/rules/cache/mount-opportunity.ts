import { defineRule } from '../../engine/rule';
import { CACHE_PATHS, isInstall, managerCall, type Manager, type ManagerCall } from '../../engine/shell/packages';
import { hasCacheMountFor } from './_cache';

/**
 * Whether `# syntax=` names Docker's Dockerfile frontend at a version with `RUN --mount=type=cache`
 * (1.2 and later, the `1` channel, labs, latest, or a digest of unknown version).
 */
function frontendHasCacheMounts(syntax: string | undefined): boolean {
  const m = /^(?:docker\.io\/)?docker\/dockerfile(?:-upstream)?(?::([^@\s]+))?(?:@sha256:[0-9a-f]+)?$/i.exec(syntax?.trim() ?? '');
  if (!m) return false;
  const tag = m[1]?.toLowerCase();
  if (!tag || tag === 'latest' || tag === 'labs' || tag.includes('experimental')) return true;
  const v = /^(\d+)(?:\.(\d+))?/.exec(tag);
  if (!v) return false;
  const major = Number(v[1]);
  return major > 1 || (major === 1 && (v[2] === undefined || Number(v[2]) >= 2));
}

/** Whether the call downloads packages that a cache mount would keep between builds. */
function downloads(call: ManagerCall): boolean {
  if (['apt', 'apk', 'rpm', 'zypper'].includes(call.ecosystem)) return isInstall(call);
  const a = call.action;
  switch (call.manager) {
    case 'yarn':
    case 'bundle':
      return a === undefined ? call.operands.length === 0 : isInstall(call);
    case 'go':
      return a === 'mod download' || a === 'build' || isInstall(call);
    case 'cargo':
      return a === 'build' || a === 'fetch' || isInstall(call);
    case 'mvn':
    case 'gradle':
      return a !== undefined;
    case 'composer':
      return isInstall(call) || a === 'update';
    default:
      return isInstall(call);
  }
}

/** The target to suggest: apt's downloaded archives rather than its index. */
const suggestedTarget = (m: Manager) => (m === 'apt-get' || m === 'apt' || m === 'aptitude' ? '/var/cache/apt' : CACHE_PATHS[m][0]);

export default defineRule({
  meta: {
    id: 'cache/mount-opportunity',
    category: 'cache',
    severity: 'info',
    description: 'Package download step without a cache mount, in a Dockerfile that opted into BuildKit features',
    aliases: [],
    fixable: false,
  },
  create(context) {
    if (!frontendHasCacheMounts(context.model.syntax)) return {};
    return {
      RUN(instr) {
        const run = instr.run;
        if (!run || instr.stage?.windows) return;
        const seen = new Set<Manager>();
        for (const cmd of run.commands) {
          const call = managerCall(cmd);
          if (!call || seen.has(call.manager) || !downloads(call) || hasCacheMountFor(run, call.manager)) continue;
          seen.add(call.manager);
          const what = call.action ? `${call.manager} ${call.action}` : call.manager;
          context.report({
            span: { start: cmd.nameWord.start, end: call.actionWord?.end ?? cmd.nameWord.end },
            message: `\`${what}\` downloads everything again whenever this layer rebuilds; add a cache mount such as \`--mount=type=cache,target=${suggestedTarget(call.manager)}\` to the RUN to keep downloads between builds`,
          });
        }
      },
    };
  },
});
