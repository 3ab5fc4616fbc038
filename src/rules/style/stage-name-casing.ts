import type { DockerfileModel, Flag, Stage } from '../../engine/model';
import { defineRule } from '../../engine/rule';
import type { Span, TextEdit } from '../../engine/types';
import { hasVariable } from './_properties';
import { replacing } from '../../engine/fixes';

interface Reference extends Span {
  text: string;
}

/** The `from=` value of a `--mount` flag, with its span, when the flag is written without quotes. */
function mountFrom(model: DockerfileModel, flag: Flag): Reference | undefined {
  const value = flag.value;
  if (!value || !flag.valueSpan || model.text.slice(flag.valueSpan.start, flag.valueSpan.end) !== value) return undefined;
  let offset = 0;
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim().toLowerCase() === 'from') {
      const start = flag.valueSpan.start + offset + eq + 1;
      return { start, end: flag.valueSpan.start + offset + part.length, text: part.slice(eq + 1) };
    }
    offset += part.length + 1;
  }
  return undefined;
}

/** Every place that names `stage`: FROM, COPY/ADD --from, RUN --mount from=. */
function references(model: DockerfileModel, stage: Stage): Reference[] {
  const out: Reference[] = [];
  const names = (ref: string, at: number) => model.stageByRef(ref, at) === stage;
  for (const s of model.stages.slice(stage.index + 1)) {
    if (s.base.stage === stage) out.push({ start: s.base.start, end: s.base.end, text: s.base.text });
    for (const instr of s.instructions) {
      for (const f of instr.flags) {
        const name = f.name.toLowerCase();
        if (name === 'from' && (instr.keyword === 'COPY' || instr.keyword === 'ADD') && f.value && f.valueSpan) {
          if (names(model.expand(f.value, instr).value, s.index)) out.push(replacing(f.valueSpan, f.value));
        } else if (name === 'mount' && instr.keyword === 'RUN') {
          const from = mountFrom(model, f);
          if (from && names(model.expand(from.text, instr).value, s.index)) out.push(from);
        }
      }
    }
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'style/stage-name-casing',
    category: 'style',
    severity: 'warning',
    description: 'A stage name with upper-case letters: stage names are case-insensitive and conventionally lower case',
    aliases: ['StageNameCasing'],
    fixable: true,
  },
  create(context) {
    const { model } = context;
    return {
      stage(stage) {
        const name = stage.name;
        if (!name || !stage.nameSpan || name === name.toLowerCase()) return;
        const lower = name.toLowerCase();
        const refs = references(model, stage);
        let fix;
        // A reference built from variables cannot be rewritten, so the whole rename waits for a person.
        if (!refs.some((r) => hasVariable(r.text, model))) {
          const edits: TextEdit[] = [replacing(stage.nameSpan, lower)];
          for (const r of refs) if (r.text !== r.text.toLowerCase()) edits.push({ start: r.start, end: r.end, text: r.text.toLowerCase() });
          fix = { description: `Rename the stage to ${lower}`, edits };
        }
        context.report({
          span: stage.nameSpan,
          message: `Stage name \`${name}\` has upper-case letters; BuildKit matches stage names case-insensitively, so write \`${lower}\` (and its references) in lower case`,
          fix,
        });
      },
    };
  },
});
