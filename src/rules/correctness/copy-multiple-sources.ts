import type { Instruction } from '../../engine/model';
import { defineRule } from '../../engine/rule';
import { wordValue } from './_operands';

export default defineRule({
  meta: {
    id: 'correctness/copy-multiple-sources',
    category: 'correctness',
    severity: 'error',
    description: 'COPY or ADD with several sources whose destination does not end with `/`',
    aliases: ['DL3021'],
    fixable: true,
  },
  create(context) {
    const { model } = context;
    const check = (instr: Instruction) => {
      const dest = instr.copy?.destination;
      const count = instr.copy?.sources.length ?? 0;
      if (!dest || count < 2 || !instr.stage) return;
      const value = wordValue(model, dest.value, instr);
      if (value === undefined || value.endsWith('/') || (instr.stage.windows && value.endsWith('\\'))) return;
      // Insert inside a closing quote (`"/app"`, JSON form) so the destination stays one word.
      const last = model.text[dest.end - 1];
      const at = dest.end - 1 > dest.start && (last === '"' || last === "'") ? dest.end - 1 : dest.end;
      // A Windows path keeps its own separator, unless `\` would escape (the escape character, or inside JSON).
      const slash = instr.stage.windows && !instr.json && model.escapeChar !== '\\' && value.includes('\\') && !value.includes('/') ? '\\' : '/';
      context.report({
        span: { start: dest.start, end: dest.end },
        message: `${instr.keyword} has ${count} sources but its destination \`${value}\` does not end with \`/\`: unless that directory already exists the sources overwrite each other (the classic builder refuses it); add the \`/\``,
        fix: { description: `Add a trailing ${slash} to the destination`, edits: [{ start: at, end: at, text: slash }] },
      });
    };
    return { COPY: check, ADD: check };
  },
});
