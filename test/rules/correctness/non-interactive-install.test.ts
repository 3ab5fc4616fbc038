import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'correctness/non-interactive-install';

describe(RULE, () => {
  it('reports apt-get, apt and aptitude actions that ask for confirmation', async () => {
    const text = df`
      FROM debian:12
      RUN apt-get update && apt-get install curl
      RUN apt install git && aptitude install vim
      RUN apt-get -q purge nano && apt-get dist-upgrade
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:23-2:38', '3:5-3:16', '3:24-3:40', '4:5-4:21', '4:30-4:50']);
    expect(findings[0].message).toBe('`apt-get install` without `-y` waits for a confirmation that a build cannot give; add `-y`');
  });

  it('reports the RPM family, with group and module sub-actions', async () => {
    const text = df`
      FROM rockylinux:9
      RUN yum install httpd && dnf group install "Development Tools"
      RUN microdnf install -q shadow-utils && tdnf erase vim
      RUN dnf module install nodejs:20 && dnf module list && dnf makecache
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:5-2:16', '2:26-2:43', '3:5-3:21', '3:41-3:51', '4:5-4:23']);
  });

  it('reports zypper without the global -n (install -n selects by name)', async () => {
    const text = df`
      FROM opensuse/leap:15.6
      RUN zypper install curl && zypper install -n git
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:5-2:19', '2:28-2:42']);
    expect(findings[0].message).toContain('without `-n`');
  });

  it('sees through sudo, sh -c, heredocs, continuation lines with comments and the backtick escape', async () => {
    const text = df`
      FROM ubuntu:24.04
      RUN sudo apt-get install a
      RUN sh -c 'apt-get install b'
      RUN <<EOF
      set -e
      apt-get install c
      EOF
      RUN apt-get update \\
          # comment
          && apt-get \\
             install d
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:10-2:25', '3:12-3:27', '6:1-6:16', '10:8-11:15']);
    const backtick = df`
      # escape=\`
      FROM debian:12
      RUN apt-get update && \`
          apt-get install e
    `;
    expect(positions(await lintWith(RULE, backtick))).toEqual(['4:5-4:20']);
  });

  it('fixes with -y after the action, -n after zypper, and JSON syntax in exec form', async () => {
    const shell = 'FROM debian:12\nRUN apt-get install curl\n';
    expect((await lintWith(RULE, shell))[0].fix?.edits).toEqual([{ start: 34, end: 34, text: ' -y' }]);
    const zypper = 'FROM opensuse/leap:15.6\nRUN zypper in curl\n';
    expect((await lintWith(RULE, zypper))[0].fix?.edits).toEqual([{ start: 34, end: 34, text: ' -n' }]);
    const exec = 'FROM debian:12\nRUN ["apt-get", "install", "curl"]\n';
    const [finding] = await lintWith(RULE, exec);
    expect(positions([finding])).toEqual(['2:6-2:26']);
    expect(finding.fix?.edits).toEqual([{ start: 40, end: 40, text: ', "-y"' }]);
  });

  it('accepts every spelling of assume-yes', async () => {
    const text = df`
      FROM debian:12
      RUN apt-get install -y a && apt-get --yes install b && apt-get install --assume-yes c
      RUN apt-get -qq install d && apt-get -q -q install e && apt-get -q=2 install f
      RUN apt-get -o APT::Get::Assume-Yes=true install g && apt-get -yq upgrade
      RUN yum -y install h && dnf install --assumeyes i && dnf --setopt=assumeyes=1 install j
      RUN zypper -n install k && zypper --non-interactive in l && zypper in -y m && zypper install --no-confirm n
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('stays silent for commands that never prompt, options in variables, configuration and Windows', async () => {
    const text = df`
      FROM debian:12 AS base
      RUN echo 'APT::Get::Assume-Yes "true";' > /etc/apt/apt.conf.d/90assume-yes
      FROM base
      RUN apt-get update && apt-get install curl && apk add git && echo apt-get install x
      RUN apt-get install $APT_OPTS curl && dnf $DNF_FLAGS install vim
      RUN if apt-get install -s "postgresql-16-jit" > /dev/null 2>&1; then echo ok; fi
      FROM fedora:40
      RUN echo assumeyes=True >> /etc/dnf/dnf.conf && dnf install vim
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN apt-get install curl
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
