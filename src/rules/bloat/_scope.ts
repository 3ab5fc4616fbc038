import type { DockerfileModel, Instruction } from '../../engine/model';
import { posixShellName, type ShellCommand } from '../../engine/shell/model';

/**
 * What the bloat rules judge. Only layers that end up in the image matter: those of the target
 * stage and of the stages it is built FROM (`stage.ships`). A builder stage whose files are only
 * `COPY --from`'d can be as heavy as it likes. Windows stages are left alone: their RUN bodies are
 * not shell scripts and their paths are not POSIX paths.
 */
export function judged(instr: Instruction): boolean {
  return !!instr.stage?.ships && !instr.stage.windows;
}

/**
 * The instructions whose layers make up the image, in build order: the FROM chain of the target,
 * root first. A stage built FROM another continues its filesystem, so its layers stack on the
 * parent's.
 */
export function shippingInstructions(model: DockerfileModel): Instruction[] {
  return model.stages.filter((s) => s.ships && !s.windows).flatMap((s) => s.instructions);
}

/**
 * Commands that only touch a few files or settings: they cost nothing to re-run and cannot create
 * large files of their own.
 */
const QUICK = new Set([
  'mkdir', 'ln', 'chmod', 'chown', 'chgrp', 'cp', 'mv', 'rm', 'rmdir', 'touch', 'echo', 'printf', 'sed', 'tee', 'cat',
  'useradd', 'adduser', 'groupadd', 'addgroup', 'usermod', 'true', ':', 'set',
]);

/** A quick command, or a `sh -c '...'` whose script was read (its commands are judged on their own). */
export function isQuick(cmd: ShellCommand, run: Instruction): boolean {
  if (QUICK.has(baseName(cmd))) return true;
  return !!posixShellName(cmd.name) && !!run.run?.scripts.some((s) => s.origin === 'nested' && s.start >= cmd.start && s.end <= cmd.end);
}

/** `/bin/rm` is `rm`. */
export function baseName(cmd: ShellCommand): string {
  return cmd.name.replace(/^.*\//, '');
}
