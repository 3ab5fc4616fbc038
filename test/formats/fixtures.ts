/**
 * Reports built with the real engine for the formatter tests, and the context the CLI would give.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatContext } from '../../src/cli/format-context';
import { shellcheckAvailable } from '../../src/engine/shellcheck';
import type { FileReport, FormatContext } from '../../src/formats/types';
import { getLinter } from '../helpers/lint';

/** A directory standing for the working directory of a run; nothing is written into it. */
export const CWD = fs.mkdtempSync(path.join(os.tmpdir(), 'plimsoll-formats-'));
afterAll(() => fs.rmSync(CWD, { recursive: true, force: true }));

export const TYPICAL = [
  'FROM ubuntu',
  'RUN apt-get update && apt-get install curl wget',
  'ADD http://example.com/tool.tgz /tmp/',
  'WORKDIR app',
  'RUN cd /app && echo $HOME',
  'EXPOSE 80/TCP',
  'CMD node server.js',
  '',
].join('\n');

export const INSECURE = [
  'FROM alpine:3.20',
  'ENV AWS_SECRET_ACCESS_KEY=AKIAabcdefghijklmnop1234',
  'RUN curl -fsSL https://example.com/install.sh | sh',
  'RUN chmod 777 /srv',
  'USER root',
  '',
].join('\n');

/** CRLF, a BOM-less non-ASCII line, a tab and an astral character before the finding columns. */
export const UNICODE = 'FROM alpine\r\nLABEL note="héllo 🐳"\r\nRUN\tapt-get install -y curl\r\n';

/** Identical lines: their findings need distinct fingerprints. */
export const REPEATED = ['FROM debian:12', 'RUN apt-get install -y curl', 'RUN apt-get install -y curl', ''].join('\n');

export async function lintReport(file: string, source: string, options: { shellcheck?: boolean } = {}): Promise<FileReport> {
  const linter = await getLinter();
  const result = linter.lintText(source, { shellcheck: options.shellcheck ?? false });
  return { file, source, findings: result.findings, errors: result.errors };
}

/** Several files as the CLI would report them, including unreadable ones and odd names. */
export async function fixtureReports(): Promise<FileReport[]> {
  return [
    await lintReport('Dockerfile', TYPICAL, { shellcheck: shellcheckAvailable() }),
    await lintReport('svc/api.Dockerfile', INSECURE),
    await lintReport('my dir/Dockerfile', UNICODE),
    await lintReport('<stdin>', REPEATED),
    await lintReport(path.join(path.dirname(CWD), 'elsewhere', 'Dockerfile'), TYPICAL),
    { file: 'missing.Dockerfile', findings: [], errors: [{ message: 'no such file or directory' }] },
    {
      file: 'broken.Dockerfile',
      source: 'FROM alpine:3\n',
      findings: [],
      errors: [{ rule: 'pin/base-image-tag', message: `rule pin/base-image-tag failed: Error: boom\n    at check (${path.join(CWD, 'x.js')}:1:2)` }],
    },
  ];
}

export async function contextFor(reports: FileReport[], cwd = CWD): Promise<FormatContext> {
  return formatContext(await getLinter(), reports, false, cwd);
}

/**
 * Machine paths that must not appear in an output: the working directory and the checkout, and
 * unless `displayed` (formats that show paths as the CLI displays them, absolute outside the
 * working directory) the file outside the working directory.
 */
export function machinePaths(cwd = CWD, displayed = false): string[] {
  return [cwd, path.resolve(__dirname, '../..'), ...(displayed ? [] : [path.join(path.dirname(cwd), 'elsewhere')])];
}
