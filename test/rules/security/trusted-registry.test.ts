import { df, lintWith, positions } from '../../helpers/lint';
import type { LintOptions } from '../../../src/engine/linter';

const RULE = 'security/trusted-registry';
const trusting = (...trustedRegistries: string[]): LintOptions => ({ rules: { [RULE]: ['error', { trustedRegistries }] } });

describe(RULE, () => {
  it('trusts only Docker Hub by default, and nothing is reported for an empty list', async () => {
    const text = 'FROM node:20 AS a\nFROM evil.example.com/app:1\n';
    expect(positions(await lintWith(RULE, text))).toEqual(['2:6-2:28']);
    expect(await lintWith(RULE, text, trusting())).toEqual([]);
  });

  it('reports base images from other registries; Docker Hub is the implicit one', async () => {
    const text = df`
      FROM ghcr.io/acme/base:1 AS a
      FROM node:20 AS b
      FROM registry.acme.dev/tools/go:1.22
    `;
    const findings = await lintWith(RULE, text, trusting('registry.acme.dev'));
    expect(positions(findings)).toEqual(['1:6-1:25', '2:6-2:13']);
    expect(findings[1].message).toContain('`docker.io`');
  });

  it('accepts Docker Hub by any of its names, and path prefixes', async () => {
    const text = df`
      FROM node:20 AS a
      FROM docker.io/library/python:3.12 AS b
      FROM index.docker.io/bitnami/redis:7 AS c
      FROM ghcr.io/acme/base:1
    `;
    expect(await lintWith(RULE, text, trusting('docker.io', 'ghcr.io/acme'))).toEqual([]);
    const official = await lintWith(RULE, text, trusting('docker.io/library', 'ghcr.io/acme/'));
    expect(positions(official)).toEqual(['3:6-3:37']);
  });

  it('does not take a path prefix for a longer name', async () => {
    const findings = await lintWith(RULE, 'FROM ghcr.io/acme-evil/base:1\n', trusting('ghcr.io/acme'));
    expect(positions(findings)).toEqual(['1:6-1:30']);
  });

  it('exempts scratch, earlier stages, and images whose name is unknown', async () => {
    const text = df`
      ARG BASE
      FROM scratch AS empty
      FROM $BASE AS dynamic
      FROM empty
    `;
    expect(await lintWith(RULE, text, trusting('ghcr.io'))).toEqual([]);
  });

  it('expands ARG values in FROM', async () => {
    const text = df`
      ARG REGISTRY=quay.io
      FROM \${REGISTRY}/org/app:1
    `;
    expect(positions(await lintWith(RULE, text, trusting('ghcr.io')))).toEqual(['2:6-2:27']);
    expect(await lintWith(RULE, text, { ...trusting('ghcr.io'), buildArgs: { REGISTRY: 'ghcr.io' } })).toEqual([]);
  });

  it('checks images pulled by COPY --from and RUN --mount from=, but not stage names', async () => {
    const text = df`
      FROM ghcr.io/acme/base:1 AS build
      FROM ghcr.io/acme/base:1
      COPY --from=build /out /out
      COPY --from=quay.io/org/tool:1 /bin/tool /bin/tool
      RUN --mount=type=bind,from=alpine:3.20,source=/etc,target=/mnt cat /mnt/os-release
    `;
    expect(positions(await lintWith(RULE, text, trusting('ghcr.io')))).toEqual(['4:13-4:31', '5:5-5:63']);
  });
});
