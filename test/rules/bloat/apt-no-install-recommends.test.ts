import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'bloat/apt-no-install-recommends';

describe(RULE, () => {
  it('reports the command name through the action, across continuation and comment lines', async () => {
    const text = df`
      FROM debian:12
      RUN apt-get update \\
          # a comment inside the continuation
          && apt-get \\
             install -y curl
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['4:8-5:15']);
  });

  it('honours the escape directive', async () => {
    const text = df`
      # escape=\`
      FROM ubuntu:24.04
      RUN apt-get update && \`
          apt-get install -y git
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['4:5-4:20']);
  });

  it('sees through sudo, env and sh -c', async () => {
    const text = df`
      FROM debian:12
      RUN sudo -E apt-get install -y a
      RUN env DEBIAN_FRONTEND=noninteractive apt-get install -y b
      RUN sh -c 'apt-get install -y c'
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:13-2:28', '3:40-3:55', '4:12-4:27']);
  });

  it('reads heredoc scripts and exec form', async () => {
    const text = df`
      FROM debian:12
      RUN <<EOF
      set -e
      apt-get install -y a
      EOF
      RUN ["apt-get", "install", "-y", "b"]
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['4:1-4:16', '6:6-6:26']);
  });

  it('stays silent when recommends are off, for other commands and for Windows images', async () => {
    const text = df`
      FROM debian:12
      RUN apt-get install --no-install-recommends -y a
      RUN apt-get -y install b --no-install-recommends
      RUN apt-get -o APT::Install-Recommends=false install -y c
      RUN echo apt-get install d
      RUN apt-get update
      RUN <<EOF python3
      print("apt-get install e")
      EOF
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN apt-get install f
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('judges only stages whose layers ship', async () => {
    const text = df`
      FROM debian:12 AS build
      RUN apt-get install -y gcc
      FROM debian:12-slim AS base
      RUN apt-get install -y ca-certificates
      FROM base
      COPY --from=build /out /app
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['4:5-4:20']);
  });

  it('does not read a python heredoc as shell', async () => {
    const text = df`
      FROM debian:12
      RUN <<EOF
      #!/usr/bin/env python3
      import os; os.system("apt-get install -y x")
      EOF
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('fixes by inserting the flag after install', async () => {
    const text = 'FROM debian:12\nRUN apt-get install -y curl\n';
    const [finding] = await lintWith(RULE, text);
    expect(finding.fix?.edits).toEqual([{ start: 34, end: 34, text: ' --no-install-recommends' }]);
  });
});
