import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'cache/add-url';
const SHA = '0123456789abcdef0123456789abcdef01234567';

describe(RULE, () => {
  it('reports the URL of an ADD without --checksum', async () => {
    const text = df`
      FROM debian:12
      ADD https://example.com/tool.tar.gz /opt/
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:5-2:36']);
    expect(findings[0].message).toContain('--checksum=sha256:');
    expect(findings[0].message).toContain('sha256sum -c');
  });

  it('accepts --checksum, local sources, COPY and heredocs', async () => {
    const text = df`
      FROM debian:12
      ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a.tgz /opt/
      ADD vendor/tool.tar.gz /opt/
      COPY https-notes.txt /opt/
      ADD <<EOF /etc/motd
      see https://example.com/docs
      EOF
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('reports every URL source, in shell form across continuation lines and in exec form', async () => {
    const text = df`
      FROM debian:12
      ADD https://example.com/a.tgz \\
          # second download
          http://example.com/b.tgz \\
          /opt/
      ADD ["https://example.com/c.tgz", "/opt/"]
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:5-2:30', '4:5-4:29', '6:6-6:33']);
  });

  it('expands ARG values and shows what they resolve to', async () => {
    const text = df`
      FROM debian:12
      ARG URL=https://example.com/tool.tgz
      ARG UNKNOWN
      ADD \${URL} /opt/
      ADD $UNKNOWN /opt/
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['4:5-4:11']);
    expect(findings[0].message).toContain('`${URL}` (= `https://example.com/tool.tgz`)');
  });

  it('reports Git refs that are not pinned to a commit', async () => {
    const text = df`
      FROM debian:12
      ADD https://github.com/moby/buildkit.git#v0.14.0 /src/
      ADD git@github.com:moby/buildkit.git /src2/
      ADD https://github.com/moby/buildkit.git#${SHA} /src3/
      ADD https://github.com/moby/buildkit.git#${SHA}:docs /src4/
      ADD https://github.com/moby/buildkit.git?ref=${SHA}&subdir=docs /src5/
      ADD --checksum=${SHA} https://github.com/moby/buildkit.git#main /src6/
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:5-2:49', '3:5-3:37']);
    expect(findings[0].message).toContain('Git ref');
    expect(findings[0].message).toContain('--checksum=<commit>');
  });

  it('honours the escape directive and still reports in Windows stages', async () => {
    const text = df`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      ADD \`
          https://example.com/setup.exe C:/setup/
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['4:5-4:34']);
  });
});
