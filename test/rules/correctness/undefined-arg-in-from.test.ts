import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'correctness/undefined-arg-in-from';

describe(RULE, () => {
  it('reports an undeclared name in the image and suggests the declared one it resembles', async () => {
    const text = df`
      ARG VERSION=3.20
      FROM alpine:$VERSON
      FROM node:22\${VARIANT} AS web
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:13-2:20', '3:13-3:23']);
    expect(findings[0].message).toContain('did you mean `VERSION`?');
    expect(findings[1].message).toContain('declare `ARG VARIANT` before the first FROM');
  });

  it('checks the --platform flag and suggests BuildKit platform arguments', async () => {
    const text = df`
      FROM --platform=$BUILDPLATFROM golang:1.22 AS build
      FROM --platform=$BUILDPLATFORM golang:1.22 AS ok
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['1:17-1:31']);
    expect(findings[0].message).toContain('did you mean `BUILDPLATFORM`?');
  });

  it('reports an undeclared name even with a fallback: --build-arg cannot reach it', async () => {
    const text = df`
      FROM alpine:\${TAG:-3.20}
    `;
    const findings = await lintWith(RULE, text, { buildArgs: { TAG: '3.19' } });
    expect(positions(findings)).toEqual(['1:13-1:25']);
    expect(findings[0].message).toContain('`--build-arg` cannot set it');
  });

  it('explains that an ARG inside a stage is not visible to a later FROM', async () => {
    const text = df`
      FROM alpine:3.20 AS tools
      ARG RUNTIME_IMAGE=debian:12
      FROM \${RUNTIME_IMAGE}
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['3:6-3:22']);
    expect(findings[0].message).toContain('an ARG inside a stage is not visible to FROM');
  });

  it('reads continued FROM lines and the backtick escape, on Windows images too', async () => {
    const text = df`
      # escape=\`
      ARG WINVER=ltsc2022
      FROM \`
        # the servercore image
        mcr.microsoft.com/windows/servercore:$WIN_VER
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['5:40-5:48']);
  });

  it('stays silent for declared global ARGs, platform arguments, stage names and escaped dollars', async () => {
    const text = df`
      ARG TAG
      ARG BASE=alpine:3.20
      FROM --platform=$BUILDPLATFORM $BASE AS build
      FROM alpine:\${TAG:-3.20}
      FROM build
      FROM scratch
      COPY --from=build /out /out
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
