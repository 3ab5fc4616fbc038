import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'style/wget-and-curl';

describe(RULE, () => {
  it('reports the second tool once per RUN, naming where the first was used', async () => {
    const text = df`
      FROM debian:12
      RUN curl -fsSLo /tmp/a https://example.com/a
      RUN wget -q https://example.com/b \\
          # and another
          && wget -q https://example.com/c
      RUN curl -fsSL https://example.com/d
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['3:5-3:9']);
    expect(findings[0].message).toContain('line 2');
  });

  it('follows the FROM chain, not unrelated stages', async () => {
    const text = df`
      FROM alpine:3.20 AS fetch
      RUN wget -q https://example.com/a
      FROM debian:12 AS base
      RUN curl -fsSL https://example.com/b
      FROM base
      RUN <<EOF
      wget -q https://example.com/c
      EOF
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['7:1-7:5']);
  });

  it('reads sudo, sh -c and exec form, and both tools in one RUN', async () => {
    const text = df`
      FROM debian:12
      RUN ["curl", "-fsSL", "https://example.com/a"]
      RUN sudo wget -q https://example.com/b && sh -c 'wget -q https://example.com/c'
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['3:10-3:14']);
  });

  it('is silent with one tool, package names only, and Windows stages', async () => {
    const text = df`
      FROM debian:12
      RUN apt-get install -y --no-install-recommends wget curl
      RUN curl -fsSL https://example.com/a && curl -fsSL https://example.com/b
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN curl.exe -o a https://example.com/a && wget https://example.com/b
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
