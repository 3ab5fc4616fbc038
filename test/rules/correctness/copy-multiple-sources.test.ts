import { applyFixes } from '../../../src/engine/fixes';
import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'correctness/copy-multiple-sources';

const fixed = async (text: string) => applyFixes(text, (await lintWith(RULE, text)).map((f) => f.fix!)).text;

describe(RULE, () => {
  it('reports the destination of shell, JSON and heredoc forms, and ADD', async () => {
    const text = df`
      FROM alpine:3.20
      COPY a b /app
      COPY ["a", "b", "/app"]
      COPY <<one <<two /etc/conf
      x
      one
      y
      two
      ADD a.tar b.tar "/opt"
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:10-2:14', '3:17-3:23', '4:18-4:27', '9:17-9:23']);
    expect(await fixed(text)).toBe(text.replace('b /app', 'b /app/').replace('"/app"', '"/app/"').replace('/etc/conf', '/etc/conf/').replace('"/opt"', '"/opt/"'));
  });

  it('judges the destination after ARG expansion and appends to the variable', async () => {
    const text = df`
      FROM alpine:3.20
      ARG DIR=/app/
      ARG FILE=/app
      COPY a b $DIR
      COPY a b $FILE
      COPY a b $UNSET
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['5:10-5:15']);
    expect(await fixed(text)).toContain('COPY a b $FILE/\n');
  });

  it('takes operands from the COPY line only, never from a heredoc body or delimiter line', async () => {
    // Found by the fuzz suite: with an empty body, the delimiter `E` was read as the destination,
    // and the `/` appended to it left the heredoc unterminated.
    for (const text of ['FROM a\nCOPY <<E /a\nE\n', 'FROM a\nCOPY <<E \\\n  /a\nE\n', 'FROM a\nCOPY <<E /a\nx y z\nE\n']) {
      expect(await lintWith(RULE, text)).toEqual([]);
    }
    const text = 'FROM a\nCOPY <<E b /a\nE\n';
    expect(await fixed(text)).toBe('FROM a\nCOPY <<E b /a/\nE\n');
  });

  it('ignores a comment line inside the continuation, even one holding the escape character', async () => {
    const text = 'FROM alpine\nCOPY a b \\\n# C:\\x\n  /app/\n';
    expect(await lintWith(RULE, text)).toEqual([]);
    const missing = text.replace('/app/', '/app');
    expect(await fixed(missing)).toBe(text);
  });

  it('keeps a Windows separator when the escape character allows it', async () => {
    const text = df`
      # escape=\`
      FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
      COPY a.dll b.dll C:\\app
      COPY a.dll b.dll C:\\lib\\
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['3:18-3:24']);
    expect(await fixed(text)).toContain('C:\\app\\\n');
  });

  it('appends a forward slash when the escape character is a backslash', async () => {
    const text = 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY a.dll b.dll C:\\app\n';
    expect(await fixed(text)).toBe(text.replace('C:\\app', 'C:\\app/'));
  });

  it('stays silent for one source, a directory destination and multi-stage copies that end in /', async () => {
    const text = df`
      FROM golang:1.22 AS build
      COPY go.mod go.sum ./
      COPY . /src
      COPY *.go /src
      FROM alpine:3.20
      COPY --from=build /out/a /out/b /usr/local/bin/
      COPY ["a", "b", "/c/"]
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
