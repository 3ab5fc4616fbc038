import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'style/redundant-target-platform';

describe(RULE, () => {
  it('reports --platform=$TARGETPLATFORM in both spellings and removes it with one space', async () => {
    const text = df`
      FROM --platform=$TARGETPLATFORM alpine:3.20 AS base
      FROM --platform=\${TARGETPLATFORM} \\
          base
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['1:6-1:32', '2:6-2:34']);
    expect(findings.map((f) => f.fix?.edits)).toEqual([[{ start: 5, end: 32, text: '' }], [{ start: 57, end: 86, text: '' }]]);
  });

  it('is silent on other platforms and when a global ARG gives TARGETPLATFORM a value', async () => {
    const text = df`
      FROM --platform=$BUILDPLATFORM golang:1.22 AS build
      FROM --platform=linux/amd64 alpine:3.20
      FROM --platform=$TARGETOS/$TARGETARCH alpine:3.20
      FROM alpine:3.20
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
    const pinned = df`
      ARG TARGETPLATFORM=linux/arm64
      FROM --platform=$TARGETPLATFORM alpine:3.20
    `;
    expect(await lintWith(RULE, pinned)).toEqual([]);
  });
});
