import { applyFixes } from '../../../src/engine/fixes';
import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'deprecated/maintainer';

const fixed = async (text: string) => {
  const findings = await lintWith(RULE, text);
  return applyFixes(text, findings.map((f) => f.fix!)).text;
};

describe(RULE, () => {
  it('reports the keyword and replaces the instruction with the authors label', async () => {
    const text = df`
      FROM debian:12
      MAINTAINER Jane Doe <jane@example.com>
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:1-2:11']);
    expect(await fixed(text)).toBe(df`
      FROM debian:12
      LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
    `);
  });

  it('escapes what LABEL would otherwise unquote or expand, keeping lower case', async () => {
    const text = df`
      from debian:12
      maintainer "Ops" $TEAM \\o/ <ops@example.com>
    `;
    expect(await fixed(text)).toBe(df`
      from debian:12
      label org.opencontainers.image.authors="\\"Ops\\" \\$TEAM \\\\o/ <ops@example.com>"
    `);
  });

  it('escapes with the escape directive character', async () => {
    const text = df`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      MAINTAINER C:\\Users\\jane "J"
    `;
    expect(await fixed(text)).toBe(df`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      LABEL org.opencontainers.image.authors="C:\\Users\\jane \`"J\`""
    `);
  });

  it('reports a MAINTAINER continued over lines without a fix', async () => {
    const text = df`
      FROM debian:12 AS build
      MAINTAINER Jane Doe \\
          # the team
          <jane@example.com>
      FROM debian:12
    `;
    const [finding] = await lintWith(RULE, text);
    expect(positions([finding])).toEqual(['2:1-2:11']);
    expect(finding.fix).toBeUndefined();
  });

  it('is silent without MAINTAINER', async () => {
    const text = df`
      FROM debian:12
      LABEL maintainer="Jane Doe"
      RUN echo MAINTAINER
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
