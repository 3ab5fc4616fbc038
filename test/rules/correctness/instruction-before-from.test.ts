import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'correctness/instruction-before-from';

describe(RULE, () => {
  it('reports instructions other than ARG before the first FROM', async () => {
    const text = df`
      # syntax=docker/dockerfile:1
      LABEL a=b
      ARG X=1
      RUN echo hi
      FROM alpine:3.20
      RUN echo hi
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:1-2:6', '4:1-4:4']);
    expect(findings[0].message).toContain('only ARG');
  });

  it('reports a file without FROM once, at its first instruction', async () => {
    const findings = await lintWith(RULE, 'ARG X=1\nRUN echo\nCMD ["x"]\n');
    expect(positions(findings)).toEqual(['1:1-1:4']);
    expect(findings[0].message).toContain('no FROM');
  });

  it('reports a file without instructions at its first comment, or at the start when empty', async () => {
    expect(positions(await lintWith(RULE, '\n# just a comment\n'))).toEqual(['2:1-2:17']);
    expect(positions(await lintWith(RULE, '# escape=`\n'))).toEqual(['1:1-1:11']);
    expect(positions(await lintWith(RULE, ''))).toEqual(['1:1-1:1']);
  });

  it('stays silent when only ARGs and comments come first', async () => {
    const text = df`
      # escape=\`
      ARG BASE=mcr.microsoft.com/windows/nanoserver:ltsc2022
      # a comment
      FROM \${BASE}
      RUN echo hi
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
