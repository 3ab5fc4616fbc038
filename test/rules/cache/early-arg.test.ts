import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'cache/early-arg';

describe(RULE, () => {
  it('reports the name of an ARG first used after RUNs that ignore it', async () => {
    const text = df`
      FROM debian:12
      ARG VERSION=1.0
      RUN apt-get update && apt-get install -y curl
      RUN useradd app
      RUN curl -fsSL https://example.com/v\${VERSION}.tgz | tar xz
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:5-2:12']);
    expect(findings[0].message).toContain('first used on line 5');
    expect(findings[0].message).toContain('2 RUN instructions');
  });

  it('counts uses in any later instruction, such as a final LABEL', async () => {
    const text = df`
      FROM debian:12
      ARG BUILD_DATE
      RUN apt-get update
      LABEL org.opencontainers.image.created=$BUILD_DATE
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:5-2:15']);
    expect(findings[0].message).toContain('the RUN on line 3 also gets it');
  });

  it('accepts ARGs declared just before use, used at once, or never used', async () => {
    const text = df`
      FROM debian:12
      ARG UNUSED=1
      ARG EARLY=1
      RUN echo "$EARLY"
      RUN apt-get update
      ARG LATE=2
      COPY app-$LATE.tgz /opt/
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('exempts proxies, platform args and settings tools read from the environment, but not *_VERSION pins', async () => {
    const text = df`
      FROM node:20
      ARG HTTP_PROXY
      ARG http_proxy
      ARG TARGETARCH
      ARG DEBIAN_FRONTEND=noninteractive
      ARG PIP_INDEX_URL
      ARG NODE_ENV=production
      ARG GOPROXY CGO_ENABLED=0
      ARG NODE_VERSION=20.1.0
      RUN apt-get update
      RUN echo $HTTP_PROXY $http_proxy $TARGETARCH $DEBIAN_FRONTEND $PIP_INDEX_URL $NODE_ENV $GOPROXY $CGO_ENABLED $NODE_VERSION
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['9:5-9:17']);
  });

  it('reports each name of a multi-name ARG on its own', async () => {
    const text = df`
      FROM debian:12
      ARG A=1 B=2 C=\${A}
      RUN echo $B
      RUN echo $A $C
    `;
    // A is used by C in the same ARG; B at once; only C waits behind a RUN.
    expect(positions(await lintWith(RULE, text))).toEqual(['2:13-2:14']);
  });

  it('sees uses in heredocs and inside single-quoted nested scripts', async () => {
    const text = df`
      FROM debian:12
      ARG X
      RUN <<EOF
      echo "$X"
      EOF
      ARG Y
      RUN sh -c 'echo $Y'
      RUN echo hi
      RUN echo $X $Y
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('judges each stage on its own and stops at a redeclaration', async () => {
    const text = df`
      FROM debian:12 AS build
      ARG REV
      RUN make
      RUN echo build

      FROM debian:12
      ARG REV
      RUN make
      ARG REV=main
      RUN echo $REV
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('honours the escape directive across continuation lines with comments', async () => {
    const text = df`
      # escape=\`
      FROM debian:12
      ARG X=1
      RUN echo a \`
          # a comment line
          && echo b
      RUN echo \${X}
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['3:5-3:6']);
  });

  it('assumes a non-POSIX RUN may read the ARG (Windows stages)', async () => {
    const text = df`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      ARG VERSION=1
      RUN echo %VERSION%
      RUN echo $VERSION
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
