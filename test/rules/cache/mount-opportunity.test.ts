import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'cache/mount-opportunity';

describe(RULE, () => {
  it('reports install steps without a cache mount once the file opts into BuildKit', async () => {
    const text = df`
      # syntax=docker/dockerfile:1
      FROM python:3.12
      RUN apt-get update && apt-get install -y --no-install-recommends gcc
      RUN pip install --no-cache-dir flask
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['3:23-3:38', '4:5-4:16']);
    expect(findings[0].message).toContain('`--mount=type=cache,target=/var/cache/apt`');
    expect(findings[1].message).toContain('`--mount=type=cache,target=/root/.cache/pip`');
  });

  it('stays silent without a dockerfile frontend that has cache mounts', async () => {
    for (const syntax of ['', '# syntax=docker/dockerfile:1.1\n', '# syntax=example.com/frontend:1\n']) {
      const text = `${syntax}FROM node:20\nRUN npm ci\n`;
      expect(await lintWith(RULE, text)).toEqual([]);
    }
  });

  it('accepts the 1 channel, 1.x >= 1.2, labs and registry-qualified frontends', async () => {
    for (const syntax of ['docker/dockerfile:1.4', 'docker.io/docker/dockerfile:1-labs', 'docker/dockerfile:1.2.1', 'docker/dockerfile-upstream:labs']) {
      const text = `# syntax=${syntax}\nFROM node:20\nRUN npm ci\n`;
      expect(positions(await lintWith(RULE, text))).toEqual(['3:5-3:11']);
    }
  });

  it('accepts cache mounts over the manager cache, in any home directory or at a custom path', async () => {
    const text = df`
      # syntax=docker/dockerfile:1
      FROM node:20
      RUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get install -y git
      RUN --mount=type=cache,target=/home/node/.npm npm ci
      RUN --mount=type=cache,target=/root/.cache pip install flask
      RUN --mount=type=cache,target=/cache/pip pip install --cache-dir /cache/pip requests
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('reports a manager whose cache the RUN mounts for another manager only', async () => {
    const text = df`
      # syntax=docker/dockerfile:1
      FROM python:3.12
      RUN --mount=type=cache,target=/var/cache/apt apt-get install -y gcc && pip install numpy
      RUN --mount=type=bind,source=go.mod,target=go.mod go mod download
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['3:72-3:83', '4:51-4:66']);
  });

  it('reads heredocs, continuation lines with comments, sudo, sh -c and exec form, once per manager and RUN', async () => {
    const text = df`
      # syntax=docker/dockerfile:1
      FROM debian:12
      RUN <<EOF
      apt-get install -y a
      apt-get install -y b
      EOF
      RUN echo start \\
          # cargo next
          && cargo build --release
      RUN sudo apk add curl
      RUN sh -c 'yarn --frozen-lockfile'
      RUN ["./mvnw", "-B", "package"]
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['4:1-4:16', '9:8-9:19', '10:10-10:17', '11:12-11:16', '12:6-12:31']);
  });

  it('honours the escape directive', async () => {
    const text = df`
      # syntax=docker/dockerfile:1
      # escape=\`
      FROM golang:1.22
      RUN go env \`
          && go mod download
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['5:8-5:23']);
  });

  it('leaves alone steps that download nothing, and Windows stages', async () => {
    const text = df`
      # syntax=docker/dockerfile:1
      FROM node:20 AS build
      RUN apt-get update
      RUN npm run build && yarn test && mvn --version

      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN ["npm", "ci"]
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
