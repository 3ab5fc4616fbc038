import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'bloat/package-upgrade';

describe(RULE, () => {
  it('reports whole-system upgrades from the name to the action', async () => {
    const text = df`
      FROM debian:12
      RUN apt-get update && apt-get -y upgrade
      RUN apt-get dist-upgrade -y && apt full-upgrade -y
      RUN apk upgrade --no-cache
      RUN yum -y update && dnf upgrade -y && microdnf update
      RUN zypper --non-interactive update && zypper dup
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual([
      '2:23-2:41', '3:5-3:25', '3:32-3:48', '4:5-4:16', '5:5-5:18', '5:22-5:33', '5:40-5:55', '6:5-6:36', '6:40-6:50',
    ]);
    expect(findings[0].severity).toBe('info');
    expect(findings[0].message).toContain('`apt-get upgrade`');
  });

  it('ignores targeted upgrades, other managers and other actions', async () => {
    const text = df`
      FROM debian:12
      RUN apk upgrade openssl && dnf update -y openssl && apt-get install --only-upgrade -y openssl
      RUN gem update && pip install --upgrade pip && npm update
      RUN apt-get update && yum makecache
      RUN echo apt-get upgrade
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('reads heredocs, sh -c, sudo, exec form and continuation lines with comments', async () => {
    const text = df`
      FROM ubuntu:24.04
      RUN <<EOF
      apt-get update
      apt-get upgrade -y
      EOF
      RUN sh -c 'sudo apt-get upgrade -y'
      RUN ["apk", "upgrade"]
      RUN apt-get \\
          # upgrade everything
          upgrade
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['4:1-4:16', '6:17-6:32', '7:6-7:22', '8:5-10:12']);
  });

  it('only judges shipping stages and skips Windows', async () => {
    const text = df`
      FROM debian:12 AS build
      RUN apt-get upgrade -y
      FROM debian:12
      COPY --from=build /etc/os-release /tmp/
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
    expect(positions(await lintWith(RULE, text, { target: 'build' }))).toEqual(['2:5-2:20']);
    const windows = df`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN apt-get upgrade -y
    `;
    expect(await lintWith(RULE, windows)).toEqual([]);
  });
});
