import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'correctness/from-platform-constant';

describe(RULE, () => {
  it('reports a constant --platform, quoted or not', async () => {
    const text = df`
      FROM --platform=linux/amd64 alpine:3.20 AS base
      FROM --platform="linux/arm64" debian:12 AS app
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['1:6-1:28', '2:6-2:30']);
    expect(findings[1].message).toContain('`--platform=linux/arm64`');
  });

  it('accepts variables, even with a constant fallback or an ARG default', async () => {
    const text = df`
      ARG P=linux/amd64
      FROM --platform=$BUILDPLATFORM golang:1.22 AS build
      FROM --platform=\${TARGETPLATFORM:-linux/amd64} alpine:3.20
      FROM --platform=$P alpine:3.20
      FROM --platform=linux/$TARGETARCH alpine:3.20
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('accepts per-platform stages named after their OS or architecture', async () => {
    const text = df`
      FROM --platform=linux/arm64 alpine:3.20 AS build-arm64
      FROM --platform=linux/amd64 alpine:3.20 AS build_amd64
      FROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022 AS windows-build
      FROM build-\${TARGETARCH}
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
