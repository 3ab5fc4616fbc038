import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'correctness/pipefail';

describe(RULE, () => {
  it('reports the command before the pipe under the default shell, once per RUN', async () => {
    const text = df`
      FROM debian:12
      RUN curl -fsSL https://example.com/app.tgz | tar -xz -C /opt && wget -qO- x | sh
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:5-2:43']);
    expect(findings[0].message).toContain('`curl` is piped into `tar` without pipefail');
    expect(findings[0].message).toContain('SHELL ["/bin/bash", "-o", "pipefail", "-c"]');
  });

  it('reads continuation lines with comments, the backtick escape and heredocs', async () => {
    const text = df`
      FROM debian:12
      RUN apt-get update \\
          # fetch the key
          && curl -fsSL https://example.com/key \\
          | gpg --dearmor -o /usr/share/keyrings/example.gpg
      RUN <<EOF
      set -eux
      wget -O- https://example.com/x.tar | tar -x
      EOF
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['4:8-4:42', '8:1-8:35']);
    const backtick = df`
      # escape=\`
      FROM debian:12
      RUN curl -fsSL https://example.com/x \`
          | sh
    `;
    expect(positions(await lintWith(RULE, backtick))).toEqual(['3:5-3:37']);
  });

  it('reports a nested shell, which does not inherit the outer set -o pipefail', async () => {
    const text = df`
      FROM debian:12
      SHELL ["/bin/bash", "-o", "pipefail", "-c"]
      RUN bash -c 'curl -fsSL x | sh'
      RUN ["sh", "-c", "wget|sh"]
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['3:14-3:26', '4:19-4:23']);
    expect(findings[0].message).toContain('start that `bash` with `-o pipefail`');
  });

  it('reports a pipe before set -o pipefail, and a heredoc whose #! line bypasses the SHELL', async () => {
    const text = df`
      FROM debian:12
      SHELL ["/bin/bash", "-o", "pipefail", "-c"]
      RUN <<EOF
      #!/bin/sh
      wget -O- x | tar -x
      EOF
      FROM debian:12
      RUN gunzip -c a.gz | tar -x; set -o pipefail; curl x | sh
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['5:1-5:11', '8:5-8:19']);
  });

  it('accepts pipefail from the SHELL, set (combined flags too) or the nested shell options', async () => {
    const text = df`
      FROM debian:12 AS a
      RUN set -o pipefail && curl x | sh
      RUN set -euxo pipefail; curl x | sh
      RUN bash -o pipefail -c 'curl x | sh'
      RUN ["bash", "-eo", "pipefail", "-c", "wget|sh"]
      RUN <<EOF
      set -Eeuo pipefail
      curl x | sh
      EOF
      FROM debian:12
      SHELL ["/bin/bash", "-eo", "pipefail", "-c"]
      RUN curl x | sh
      RUN <<EOF
      curl y | sh
      EOF
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('ignores commands that cannot fail, non-pipes and Windows shells', async () => {
    const text = df`
      FROM debian:12
      RUN echo "$SUM  app.tgz" | sha256sum -c - && printf 'y\\n' | apt-get remove x
      RUN make || true
      RUN ! { ldd /usr/lib/*.so | grep 'not found'; }
      RUN ["curl", "-o", "x", "https://example.com"]
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN Get-ChildItem | Select-Object Name
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
