import { df, model } from '../helpers/lint';

describe('stages', () => {
  const text = df`
    # syntax=docker/dockerfile:1.7
    ARG BASE=debian
    ARG TAG
    FROM --platform=$BUILDPLATFORM golang:1.22 AS build
    FROM \${BASE}:\${TAG:-12} AS base
    FROM base AS final
    COPY --from=build /out /app
    FROM alpine:3.20 AS unused
  `;

  it('splits base images after ARG expansion and links stage references', async () => {
    const m = await model(text);
    expect(m.syntax).toBe('docker/dockerfile:1.7');
    expect(m.stages.map((s) => s.name)).toEqual(['build', 'base', 'final', 'unused']);
    expect(m.stages[0].base.ref).toMatchObject({ repository: 'golang', tag: '1.22' });
    expect(m.stages[0].platform?.value).toBe('$BUILDPLATFORM');
    expect(m.stages[1].base).toMatchObject({ text: '${BASE}:${TAG:-12}', resolved: 'debian:12' });
    expect(m.stages[2].base.stage).toBe(m.stages[1]);
    expect(m.stages[2].base.ref).toBeUndefined();
  });

  it('knows what the target builds and what ships', async () => {
    const m = await model(text, { target: 'final' });
    expect(m.target?.name).toBe('final');
    expect(m.stages.map((s) => [s.name, s.reachable, s.ships])).toEqual([
      ['build', true, false],
      ['base', true, true],
      ['final', true, true],
      ['unused', false, false],
    ]);
    const last = await model(text);
    expect(last.target?.name).toBe('unused');
    expect(last.stages.filter((s) => s.reachable).map((s) => s.name)).toEqual(['unused']);
  });

  it('lets --build-arg override ARG defaults', async () => {
    const m = await model(text, { buildArgs: { BASE: 'ubuntu', TAG: '24.04' } });
    expect(m.stages[1].base.resolved).toBe('ubuntu:24.04');
  });

  it('leaves an image with an unset variable unresolved', async () => {
    const m = await model('ARG IMG\nFROM $IMG\n');
    expect(m.stages[0].base.resolved).toBeUndefined();
    expect(m.stages[0].base.expansion.unresolved).toEqual(['IMG']);
  });
});

describe('scopes', () => {
  it('follows BuildKit: global ARGs need redeclaring, ENV beats ARG, ENV is inherited by child stages', async () => {
    const m = await model(df`
      ARG V=global
      FROM alpine:3 AS one
      RUN echo
      ARG V
      ENV E=from-one
      RUN echo
      ARG V=local
      ENV V=env
      RUN echo
      FROM one AS two
      RUN echo
    `);
    const runs = m.instructions.filter((i) => i.keyword === 'RUN');
    expect(m.lookup('V', runs[0])).toBeUndefined();
    expect(m.lookup('V', runs[1])?.value).toBe('global');
    expect(m.lookup('V', runs[2])).toMatchObject({ value: 'env', kind: 'ENV' });
    expect(m.lookup('E', runs[3])).toMatchObject({ value: 'from-one', kind: 'ENV' });
    expect(m.lookup('V', runs[3])).toMatchObject({ value: 'env', kind: 'ENV' });
    expect(m.expand('${E}-$V', runs[2]).value).toBe('from-one-env');
  });

  it('reads several ARGs of one instruction as it reads a lone one, quotes removed', async () => {
    const m = await model('FROM alpine:3\nARG A="x" B=\'z\' C\nARG D="w"\nRUN echo\n');
    const run = m.instructions.find((i) => i.keyword === 'RUN');
    expect(['A', 'B', 'C', 'D'].map((n) => m.lookup(n, run)?.value)).toEqual(['x', 'z', undefined, 'w']);
  });
});

describe('RUN scripts', () => {
  it('maps commands back to Dockerfile columns across continuations and comment lines', async () => {
    const text = df`
      FROM alpine:3
      RUN set -e; \\
        # install
        apk add --no-cache curl \\
        && echo "done" | tee /log
    `;
    const m = await model(text);
    const run = m.instructions[1].run!;
    expect(run.commands.map((c) => [c.name, text.slice(c.nameWord.start, c.nameWord.end)])).toEqual([
      ['set', 'set'],
      ['apk', 'apk'],
      ['echo', 'echo'],
      ['tee', 'tee'],
    ]);
    const echo = run.commands[2];
    expect(echo.args[0]).toMatchObject({ text: '"done"', value: 'done' });
    expect(text.slice(echo.args[0].start, echo.args[0].end)).toBe('"done"');
    expect(echo.pipeline).toEqual({ index: 0, length: 2 });
    expect(run.commands[3].pipeline).toEqual({ index: 1, length: 2 });
  });

  it('marks conditional commands and command substitutions', async () => {
    const m = await model('FROM alpine:3\nRUN a || b; if c; then d; fi; e $(f)\n');
    const cmds = m.instructions[1].run!.commands;
    expect(cmds.map((c) => [c.name, c.conditional, c.substitution])).toEqual([
      ['a', false, false],
      ['b', true, false],
      ['c', true, false],
      ['d', true, false],
      ['e', false, false],
      ['f', false, true],
    ]);
  });

  it('peels wrappers and reads nested shells', async () => {
    const m = await model(df`
      FROM alpine:3
      RUN sudo -u app env A=1 xargs -n1 rm -f < list
      RUN su app -c "make install"
      RUN bash <<EOF
      cd /src && make
      EOF
    `);
    const [one, two, three] = m.instructions.slice(1).map((i) => i.run!.commands.map((c) => c.name));
    expect(one).toEqual(['rm']);
    expect(m.instructions[1].run!.commands[0].wrappers.map((w) => w.value)).toEqual(['sudo', '-u', 'app', 'env', 'A=1', 'xargs', '-n1']);
    expect(two).toEqual(['su', 'make']);
    expect(three).toEqual(['bash', 'cd', 'make']);
  });

  it('honours SHELL and skips non-POSIX shells', async () => {
    const m = await model(df`
      FROM alpine:3
      SHELL ["/bin/bash", "-o", "pipefail", "-c"]
      RUN echo a
      SHELL ["pwsh", "-Command"]
      RUN Write-Host b
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN echo c
    `);
    const runs = m.instructions.filter((i) => i.run).map((i) => i.run!);
    expect(runs.map((r) => [r.shell[0], r.posix, r.commands.length])).toEqual([
      ['/bin/bash', true, 1],
      ['pwsh', false, 0],
      ['cmd', false, 0],
    ]);
  });

  it('reads mounts', async () => {
    const m = await model('FROM alpine:3\nRUN --mount=type=cache,target=/root/.cache,sharing=locked --mount=type=secret,id=npm true\n');
    expect(m.instructions[1].run!.mounts.map((x) => [x.type, x.target])).toEqual([
      ['cache', '/root/.cache'],
      ['secret', undefined],
    ]);
  });
});

describe('tolerant parsing', () => {
  it('records problems and still models the rest', async () => {
    const m = await model(df`
      FROM alpine:3
      FROBNICATE x
      COPY --chmown=1 a b
      COPY --exclude=*.md --parents a/ b/
      RUN --network=none true
      EXPOSE
      RUN <<EOF
      echo never ends
    `);
    expect(m.problems.map((p) => [p.kind, m.text.slice(p.start, p.end)])).toEqual([
      ['unknown-instruction', 'FROBNICATE'],
      ['unknown-flag', '--chmown=1'],
      ['empty-instruction', 'EXPOSE'],
      ['unterminated-heredoc', '<<EOF'],
    ]);
    expect(m.instructions.map((i) => i.keyword)).toEqual(['FROM', 'FROBNICATE', 'COPY', 'COPY', 'RUN', 'EXPOSE', 'RUN']);
    expect(m.instructions[4].run!.commands.map((c) => c.name)).toEqual(['true']);
  });

  it('handles empty and comment-only files', async () => {
    expect((await model('')).stages).toEqual([]);
    expect((await model('# just a comment\n')).instructions).toEqual([]);
  });
});

describe('heredoc before its command', () => {
  it('parses `RUN <<EOF bash` as bash reading the script, with Dockerfile positions', async () => {
    const text = 'FROM debian:12\nRUN <<EOF bash\napt-get install -y curl\nEOF\n';
    const m = await model(text);
    const run = m.instructions[1].run!;
    expect(run.scripts.every((s) => s.syntaxErrors.length === 0)).toBe(true);
    expect(run.commands.map((c) => [c.name, text.slice(c.nameWord.start, c.nameWord.end)])).toEqual([
      ['bash', 'bash'],
      ['apt-get', 'apt-get'],
    ]);
  });
});

describe('heredoc bodies', () => {
  it('start after the whole logical line, even when the body is empty', async () => {
    const run = (await model('FROM a\nRUN cat <<A \\\n  > /x\nA\nRUN b\n')).instructions[1].run!;
    expect(run.scripts.map((s) => [s.text, s.syntaxErrors])).toEqual([['cat <<A   > /x\nA', []]]);
  });
});

describe('word spans', () => {
  it('end at the word, not on the next line, when a continuation follows it directly', async () => {
    const text = 'FROM debian:12\nRUN apt-get install -y curl\\\n  git\n';
    const m = await model(text);
    const args = m.instructions[1].run!.commands[0].args;
    expect(args.map((a) => [a.value, text.slice(a.start, a.end)])).toEqual([
      ['install', 'install'],
      ['-y', '-y'],
      ['curl', 'curl'],
      ['git', 'git'],
    ]);
  });
});

describe('empty continuation lines', () => {
  it('are recorded on the instruction, comment lines are not', async () => {
    const text = 'FROM alpine:3\nRUN echo a \\\n\n  # note\n  b \\\n   \n  c\nRUN echo d\n';
    const m = await model(text);
    expect(m.instructions[1].emptyContinuationLines.map((s) => m.lines.lineNumber(s.start))).toEqual([3, 6]);
    expect(m.instructions[2].emptyContinuationLines).toEqual([]);
    expect(m.instructions[1].run!.commands[0].args.map((a) => a.value)).toEqual(['a', 'b', 'c']);
  });
});

describe('exec form', () => {
  it('keeps the spaces inside JSON strings and parses sh -c scripts', async () => {
    const m = await model('FROM alpine:3\nRUN ["sh", "-c", "curl -fsSL https://x | sh"]\nCMD ["echo", "a b", "c\\"d"]\n');
    expect(m.instructions[2].json!.map((a) => a.value)).toEqual(['echo', 'a b', 'c"d']);
    expect(m.instructions[1].run!.commands.map((c) => c.name)).toEqual(['curl', 'sh']);
    expect(m.instructions[1].run!.commands[1].pipeline).toEqual({ index: 1, length: 2 });
  });
});
