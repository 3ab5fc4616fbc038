import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'bloat/chown-after-copy';

describe(RULE, () => {
  it('reports a recursive chown of a copied directory', async () => {
    const text = df`
      FROM node:22-slim
      WORKDIR /app
      COPY . .
      RUN chown -R node:node /app
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['4:5-4:28']);
    expect(findings[0].message).toContain('COPY --chown=');
  });

  it('reports chmod of a copied file, with or without -R, and mode words that look like options', async () => {
    const text = df`
      FROM debian:12
      COPY entrypoint.sh tool.bin /usr/local/bin/
      RUN chmod +x /usr/local/bin/entrypoint.sh
      RUN chmod -x /usr/local/bin/tool.bin
      RUN chmod -R 755 /usr/local/bin
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['3:5-3:42', '4:5-4:37', '5:5-5:32']);
    expect(findings[0].message).toContain('COPY --chmod=');
  });

  it('does not report a non-recursive change of a directory, or paths nothing was copied to', async () => {
    const text = df`
      FROM debian:12
      COPY conf /etc/app
      COPY run.sh /run.sh
      RUN chown app /etc/app
      RUN chmod -R 700 /var/lib/app /etc/other
      RUN chown app /run.sh.bak
      RUN chmod +x "$TOOL"
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('reports part of a copied directory only when nothing could have created it since', async () => {
    const text = df`
      FROM python:3.12
      COPY . /srv
      RUN chgrp -R app /srv/static
      RUN python manage.py collectstatic
      RUN chown -R app /srv/media
      RUN chown --recursive app /
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['3:5-3:29', '6:5-6:28']);
  });

  it('only judges shipping stages, and follows ADD, heredocs, JSON form and parent stages', async () => {
    const text = df`
      FROM debian:12 AS build
      COPY . /src
      RUN chown -R nobody /src
      FROM debian:12 AS base
      ADD https://example.com/tool /usr/bin/tool.sh
      COPY ["conf.json", "/etc/app/conf.json"]
      FROM base
      COPY <<EOF /start.sh
      echo hi
      EOF
      RUN <<EOF
      chmod 755 /usr/bin/tool.sh /start.sh
      EOF
      RUN ["chown", "app", "/etc/app/conf.json"]
      RUN sudo chmod 600 /etc/app/conf.json
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['12:1-12:37', '14:6-14:42', '15:10-15:38']);
    expect(positions(await lintWith(RULE, text, { target: 'build' }))).toEqual(['3:5-3:25']);
  });

  it('reads continuation lines with comments and the escape directive, and skips Windows', async () => {
    const text = df`
      # escape=\`
      FROM debian:12
      COPY app /opt/app
      RUN mkdir -p /data && \`
          # give the app its files
          chown -R app \`
            /opt/app
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['6:5-7:15']);
    const windows = df`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      COPY app C:/app
      RUN ["chown", "-R", "app", "C:/app"]
    `;
    expect(await lintWith(RULE, windows)).toEqual([]);
  });
});
