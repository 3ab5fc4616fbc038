import { applyFixes } from '../../../src/engine/fixes';
import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'correctness/multiple-instructions';

describe(RULE, () => {
  it('reports the overridden CMD, ENTRYPOINT and HEALTHCHECK of a stage and removes them', async () => {
    const text = df`
      FROM alpine:3.20
      CMD ["a"]
      ENTRYPOINT ["x"]
      HEALTHCHECK CMD true
      CMD ["b"]
      ENTRYPOINT ["y"]
      HEALTHCHECK NONE
      FROM alpine:3.20
      CMD ["c"]
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:1-2:4', '3:1-3:11', '4:1-4:12']);
    expect(findings[0].message).toContain('overridden by the CMD on line 5');
    expect(applyFixes(text, findings.map((f) => f.fix!)).text).toBe(df`
      FROM alpine:3.20
      CMD ["b"]
      ENTRYPOINT ["y"]
      HEALTHCHECK NONE
      FROM alpine:3.20
      CMD ["c"]
    `);
  });

  it('removes every line of a continued instruction, comment lines included', async () => {
    const text = df`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      CMD powershell -Command \`
          # the old way
          Write-Host old
      CMD ["cmd", "/c", "echo new"]
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['3:1-3:4']);
    expect(applyFixes(text, [findings[0].fix!]).text).toBe(df`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      CMD ["cmd", "/c", "echo new"]
    `);
  });

  it('counts per stage and leaves ONBUILD triggers alone', async () => {
    const text = df`
      FROM alpine:3.20 AS base
      CMD ["a"]
      ONBUILD CMD ["b"]
      FROM base
      CMD ["c"]
      ENTRYPOINT ["d"]
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
