import { PLATFORM_ARGS } from '../../engine/build';
import type { Instruction } from '../../engine/model';
import { defineRule } from '../../engine/rule';
import { variableRefs } from '../../engine/variables';

const PROXIES = ['HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY'];
/** Variables tools read from the environment without being named in the command. */
const IMPLICIT = ['DEBIAN_FRONTEND', 'SOURCE_DATE_EPOCH', 'RUSTFLAGS', 'CFLAGS', 'CXXFLAGS', 'CPPFLAGS', 'LDFLAGS'];
const IMPLICIT_PREFIXES = ['PIP_', 'NPM_CONFIG_', 'YARN_', 'GO', 'CGO_', 'CARGO_', 'MAVEN_', 'GRADLE_', 'PYTHON', 'NODE_'];

/**
 * ARGs whose presence in every RUN's environment is the point (proxies, tool settings) or that
 * BuildKit defines itself. A `*_VERSION` name is a version the Dockerfile's own commands read,
 * not a tool setting, even when it starts with a tool's prefix (`NODE_VERSION`, `GO_VERSION`).
 */
function exempt(name: string): boolean {
  const upper = name.toUpperCase();
  if (PROXIES.includes(upper) || PLATFORM_ARGS.includes(name) || upper.startsWith('BUILDKIT_')) return true;
  if (IMPLICIT.includes(upper)) return true;
  return !upper.endsWith('_VERSION') && IMPLICIT_PREFIXES.some((p) => upper.startsWith(p));
}

export default defineRule({
  meta: {
    id: 'cache/early-arg',
    category: 'cache',
    severity: 'info',
    description: 'ARG declared long before its first use: changing it also rebuilds the RUN layers in between',
    aliases: [],
    fixable: false,
  },
  create(context) {
    const { model } = context;

    /** Whether the instruction may read `name`: a reference in its text, or a RUN whose shell is not POSIX (cmd and PowerShell spell variables their own way). */
    function mayUse(instr: Instruction, name: string, from = instr.keywordSpan.end): boolean {
      if (instr.run && !instr.run.posix) return true;
      let text = model.text.slice(from, instr.end);
      // In a RUN, single quotes often wrap a nested script (`sh -c '... $X'`): count references inside them too.
      if (instr.keyword === 'RUN') text = text.replace(/'/g, ' ');
      return variableRefs(text, model.escapeChar).some((r) => r.name === name);
    }

    const declares = (instr: Instruction, name: string) =>
      instr.keyword === 'ARG' && instr.args.some((a) => a.value.split('=')[0] === name);

    return {
      stage(stage) {
        stage.instructions.forEach((instr, i) => {
          if (instr.keyword !== 'ARG') return;
          for (const arg of instr.args) {
            const name = arg.value.split('=')[0];
            if (!name || exempt(name) || mayUse(instr, name, arg.end)) continue;
            const skipped: Instruction[] = [];
            let firstUse: Instruction | undefined;
            for (const later of stage.instructions.slice(i + 1)) {
              if (mayUse(later, name)) {
                firstUse = later;
                break;
              }
              if (declares(later, name)) break;
              if (later.keyword === 'RUN') skipped.push(later);
            }
            if (!firstUse || skipped.length === 0) continue;
            const written = model.text.startsWith(name, arg.start);
            const useLine = model.lines.lineNumber(firstUse.start);
            const runs = skipped.length === 1 ? `the RUN on line ${model.lines.lineNumber(skipped[0].start)}` : `${skipped.length} RUN instructions before it`;
            context.report({
              span: { start: arg.start, end: written ? arg.start + name.length : arg.end },
              message: `ARG \`${name}\` is first used on line ${useLine}, but ${runs} also get${skipped.length === 1 ? 's' : ''} it in the environment, so changing it rebuilds ${skipped.length === 1 ? 'that layer' : 'them'}; declare it just before line ${useLine}`,
            });
          }
        });
      },
    };
  },
});
