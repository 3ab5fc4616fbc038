import { applyFixes } from '../../../src/engine/fixes';
import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'style/stage-name-casing';

describe(RULE, () => {
  it('reports the name and renames every literal reference with it', async () => {
    const text = df`
      FROM node:20 AS Deps
      RUN npm ci
      FROM DEPS AS test
      RUN --mount=type=bind,from=Deps,source=/node_modules,target=/cache true
      FROM gcr.io/distroless/nodejs20-debian12
      COPY --from=deps /app /app
      COPY --from=0 /x /x
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['1:17-1:21']);
    expect(applyFixes(text, [findings[0].fix!]).text).toBe(df`
      FROM node:20 AS deps
      RUN npm ci
      FROM deps AS test
      RUN --mount=type=bind,from=deps,source=/node_modules,target=/cache true
      FROM gcr.io/distroless/nodejs20-debian12
      COPY --from=deps /app /app
      COPY --from=0 /x /x
    `);
  });

  it('gives no fix when a reference comes from a variable', async () => {
    const text = df`
      ARG FROM_STAGE=Build
      FROM golang:1.22 AS Build
      FROM alpine:3.20
      ARG FROM_STAGE
      COPY --from=\${FROM_STAGE} /out /out
    `;
    const [finding] = await lintWith(RULE, text);
    expect(positions([finding])).toEqual(['2:21-2:26']);
    expect(finding.fix).toBeUndefined();
  });

  it('renames with the escape directive and leaves references to other stages alone', async () => {
    const text = df`
      # escape=\`
      FROM alpine:3.20 AS Base
      FROM alpine:3.20 AS other
      COPY --from=other-stage /x /x
      FROM Base
    `;
    const [finding] = await lintWith(RULE, text);
    expect(finding.fix?.edits).toEqual([
      { start: 31, end: 35, text: 'base' },
      { start: 97, end: 101, text: 'base' },
    ]);
  });

  it('is silent on lower-case names and unnamed stages', async () => {
    const text = df`
      FROM golang:1.22 AS build-env_1.2
      FROM build-env_1.2
      FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS win
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
