import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'correctness/unused-stage';

describe(RULE, () => {
  it('reports named and unnamed stages the target does not use', async () => {
    const text = df`
      FROM golang:1.22 AS build
      FROM build AS test
      FROM alpine:3.20 AS tools
      FROM alpine:3.20
      RUN echo unused
      FROM alpine:3.20
      COPY --from=build /out /out
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:15-2:19', '3:21-3:26', '4:6-4:17']);
    expect(findings[0].message).toContain('unless you build it with `--target test`');
    expect(findings[0].message).toContain('target stage 4 (line 6)');
    expect(findings[2].message).toContain('without a name');
  });

  it('counts FROM chains, COPY --from by name or index and RUN --mount from=', async () => {
    const text = df`
      FROM golang:1.22 AS build
      FROM alpine:3.20 AS tools
      FROM alpine:3.20 AS assets
      FROM build AS app
      COPY --from=2 /a /a
      RUN --mount=from=tools,source=/bin/jq,target=/usr/bin/jq jq --version
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('stays silent when a --target is given or a stage reference is not known', async () => {
    const stages = 'FROM alpine:3.20 AS a\nFROM alpine:3.20 AS b\n';
    expect(await lintWith(RULE, stages, { target: 'a' })).toEqual([]);
    expect(await lintWith(RULE, `ARG V\n${stages}FROM \${V}\n`)).toEqual([]);
    expect(await lintWith(RULE, `${stages}FROM alpine:3.20\nONBUILD COPY --from=a /x /x\n`)).toEqual([]);
  });
  it('judges Windows stages the same way', async () => {
    const text = df`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS build
      FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS tools
      FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
      COPY --from=build C:\\out C:\\app
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['3:55-3:60']);
  });
});
