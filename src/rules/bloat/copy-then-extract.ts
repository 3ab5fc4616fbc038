import { flagNamed } from '../../engine/model';
import type { Arg } from '../../engine/model';
import { defineRule } from '../../engine/rule';
import type { ShellCommand, Word } from '../../engine/shell/model';
import { parseArgs } from '../../engine/shell/options';
import { walkShippingRuns, type Added } from './_files';
import { baseName } from './_scope';

/** Tar archives `ADD` unpacks by itself (uncompressed, gzip, bzip2, xz). */
const TAR_ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz)$/i;

const TAR_VALUED = new Set([
  '-f', '--file', '-C', '--directory', '-T', '--files-from', '-X', '--exclude-from', '-b', '--blocking-factor', '-H',
  '--format', '-I', '--use-compress-program', '-g', '--listed-incremental', '-K', '--starting-file', '-N', '--newer',
  '-V', '--label', '--exclude', '--strip-components', '--transform', '--owner', '--group', '--mode',
]);

/** The archive word a `tar -x` reads: its `-f` operand, or the file its standard input comes from. */
function extractedArchive(cmd: ShellCommand): Word | undefined {
  if (baseName(cmd) !== 'tar' || !cmd.args.length) return undefined;
  // Old-style `tar xzf file`: the first word is a cluster of options without the dash.
  const [first, ...rest] = cmd.args;
  const args = first.value && /^[a-zA-Z]+$/.test(first.value) ? [Object.assign({}, first, { value: `-${first.value}` }), ...rest] : cmd.args;
  const { options } = parseArgs(args, TAR_VALUED);
  if (!options.some((o) => o.name === '-x' || o.name === '--extract' || o.name === '--get')) return undefined;
  const file = options.find((o) => o.name === '-f' || o.name === '--file');
  if (file?.value && file.value !== '-') return file.valueWord ?? Object.assign({}, file.word, { value: file.value });
  return cmd.redirects.find((r) => r.operator === '<')?.target;
}

const lastSegment = (p: string) => p.replace(/\/+$/, '').replace(/^.*\//, '');

/** The COPY source that put `added` in place. */
function sourceOf(added: Added): Arg | undefined {
  const sources = added.instr.copy?.sources ?? [];
  if (sources.length === 1) return sources[0];
  return sources.find((s) => lastSegment(s.value) === lastSegment(added.path));
}

export default defineRule({
  meta: {
    id: 'bloat/copy-then-extract',
    category: 'bloat',
    severity: 'warning',
    description: 'A tar archive is copied in with `COPY` and unpacked by a later `RUN`: the packed archive stays in its own layer',
    aliases: ['DL3010'],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    return {
      end() {
        const reported = new Set<Arg>();
        walkShippingRuns(model, (view) => {
          for (const cmd of view.run.run!.commands) {
            const word = extractedArchive(cmd);
            const path = word && view.pathOf(word, cmd);
            if (!path) continue;
            const added = view.added.find((a) => a.instr.keyword === 'COPY' && a.file && a.path === path);
            const source = added && sourceOf(added);
            if (!added || !source || reported.has(source) || !!flagNamed(added.instr, 'from')) continue;
            if (!TAR_ARCHIVE.test(model.expand(source.value, added.instr).value)) continue;
            reported.add(source);
            const line = model.lines.lineNumber(cmd.start);
            context.report({
              span: { start: source.start, end: source.end },
              message: `\`${source.value}\` is copied in packed and unpacked on line ${line}, so the archive stays in the image; \`ADD ${source.value} <dir>\` unpacks a local tar archive in one layer, or unpack it from \`RUN --mount=type=bind,source=${source.value},target=/tmp/${lastSegment(source.value)}\``,
            });
          }
        });
      },
    };
  },
});
