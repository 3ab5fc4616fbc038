import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'bloat/add-remote-archive';

describe(RULE, () => {
  it('reports the URL of a remote archive, with a matching unpack command', async () => {
    const text = df`
      FROM debian:12
      ADD https://example.com/tool-1.4.tar.gz /opt/
      ADD --checksum=sha256:0123 https://example.com/a.tar.xz?download=1 https://example.com/b.zip /srv/
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:5-2:40', '3:28-3:67', '3:68-3:93']);
    expect(findings[0].message).toContain('`RUN curl -fsSL https://example.com/tool-1.4.tar.gz | tar -xz -C /opt/`');
    expect(findings[1].message).toContain('tar -xJ -C /srv/');
    expect(findings[2].message).toContain('unzip');
  });

  it('knows every archive extension, and expands ARGs', async () => {
    const text = df`
      ARG VERSION=1.4
      FROM debian:12
      ARG EXT=tgz
      ADD https://e.com/a.tar https://e.com/b.tbz2 https://e.com/c.gz https://e.com/d.zst /x/
      ADD https://e.com/tool-\${VERSION}.\${EXT} /x/
      ADD ["https://e.com/e.tar.bz2", "/x/"]
    `;
    expect(positions(await lintWith(RULE, text))).toEqual([
      '4:5-4:24', '4:25-4:45', '4:46-4:64', '4:65-4:84', '5:5-5:41', '6:6-6:31',
    ]);
  });

  it('ignores local archives, other files, git repositories, COPY and ADD --unpack', async () => {
    const text = df`
      FROM debian:12
      ADD app.tar.gz /opt/
      ADD https://example.com/tool.tar.gz.sha256 https://example.com/install.sh /opt/
      ADD https://github.com/org/repo.git /src
      ADD git@github.com:org/repo.git /src
      COPY https://example.com/tool.tar.gz /opt/
      ADD --unpack=true https://example.com/tool.tar.gz /opt/
      ADD --unpack https://example.com/tool.tar.gz /opt/
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('only judges shipping stages, and judges Windows ones too', async () => {
    const text = df`
      FROM debian:12 AS fetch
      ADD https://example.com/tool.tar.gz /tmp/
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      COPY --from=fetch /tmp /tmp
      ADD https://example.com/tool.zip C:/tools/
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['5:5-5:33']);
    expect(positions(await lintWith(RULE, text, { target: 'fetch' }))).toEqual(['2:5-2:36']);
  });

  it('honours the escape directive and continuation lines', async () => {
    const text = df`
      # escape=\`
      FROM debian:12
      ADD \`
          # the release
          https://example.com/tool.tar.gz \`
          /opt/
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['5:5-5:36']);
  });
});
