import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'style/missing-healthcheck';

describe(RULE, () => {
  it('reports the target FROM when its chain has no HEALTHCHECK', async () => {
    const text = df`
      FROM golang:1.22 AS build
      HEALTHCHECK CMD true
      FROM --platform=$TARGETPLATFORM nginx:1.27
      COPY --from=build /out /usr/share/nginx/html
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['3:1-3:43']);
    expect(findings[0].message).toContain('`nginx:1.27`');
  });

  it('judges the --target stage and accepts a HEALTHCHECK inherited through FROM, or NONE', async () => {
    const text = df`
      # escape=\`
      FROM nginx:1.27 AS base
      HEALTHCHECK --interval=30s \`
          CMD curl -fsS http://localhost/ || exit 1
      FROM base AS web
      FROM alpine:3.20 AS job
      HEALTHCHECK NONE
      FROM alpine:3.20 AS tool
    `;
    expect(await lintWith(RULE, text, { target: 'web' })).toEqual([]);
    expect(await lintWith(RULE, text, { target: 'job' })).toEqual([]);
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['8:1-8:17']);
    expect(findings[0].message).toContain('stage `tool`');
  });

  it('is silent without stages', async () => {
    expect(await lintWith(RULE, 'ARG X=1\n')).toEqual([]);
  });
});
