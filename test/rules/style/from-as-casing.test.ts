import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'style/from-as-casing';

describe(RULE, () => {
  it('reports an AS cased unlike its FROM and fixes it', async () => {
    const text = df`
      FROM golang:1.22 as build
      from alpine:3.20 AS run
      FROM --platform=$BUILDPLATFORM node:20 As web
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['1:18-1:20', '2:18-2:20', '3:40-3:42']);
    expect(findings.map((f) => f.fix?.edits[0].text)).toEqual(['AS', 'as', 'AS']);
  });

  it('finds AS on a continuation line and with the escape directive', async () => {
    const text = df`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022 \`
          as base
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['3:5-3:7']);
  });

  it('is silent on matching case, unnamed stages and a mixed-case FROM', async () => {
    const text = df`
      FROM golang:1.22 AS build
      from alpine:3.20 as run
      FROM build
      From debian:12 as other
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
