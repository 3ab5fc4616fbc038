import type { Instruction, Stage } from '../../engine/model';
import { defineRule } from '../../engine/rule';
import { PLATFORM_ARGS, assignments, closestName, declarations, expandableEnd, mayComeFromImage, refsIn, rootOf, type PlacedRef } from './_variables';

/** Instructions whose arguments BuildKit expands itself (RUN, CMD and ENTRYPOINT leave it to the shell). */
const EXPANDED = new Set(['ENV', 'ARG', 'LABEL', 'COPY', 'ADD', 'WORKDIR', 'USER', 'EXPOSE', 'VOLUME', 'STOPSIGNAL']);

export default defineRule({
  meta: {
    id: 'correctness/undefined-var',
    category: 'correctness',
    severity: 'warning',
    description: 'An instruction uses a variable that is not defined at that point of its stage',
    aliases: ['UndefinedVar'],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    let declared: ReturnType<typeof declarations> | undefined;

    /** Why `ref` is certainly a mistake, or undefined when the base image may well define it. */
    function explain(ref: PlacedRef, instr: Instruction, stage: Stage): string | undefined {
      const name = ref.name;
      const root = rootOf(stage);
      const fromScratch = root.base.scratch;
      if (mayComeFromImage(name, root)) return undefined;
      const written = `\`${model.text.slice(ref.start, ref.end)}\``;
      declared ??= declarations(model);
      const inScope = [...declared.filter((d) => model.lookup(d.name, instr)).map((d) => d.name), 'PATH'];
      // Windows variable names ignore case: `$path` is PATH there.
      if (stage.windows && inScope.some((n) => n.toUpperCase() === name.toUpperCase())) return undefined;
      const elsewhere = declared.filter((d) => d.name === name);
      if (PLATFORM_ARGS.includes(name)) {
        return `${written} is empty: BuildKit's platform argument \`${name}\` is visible in a stage only after \`ARG ${name}\`; add that line to the stage`;
      }
      // A FROM naming no known image (`FROM base-$ARCH`) may be a stage of this file, whose ENV is inherited.
      const knownBase = root.base.scratch || root.base.resolved !== undefined;
      if (knownBase && elsewhere.some((d) => !d.instruction.stage)) {
        return `${written} is empty: the global ARG \`${name}\` is visible in a stage only after it is redeclared; add \`ARG ${name}\` to the stage`;
      }
      const later = elsewhere.find((d) => d.instruction.stage === stage && d.instruction.index > instr.index);
      // `ENV SAVED=$X` before redefining X keeps the base image's value on purpose.
      if (knownBase && later && instr.keyword !== 'ENV' && instr.keyword !== 'ARG') {
        return `${written} is used before line ${model.lines.lineNumber(later.instruction.start)} defines it; move that ${later.instruction.keyword} above this line`;
      }
      const other = elsewhere.find((d) => d.instruction.stage && d.instruction.stage !== stage);
      if (knownBase && other) {
        const where = other.instruction.stage!.name ? `stage \`${other.instruction.stage!.name}\`` : 'another stage';
        return `${written} is not defined in this stage: line ${model.lines.lineNumber(other.instruction.start)} sets it in ${where}, which this stage does not inherit; declare it here`;
      }
      const guess = closestName(name, inScope);
      if (guess) {
        return `${written} is not defined here; did you mean \`$${guess}\`?`;
      }
      if (fromScratch) {
        return `${written} is not defined: the stage is built from scratch, so only its own ARG and ENV instructions define variables; declare \`${name}\` first`;
      }
      return undefined;
    }

    return {
      instruction(instr) {
        const stage = instr.stage;
        if (!stage || !EXPANDED.has(instr.keyword)) return;
        // Names this ARG/ENV sets itself: env-self-reference judges those, and `ENV X=$X:/y` extends on purpose.
        const own = new Set(assignments(instr).map((a) => a.name));
        for (const ref of refsIn(model, instr.keywordSpan.end, expandableEnd(instr))) {
          // BuildKit always sets PATH; a fallback (`${X:-d}`) means an unset X is expected.
          if (ref.hasFallback || ref.name === 'PATH' || own.has(ref.name)) continue;
          if (model.lookup(ref.name, instr)) continue;
          const message = explain(ref, instr, stage);
          if (message) context.report({ span: { start: ref.start, end: ref.end }, message });
        }
      },
    };
  },
});
