/** The new formats through the built CLI (`npx tsc -p .` first), as CI jobs would run them. */
import * as fs from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { cli, tempTree } from '../helpers/cli';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function project(): string {
  const d = tempTree({ Dockerfile: 'FROM alpine\nRUN apt-get install curl\n', 'svc/Dockerfile': 'FROM alpine:3.20\nCMD ["true"]\n' });
  dirs.push(d);
  return d;
}

describe('--format', () => {
  it.each(['sarif', 'checkstyle', 'gitlab', 'github', 'compact', 'gnu'])('%s is accepted and keeps the exit code', (format) => {
    const cwd = project();
    // A finding and a file error: the exit code is the file error's.
    const r = cli(['--format', format, 'Dockerfile', 'missing.Dockerfile'], { cwd });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(2);
    expect(r.stdout).not.toContain(cwd);
    expect(r.stdout).toContain('missing.Dockerfile');
    const out = r.stdout;
    switch (format) {
      case 'sarif': {
        const run = JSON.parse(out).runs[0];
        expect(run.results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'Dockerfile', uriBaseId: '%SRCROOT%' });
        break;
      }
      case 'checkstyle':
        expect(XMLValidator.validate(out)).toBe(true);
        expect(out).toContain('<file name="Dockerfile">');
        break;
      case 'gitlab':
        expect(JSON.parse(out).find((i: { check_name: string }) => i.check_name === 'pin/base-image-tag').location).toEqual({ path: 'Dockerfile', lines: { begin: 1, end: 1 } });
        break;
      case 'github':
        expect(out).toMatch(/^::warning file=Dockerfile,line=1,endLine=1,col=6,endColumn=12,title=pin\/base-image-tag::Base image/m);
        break;
      case 'compact':
        expect(out).toMatch(/^Dockerfile:1:6: warning: Base image .* \[pin\/base-image-tag\]$/m);
        break;
      case 'gnu':
        expect(out).toMatch(/^Dockerfile:1\.6-11: warning: Base image .* \[pin\/base-image-tag\]$/m);
        break;
    }
  });

  it('a clean run prints nothing for the line formats and an empty report for the others', () => {
    const cwd = project();
    for (const format of ['github', 'compact', 'gnu']) expect(cli(['--format', format, 'svc/Dockerfile'], { cwd })).toMatchObject({ code: 0, stdout: '' });
    expect(JSON.parse(cli(['--format', 'gitlab', 'svc/Dockerfile'], { cwd }).stdout)).toEqual([]);
    expect(JSON.parse(cli(['--format', 'sarif', 'svc/Dockerfile'], { cwd }).stdout).runs[0].results).toEqual([]);
  });
});
