import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'style/instruction-casing';

describe(RULE, () => {
  it('reports keywords not in the majority case, mixed case included, and fixes them', async () => {
    const text = df`
      FROM alpine:3.20
      Run apk add --no-cache curl
      copy app /app
      CMD ["/app"]
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:1-2:4', '3:1-3:5']);
    expect(findings.map((f) => f.fix?.edits[0].text)).toEqual(['RUN', 'COPY']);
    expect(findings[0].message).toContain('mixed case');
  });

  it('follows a lower-case majority, counting global ARGs, across stages', async () => {
    const text = df`
      arg BASE=alpine:3.20
      from \${BASE} as build
      run echo \\
        # RUN in a comment is not an instruction
        hi
      FROM build
      env A=1
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['6:1-6:5']);
    expect(findings[0].fix?.edits[0].text).toBe('from');
  });

  it('breaks a tie towards upper case', async () => {
    const text = df`
      from alpine:3.20
      RUN true
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['1:1-1:5']);
  });

  it('is silent on consistent files, whatever heredocs, exec form and ONBUILD triggers hold', async () => {
    const text = df`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN <<EOF
      copy a b
      EOF
      ONBUILD run echo trigger
      SHELL ["powershell", "-Command"]
      CMD ["cmd"]
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
