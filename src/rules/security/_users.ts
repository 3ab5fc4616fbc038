import type { DockerfileModel, Instruction, Stage } from '../../engine/model';
import type { ShellCommand, Word } from '../../engine/shell/model';
import { parseArgs } from '../../engine/shell/options';
import type { Span } from '../../engine/types';

/**
 * Who the built image runs as. Only the target stage and the stages it is built FROM decide it
 * (`stage.ships`): an earlier build stage may run as root without consequence. Stages come in file
 * order and a stage can only be built FROM an earlier one, so the last USER of the shipping
 * stages is the one the image keeps.
 */
export interface EffectiveUser {
  instr: Instruction;
  /** The argument as written. */
  span: Span;
  text: string;
  /** After ARG/ENV expansion; undefined when a variable in it has no known value. */
  value?: string;
  /** The user part (before `:`) of `value`. */
  user?: string;
}

export function effectiveUser(model: DockerfileModel): EffectiveUser | undefined {
  const users = model.stages.filter((s) => s.ships).flatMap((s) => s.instructions.filter((i) => i.keyword === 'USER' && i.args[0]));
  const instr = users[users.length - 1];
  if (!instr) return undefined;
  const arg = instr.args[0];
  const expansion = model.expand(arg.value, instr);
  const value = expansion.unresolved.length ? undefined : expansion.value;
  return { instr, span: { start: arg.start, end: arg.end }, text: arg.value, value, user: value?.split(':')[0] };
}

/** The stage whose image the chain starts from: the target, followed FROM earlier stages to the first one built on an image. */
export function chainRoot(target: Stage): Stage {
  let s = target;
  while (s.base.stage) s = s.base.stage;
  return s;
}

/** `root`, `0`, and on Windows the administrator account. */
export function isRootUser(user: string, windows: boolean): boolean {
  if (windows) return user.toLowerCase() === 'containeradministrator';
  return user === 'root' || /^0+$/.test(user);
}

const baseName = (cmd: ShellCommand) => cmd.name.replace(/^.*\//, '');

/** Options of shadow-utils `useradd` that take a value. */
const USERADD_VALUED = new Set([
  '-u', '--uid', '-g', '--gid', '-G', '--groups', '-d', '--home-dir', '--home', '-s', '--shell', '-c', '--comment', '-e',
  '--expiredate', '-f', '--inactive', '-k', '--skel', '-K', '--key', '-p', '--password', '-R', '--root', '-P', '--prefix',
  '-Z', '--selinux-user', '-b', '--base-dir',
]);
/** Options of Debian's `adduser` and BusyBox's `adduser` that take a value. */
const ADDUSER_VALUED = new Set([
  '-u', '--uid', '--gid', '-G', '--ingroup', '-h', '--home', '-s', '--shell', '-g', '--gecos', '-k', '--conf', '--firstuid',
  '--lastuid', '--comment', '--add-extra-groups',
]);

export interface UserCreation {
  command: ShellCommand;
  tool: 'useradd' | 'adduser';
  /** The account name, when written literally. */
  name?: string;
  /** The `-u`/`--uid` option, when given. */
  uid?: { word: Word; valueWord?: Word; value: string | null | undefined };
  options: ReturnType<typeof parseArgs>['options'];
}

/** A `useradd` or `adduser` command, read with its options. */
export function userCreation(cmd: ShellCommand): UserCreation | undefined {
  const tool = baseName(cmd);
  if (tool !== 'useradd' && tool !== 'adduser') return undefined;
  const { options, operands } = parseArgs(cmd.args, tool === 'useradd' ? USERADD_VALUED : ADDUSER_VALUED);
  const uid = options.find((o) => o.name === '-u' || o.name === '--uid');
  // useradd takes the name last; both adduser flavours take it first (`adduser NAME [GROUP]`).
  const nameWord = tool === 'useradd' ? operands[operands.length - 1] : operands[0];
  return {
    command: cmd,
    tool,
    name: nameWord?.value ?? undefined,
    uid: uid && { word: uid.word, valueWord: uid.valueWord, value: uid.value },
    options,
  };
}
