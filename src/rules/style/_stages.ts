import type { Instruction, Stage } from '../../engine/model';

/** The stage and the stages it is built FROM, the stage itself first. */
export function fromChain(stage: Stage): Stage[] {
  const out: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !out.includes(s); s = s.base.stage) out.push(s);
  return out;
}

/** The instructions that make up the image of `stage`: its FROM chain, root first. */
export function chainInstructions(stage: Stage): Instruction[] {
  return fromChain(stage).reverse().flatMap((s) => s.instructions);
}
