import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'security/sudo';

describe(RULE, () => {
  it('reports sudo wrapping a command, across continuation and comment lines', async () => {
    const text = df`
      FROM debian:12
      RUN apt-get update \\
          # refresh first
          && sudo -E apt-get install -y curl
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['4:8-4:12']);
    expect(findings[0].message).toContain('`sudo apt-get`');
  });

  it('reports sudo on its own, doas, and sudo inside sh -c, heredocs and exec form', async () => {
    const text = df`
      FROM alpine:3.20
      RUN sudo -v
      RUN doas apk add git
      RUN sh -c 'sudo make install'
      RUN <<EOF
      set -e
      sudo -u app ./configure
      EOF
      RUN ["/usr/bin/sudo", "make"]
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:5-2:9', '3:5-3:9', '4:12-4:16', '7:1-7:5', '9:6-9:21']);
  });

  it('reports in every stage: sudo is unpredictable in a builder too', async () => {
    const text = df`
      FROM debian:12 AS build
      RUN sudo make
      FROM debian:12
      COPY --from=build /out /out
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:5-2:9']);
  });

  it('does not report sudo as an argument, a package name or in a Windows image', async () => {
    const text = df`
      FROM debian:12
      RUN apt-get install -y sudo && echo sudo && grep -q sudo /etc/group
      RUN gosu app make && su-exec app make
      RUN <<EOF python3
      import os; os.system("sudo true")
      EOF
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN sudo something
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
