import { defineRule } from '../../engine/rule';
import { relation, rmOperands, walkShippingRuns, type Added } from './_files';

function advice(added: Added, inside: boolean): string {
  if (added.download) return 'download, use and delete it in the same RUN';
  if (inside) return `leave it out of the ${added.instr.keyword} (.dockerignore or a narrower source)`;
  if (added.instr.keyword === 'ADD' && added.file) return 'fetch, use and delete it in one RUN instead of ADD';
  return 'reach it through `RUN --mount=type=bind` in the RUN that needs it instead of copying it';
}

export default defineRule({
  meta: {
    id: 'bloat/remove-in-later-layer',
    category: 'bloat',
    severity: 'warning',
    description: 'Files added by COPY, ADD or a download are deleted in a later RUN, so they still weigh on the image',
    aliases: [],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    return {
      end() {
        walkShippingRuns(model, (view) => {
          for (const cmd of view.run.run!.commands) {
            for (const word of rmOperands(cmd)) {
              const path = view.pathOf(word, cmd);
              if (path === undefined) continue;
              // Removing what holds the added files is certain; removing part of a copied directory
              // counts only when nothing in between could have created that part.
              const covering = view.added.find((a) => relation(path, a) === 'covers');
              const inner = covering ? undefined : view.added.find((a) => relation(path, a) === 'inside' && !view.busySince(a, cmd));
              const added = covering ?? inner;
              if (!added) continue;
              const how = added.download ? 'was downloaded by the RUN' : `came in with the ${added.instr.keyword}`;
              context.report({
                span: { start: word.start, end: word.end },
                message: `\`${word.text}\` ${how} on line ${model.lines.lineNumber(added.instr.start)}, so deleting it in a later layer leaves its bytes in the image; ${advice(added, !!inner)}`,
              });
            }
          }
        });
      },
    };
  },
});
