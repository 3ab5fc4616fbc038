import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'correctness/undefined-var';

describe(RULE, () => {
  it('suggests the defined name a reference most likely misspells', async () => {
    const text = df`
      FROM alpine:3.20
      ARG APP_VERSION=1.0
      ENV PATH=$PAHT:/opt/bin
      LABEL version=$APP_VERSOIN
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['3:10-3:15', '4:15-4:27']);
    expect(findings[0].message).toContain('did you mean `$PATH`?');
    expect(findings[1].message).toContain('did you mean `$APP_VERSION`?');
  });

  it('reports a global ARG or a platform argument the stage did not redeclare', async () => {
    const text = df`
      ARG VERSION=1.0
      FROM alpine:$VERSION
      COPY app-$VERSION.tar.gz /opt/
      ADD --chmod=755 tool-\${TARGETARCH} /usr/local/bin/tool
      FROM alpine:$VERSION
      ARG VERSION
      ARG TARGETARCH
      COPY app-$VERSION.tar.gz tool-$TARGETARCH /opt/
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['3:10-3:18', '4:22-4:35']);
    expect(findings[0].message).toContain('add `ARG VERSION` to the stage');
    expect(findings[1].message).toContain('after `ARG TARGETARCH`');
  });

  it('reports a use before the definition and a definition in another stage', async () => {
    const text = df`
      FROM alpine:3.20 AS build
      WORKDIR $SRC_DIR
      ENV SRC_DIR=/src
      FROM alpine:3.20
      COPY --from=build $SRC_DIR/out /app
      FROM build
      COPY . $SRC_DIR
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:9-2:17', '5:19-5:27']);
    expect(findings[0].message).toContain('before line 3 defines it');
    expect(findings[1].message).toContain('line 3 sets it in stage `build`');
  });

  it('reports any undefined name in a stage built from scratch, through FROM chains', async () => {
    const text = df`
      FROM scratch AS base
      ENV APP=/app
      COPY bin $APP/bin
      FROM base
      WORKDIR $HOME
      USER $APP_USER
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['5:9-5:14', '6:6-6:15']);
    expect(findings[0].message).toContain('built from scratch');
  });

  it('is quiet about what the base image may define', async () => {
    const text = df`
      FROM python:3.12-slim
      ENV PIP_VERSION=$PYTHON_PIP_VERSION
      WORKDIR $HOME/app
      COPY --chown=$APP_UID:$APP_GID . .
      LABEL python=$PYTHON_VERSION
      FROM \${BASE_IMAGE:-debian:12}
      COPY . $APP_ROOT
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('skips fallbacks, RUN/CMD bodies, COPY heredoc bodies, comments, quotes, escapes and own assignments', async () => {
    const text = df`
      FROM scratch
      ARG DECLARED
      ARG A=1 B=$A
      ENV LD_LIBRARY_PATH=$LD_LIBRARY_PATH:/opt/lib
      COPY \${SRC:-.} $DECLARED/
      LABEL note='$NOT_EXPANDED' cost=\\$FIVE
      RUN echo $SHELL_ONLY
      CMD ["sh", "-c", "echo $ALSO_SHELL"]
      COPY <<EOF /etc/motd
      $IN_HEREDOC
      EOF
      ENV X=1 \\
          # $IN_COMMENT
          Y=2
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('uses the escape directive, and ignores case on Windows', async () => {
    const text = df`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      ENV AppDir=C:\\app
      WORKDIR $appdir
      COPY app.zip $APPDIR\\
      COPY \`$LITERAL \`
           $AppDri\\
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['7:6-7:13']);
    expect(findings[0].message).toContain('did you mean `$AppDir`?');
  });

  it('allows saving a value before redefining it, and an unknown FROM that may be a stage', async () => {
    const text = df`
      FROM eclipse-temurin:21 AS base
      ENV JAVA_OLD_OPTS=$JAVA_OPTS
      ENV JAVA_OPTS="-Xmx1g $JAVA_OPTS"
      FROM alpine:3.20 AS cross-arm
      ENV CROSS_PREFIX=arm-linux-gnueabihf
      FROM cross-\${BUILD_ARCH} AS builder
      COPY out /usr/$CROSS_PREFIX/
      ENV GOARCH=$TARGETARCH
    `;
    const findings = await lintWith(RULE, text);
    // Only the platform argument is certain: no parent stage or base image defines it.
    expect(positions(findings)).toEqual(['8:12-8:23']);
  });

  it('does not judge the same reference BuildKit resolves: ENV from the parent stage', async () => {
    const text = df`
      FROM scratch AS base
      ENV PREFIX=/usr/local
      FROM base
      COPY bin $PREFIX/bin
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
