import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'correctness/env-self-reference';

describe(RULE, () => {
  it('reports a reference to a name an earlier pair of the same ENV sets', async () => {
    const text = df`
      FROM alpine:3.20
      ENV APP=/app BIN=$APP/bin LIB=\${APP}/lib
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:18-2:22', '2:31-2:37']);
    expect(findings[0].message).toContain('nothing (`APP` was not defined before)');
  });

  it('names the old value when the variable was defined before, by ENV or ARG', async () => {
    const text = df`
      FROM alpine:3.20
      ENV VERSION=1.0
      ENV VERSION=2.0 URL=https://example.com/$VERSION
      ARG MODE=debug
      ENV MODE=release FLAGS=--$MODE
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['3:41-3:49', '5:26-5:31']);
    expect(findings[0].message).toContain('`1.0`, the value from before this ENV');
    expect(findings[1].message).toContain('`debug`');
  });

  it('follows continuation lines with comment lines inside, and the escape directive', async () => {
    const text = df`
      FROM alpine:3.20
      ENV HOME=/srv \\
          # $HOME in a comment is not a reference
          DATA=$HOME/data
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['4:10-4:15']);
    // The base image may set HOME: the reference sees that value, not /srv.
    expect(findings[0].message).toContain("the base image's value of `HOME`");
    const backtick = df`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      ENV ROOT=C:\\app \`
          CONF=$ROOT\\conf
    `;
    expect(positions(await lintWith(RULE, backtick))).toEqual(['4:10-4:15']);
  });

  it('reports a reference to a later pair only when the name had no value before', async () => {
    const text = df`
      FROM alpine:3.20
      ENV FIRST=$SECOND SECOND=2
      ENV OLD_PATH=$PATH PATH=/opt/bin:$PATH
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:11-2:18']);
  });

  it('sees ENV inherited from the stage a stage is built FROM', async () => {
    const text = df`
      FROM alpine:3.20 AS base
      ENV PREFIX=/usr
      FROM base
      ENV PREFIX=/opt BIN=$PREFIX/bin
    `;
    const [finding] = await lintWith(RULE, text);
    expect(positions([finding])).toEqual(['4:21-4:28']);
    expect(finding.message).toContain('`/usr`');
  });

  it('stays silent for separate ENVs, single quotes, own values, longer names and unchanged values', async () => {
    const text = df`
      FROM alpine:3.20
      ARG TOKEN
      ENV A=1
      ENV B=$A
      ENV C=1 D='$C'
      ENV PATH=/opt/bin:$PATH
      ENV E=1 F=$EE G=\${E_X}
      ENV TOKEN=$TOKEN COPY_OF_TOKEN=$TOKEN
      ENV A=1 H=$A
      ENV I 1
      RUN I=2 J=$I
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
