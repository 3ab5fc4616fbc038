import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'style/wget-progress';

describe(RULE, () => {
  it('reports wget on its name and inserts --progress=dot:giga', async () => {
    const text = df`
      FROM debian:12
      RUN wget https://example.com/a.tgz \\
          # keep it
          -O /tmp/a.tgz
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:5-2:9']);
    expect(findings[0].fix?.edits).toEqual([{ start: 23, end: 23, text: ' --progress=dot:giga' }]);
  });

  it('writes the option as a JSON string in exec form, and sees through sudo, sh -c and heredocs', async () => {
    const text = df`
      FROM debian:12
      RUN ["wget", "https://example.com/a"]
      RUN sudo wget https://example.com/b && sh -c 'wget https://example.com/c'
      RUN <<EOF
      wget https://example.com/d
      EOF
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:6-2:12', '3:10-3:14', '3:47-3:51', '5:1-5:5']);
    expect(findings[0].fix?.edits).toEqual([{ start: 26, end: 26, text: ', "--progress=dot:giga"' }]);
  });

  it('reports BusyBox wget (Alpine, unknown bases) without a fix', async () => {
    const text = df`
      ARG BASE
      FROM alpine:3.20 AS fetch
      RUN wget https://example.com/a
      FROM python:3.12-alpine
      RUN wget https://example.com/b
      FROM \${BASE}
      RUN wget https://example.com/c
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['3:5-3:9', '5:5-5:9', '7:5-7:9']);
    expect(findings.map((f) => f.fix)).toEqual([undefined, undefined, undefined]);
    expect(findings[0].message).toContain('add `-q`');
  });

  it('accepts wget that already prints little', async () => {
    const text = df`
      # escape=\`
      FROM debian:12
      RUN wget --progress=bar:force https://a && wget --progress dot https://b
      RUN wget -q https://c && wget -qO- https://d | tar -x && wget --quiet https://e
      RUN wget -nv https://f && wget --no-verbose https://g && \`
          wget -o /tmp/log https://h && wget -a /tmp/log https://i
      RUN --mount=type=cache,target=/root/.cache curl -fsSL https://j
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN wget https://k
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
