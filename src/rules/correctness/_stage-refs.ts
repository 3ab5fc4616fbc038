import type { DockerfileModel, Instruction, Stage } from '../../engine/model';

/** `stage "build" (line 3)` or `stage 0 (line 1)`, for messages. */
export function describeStage(model: DockerfileModel, stage: Stage): string {
  const label = stage.name === undefined ? `stage ${stage.index}` : `stage "${stage.name}"`;
  return `${label} (line ${model.lines.lineNumber(stage.from.start)})`;
}

/** The stage that `ref` (a `--from` value) names by name or index, wherever it is in the file. */
export function stageNamed(model: DockerfileModel, ref: string): Stage | undefined {
  const lower = ref.toLowerCase();
  const byName = model.stages.filter((s) => s.name?.toLowerCase() === lower);
  if (byName.length) return byName[byName.length - 1];
  return /^\d+$/.test(ref) ? model.stages[Number(ref)] : undefined;
}

/** `ref` names the stage `instr` is in (BuildKit resolves a repeated name to the last stage with it). */
export function namesOwnStage(model: DockerfileModel, ref: string, instr: Instruction): boolean {
  const stage = instr.stage;
  if (!stage) return false;
  if (/^\d+$/.test(ref)) return Number(ref) === stage.index;
  return stageNamed(model, ref) === stage;
}

/** Edit distance, two rows at a time. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/**
 * The candidate `word` most likely stands for: one that has it as a `-`/`_`/`.` separated part
 * (`set` for `license-set`), else the closest by edit distance when that is close enough for a typo.
 */
export function closest(word: string, candidates: string[]): string | undefined {
  const lower = word.toLowerCase();
  const part = candidates.filter((c) => c.toLowerCase().split(/[-_.]/).includes(lower));
  if (part.length === 1) return part[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(lower, c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= Math.max(2, Math.floor(lower.length / 3)) ? best : undefined;
}
