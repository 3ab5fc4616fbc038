import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'pin/apt-packages';

describe(RULE, () => {
  it('reports each unpinned package word, across continuation and comment lines', async () => {
    const text = df`
      FROM debian:12
      RUN apt-get update \\
          # the tools we need
          && apt-get install -y --no-install-recommends \\
             curl=7.88.1-10+deb12u5 \\
             # a comment between packages
             git \\
             ca-certificates
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['7:8-7:11', '8:8-8:23']);
    expect(findings[0].message).toBe('Pin `git` to a version: `git=<version>`');
  });

  it('accepts exact and wildcard pins, .deb files, paths and packages held in variables', async () => {
    const text = df`
      FROM ubuntu:24.04
      ARG PKGS="curl git"
      ARG CURL_VERSION=7.88.1
      RUN apt-get install -y "curl=\${CURL_VERSION}" git=1:2.43* ./vendor/tool.deb tool.deb /tmp/x.deb $PKGS
      RUN apt-get install -y nginx- && apt-get update && apt-get upgrade -y && apt-get remove -y curl
      RUN echo apt-get install wget
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('does not count a target release as a version', async () => {
    const text = df`
      FROM debian:12
      RUN apt-get install -y -t bookworm-backports golang curl/bookworm-backports
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:46-2:52', '2:53-2:76']);
    expect(findings[1].message).toBe('Pin `curl` to a version: `curl=<version>`');
  });

  it('judges every stage, builders included, and apt as well as apt-get', async () => {
    const text = df`
      FROM debian:12 AS build
      RUN apt install -y gcc
      FROM debian:12
      COPY --from=build /out /out
      RUN apt-get install -y libc6=2.36-9
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:20-2:23']);
  });

  it('sees through sudo, sh -c, heredocs, exec form and cache mounts', async () => {
    const text = df`
      FROM debian:12
      RUN sudo apt-get install -y a
      RUN sh -c 'apt-get install -y b'
      RUN <<EOF
      set -e
      apt-get install -y c
      EOF
      RUN ["apt-get", "install", "-y", "d"]
      RUN --mount=type=cache,target=/var/cache/apt apt-get install -y e
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:29-2:30', '3:31-3:32', '6:20-6:21', '8:34-8:37', '9:65-9:66']);
  });

  it('honours the escape directive', async () => {
    const text = df`
      # escape=\`
      FROM debian:12
      RUN apt-get install -y \`
          jq
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['4:5-4:7']);
  });

  it('skips Windows stages, whose shell is not parsed', async () => {
    const text = df`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN apt-get install -y curl
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
