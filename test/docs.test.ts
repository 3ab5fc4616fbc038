/**
 * Every rule's docs page is a promise the suite keeps: its header states the rule's real metadata,
 * each `dockerfile bad` example produces the rule's finding and each `dockerfile good` example
 * produces none; for fixable rules, the fix removes the finding and a second fix changes nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixText } from '../src/engine/fix-loop';
import type { LintOptions } from '../src/engine/linter';
import { allRules } from '../src/rules';
import { docsPath, metadataLine, parseExamples } from '../src/engine/docs';
import { getLinter, lintWith } from './helpers/lint';

const root = path.join(__dirname, '..');

describe.each(allRules.map((r) => [r.meta.id, r] as const))('%s docs', (id, rule) => {
  const file = path.join(root, docsPath(id));
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const examples = parseExamples(text);

  it('has a page whose header matches the rule', () => {
    expect(fs.existsSync(file)).toBe(true);
    const lines = text.split('\n');
    expect(lines[0]).toBe(`# ${id}`);
    expect(text).toContain(`> ${rule.meta.description}`);
    expect(text).toContain(metadataLine(rule.meta));
    for (const heading of ['## Why it matters', '## How to fix']) expect(text).toContain(heading);
  });

  it('has at least one bad and one good example', () => {
    expect(examples.filter((e) => e.kind === 'bad').length).toBeGreaterThan(0);
    expect(examples.filter((e) => e.kind === 'good').length).toBeGreaterThan(0);
  });

  it.each(examples.map((e, i) => [`${e.kind} example #${i + 1} (line ${e.line})`, e] as const))('%s', async (_name, example) => {
    const options: LintOptions = { buildArgs: example.buildArgs, target: example.target, dockerignore: example.dockerignore };
    const findings = await lintWith(id, example.code, options);
    if (example.kind === 'good') {
      expect(findings.map((f) => f.message)).toEqual([]);
      return;
    }
    expect(findings.length).toBeGreaterThan(0);
    if (!rule.meta.fixable) return;
    const linter = await getLinter();
    const only = (r: string) => r === id;
    const onlyThis = { ...options, rules: Object.fromEntries(linter.rules.map((r) => [r.meta.id, r.meta.id === id ? r.meta.severity : 'off'] as const)) };
    const once = fixText(linter, example.code, onlyThis, only);
    expect(once.applied).toBeGreaterThan(0);
    expect(await lintWith(id, once.text, options)).toEqual([]);
    expect(fixText(linter, once.text, onlyThis, only).text).toBe(once.text);
  });
});
