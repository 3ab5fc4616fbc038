import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'style/shell-symlink';

describe(RULE, () => {
  it('reports ln onto /bin/sh from the command to the link, naming the shell', async () => {
    const text = df`
      FROM debian:12
      RUN ln -sf /bin/bash /bin/sh
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:5-2:29']);
    expect(findings[0].message).toContain('SHELL ["/bin/bash", "-c"]');
  });

  it('reads /usr/bin/sh, sudo, continuation lines with comments, heredocs and exec form', async () => {
    const text = df`
      FROM ubuntu:24.04
      RUN sudo ln -s -f \\
          # dash is too small for us
          /usr/bin/zsh /usr/bin/sh
      RUN <<EOF
      ln -sfn /bin/bash /bin//sh
      EOF
      RUN ["ln", "-sf", "/bin/bash", "/bin/sh"]
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:10-4:29', '6:1-6:27', '8:6-8:41']);
  });

  it('follows the escape directive', async () => {
    const text = df`
      # escape=\`
      FROM debian:12
      RUN ln -sf /bin/bash \`
          /bin/sh
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['3:5-4:12']);
  });

  it('leaves alone other links, links from /bin/sh, -t and Windows stages', async () => {
    const text = df`
      FROM debian:12
      RUN ln -s /usr/local/bin/python3 /usr/local/bin/python
      RUN ln -s /bin/sh /usr/local/bin/sh && ln -sf bash bin/sh
      RUN ln -s -t /bin /opt/sh
      RUN echo ln -sf /bin/bash /bin/sh
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN ln -sf /bin/bash /bin/sh
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
