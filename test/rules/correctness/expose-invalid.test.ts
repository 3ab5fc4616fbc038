import { applyFixes } from '../../../src/engine/fixes';
import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'correctness/expose-invalid';

describe(RULE, () => {
  it('reports bad ports, protocols, ranges and host mappings, each at its word', async () => {
    const text = df`
      FROM alpine:3.20
      EXPOSE 80 70000 8080:80 127.0.0.1:53:53/udp 443/tcpx 9000-8000 abc
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:11-2:16', '2:17-2:24', '2:25-2:44', '2:45-2:53', '2:54-2:63', '2:64-2:67']);
    expect(findings.map((f) => f.message)).toEqual([
      'EXPOSE `70000`: port 70000 is outside 0-65535, so the build fails',
      'EXPOSE `8080:80` maps a host port, which EXPOSE cannot do: only `80` is exposed; publish host ports with `docker run -p`',
      'EXPOSE `127.0.0.1:53:53/udp` maps a host address and port, which EXPOSE cannot do: only `53/udp` is exposed; publish host ports with `docker run -p`',
      'EXPOSE `443/tcpx`: unknown protocol `tcpx` (tcp, udp or sctp), so the build fails',
      'EXPOSE `9000-8000`: the range `9000-8000` ends before it starts, so the build fails',
      'EXPOSE `abc`: `abc` is not a port number or range, so the build fails',
    ]);
    expect(applyFixes(text, findings.flatMap((f) => (f.fix ? [f.fix] : []))).text).toContain('EXPOSE 80 70000 80 53/udp 443/tcpx');
  });

  it('expands ARG values, fixes only literal words and skips unknown ones', async () => {
    const text = df`
      FROM alpine:3.20
      ARG PORT=99999
      ARG MAP=8080:80
      EXPOSE $PORT $MAP $UNSET \${UNSET:-80}
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['4:8-4:13', '4:14-4:18']);
    expect(findings.map((f) => f.fix)).toEqual([undefined, undefined]);
  });

  it('accepts valid ports, ranges, protocols in any case and continuation lines', async () => {
    const text = df`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      EXPOSE 0 65535 8000-8010 \`
          # a comment line
          53/udp 80/TCP "443/tcp" 9/sctp
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
