import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'style/add-instead-of-copy';

describe(RULE, () => {
  it('reports ADD of local files and directories on the keyword, with a fix keeping the case', async () => {
    const text = df`
      FROM python:3.12-slim
      ADD requirements.txt /app/
      add --chown=app:app . /app
      Add src/ \\
          # the sources
          /app/src/
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:1-2:4', '3:1-3:4', '4:1-4:4']);
    expect(findings.map((f) => f.fix?.edits[0].text)).toEqual(['COPY', 'copy', 'Copy']);
  });

  it('judges sources through ARG values and in every stage, heredocs included', async () => {
    const text = df`
      ARG CONF=app.conf
      FROM alpine:3.20 AS build
      ARG CONF
      ADD $CONF /etc/
      FROM alpine:3.20
      ADD <<EOT /etc/motd
      hello
      EOT
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['4:1-4:4', '6:1-6:4']);
    const archive = await lintWith(RULE, text, { buildArgs: { CONF: 'conf.tar.gz' } });
    expect(positions(archive)).toEqual(['6:1-6:4']);
  });

  it('reports mixed sources without a fix, and ADD-only flags block the fix', async () => {
    const text = df`
      FROM debian:12
      ADD app.tar.gz config.yml /opt/
      ADD --checksum=sha256:0000000000000000000000000000000000000000000000000000000000000000 notes.txt /opt/
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:1-2:4', '3:1-3:4']);
    expect(findings[0].message).toContain('`config.yml`');
    expect(findings.map((f) => f.fix)).toEqual([undefined, undefined]);
  });

  it('leaves alone archives, URLs, Git sources, unknown variables, COPY and exec form archives', async () => {
    const text = df`
      # escape=\`
      FROM debian:12
      ADD rootfs.tar.xz /
      ADD https://example.com/tool.tar.gz /tmp/
      ADD git@github.com:moby/buildkit.git /src
      ADD ["dist.tgz", "/opt/"]
      ADD $UNKNOWN /opt/
      COPY . /app
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      ADD https://example.com/setup.zip C:\\setup\\
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('reports exec form and Windows stages too', async () => {
    const text = df`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      ADD ["app", "C:/app"]
    `;
    const [finding] = await lintWith(RULE, text);
    expect(positions([finding])).toEqual(['2:1-2:4']);
    expect(finding.fix?.edits).toEqual([{ start: 51, end: 54, text: 'COPY' }]);
  });
});
