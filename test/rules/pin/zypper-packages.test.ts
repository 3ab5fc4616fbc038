import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'pin/zypper-packages';

describe(RULE, () => {
  it('reports unpinned packages of zypper install and in', async () => {
    const text = df`
      FROM opensuse/leap:15.6
      RUN zypper --non-interactive install -y curl \\
          # editors
          && zypper -n in vim
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:41-2:45', '4:21-4:24']);
    expect(findings[1].message).toBe('Pin `vim` to a version: `vim=<version>`');
  });

  it('accepts =, >= and < constraints, files, patterns and variables', async () => {
    const text = df`
      FROM opensuse/tumbleweed
      ARG PKGS
      RUN zypper -n in curl=8.6.0 'git>=2.45' "tar<2" ./x.rpm x.rpm pattern:devel_basis $PKGS
      RUN zypper -n in -t pattern devel_basis && zypper -n install --type patch SUSE-2024-1 && zypper -n up
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('judges every stage and sees through sudo, sh -c, heredocs and exec form', async () => {
    const text = df`
      FROM opensuse/leap:15.6 AS build
      RUN sudo zypper -n in gcc
      FROM opensuse/leap:15.6
      RUN sh -c 'zypper -n in b'
      RUN <<EOF
      zypper -n in -t package c
      EOF
      RUN ["zypper", "-n", "install", "d"]
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:23-2:26', '4:25-4:26', '6:25-6:26', '8:33-8:36']);
  });

  it('skips Windows stages', async () => {
    const text = df`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN zypper in curl
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
