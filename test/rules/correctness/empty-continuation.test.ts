import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'correctness/empty-continuation';

describe(RULE, () => {
  it('reports blank and whitespace-only lines inside a continuation, not comment lines', async () => {
    const text = df`
      FROM debian:12
      RUN apt-get update \\

          # a comment line is fine
          && apt-get install -y curl \\
      \t
          && rm -rf /var/lib/apt/lists/*
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['3:1-3:1', '6:1-6:2']);
    expect(findings[0].message).toContain('Blank line 3 inside the continued RUN');
  });

  it('deletes the whole line, newline included', async () => {
    const text = 'FROM debian:12\nLABEL a=1 \\\n\n      b=2\n';
    const [finding] = await lintWith(RULE, text);
    expect(finding.fix?.edits).toEqual([{ start: 27, end: 28, text: '' }]);
  });

  it('handles CRLF line endings and the backtick escape', async () => {
    const crlf = 'FROM debian:12\r\nENV A=1 \\\r\n\r\n  B=2\r\n';
    const [finding] = await lintWith(RULE, crlf);
    expect(positions([finding])).toEqual(['3:1-3:1']);
    expect(finding.fix?.edits).toEqual([{ start: 27, end: 29, text: '' }]);
    const backtick = df`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN powershell -Command \`

          Write-Host hi
    `;
    expect(positions(await lintWith(RULE, backtick))).toEqual(['4:1-4:1']);
  });

  it('stays silent for blank lines between instructions and inside heredocs', async () => {
    const text = df`
      FROM debian:12

      RUN <<EOF
      apt-get update

      apt-get install -y curl
      EOF

      COPY <<EOF /etc/motd
      hello

      world
      EOF
      RUN echo a \\
          # only a comment
          b
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
