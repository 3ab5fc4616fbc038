import { applyFixes } from '../../../src/engine/fixes';
import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'deprecated/legacy-key-value';

const fixed = async (text: string) => {
  const findings = await lintWith(RULE, text);
  return applyFixes(text, findings.filter((f) => f.fix).map((f) => f.fix!)).text;
};

describe(RULE, () => {
  it('reports ENV and LABEL without = from key to value, and rewrites them', async () => {
    const text = df`
      FROM python:3.12-slim
      ENV PYTHONUNBUFFERED 1
      ENV PATH /opt/venv/bin:$PATH
      LABEL description A  small service
      ENV GREETING "hello world"
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:5-2:23', '3:5-3:29', '4:7-4:35', '5:5-5:27']);
    expect(await fixed(text)).toBe(df`
      FROM python:3.12-slim
      ENV PYTHONUNBUFFERED=1
      ENV PATH=/opt/venv/bin:$PATH
      LABEL description="A  small service"
      ENV GREETING="hello world"
    `);
  });

  it('keeps variables expanding inside the added quotes', async () => {
    const text = df`
      FROM alpine:3.20
      ARG V=1
      ENV FLAGS --version $V \${V:-2}
    `;
    expect(await fixed(text)).toBe(df`
      FROM alpine:3.20
      ARG V=1
      ENV FLAGS="--version $V \${V:-2}"
    `);
  });

  it('with the escape directive, reports without a fix what quoting cannot keep the same', async () => {
    const text = df`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      ENV A "x" y
      ENV B C:\\a b
      ENV C one \`
          two
      ENV D it\`'s here
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['3:5-3:12', '4:5-4:13', '5:5-6:8', '7:5-7:17']);
    // A backslash is a plain character under the backtick escape, so B can be quoted.
    expect(findings.map((f) => f.fix?.edits[0].text)).toEqual([undefined, 'B="C:\\a b"', undefined, undefined]);
  });

  it('reports a continued legacy value with comment lines without a fix', async () => {
    const text = df`
      FROM debian:12
      ENV DEPS \\
          # the build tools
          make gcc
    `;
    const [finding] = await lintWith(RULE, text);
    expect(positions([finding])).toEqual(['2:5-4:13']);
    expect(finding.fix).toBeUndefined();
  });

  it('is silent on key=value, ARG and other instructions', async () => {
    const text = df`
      ARG VERSION 1
      FROM debian:12
      ENV A=1 B="two words" \\
          C=3
      LABEL a=b
      RUN export X Y
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
