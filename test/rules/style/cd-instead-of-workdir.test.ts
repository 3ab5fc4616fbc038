import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'style/cd-instead-of-workdir';

describe(RULE, () => {
  it('reports cd with its directory, across continuation and comment lines', async () => {
    const text = df`
      FROM debian:12
      RUN make deps \\
          # build in the source tree
          && cd /src \\
          && make
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['4:8-4:15']);
    expect(findings[0].message).toContain('`WORKDIR /src`');
  });

  it('reads heredocs, sh -c, subshells and the escape directive', async () => {
    const text = df`
      # escape=\`
      FROM debian:12
      RUN <<EOF
      cd /opt
      EOF
      RUN sh -c 'cd /tmp && ls'
      RUN (cd /a && make) && \`
          cd /b
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['4:1-4:8', '6:12-6:19', '7:6-7:11', '8:5-8:10']);
  });

  it('reports a bare cd on its name, in every stage', async () => {
    const text = df`
      FROM alpine:3.20 AS build
      RUN cd && ls
      FROM alpine:3.20
      RUN ["cd", "/x"]
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:5-2:7', '4:6-4:16']);
  });

  it('leaves alone cd in a command substitution, other commands and Windows stages', async () => {
    const text = df`
      FROM debian:12
      RUN ln -s "$(cd /opt/tool && pwd)/bin/tool" /usr/local/bin/tool
      RUN echo cd /x && git -C /src pull
      RUN --mount=type=cache,target=/root/.cache make -C /src
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN cd C:\\app && build.cmd
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
