import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { formatCheckstyle } from '../../src/formats/checkstyle';
import type { FileReport } from '../../src/formats/types';
import { contextFor, fixtureReports, lintReport, machinePaths, TYPICAL } from './fixtures';

type Json = any;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  htmlEntities: true,
  parseAttributeValue: false,
  isArray: (name) => name === 'file' || name === 'error',
});

async function checkstyle(reports: FileReport[]): Promise<{ xml: string; doc: Json }> {
  const xml = await formatCheckstyle(reports, await contextFor(reports));
  expect(XMLValidator.validate(xml)).toBe(true);
  return { xml, doc: parser.parse(xml) };
}

describe('checkstyle output', () => {
  it('has one <file> per report and one <error> per finding or file error', async () => {
    const reports = await fixtureReports();
    const { xml, doc } = await checkstyle(reports);
    for (const p of machinePaths(undefined, true)) expect(xml).not.toContain(p);
    expect(doc.checkstyle.version).toBe('4.3');
    const files: Json[] = doc.checkstyle.file;
    expect(files.map((f) => f.name)).toEqual(reports.map((r) => r.file));
    reports.forEach((r, i) => {
      const errors: Json[] = files[i].error ?? [];
      expect(errors).toHaveLength(r.errors.length + r.findings.length);
      const forFindings = errors.slice(r.errors.length);
      r.findings.forEach((f, j) => {
        expect(forFindings[j]).toEqual({
          line: String(f.line),
          column: String(f.column),
          severity: { error: 'error', warning: 'warning', info: 'info', style: 'info' }[f.severity],
          message: f.message,
          source: f.rule,
        });
      });
    });
    const missing = files.find((f) => f.name === 'missing.Dockerfile');
    expect(missing.error).toEqual([{ line: '1', severity: 'error', message: 'no such file or directory', source: 'plimsoll' }]);
    const broken = files.find((f) => f.name === 'broken.Dockerfile');
    expect(broken.error[0]).toMatchObject({ severity: 'error', source: 'pin/base-image-tag', message: expect.stringContaining('\n    at check') });
  });

  it('escapes markup, quotes, line breaks and characters XML cannot hold', async () => {
    const [base] = [await lintReport('a&b "c" <d>.Dockerfile', TYPICAL)];
    const message = `Use <tag> & "quotes" 'too'\n\tnext line \u0001 ok 🐳`;
    const report: FileReport = { ...base, findings: [{ ...base.findings[0], message, severity: 'style' }] };
    const { xml, doc } = await checkstyle([report]);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const [file] = doc.checkstyle.file;
    expect(file.name).toBe('a&b "c" <d>.Dockerfile');
    expect(file.error[0].message).toBe(message.replace('\u0001', '\ufffd'));
    expect(file.error[0].severity).toBe('info');
  });

  it('is a valid document without any report', async () => {
    const { doc } = await checkstyle([]);
    expect(doc.checkstyle).toEqual({ version: '4.3' });
  });
});
