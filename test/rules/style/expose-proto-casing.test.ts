import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'style/expose-proto-casing';

describe(RULE, () => {
  it('reports each port with an upper-case protocol and lower-cases it', async () => {
    const text = df`
      FROM nginx:1.27
      EXPOSE 80/TCP 443 \\
          # DNS too
          53/Udp
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:8-2:14', '4:5-4:11']);
    expect(findings.map((f) => f.fix?.edits)).toEqual([[{ start: 26, end: 29, text: 'tcp' }], [{ start: 57, end: 60, text: 'udp' }]]);
  });

  it('judges ports through variables, fixing only a literal protocol', async () => {
    const text = df`
      FROM alpine:3.20
      ARG PORT=8080
      ARG PROTO=TCP
      EXPOSE \${PORT}/SCTP $PORT/\${PROTO}
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['4:8-4:20', '4:21-4:35']);
    expect(findings[0].message).toContain('`8080/SCTP`');
    expect(findings.map((f) => f.fix?.edits[0].text)).toEqual(['sctp', undefined]);
  });

  it('is silent on lower-case protocols, bare ports and other instructions', async () => {
    const text = df`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      EXPOSE 80 443/tcp 53/udp 8000-8010/tcp
      LABEL port=80/TCP
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
