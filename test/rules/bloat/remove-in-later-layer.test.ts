import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'bloat/remove-in-later-layer';

describe(RULE, () => {
  it('reports the rm argument that deletes a copied file', async () => {
    const text = df`
      FROM debian:12
      COPY app.tar.gz /tmp/
      RUN tar -xzf /tmp/app.tar.gz -C /opt \\
          # clean up
          && rm -f /tmp/app.tar.gz
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['5:14-5:29']);
    expect(findings[0].message).toContain('COPY on line 2');
  });

  it('follows WORKDIR, ARG values, JSON form, heredocs, ADD and downloads', async () => {
    const text = df`
      FROM debian:12
      ARG DIR=/opt/setup
      WORKDIR /srv
      COPY ["installer.run", "./"]
      COPY setup/ \${DIR}
      COPY <<EOF /etc/motd
      hello
      EOF
      ADD https://example.com/data.json?raw=1 /var/data/
      RUN curl -fsSL https://example.com/x.tgz -o /tmp/x.tgz && wget -qO /tmp/y.bin https://example.com/y
      RUN curl -fsSL https://example.com/z > /tmp/z.sh
      RUN ./installer.run && rm installer.run
      RUN rm -r /opt/setup /etc/motd /var/data/data.json /tmp/x.tgz /tmp/y.bin /tmp/z.sh
    `;
    expect(positions(await lintWith(RULE, text))).toEqual([
      '12:27-12:40', '13:11-13:21', '13:22-13:31', '13:32-13:51', '13:52-13:62', '13:63-13:73', '13:74-13:83',
    ]);
  });

  it('reports removing a directory that holds added files, and /tmp/* when something was added there', async () => {
    const text = df`
      FROM debian:12
      COPY wheels/*.whl /tmp/wheels/
      COPY run.sh /tmp/run.sh
      RUN pip install /tmp/wheels/*.whl
      RUN rm -rf /tmp/wheels/*.whl
      RUN rm -rf /tmp/*
      RUN rm -rf /tmp/*
    `;
    // Once deleted, the files are gone: the second \`rm -rf /tmp/*\` deletes nothing that was added.
    expect(positions(await lintWith(RULE, text))).toEqual(['5:12-5:29', '6:12-6:18']);
  });

  it('reports part of a copied directory only when nothing could have created it in between', async () => {
    const text = df`
      FROM node:22
      WORKDIR /app
      COPY . .
      RUN mkdir -p /app/log
      RUN rm -rf tests docs
      RUN npm ci && rm -rf node_modules/.cache
      RUN rm -rf /app/build
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['5:12-5:17', '5:18-5:22']);
  });

  it('ignores removals in the downloading RUN, unrelated paths, unknown paths and /tmp alone', async () => {
    const text = df`
      FROM debian:12
      COPY app.tar.gz /opt/app.tar.gz
      RUN curl -o /tmp/a.zip https://example.com/a.zip && unzip /tmp/a.zip && rm /tmp/a.zip
      RUN rm -rf /tmp/* /var/log/*.log /opt/other "$UNKNOWN" /opt/app.tar.gz.bak
      RUN cd /opt && rm app.tar.gz
      COPY src /srv
      RUN rm -rf src
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('treats COPY --link and COPY --from like any other layer', async () => {
    const text = df`
      FROM golang:1.22 AS build
      RUN go build -o /out/app .
      FROM debian:12
      COPY --link --from=build /out/app /usr/local/bin/app.bin
      RUN rm /usr/local/bin/app.bin
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['5:8-5:30']);
  });

  it('only judges shipping stages, follows FROM chains, and skips Windows', async () => {
    const text = df`
      FROM debian:12 AS build
      COPY big.tar /tmp/big.tar
      RUN rm /tmp/big.tar
      FROM debian:12 AS base
      COPY app.zip /tmp/app.zip
      FROM base
      COPY --from=build /etc/hostname /etc/x
      RUN sh -c 'rm /tmp/app.zip'
      RUN ["rm", "/etc/x"]
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['8:15-8:27', '9:12-9:20']);
    expect(positions(await lintWith(RULE, text, { target: 'build' }))).toEqual(['3:8-3:20']);
    const windows = df`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      COPY app.zip C:/tmp/app.zip
      RUN ["rm", "C:/tmp/app.zip"]
    `;
    expect(await lintWith(RULE, windows)).toEqual([]);
  });

  it('reads heredoc RUNs and the escape directive', async () => {
    const text = df`
      # escape=\`
      FROM debian:12
      COPY setup.sh README.md /
      RUN <<EOF
      /setup.sh
      rm /setup.sh
      EOF
      RUN echo done && \`
          rm -f /README.md
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['6:4-6:13', '9:11-9:21']);
  });
});
