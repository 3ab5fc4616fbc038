import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'security/add-http';

describe(RULE, () => {
  it('reports ADD from a plain http:// URL, written or through an ARG', async () => {
    const text = df`
      FROM debian:12
      ARG MIRROR=http://mirror.example.com
      ADD http://example.com/tool.tar.gz /opt/
      ADD \${MIRROR}/app.jar HTTP://example.com/b.jar /app/
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['3:5-3:35', '4:5-4:22', '4:23-4:47']);
    expect(findings[0].message).toContain('https://');
  });

  it('accepts https, a pinned checksum, loopback addresses and local files', async () => {
    const text = df`
      FROM debian:12
      ADD https://example.com/tool.tar.gz /opt/
      ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d http://example.com/a.tar.gz /opt/
      ADD http://localhost:8000/a.txt http://127.0.0.1/b.txt http://0.0.0.0:8080/c.txt /srv/
      ADD http.conf /etc/http/
      COPY http-files/ /srv/
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
