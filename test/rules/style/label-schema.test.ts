import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'style/label-schema';
const withOptions = (options: Record<string, unknown>) => ({ rules: { [RULE]: ['warning', options] as ['warning', Record<string, unknown>] } });

describe(RULE, () => {
  it('checks the OCI labels with a defined form by default, on their values', async () => {
    const text = df`
      FROM alpine:3.20
      LABEL org.opencontainers.image.created="May 1st" \\
          # the license
          org.opencontainers.image.licenses="Apache 2" \\
          org.opencontainers.image.source=github.com/example/app
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:40-2:49', '4:39-4:49', '5:37-5:59']);
    expect(findings[1].message).toBe('Label `org.opencontainers.image.licenses` should be an SPDX license expression (`MIT`, `Apache-2.0 OR MIT`), but is `Apache 2`');
  });

  it('accepts well-formed values and values from variables', async () => {
    const text = df`
      FROM alpine:3.20
      ARG CREATED
      LABEL org.opencontainers.image.created=$CREATED \\
          org.opencontainers.image.url=https://example.com/app \\
          org.opencontainers.image.licenses="(MIT OR Apache-2.0) AND LicenseRef-x WITH Classpath-exception-2.0" \\
          org.opencontainers.image.documentation="https://example.com/docs?x=1"
      LABEL org.opencontainers.image.created=2024-05-01T12:00:00.5+02:00
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('reports each missing required label on the target FROM, following the FROM chain', async () => {
    const schema = { 'org.opencontainers.image.version': 'semver', 'com.example.team': 'text', 'com.example.owner': 'email' };
    const text = df`
      FROM alpine:3.20 AS base
      LABEL com.example.team=platform
      FROM golang:1.22 AS build
      LABEL com.example.owner=ops@example.com
      FROM base
      LABEL org.opencontainers.image.version=1.2.3
    `;
    const findings = await lintWith(RULE, text, withOptions({ schema }));
    expect(positions(findings)).toEqual(['5:1-5:10']);
    expect(findings[0].message).toContain('`com.example.owner`');
    expect(positions(await lintWith(RULE, text, { ...withOptions({ schema }), target: 'build' }))).toEqual(['3:1-3:17', '3:1-3:17']);
  });

  it('checks each type of the schema', async () => {
    const schema = { url: 'url', time: 'rfc3339', ver: 'semver', rev: 'hash', lic: 'spdx', mail: 'email', any: 'text' };
    const good = df`
      FROM alpine:3.20
      LABEL url=ftp://example.com/x time=2024-02-29T23:59:60Z ver=1.0.0-rc.1+build.5 rev=0123abc lic=GPL-2.0-or-later mail="first.last+tag@example.co.uk" any=""
      LABEL rev=0123456789abcdef0123456789abcdef01234567
    `;
    expect(await lintWith(RULE, good, withOptions({ schema }))).toEqual([]);
    const bad = df`
      FROM alpine:3.20
      LABEL url="not a url" time=2023-02-29T10:00:00Z ver=v1.0.0 rev=0123ABC lic="MIT OR" mail=ops@ any=x
      LABEL ver=1.2 ver=01.2.3 ver=1.2.3-01 rev=abc1234567 time=2024-05-01 mail="a b@example.com"
    `;
    const findings = await lintWith(RULE, bad, withOptions({ schema }));
    expect(findings.map((f) => f.message.replace(/ should be .*, but is /, ' = '))).toEqual([
      'Label `url` = `not a url`',
      'Label `time` = `2023-02-29T10:00:00Z`',
      'Label `ver` = `v1.0.0`',
      'Label `rev` = `0123ABC`',
      'Label `lic` = `MIT OR`',
      'Label `mail` = `ops@`',
      'Label `ver` = `1.2`',
      'Label `ver` = `01.2.3`',
      'Label `ver` = `1.2.3-01`',
      'Label `rev` = `abc1234567`',
      'Label `time` = `2024-05-01`',
      'Label `mail` = `a b@example.com`',
    ]);
  });

  it('in strict mode reports labels outside the schema, on the key', async () => {
    const text = df`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      LABEL com.example.team=platform extra=1
    `;
    const findings = await lintWith(RULE, text, withOptions({ schema: { 'com.example.team': 'text' }, strict: true }));
    expect(positions(findings)).toEqual(['3:33-3:38']);
    expect(await lintWith(RULE, text, withOptions({ schema: { 'com.example.team': 'text' } }))).toEqual([]);
  });

  it('can turn the default formats off', async () => {
    const text = df`
      FROM alpine:3.20
      LABEL org.opencontainers.image.created=yesterday
    `;
    expect(await lintWith(RULE, text, withOptions({ formats: {} }))).toEqual([]);
  });
});
