import type { Instruction, Stage } from '../../engine/model';
import { defineRule } from '../../engine/rule';
import type { ShellCommand, Word } from '../../engine/shell/model';
import { hasOption, managerCall, type ManagerCall } from '../../engine/shell/packages';
import type { TextEdit } from '../../engine/types';

/** Actions that change packages and so ask for confirmation first. */
const APT_ACTIONS = new Set([
  'install', 'reinstall', 'remove', 'purge', 'autoremove', 'autopurge', 'upgrade', 'dist-upgrade', 'full-upgrade',
  'safe-upgrade', 'build-dep', 'satisfy',
]);
const RPM_ACTIONS = new Set([
  'install', 'in', 'groupinstall', 'localinstall', 'reinstall', 'remove', 'rm', 'erase', 'autoremove', 'groupremove',
  'update', 'upgrade', 'update-minimal', 'upgrade-minimal', 'distro-sync', 'distrosync', 'dsync', 'downgrade', 'swap',
  'groupupdate',
]);
/** `dnf group install`, `dnf module install`: the second word is the action. */
const RPM_GROUPS = new Set(['group', 'groups', 'module']);
const RPM_SUB_ACTIONS = new Set(['install', 'remove', 'upgrade', 'update', 'reset', 'enable', 'disable', 'switch-to']);
const ZYPPER_ACTIONS = new Set([
  'install', 'in', 'remove', 'rm', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'source-install', 'si',
  'install-new-recommends', 'inr',
]);

interface Prompting {
  /** The action words, for the message and the span (`install`, `group install`). */
  words: Word[];
  /** What to add, and where. */
  flag: string;
  at: number;
}

/** The confirmation `call` would ask for, or undefined when it asks none or is told not to. */
function prompting(call: ManagerCall): Prompting | undefined {
  const action = call.actionWord;
  if (!action || call.action === undefined) return undefined;
  switch (call.ecosystem) {
    case 'apt': {
      if (!APT_ACTIONS.has(call.action) || hasOption(call, '-y', '--yes', '--assume-yes')) return undefined;
      // A simulation changes nothing and asks nothing.
      if (hasOption(call, '-s', '--simulate', '--just-print', '--dry-run', '--recon', '--no-act')) return undefined;
      if (call.options.some((o) => (o.name === '-o' || o.name === '--option') && /^APT::Get::Assume-Yes=(1|true|yes)$/i.test(o.value ?? ''))) return undefined;
      // `-qq` (quiet level 2) implies `-y` for apt-get.
      const level = Math.max(
        call.options.filter((o) => o.name === '-q').length,
        ...call.options.map((o) => Number(o.name === '--quiet' ? o.value : /^-q=(\d)$/.exec(o.word.value ?? '')?.[1]) || 0),
      );
      if (level >= 2 && call.manager === 'apt-get') return undefined;
      return { words: [action], flag: '-y', at: action.end };
    }
    case 'rpm': {
      let words = [action];
      if (RPM_GROUPS.has(call.action)) {
        const sub = call.operands[0];
        if (!sub || !RPM_SUB_ACTIONS.has(sub.value ?? '')) return undefined;
        words = [action, sub];
      } else if (!RPM_ACTIONS.has(call.action)) return undefined;
      if (hasOption(call, '-y', '--assumeyes')) return undefined;
      if (call.options.some((o) => o.name === '--setopt' && /^assumeyes=(1|true|yes)$/i.test(o.value ?? ''))) return undefined;
      return { words, flag: '-y', at: words[words.length - 1].end };
    }
    case 'zypper': {
      if (!ZYPPER_ACTIONS.has(call.action)) return undefined;
      // `-n` is the global non-interactive switch only before the command: `zypper install -n` selects by name.
      const before = call.options.filter((o) => o.word.start < action.start);
      const after = call.options.filter((o) => o.word.start > action.start);
      if (before.some((o) => o.name === '-n' || o.name === '--non-interactive')) return undefined;
      if (after.some((o) => o.name === '-y' || o.name === '--no-confirm' || o.name === '--non-interactive')) return undefined;
      return { words: [action], flag: '-n', at: call.command.nameWord.end };
    }
    default:
      return undefined;
  }
}

/** A word whose value is only known at build time and could hold the switch (`$APT_OPTS`). */
function mayHideSwitch(call: ManagerCall, cmd: ShellCommand): boolean {
  return cmd.args.some((w) => w.value === null && (w.start < (call.actionWord?.start ?? 0) || /OPT|FLAG|ARG/i.test(w.text)));
}

export default defineRule({
  meta: {
    id: 'correctness/non-interactive-install',
    category: 'correctness',
    severity: 'warning',
    description: 'A package manager runs without its assume-yes switch and stops at a prompt the build cannot answer',
    aliases: ['DL3014', 'DL3030', 'DL3034', 'DL3038'],
    fixable: true,
  },
  create(context) {
    /**
     * Whether an earlier command of the stage (or of the stages it is built FROM) wrote the
     * assume-yes setting into the manager's configuration (`echo 'APT::Get::Assume-Yes "true";' > ...`).
     */
    function configured(call: ManagerCall, run: Instruction, stage: Stage, setting: string): boolean {
      for (let s: Stage | undefined = stage; s; s = s.base.stage) {
        for (const instr of s.instructions) {
          if (instr.index > run.index || !instr.run) continue;
          for (const cmd of instr.run.commands) {
            if (instr === run && cmd.start >= call.command.start) break;
            if (managerCall(cmd)) continue;
            if (cmd.args.some((w) => w.value?.toLowerCase().includes(setting))) return true;
          }
        }
      }
      return false;
    }

    return {
      command(cmd, run) {
        const call = managerCall(cmd);
        if (!call || !run.stage || run.stage.windows) return;
        const p = prompting(call);
        if (!p || mayHideSwitch(call, cmd)) return;
        const setting = call.ecosystem === 'apt' ? 'apt::get::assume-yes' : call.ecosystem === 'rpm' ? 'assumeyes' : undefined;
        if (setting && configured(call, run, run.stage, setting)) return;
        const exec = run.run?.scripts[cmd.script]?.origin === 'exec-form';
        const edit: TextEdit = { start: p.at, end: p.at, text: exec ? `, "${p.flag}"` : ` ${p.flag}` };
        const action = p.words.map((w) => w.value).join(' ');
        const last = p.words[p.words.length - 1];
        context.report({
          span: { start: cmd.nameWord.start, end: last.end },
          message: `\`${call.manager} ${action}\` without \`${p.flag}\` waits for a confirmation that a build cannot give; add \`${p.flag}\``,
          fix: { description: `Add ${p.flag}`, edits: [edit] },
        });
      },
    };
  },
});
