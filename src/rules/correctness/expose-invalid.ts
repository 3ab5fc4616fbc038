import { defineRule } from '../../engine/rule';
import { isLiteral, wordValue } from './_operands';

const PROTOCOLS = ['tcp', 'udp', 'sctp'];

/** Why `range` (`80`, `8000-8010`) is not a port range BuildKit accepts, or undefined when it is one. */
function badRange(range: string): string | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(range);
  if (!m) return `\`${range}\` is not a port number or range`;
  const [start, end] = [Number(m[1]), Number(m[2] ?? m[1])];
  if (start > 65535 || end > 65535) return `port ${start > 65535 ? m[1] : m[2]} is outside 0-65535`;
  if (end < start) return `the range \`${range}\` ends before it starts`;
  return undefined;
}

/** The problem with one EXPOSE word (`[ip:][hostPort:]port[/proto]`), fatal ones first. */
function problem(word: string): { message: string; containerPort?: string } | undefined {
  const parts = word.split(':');
  const container = parts[parts.length - 1];
  const slash = container.indexOf('/');
  const port = slash < 0 ? container : container.slice(0, slash);
  const proto = slash < 0 ? '' : container.slice(slash + 1);
  const bad = badRange(port);
  if (bad) return { message: `EXPOSE \`${word}\`: ${bad}, so the build fails` };
  if (proto && !PROTOCOLS.includes(proto.toLowerCase())) {
    return { message: `EXPOSE \`${word}\`: unknown protocol \`${proto}\` (tcp, udp or sctp), so the build fails` };
  }
  if (parts.length > 1) {
    return {
      message: `EXPOSE \`${word}\` maps a host ${parts.length > 2 ? 'address and port' : 'port'}, which EXPOSE cannot do: only \`${container}\` is exposed; publish host ports with \`docker run -p\``,
      containerPort: container,
    };
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'correctness/expose-invalid',
    category: 'correctness',
    severity: 'error',
    description: 'EXPOSE with a port outside 0-65535, an unknown protocol, or a host address or port mapping',
    aliases: ['DL3011', 'ExposeInvalidFormat'],
    fixable: true,
  },
  create(context) {
    const { model } = context;
    return {
      EXPOSE(instr) {
        if (!instr.stage) return;
        for (const arg of instr.args) {
          const value = wordValue(model, arg.value, instr);
          if (value === undefined) continue;
          const words = value.split(/\s+/).filter(Boolean);
          for (const word of words) {
            const found = problem(word);
            if (!found) continue;
            // BuildKit already keeps only the container port, so writing just that builds the same image.
            const fixable = found.containerPort !== undefined && words.length === 1 && isLiteral(model, arg.value);
            context.report({
              span: { start: arg.start, end: arg.end },
              message: found.message,
              fix: fixable ? { description: `Expose ${found.containerPort}`, edits: [{ start: arg.start, end: arg.end, text: found.containerPort! }] } : undefined,
            });
          }
        }
      },
    };
  },
});
