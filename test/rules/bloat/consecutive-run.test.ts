import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'bloat/consecutive-run';

describe(RULE, () => {
  it('reports the second of two RUNs installing with the same manager, across comments', async () => {
    const text = df`
      FROM debian:12
      RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
      # git for the build scripts

      run DEBIAN_FRONTEND=noninteractive apt install -y git \\
          # really
          && rm -rf /var/lib/apt/lists/*
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['5:1-5:4']);
    expect(findings[0].message).toContain('`apt`');
    expect(findings[0].severity).toBe('info');
  });

  it('reports two RUNs of quick file and user commands, also in heredocs and sh -c', async () => {
    const text = df`
      FROM alpine:3.20
      RUN addgroup -S app && adduser -S app -G app
      RUN mkdir -p /data && chown app:app /data
      RUN <<EOF
      set -eu
      ln -s /data /srv
      echo ok > /data/ok
      EOF
      RUN sh -c 'touch /data/x'
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['3:1-3:4', '4:1-4:4', '9:1-9:4']);
  });

  it('stays silent when merging could cost a rebuild or change what runs', async () => {
    const text = df`
      FROM debian:12
      RUN apt-get update && apt-get install -y gcc && make -C /src && rm -rf /var/lib/apt/lists/*
      RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*
      RUN pip install --no-cache-dir flask
      RUN mkdir /x
      RUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y a
      RUN apt-get update && apt-get install -y b
      RUN --network=none mkdir /y
      RUN mkdir /z
      RUN ["mkdir", "/w"]
      RUN mkdir /v
      WORKDIR /v
      RUN mkdir /u
      RUN curl -fsSL https://example.com | sh
      RUN curl -fsSL https://example.com/2 | sh
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('reports RUNs with the same flags, and honours the escape directive', async () => {
    const text = df`
      # escape=\`
      FROM debian:12
      RUN --mount=type=cache,target=/var/lib/apt apt-get update && \`
          apt-get install -y a
      RUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y b
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['5:1-5:4']);
  });

  it('only judges shipping stages, never across stages, and skips Windows', async () => {
    const text = df`
      FROM debian:12 AS build
      RUN mkdir /a
      RUN mkdir /b
      FROM debian:12
      RUN mkdir /c
      COPY --from=build /a /a
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
    expect(positions(await lintWith(RULE, text, { target: 'build' }))).toEqual(['3:1-3:4']);
    const chained = df`
      FROM debian:12 AS base
      RUN mkdir /a
      FROM base
      RUN mkdir /b
    `;
    expect(await lintWith(RULE, chained)).toEqual([]);
    const windows = df`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN mkdir C:\\a
      RUN mkdir C:\\b
    `;
    expect(await lintWith(RULE, windows)).toEqual([]);
  });
});
