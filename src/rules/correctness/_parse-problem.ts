import type { ParseProblem } from '../../engine/model';
import { defineRule, type Rule, type RuleMeta } from '../../engine/rule';

/** A rule that reports the model's parse problems of one kind: the file is still linted around them. */
export function parseProblemRule(kind: ParseProblem['kind'], meta: RuleMeta): Rule {
  return defineRule({
    meta,
    create(context) {
      return {
        end() {
          for (const p of context.model.problems) if (p.kind === kind) context.report({ span: p, message: p.message });
        },
      };
    },
  });
}
