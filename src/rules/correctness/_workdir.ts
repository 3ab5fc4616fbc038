import { normalizePath } from '../../engine/paths';
import type { DockerfileModel, Instruction, Stage } from '../../engine/model';
import { lintMemo } from '../../engine/memo';
import { isAbsolute, wordValue } from './_operands';

export interface Workdir {
  /** A WORKDIR was set in the stage or a stage it is built FROM; the base image's own does not count. */
  set: boolean;
  /** The working directory as an absolute POSIX path, when the Dockerfile alone decides it. */
  path?: string;
}

/** The path a WORKDIR instruction names, as written (it may contain spaces); undefined when it has none. */
export function workdirText(model: DockerfileModel, instr: Instruction): string | undefined {
  const { args } = instr;
  if (!args.length) return undefined;
  const text = model.text.slice(args[0].start, args[args.length - 1].end);
  return text.includes('\n') ? undefined : text;
}

/** Resolves `value` (already expanded) against the directory before it. */
export function nextWorkdir(before: Workdir, value: string | undefined): Workdir {
  if (value === undefined) return { set: true };
  if (isAbsolute(value)) return { set: true, path: value.startsWith('/') ? normalizePath(value) : undefined };
  // `./` keeps normalizePath from reading a leading `~` as a home directory: WORKDIR takes it literally.
  return { set: true, path: before.path === undefined ? undefined : normalizePath('./' + value, before.path) };
}

/** Per model, the working directory before each instruction, computed in one pass over the stages. */
const cache = lintMemo<DockerfileModel, Map<Instruction, Workdir>>();

function workdirs(model: DockerfileModel): Map<Instruction, Workdir> {
  let before = cache.get(model);
  if (before) return before;
  before = new Map();
  const atEnd = new Map<Stage, Workdir>();
  // A stage's FROM parent comes earlier in the file, so its end state is known when the stage starts.
  for (const stage of model.stages) {
    const parent = stage.base.stage;
    let state: Workdir = (parent && atEnd.get(parent)) ?? { set: false, path: stage.base.scratch ? '/' : undefined };
    for (const instr of stage.instructions) {
      before.set(instr, state);
      if (instr.keyword !== 'WORKDIR') continue;
      const text = workdirText(model, instr);
      state = nextWorkdir(state, text === undefined ? undefined : wordValue(model, text, instr));
    }
    atEnd.set(stage, state);
  }
  cache.set(model, before);
  return before;
}

/** The working directory in effect just before `at` runs, following the stage's FROM chain. */
export function workdirBefore(model: DockerfileModel, at: Instruction): Workdir {
  return workdirs(model).get(at) ?? { set: false };
}
