import * as fs from 'node:fs';
import * as path from 'node:path';
import { rulesReadme } from '../src/docs/rules-readme';
import { allRules } from '../src/rules';
import { BUILDKIT_CHECKS, HADOLINT_IDS, NO_RULE_REASONS } from '../src/rules/_parity';

describe('rules-docs/README.md', () => {
  it('is generated from the current rules (run `npm run rules-readme` after changing a rule)', () => {
    const file = fs.readFileSync(path.join(__dirname, '../rules-docs/README.md'), 'utf8');
    expect(file).toBe(rulesReadme(allRules));
  });

  const aliases = new Map<string, string>();
  for (const r of allRules) for (const a of r.meta.aliases) aliases.set(a.toLowerCase(), r.meta.id);

  it('maps every hadolint id and BuildKit check to a rule or a reason, never both', () => {
    const missing = [...HADOLINT_IDS, ...BUILDKIT_CHECKS].filter((id) => !aliases.has(id.toLowerCase()) && !NO_RULE_REASONS[id]);
    expect(missing).toEqual([]);
    const both = Object.keys(NO_RULE_REASONS).filter((id) => aliases.has(id.toLowerCase()));
    expect(both).toEqual([]);
  });

  it('gives each alias to one rule only, and no alias equals a rule id', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const r of allRules) {
      for (const a of r.meta.aliases) {
        const key = a.toLowerCase();
        if (seen.has(key)) clashes.push(`${a}: ${seen.get(key)} and ${r.meta.id}`);
        seen.set(key, r.meta.id);
      }
    }
    expect(clashes).toEqual([]);
    expect(allRules.filter((r) => seen.has(r.meta.id.toLowerCase())).map((r) => r.meta.id)).toEqual([]);
  });
});
