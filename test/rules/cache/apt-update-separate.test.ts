import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'cache/apt-update-separate';

describe(RULE, () => {
  it('reports an update whose RUN installs nothing, from the name through the action', async () => {
    const text = df`
      FROM debian:12
      RUN apt-get update
      RUN apt-get install -y --no-install-recommends curl
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:5-2:19']);
    expect(findings[0].message).toContain('`apt-get update`');
    expect(findings[0].message).toContain('`apt-get install`');
  });

  it('accepts an update used in the same RUN, by any manager of the same family', async () => {
    const text = df`
      FROM debian:12
      RUN apt-get update && apt-get install -y curl
      RUN apt update && apt-get install -y git
      RUN apt-get update && apt-get -y dist-upgrade
      RUN apk update && apk add curl
      RUN yum makecache && dnf install -y git
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('reports apk, dnf and zypper refreshes, suggesting apk add --no-cache for apk', async () => {
    const text = df`
      FROM alpine:3.20
      RUN apk update
      RUN dnf makecache --refresh
      RUN zypper refresh && echo apk add curl
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:5-2:15', '3:5-3:18', '4:5-4:19']);
    expect(findings[0].message).toContain('`apk add --no-cache`');
    expect(findings[1].message).toContain('`dnf install`');
    expect(findings[1].message).not.toContain('--no-cache');
  });

  it('reads heredocs, continuation lines with comments and exec form', async () => {
    const text = df`
      FROM ubuntu:24.04
      RUN <<EOF
      set -e
      apt-get update
      EOF
      RUN apt-get update \\
          # only refresh here
          && echo done
      RUN ["apt-get", "update"]
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['4:1-4:15', '6:5-6:19', '9:6-9:25']);
  });

  it('honours the escape directive', async () => {
    const text = df`
      # escape=\`
      FROM debian:12
      RUN echo start && \`
          apt-get update
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['4:5-4:19']);
  });

  it('sees through sudo and sh -c', async () => {
    const text = df`
      FROM debian:12
      RUN sudo apt-get -q update
      RUN sh -c 'apt-get update'
      RUN sh -c 'apt-get update && apt-get install -y make'
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:10-2:27', '3:12-3:26']);
  });

  it('gives the benefit of the doubt to RUNs that execute scripts it cannot see', async () => {
    const text = df`
      FROM debian:12
      RUN apt-get update && ./install-deps.sh
      RUN apt-get update && curl -fsSL https://example.com/setup | bash -
      RUN apt-get update && bash /tmp/setup.sh
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('judges each RUN of each stage, and skips Windows stages', async () => {
    const text = df`
      FROM debian:12 AS build
      RUN apt-get update

      FROM debian:12
      RUN apt-get update && apt-get install -y ca-certificates

      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN apt-get update
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:5-2:19']);
  });
});
