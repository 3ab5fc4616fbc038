import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'correctness/duplicate-stage-name';

describe(RULE, () => {
  it('reports every later stage reusing a name, ignoring case', async () => {
    const text = df`
      FROM alpine:3.20 AS build
      FROM alpine:3.20 AS Build
      FROM alpine:3.20 AS other
      from alpine:3.20 as build
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:21-2:26', '4:21-4:26']);
    expect(findings[0].message).toContain('stage "build" (line 1)');
  });

  it('stays silent for distinct names, unnamed stages and parameterised bases', async () => {
    const text = df`
      ARG BASE=alpine:3.20
      FROM \${BASE} AS base
      FROM base AS build
      FROM base
      FROM base
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
  it('compares names the same way on Windows images under the backtick escape', async () => {
    const text = df`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS WinBuild
      FROM mcr.microsoft.com/windows/nanoserver:ltsc2022 AS winbuild
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['3:55-3:63']);
  });
});
