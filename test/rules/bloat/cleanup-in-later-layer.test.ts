import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'bloat/cleanup-in-later-layer';

describe(RULE, () => {
  it('reports a cleanup-only RUN after an install that kept its cache', async () => {
    const text = df`
      FROM debian:12
      RUN apt-get update && apt-get install -y curl
      # tidy up
      RUN rm -rf /var/lib/apt/lists/* \\
          # and the archives
          && apt-get clean
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['4:5-4:32', '6:8-6:21']);
    expect(findings[0].message).toContain('`apt-get install` on line 2');
  });

  it('knows the cleanups of each manager', async () => {
    const text = df`
      FROM debian:12
      RUN apk add curl && yum install -y git && zypper in -y vim && pip install flask && npm ci && yarn install
      RUN apk cache clean
      RUN rm -rf /var/cache/apk/*
      RUN dnf clean all
      RUN rm -rf /var/cache/yum
      RUN zypper cc -a
      RUN pip cache purge
      RUN rm -rf ~/.cache/pip
      RUN npm cache clean --force
      RUN yarn cache clean
      RUN rm -rf /root/.npm/_cacache
    `;
    expect(positions(await lintWith(RULE, text))).toEqual([
      '3:5-3:20', '4:5-4:28', '5:5-5:18', '6:5-6:26', '7:5-7:17', '8:5-8:20', '9:5-9:24', '10:5-10:28', '11:5-11:21', '12:5-12:31',
    ]);
  });

  it('stays silent when the earlier install left nothing or the RUN installs again', async () => {
    const text = df`
      FROM debian:12
      RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
      RUN apt-get clean
      RUN apk add --no-cache curl
      RUN rm -rf /var/cache/apk/*
      RUN pip install flask
      RUN rm -rf /root/.cache/go-build /tmp/*
      RUN pip install django && rm -rf /root/.cache/pip
      RUN rm -rf /var/lib/apt/lists/*
    `;
    expect(positions(await lintWith(RULE, text))).toEqual([]);
  });

  it('counts an install in a parent stage, but not in a builder stage that is only copied from', async () => {
    const text = df`
      FROM debian:12 AS build
      RUN apt-get update && apt-get install -y gcc
      RUN rm -rf /var/lib/apt/lists/*
      FROM debian:12 AS base
      RUN apt-get update && apt-get install -y curl
      FROM base
      COPY --from=build /usr/bin/gcc /usr/bin/
      RUN rm -rf /var/lib/apt/lists/*
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['8:5-8:32']);
    expect(positions(await lintWith(RULE, text, { target: 'build' }))).toEqual(['3:5-3:32']);
  });

  it('reads heredocs, exec form, sh -c and the escape directive', async () => {
    const text = df`
      # escape=\`
      FROM debian:12
      RUN apt-get update && \`
          apt-get install -y curl
      RUN <<EOF
      set -e
      rm -rf /var/lib/apt/lists/*
      EOF
      RUN ["apt-get", "clean"]
      RUN sh -c 'apt-get autoclean'
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['7:1-7:28', '9:6-9:24', '10:12-10:29']);
  });

  it('uses a mount over the cache as a clean install, and skips Windows stages', async () => {
    const text = df`
      FROM debian:12
      RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl
      RUN rm -rf /var/lib/apt/lists/*
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
    const windows = df`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN pip install flask
      RUN pip cache purge
    `;
    expect(await lintWith(RULE, windows)).toEqual([]);
  });
});
