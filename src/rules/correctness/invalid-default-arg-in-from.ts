import { defineRule } from '../../engine/rule';
import { expand } from '../../engine/variables';
import { referenceProblem } from './_image-reference';
import { refsIn } from './_variables';

/** Representative values of BuildKit's platform arguments, which always have one in a FROM. */
const PLATFORM_VALUES: Record<string, string> = {
  TARGETPLATFORM: 'linux/amd64',
  BUILDPLATFORM: 'linux/amd64',
  TARGETOS: 'linux',
  BUILDOS: 'linux',
  TARGETARCH: 'amd64',
  BUILDARCH: 'amd64',
  TARGETVARIANT: '',
  BUILDVARIANT: '',
};

/**
 * The image a FROM names must be a valid reference with the ARG values the build will have:
 * the defaults, overridden by the `--build-arg`s given to the linter. `ARG TAG` then
 * `FROM alpine:${TAG}` asks for `alpine:`, which BuildKit rejects.
 */
export default defineRule({
  meta: {
    id: 'correctness/invalid-default-arg-in-from',
    category: 'correctness',
    severity: 'warning',
    description: 'FROM becomes an invalid image reference unless a --build-arg is given',
    aliases: ['InvalidDefaultArgInFrom'],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    return {
      stage(stage) {
        const base = stage.base;
        const refs = refsIn(model, base.start, base.end);
        // Undeclared names are undefined-arg-in-from's finding; a literal bad name is not about ARGs.
        if (!base.text || refs.length === 0 || refs.some((r) => !model.lookup(r.name))) return;
        const lookup = (name: string) => {
          const def = model.lookup(name);
          return def?.kind === 'predefined' ? PLATFORM_VALUES[name] : def?.value;
        };
        const value = expand(base.text, lookup, model.escapeChar).value;
        const problem = referenceProblem(value);
        if (!problem) return;
        const empty = [...new Set(refs.filter((r) => !r.hasFallback && !lookup(r.name)).map((r) => r.name))];
        const cause = empty.length
          ? `without a --build-arg for ${empty.map((n) => `\`${n}\``).join(', ')}`
          : 'with its ARG defaults';
        const advice = empty.length ? `give ${empty.length > 1 ? 'those ARGs defaults' : `\`ARG ${empty[0]}\` a default`} or use \`\${${empty[0]}:-default}\`` : 'fix the default values';
        context.report({
          span: base,
          message: `\`${base.text}\` expands to \`${value}\` ${cause}, which is not a valid image reference (${problem}); ${advice}`,
        });
      },
    };
  },
});
