import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'correctness/invalid-base-image-platform';

describe(RULE, () => {
  it('reports Linux on a Windows image and Windows on a Linux-only image', async () => {
    const text = df`
      ARG P=linux/amd64
      FROM --platform=linux/amd64 mcr.microsoft.com/windows/servercore:ltsc2022
      FROM --platform=windows/amd64 alpine:3.20
      FROM --platform=$P mcr.microsoft.com/windows/nanoserver:ltsc2022
      FROM --platform=windows gcr.io/distroless/static-debian12
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:6-2:28', '3:6-3:30', '4:6-4:19', '5:6-5:24']);
    expect(findings[1].message).toContain('`alpine:3.20` is a Linux image');
  });

  it('stays silent when the platform or the image is not decidable offline', async () => {
    const text = df`
      # escape=\`
      FROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022 AS win
      FROM --platform=linux/arm64 debian:12
      FROM --platform=$TARGETPLATFORM mcr.microsoft.com/windows/servercore:ltsc2022
      FROM --platform=windows/amd64 python:3.12
      FROM --platform=linux/amd64 win
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
