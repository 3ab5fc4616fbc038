import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'pin/apk-packages';

describe(RULE, () => {
  it('reports each unpinned package word, not the --virtual name', async () => {
    const text = df`
      FROM alpine:3.20
      RUN apk add --no-cache --virtual .build-deps gcc musl-dev=1.2.5-r0 \\
          # headers for the build
          linux-headers
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:46-2:49', '4:5-4:18']);
    expect(findings[0].message).toBe('Pin `gcc` to a version: `gcc=<version>`');
  });

  it('accepts =, ~, < and > constraints, .apk files, conflicts and variables', async () => {
    const text = df`
      FROM alpine:3.20
      ARG PKGS="curl git"
      RUN apk add --no-cache curl=8.9.1-r0 git~2.45 'python3>3.11' "tzdata<2025" \\
          /tmp/tool.apk tool.apk !busybox-extras -t .deps $PKGS
      RUN apk update && apk upgrade && apk del curl
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('keeps the repository tag in the suggested pin', async () => {
    const text = df`
      FROM alpine:3.20
      RUN apk add --no-cache -t .deps helm@testing
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:33-2:45']);
    expect(findings[0].message).toBe('Pin `helm@testing` to a version: `helm@testing=<version>`');
  });

  it('judges every stage and sees through sudo, sh -c, heredocs and exec form', async () => {
    const text = df`
      FROM alpine:3.20 AS build
      RUN sudo apk add a
      FROM alpine:3.20
      RUN sh -c "apk add b"
      RUN <<EOF
      apk add --no-cache c
      EOF
      RUN ["apk", "add", "d"]
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:18-2:19', '4:20-4:21', '6:20-6:21', '8:20-8:23']);
  });

  it('skips Windows stages', async () => {
    const text = df`
      FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
      RUN apk add curl
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
