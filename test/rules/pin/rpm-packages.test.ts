import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'pin/rpm-packages';

describe(RULE, () => {
  it('reports unpinned packages of yum, dnf, microdnf and tdnf', async () => {
    const text = df`
      FROM rockylinux:9
      RUN yum install -y httpd && dnf install -y nginx \\
          # small tools
          && microdnf install tar && tdnf install -y less
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:20-2:25', '2:44-2:49', '4:25-4:28', '4:48-4:52']);
    expect(findings[0].message).toBe('Pin `httpd` to a version: `httpd-<version>`');
  });

  it('accepts name-version, epochs, operators, files, URLs, groups, capabilities and variables', async () => {
    const text = df`
      FROM fedora:40
      ARG PKGS
      RUN dnf install -y httpd-2.4.62 nginx-1:1.26.2-1.fc40 'python3 >= 3.12' ./tool.rpm tool.rpm \\
          https://example.com/x.rpm @development-tools /usr/bin/make 'perl(Getopt::Long)' $PKGS
      RUN yum groupinstall -y "Development Tools" && dnf module install -y nodejs:20 && dnf upgrade -y
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('does not mistake a number inside a name for a version', async () => {
    const text = df`
      FROM fedora:40
      RUN dnf install -y java-21-openjdk-devel
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:20-2:41']);
  });

  it('judges every stage and sees through sudo, sh -c, heredocs and exec form', async () => {
    const text = df`
      FROM fedora:40 AS build
      RUN sudo dnf install -y gcc
      FROM fedora:40
      RUN sh -c 'yum install -y b'
      RUN <<EOF
      dnf install -y c
      EOF
      RUN ["microdnf", "install", "d"]
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:25-2:28', '4:27-4:28', '6:16-6:17', '8:29-8:32']);
  });

  it('skips Windows stages', async () => {
    const text = df`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN yum install -y curl
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
