/**
 * The ShellCheck bridge against the real binary (CI installs Debian's shellcheck). Where the
 * binary is missing, plimsoll must stay silent about it: that half runs everywhere.
 */
import { shellcheckAvailable } from '../../src/engine/shellcheck';
import { df, getLinter } from '../helpers/lint';

const present = shellcheckAvailable();
if (!present) console.warn('shellcheck not on PATH: the ShellCheck bridge tests are skipped');

async function shellFindings(text: string, rules: Record<string, 'off' | 'error' | 'warning' | 'info' | 'style'> = {}) {
  const linter = await getLinter();
  const off = Object.fromEntries(linter.rules.map((r) => [r.meta.id, 'off'] as const));
  return linter.lintText(text, { rules: { ...off, ...rules } }).findings;
}

(present ? describe : describe.skip)('ShellCheck bridge', () => {
  it('reports ShellCheck findings as shell/SCxxxx at exact Dockerfile positions, across continuations', async () => {
    const text = df`
      FROM debian:12
      ARG VERSION=1
      RUN echo $VERSION \\
        # comment line dropped by BuildKit
        && cd /tmp; echo $undefined_var
    `;
    const findings = await shellFindings(text);
    const got = findings.map((f) => `${f.rule} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${text.split('\n')[f.line - 1].slice(f.column - 1, f.endColumn - 1)}`);
    expect(got).toEqual(expect.arrayContaining([
      'shell/SC2086 3:10-3:18 $VERSION',
      'shell/SC2164 5:6-5:13 cd /tmp',
      'shell/SC2154 5:20-5:34 $undefined_var',
    ]));
    expect(findings.find((f) => f.rule === 'shell/SC2154' && f.message.includes('VERSION'))).toBeUndefined();
    expect(findings.find((f) => f.rule === 'shell/SC2086')?.aliases).toEqual(['SC2086']);
  });

  it('checks heredoc scripts and sh -c strings, and honours the SHELL instruction', async () => {
    const text = df`
      FROM debian:12
      RUN <<EOF
      echo $1
      EOF
      RUN sh -c 'rm -rf $DIR/'
      SHELL ["/bin/bash", "-c"]
      RUN [[ -f x ]] && echo ok
    `;
    const rules = (await shellFindings(text)).map((f) => `${f.line}:${f.rule}`);
    expect(rules).toContain('3:shell/SC2086');
    expect(rules).toContain('5:shell/SC2115');
    expect(rules).not.toContain('7:shell/SC3010');
  });

  it('can be configured per check, by id or alias, and silenced by pragmas', async () => {
    const text = 'FROM debian:12\nRUN echo $X\n';
    expect((await shellFindings(text)).map((f) => f.rule)).toEqual(['shell/SC2086']);
    expect(await shellFindings(text, { SC2086: 'off' })).toEqual([]);
    expect((await shellFindings(text, { 'shell/SC2086': 'error' }))[0].severity).toBe('error');
    expect(await shellFindings(`FROM debian:12\n# hadolint ignore=SC2086\nRUN echo $X\n`)).toEqual([]);
  });

  it('does not look at exec form or Windows shells', async () => {
    const text = 'FROM debian:12\nRUN ["echo", "$X"]\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo %X% $X\n';
    expect(await shellFindings(text)).toEqual([]);
  });
});
