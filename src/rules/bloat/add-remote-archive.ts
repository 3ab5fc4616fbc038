import { flagNamed } from '../../engine/model';
import { defineRule } from '../../engine/rule';
import { remoteArchive } from './_files';

/** How to unpack from a pipe: tar cannot guess the compression of stdin. */
function unpackCommand(url: string, dest: string): string {
  const path = url.replace(/[?#].*$/, '').toLowerCase();
  const ends = (...exts: string[]) => exts.some((e) => path.endsWith(e));
  if (ends('.zip')) return `curl -fsSLo /tmp/a.zip ${url} && unzip /tmp/a.zip -d ${dest} && rm /tmp/a.zip`;
  const flag = ends('.gz', '.tgz') ? 'z' : ends('.bz2', '.tbz', '.tbz2') ? 'j' : ends('.xz', '.txz') ? 'J' : '';
  const zstd = ends('.zst', '.tzst') ? ' --zstd' : '';
  return `curl -fsSL ${url} | tar -x${flag}${zstd} -C ${dest}`;
}

export default defineRule({
  meta: {
    id: 'bloat/add-remote-archive',
    category: 'bloat',
    severity: 'warning',
    description: 'ADD of a remote archive keeps the packed archive in a layer, and unpacking it later stores it twice',
    aliases: [],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    return {
      ADD(instr) {
        // Not judged(): ADD's download behaves the same on Windows.
        if (!instr.stage?.ships) return;
        // `ADD --unpack` (BuildKit 1.17+) does unpack remote archives.
        const unpack = flagNamed(instr, 'unpack');
        if (unpack && unpack.value !== 'false') return;
        const { sources = [], destination } = instr.copy ?? {};
        const dest = destination?.value;
        for (const src of sources) {
          const url = model.expand(src.value, instr).value;
          if (!remoteArchive(url)) continue;
          context.report({
            span: { start: src.start, end: src.end },
            message: `ADD does not unpack a remote archive, so it stays packed in this layer and unpacking it later stores it twice; download and unpack in one RUN: \`RUN ${unpackCommand(src.value, dest ?? '/dest')}\``,
          });
        }
      },
    };
  },
});
