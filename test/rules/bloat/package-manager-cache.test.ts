import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'bloat/package-manager-cache';

describe(RULE, () => {
  it('reports apt-get install from its name to its action, across continuation and comment lines', async () => {
    const text = df`
      FROM debian:12
      RUN apt-get update \\
          # a comment inside the continuation
          && apt-get \\
             install -y curl
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['4:8-5:15']);
    expect(findings[0].message).toContain('rm -rf /var/lib/apt/lists/*');
    const end = text.indexOf('curl') + 4;
    expect(findings[0].fix?.edits).toEqual([{ start: end, end, text: ' && rm -rf /var/lib/apt/lists/*' }]);
  });

  it('reports every manager that leaves something behind', async () => {
    const text = df`
      FROM debian:12
      RUN apk add curl
      RUN dnf install -y git
      RUN yum -y install git
      RUN microdnf install git
      RUN zypper --non-interactive install git
      RUN python3 -m pip install flask
      RUN npm ci
      RUN yarn --frozen-lockfile
      RUN gem install rails
      RUN yarn global add serve
    `;
    expect(positions(await lintWith(RULE, text))).toEqual([
      '2:5-2:12', '3:5-3:16', '4:5-4:19', '5:5-5:21', '6:5-6:37', '7:5-7:27', '8:5-8:11', '9:5-9:9', '10:5-10:16', '11:5-11:20',
    ]);
  });

  it('accepts the cleanup of each manager in the same RUN', async () => {
    const text = df`
      FROM debian:12
      RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
      RUN apt-get install -y curl; rm -rf /var/lib/apt/lists
      RUN apk add --no-cache curl
      RUN apk --no-cache add curl
      RUN apk add curl && rm -rf /var/cache/apk/*
      RUN apk add curl && apk cache clean
      RUN dnf install -y git && dnf clean all
      RUN yum install -y git && rm -rf /var/cache/yum
      RUN yum install -y git && dnf clean all
      RUN microdnf install git && microdnf clean all
      RUN tdnf install -y git && tdnf clean all
      RUN zypper in -y git && zypper clean -a
      RUN zypper in -y git && zypper cc
      RUN zypper in -y git && rm -rf /var/cache/zypp/*
      RUN pip install --no-cache-dir flask
      RUN PIP_NO_CACHE_DIR=1 pip install flask
      RUN env PIP_NO_CACHE_DIR=1 pip install flask
      RUN pip install flask && pip cache purge
      RUN pip install flask && rm -rf ~/.cache/pip
      RUN pip install flask && rm -rf "$HOME/.cache"
      RUN pip install --user flask && rm -rf /home/app/.cache/pip
      RUN npm ci && npm cache clean --force
      RUN npm install -g serve && rm -rf /root/.npm
      RUN npm ci --cache /tmp/npm-cache && rm -rf /tmp/npm-cache
      RUN yarn install && yarn cache clean
      RUN yarn --cache-folder /tmp/yc && rm -rf /tmp/yc
      RUN gem install -N rails
      RUN gem install rails --no-document
      RUN gem install rails --no-rdoc --no-ri
      RUN yarn --version && npm --version && pip --version
    `;
    expect(positions(await lintWith(RULE, text))).toEqual([]);
  });

  it('does not count a cleanup before the install, nor a partial one', async () => {
    const text = df`
      FROM debian:12
      RUN rm -rf /var/lib/apt/lists/* && apt-get install -y curl
      RUN apt-get install -y curl && apt-get clean
      RUN dnf install -y git && dnf clean packages
      RUN gem install rails --no-rdoc
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:36-2:51', '3:5-3:20', '4:5-4:16', '5:5-5:16']);
  });

  it('reads PIP_NO_CACHE_DIR from ENV and ARG, also when inherited from a parent stage', async () => {
    const text = df`
      FROM python:3.12 AS base
      ENV PIP_NO_CACHE_DIR=1
      FROM base
      RUN pip install flask
      FROM python:3.12
      ARG PIP_NO_CACHE_DIR=off
      RUN pip install flask
      FROM python:3.12
      ARG PIP_NO_CACHE_DIR
      RUN pip install flask
    `;
    // An ARG without a value does not reach the environment; any value turns the cache off.
    expect(positions(await lintWith(RULE, text))).toEqual(['10:5-10:16']);
    expect(positions(await lintWith(RULE, text, { buildArgs: { PIP_NO_CACHE_DIR: '1' } }))).toEqual([]);
  });

  it('accepts a cache or tmpfs mount over the cache, but apt needs its lists covered', async () => {
    const text = df`
      FROM debian:12
      RUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl
      RUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update && apt-get install -y curl
      RUN --mount=type=cache,target=/root/.cache/pip pip install flask
      RUN --mount=type=cache,target=/root/.npm npm ci
      RUN --mount=type=cache,target=/var/cache/apk apk add curl
      RUN --mount=type=cache,target=/var/cache/dnf dnf install -y git
      RUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl
      RUN --mount=type=bind,target=/root/.cache/pip pip install flask
      RUN --mount=type=cache,target=/root/.gem gem install rails
      ARG NPM_CACHE=/root/.npm
      RUN --mount=type=cache,target=\${NPM_CACHE} npm ci
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['8:64-8:79', '9:47-9:58', '10:42-10:53']);
  });

  it('only judges stages whose layers ship', async () => {
    const text = df`
      FROM debian:12 AS build
      RUN apt-get update && apt-get install -y gcc
      FROM debian:12 AS base
      RUN apk add curl
      FROM base
      COPY --from=build /usr/bin/gcc /usr/bin/gcc
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['4:5-4:12']);
    expect(positions(await lintWith(RULE, text, { target: 'build' }))).toEqual(['2:23-2:38']);
  });

  it('reads heredocs and exec form, with fixes only where they are mechanical', async () => {
    const text = df`
      FROM alpine:3.20
      RUN <<EOF
      apk add curl
      EOF
      RUN ["apk", "add", "git"]
      RUN ["apt-get", "install", "-y", "git"]
      RUN <<EOF
      apt-get install -y git
      EOF
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['3:1-3:8', '5:6-5:18', '6:6-6:26', '8:1-8:16']);
    const heredocAdd = text.indexOf('apk add curl') + 7;
    const execAdd = text.indexOf('"add"') + 5;
    expect(findings.map((f) => f.fix?.edits)).toEqual([
      [{ start: heredocAdd, end: heredocAdd, text: ' --no-cache' }],
      [{ start: execAdd, end: execAdd, text: ', "--no-cache"' }],
      undefined,
      undefined,
    ]);
  });

  it('honours the escape directive', async () => {
    const text = df`
      # escape=\`
      FROM python:3.12
      RUN pip install \`
          flask
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['3:5-3:16']);
    const at = text.indexOf('install') + 7;
    expect(findings[0].fix?.edits).toEqual([{ start: at, end: at, text: ' --no-cache-dir' }]);
  });

  it('sees through sudo and sh -c, and leaves Windows stages alone', async () => {
    const text = df`
      FROM debian:12
      RUN sudo apt-get install -y curl
      RUN sh -c 'apt-get install -y curl'
      RUN sh -c 'apt-get install -y curl && rm -rf /var/lib/apt/lists/*'
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:10-2:25', '3:12-3:27']);
    const end = text.indexOf('curl') + 4;
    expect(findings[0].fix?.edits).toEqual([{ start: end, end, text: ' && rm -rf /var/lib/apt/lists/*' }]);
    expect(findings[1].fix).toBeUndefined();
    const windows = df`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN pip install flask
      RUN ["pip", "install", "flask"]
    `;
    expect(await lintWith(RULE, windows)).toEqual([]);
  });

  it('reports once per manager and RUN, appending the apt cleanup after the last install', async () => {
    const text = df`
      FROM debian:12
      RUN apt-get update && apt-get install -y a && apt-get install -y b && echo done
      RUN apk add a && apk add b
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:23-2:38', '3:5-3:12']);
    const afterB = text.indexOf(' b ') + 2;
    expect(findings[0].fix?.edits).toEqual([{ start: afterB, end: afterB, text: ' && rm -rf /var/lib/apt/lists/*' }]);
    const adds = [...text.matchAll(/apk add/g)].map((m) => m.index! + 7);
    expect(findings[1].fix?.edits).toEqual(adds.map((at) => ({ start: at, end: at, text: ' --no-cache' })));
  });

  it('offers no apt fix when appending could change what runs', async () => {
    const text = df`
      FROM debian:12
      RUN if true; then apt-get install -y a; fi
      RUN apt-get install -y a > /dev/null
      RUN apt-get install -y a | tee log
      RUN apt-get install -y a && apt-get update
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:19-2:34', '3:5-3:20', '4:5-4:20', '5:5-5:20']);
    expect(findings.map((f) => f.fix)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('counts apk update, and then offers no --no-cache fix', async () => {
    const text = df`
      FROM alpine:3.20
      RUN apk update && apk add curl
      RUN apk update && apk add --no-cache curl
      RUN apk update
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:19-2:26', '3:5-3:15']);
    expect(findings.map((f) => f.fix)).toEqual([undefined, undefined]);
  });

  it('trusts the ruby image and a gemrc to turn gem documentation off', async () => {
    const ruby = df`
      FROM ruby:3.3 AS ruby
      FROM ruby
      RUN gem install rails
    `;
    expect(await lintWith(RULE, ruby)).toEqual([]);
    const echoed = df`
      FROM debian:12
      RUN gem install rake
      RUN echo 'gem: --no-document' > /etc/gemrc && gem install rails
      RUN gem install rspec
    `;
    expect(positions(await lintWith(RULE, echoed))).toEqual(['2:5-2:16']);
    const copied = df`
      FROM debian:12
      COPY gemrc /root/.gemrc
      RUN gem install rails
    `;
    expect(await lintWith(RULE, copied)).toEqual([]);
  });
});
