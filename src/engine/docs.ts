import type { RuleMeta } from './rule';

/** Where a rule's docs page lives, relative to the package root. */
export function docsPath(id: string): string {
  return `rules-docs/${id}.md`;
}

/** The metadata line every docs page carries, generated from the rule so the two cannot disagree. */
export function metadataLine(meta: RuleMeta): string {
  return [
    `**Category:** ${meta.category}`,
    `**Severity:** ${meta.severity}`,
    `**Enabled by default:** ${meta.enabledByDefault === false ? 'no' : 'yes'}`,
    `**Fixable:** ${meta.fixable ? 'yes' : 'no'}`,
    `**Aliases:** ${meta.aliases.length ? meta.aliases.map((a) => '`' + a + '`').join(', ') : 'none'}`,
  ].join(' · ');
}

export interface DocExample {
  kind: 'bad' | 'good';
  code: string;
  /** 1-based line of the opening fence, for test names. */
  line: number;
  buildArgs?: Record<string, string>;
  target?: string;
  /** Lines of the build's `.dockerignore`, one per `dockerignore=PATTERN` word. */
  dockerignore?: string;
}

/**
 * Code blocks fenced as ```dockerfile bad or ```dockerfile good, optionally followed by
 * `build-arg=NAME=VALUE`, `target=STAGE` and `dockerignore=PATTERN` words that the example is linted with.
 */
export function parseExamples(markdown: string): DocExample[] {
  const out: DocExample[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const words = lines[i].trim().split(/\s+/);
    if (words[0] !== '```dockerfile' || (words[1] !== 'bad' && words[1] !== 'good')) continue;
    const example: DocExample = { kind: words[1], code: '', line: i + 1 };
    for (const w of words.slice(2)) {
      if (w.startsWith('build-arg=')) {
        const [name, ...value] = w.slice('build-arg='.length).split('=');
        (example.buildArgs ??= {})[name] = value.join('=');
      } else if (w.startsWith('target=')) example.target = w.slice('target='.length);
      else if (w.startsWith('dockerignore=')) example.dockerignore = (example.dockerignore ?? '') + w.slice('dockerignore='.length) + '\n';
    }
    const body: string[] = [];
    for (i++; i < lines.length && lines[i].trim() !== '```'; i++) body.push(lines[i]);
    example.code = body.join('\n') + '\n';
    out.push(example);
  }
  return out;
}
