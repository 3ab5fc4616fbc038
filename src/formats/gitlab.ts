/**
 * GitLab Code Quality report (`artifacts:reports:codequality`): a JSON array of issues with the
 * fields GitLab requires: description, check_name, fingerprint, severity and location.path with
 * location.lines.begin (GitLab reads only this subset of the Code Climate spec).
 *
 * Severity: GitLab's scale is info, minor, major, critical, blocker. Plimsoll's error maps to major,
 * warning to minor, info and style to info: a lint finding, even one that breaks the build, is not
 * of the order of the vulnerabilities and outages that critical and blocker rank. A file that could
 * not be linted is an issue too (major, check_name the failing rule or `plimsoll`), so the widget
 * does not show it as clean.
 *
 * The fingerprint identifies an issue across pipelines: a hash of path, rule, the whitespace-
 * normalised content of the finding's line and an occurrence counter, never the line number, so
 * editing other lines does not turn an issue into a "fixed" one plus a "new" one.
 */
import { createHash } from 'node:crypto';
import { fileLines, relativePath, scrubPaths, SEVERITY_WORDS, stableKeys } from './_shared';
import type { Formatter } from './types';

export const formatGitlab: Formatter = (reports, context) => {
  const issues: object[] = [];
  for (const r of reports) {
    const file = relativePath(r.file, context.cwd);
    for (const e of r.errors) {
      const description = scrubPaths(e.message, context.cwd);
      issues.push({
        description,
        check_name: e.rule ?? 'plimsoll',
        fingerprint: md5(`${file}\0error\0${e.rule ?? ''}\0${description}`),
        severity: 'major',
        location: { path: file, lines: { begin: 1 } },
      });
    }
    const keys = stableKeys(r, fileLines(r), file);
    r.findings.forEach((f, i) => {
      issues.push({
        description: f.message,
        check_name: f.rule,
        fingerprint: md5(`${keys[i].hash}:${keys[i].occurrence}`),
        severity: SEVERITY_WORDS.gitlab[f.severity],
        location: { path: file, lines: { begin: f.line, end: f.endLine } },
      });
    });
  }
  return JSON.stringify(issues, null, 2) + '\n';
};

function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}
