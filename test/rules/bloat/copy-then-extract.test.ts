import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'bloat/copy-then-extract';

describe(RULE, () => {
  it('reports the COPY source of an archive a later RUN unpacks', async () => {
    const text = df`
      FROM debian:12
      COPY app.tar.gz /tmp/
      RUN mkdir /opt/app \\
          # unpack
          && tar -xzf /tmp/app.tar.gz -C /opt/app \\
          && rm /tmp/app.tar.gz
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:6-2:16']);
    expect(findings[0].message).toContain('unpacked on line 5');
    expect(findings[0].message).toContain('ADD app.tar.gz');
  });

  it('follows WORKDIR, renamed destinations, old-style options and stdin redirects', async () => {
    const text = df`
      FROM debian:12
      WORKDIR /build
      COPY dist.tgz vendor.tar.xz ./
      COPY src.tar /tmp/source.tar
      RUN tar xzf dist.tgz && tar --extract --file=/build/vendor.tar.xz
      RUN tar -x < /tmp/source.tar
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['3:6-3:14', '3:15-3:28', '4:6-4:13']);
  });

  it('reads heredocs and stages built FROM the copying one', async () => {
    const text = df`
      FROM debian:12 AS base
      COPY tools.tar.bz2 /opt/
      FROM base
      RUN <<EOF
      tar -xjf /opt/tools.tar.bz2 -C /opt
      EOF
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:6-2:19']);
  });

  it('does not report archives ADD cannot unpack, listing, other files, builder stages or COPY --from', async () => {
    const text = df`
      FROM debian:12 AS build
      COPY a.tar.gz /tmp/
      RUN tar -xzf /tmp/a.tar.gz
      FROM debian:12
      COPY --from=build /tmp/a.tar.gz /tmp/b.tar.gz
      COPY app.zip c.tar.zst d.tar.gz e.tar.gz /tmp/
      RUN unzip /tmp/app.zip && tar --zstd -xf /tmp/c.tar.zst && tar -tzf /tmp/d.tar.gz && tar -xzf /tmp/b.tar.gz
      RUN tar -czf /tmp/e.tar.gz /etc && tar -xzf /tmp/other.tar.gz
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
