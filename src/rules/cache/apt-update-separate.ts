import { defineRule } from '../../engine/rule';
import { posixShellName, type ShellCommand } from '../../engine/shell/model';
import { isInstall, isRefresh, isUpgrade, managerCall, type Ecosystem, type ManagerCall } from '../../engine/shell/packages';

/** System package managers whose index a refresh leaves on disk. */
const SYSTEM = new Set<Ecosystem>(['apt', 'apk', 'rpm', 'zypper']);

/** Actions other than install/upgrade that read the refreshed index (refresh actions are excluded before this). */
const READS_INDEX = new Set(['upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'download', 'satisfy', 'fix', 'update', 'distro-sync', 'up', 'dup', 'patch']);

const usesIndex = (call: ManagerCall) => !isRefresh(call) && (isInstall(call) || isUpgrade(call) || READS_INDEX.has(call.action ?? ''));

/** A script the RUN executes whose commands are not visible here (`./install.sh`, `bash setup.sh`, `curl … | sh`): it may install. */
function runsHiddenScript(cmd: ShellCommand): boolean {
  if (/\.sh$/.test(cmd.name) || cmd.name.startsWith('./') || cmd.name.startsWith('../')) return true;
  if (!posixShellName(cmd.name)) return false;
  // `sh -c '...'` is parsed as a nested script; any other shell invocation reads a file or stdin.
  return !cmd.args.some((a) => a.value !== null && /^-[a-z]*c[a-z]*$/i.test(a.value));
}

const INSTALL_VERB: Record<string, string> = { apt: 'install', apk: 'add', rpm: 'install', zypper: 'install' };

export default defineRule({
  meta: {
    id: 'cache/apt-update-separate',
    category: 'cache',
    severity: 'warning',
    description: 'A package index refresh in a RUN that installs nothing: later installs reuse its cached, aging index',
    aliases: ['DS-0017'],
    fixable: false,
  },
  create(context) {
    return {
      RUN(instr) {
        const commands = instr.run?.commands ?? [];
        if (commands.some(runsHiddenScript)) return;
        const calls = commands.map(managerCall).filter((c): c is ManagerCall => c !== undefined && SYSTEM.has(c.ecosystem));
        const used = new Set(calls.filter(usesIndex).map((c) => c.ecosystem));
        for (const call of calls) {
          if (!isRefresh(call) || used.has(call.ecosystem) || !call.actionWord) continue;
          const install = `${call.manager} ${INSTALL_VERB[call.ecosystem]}`;
          const alternative = call.ecosystem === 'apk' ? ', or drop it and use `apk add --no-cache`' : '';
          context.report({
            span: { start: call.command.nameWord.start, end: call.actionWord.end },
            message:
              `\`${call.manager} ${call.action}\` runs in a RUN that installs nothing, so its cached layer keeps an ` +
              `index that later installs trust however old it gets; run it in the same RUN as \`${install}\`${alternative}`,
          });
        }
      },
    };
  },
});
