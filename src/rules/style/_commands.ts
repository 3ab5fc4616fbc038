import type { Instruction, Stage } from '../../engine/model';
import type { ShellCommand, Word } from '../../engine/shell/model';
import type { TextEdit } from '../../engine/types';
import { fromChain } from './_stages';

/** `/usr/bin/wget` is `wget`. */
export function baseName(cmd: ShellCommand): string {
  return cmd.name.replace(/^.*\//, '');
}

/** Whether the command came from an exec-form RUN (`RUN ["wget", ...]`), where inserted words must be JSON strings. */
export function inExecForm(cmd: ShellCommand, run: Instruction): boolean {
  return run.run?.scripts[cmd.script]?.origin === 'exec-form';
}

/** The edit inserting `word` as a new argument right after `after`, in shell or exec (JSON) form. */
export function insertWord(after: Word, word: string, execForm: boolean): TextEdit {
  return { start: after.end, end: after.end, text: execForm ? `, ${JSON.stringify(word)}` : ` ${word}` };
}

/**
 * Whether the stage's image is (or may be) built on Alpine or BusyBox, whose `wget`, `ln` and
 * friends are BusyBox applets that lack many GNU options. Unknown base images count as such.
 */
export function maybeBusybox(stage: Stage): boolean {
  const chain = fromChain(stage);
  const root = chain[chain.length - 1];
  if (root.base.scratch) return false;
  const ref = root.base.ref;
  if (!ref) return true;
  return /alpine|busybox/i.test(`${ref.repository}:${ref.tag ?? ''}`);
}
