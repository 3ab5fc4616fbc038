/**
 * SARIF 2.1.0, shaped for GitHub code scanning (`github/codeql-action/upload-sarif`).
 *
 * Paths: every location is a URI relative to the working directory with `uriBaseId: "%SRCROOT%"`;
 * `originalUriBaseIds` describes %SRCROOT% without its absolute URI (SARIF 2.1.0 §3.14.14 allows
 * omitting `uri` "to avoid revealing sensitive information"), so no machine path is written. GitHub
 * resolves such URIs against the repository root: run plimsoll from the checkout's root.
 *
 * GitHub's documented limits for an upload ("SARIF results exceed limits"), and how they apply:
 * - file size: 10 MB gzip-compressed. Not checked: 25,000 results with full rule help stay far below.
 * - runs per file: 20. One run is written.
 * - results per run: 25,000 (hard; only the 5,000 most severe are shown). Enforced: the most severe
 *   are kept and a tool notification says how many were dropped.
 * - rules per run: 25,000. Plimsoll has far fewer rules; enforced anyway by the same cut.
 * - tags per rule: 20 (10 shown). Enforced.
 * - locations per result: 1,000 (100 shown). One location is written per result.
 * - thread flow locations per result: 10,000; tool extensions per run: 100. Neither is written.
 */
import type { RuleMeta } from '../engine/rule';
import { LineIndex } from '../engine/text';
import type { Finding, Severity } from '../engine/types';
import { fileLines, relativePath, scrubPaths, SEVERITY_WORDS, stableKeys } from './_shared';
import type { FileReport, FormatContext, Formatter } from './types';

export const SARIF_LIMITS = { resultsPerRun: 25_000, rulesPerRun: 25_000, tagsPerRule: 20 } as const;

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
  /**
   * Distinguishes several plimsoll analyses of one repository (GitHub's "category"); the run's
   * `automationDetails.id` is `plimsoll/<category>/`, or `plimsoll/` without one.
   */
  category?: string;
}

export function createSarifFormatter(options: SarifOptions = {}): Formatter {
  return (reports, context) => JSON.stringify(sarifLog(reports, context, options), null, 2) + '\n';
}

export const formatSarif: Formatter = createSarifFormatter();

export function sarifLog(reports: FileReport[], context: FormatContext, options: SarifOptions = {}) {
  const pkg = require('../../package.json') as { homepage: string };
  const rules = context.rules.slice(0, SARIF_LIMITS.rulesPerRun);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i] as const));
  const artifact = (file: string) => ({ uri: encodeUri(relativePath(file, context.cwd)), uriBaseId: SRCROOT });

  const candidates: { result: object; severity: Severity; order: number }[] = [];
  for (const r of reports) {
    const lines = fileLines(r);
    const keys = stableKeys(r, lines);
    r.findings.forEach((f, i) => {
      const key = keys[i];
      const index = ruleIndex.get(f.rule);
      candidates.push({ result: sarifResult(f, index, artifact(r.file), lines, `${key.hash.slice(0, 32)}:${key.occurrence}`), severity: f.severity, order: candidates.length });
    });
  }
  const max = SARIF_LIMITS.resultsPerRun;
  const kept = candidates.length <= max ? candidates : keepMostSevere(candidates, max);

  const notifications: object[] = [];
  for (const r of reports) {
    for (const e of r.errors) {
      const index = e.rule !== undefined ? ruleIndex.get(e.rule) : undefined;
      notifications.push({
        level: 'error',
        message: { text: sentence(scrubPaths(e.message, context.cwd)) },
        locations: [{ physicalLocation: { artifactLocation: artifact(r.file) } }],
        ...(index !== undefined ? { associatedRule: { id: e.rule, index } } : {}),
      });
    }
  }
  const dropped = candidates.length - kept.length;
  if (dropped > 0) {
    notifications.push({
      level: 'warning',
      message: {
        text: `${dropped} of ${candidates.length} results were dropped: GitHub code scanning accepts at most ${max} results per run, so the most severe were kept.`,
      },
    });
  }

  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'plimsoll',
            version: context.version,
            semanticVersion: context.version,
            informationUri: pkg.homepage,
            rules: rules.map((rule) => sarifRule(rule, context)),
          },
        },
        automationDetails: { id: options.category ? `plimsoll/${options.category.replace(/^\/+|\/+$/g, '')}/` : 'plimsoll/' },
        originalUriBaseIds: {
          [SRCROOT]: { description: { text: 'The directory plimsoll ran in (the repository root when run from there).' } },
        },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: reports.every((r) => r.errors.length === 0),
            toolExecutionNotifications: notifications,
          },
        ],
        results: kept.map((c) => c.result),
      },
    ],
  };
}

function keepMostSevere<T extends { severity: Severity; order: number }>(all: T[], max: number): T[] {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2, style: 3 };
  return [...all]
    .sort((a, b) => rank[a.severity] - rank[b.severity] || a.order - b.order)
    .slice(0, max)
    .sort((a, b) => a.order - b.order);
}

function sarifResult(f: Finding, ruleIndex: number | undefined, artifactLocation: object, lines: LineIndex | undefined, lineHash: string) {
  return {
    ruleId: f.rule,
    // Absent values are undefined, which JSON leaves out.
    ruleIndex,
    level: SEVERITY_WORDS.sarif[f.severity],
    message: { text: sentence(f.message) },
    locations: [
      {
        physicalLocation: {
          artifactLocation,
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
    partialFingerprints: { primaryLocationLineHash: lineHash },
    fixes:
      f.fix && lines
        ? [
            {
              description: { text: sentence(f.fix.description) },
              artifactChanges: [
                {
                  artifactLocation,
                  replacements: f.fix.edits.map((e) => {
                    const l = lines.location(e);
                    return {
                      deletedRegion: { startLine: l.line, startColumn: l.column, endLine: l.endLine, endColumn: l.endColumn },
                      insertedContent: { text: e.text },
                    };
                  }),
                },
              ],
            },
          ]
        : undefined,
  };
}

function sarifRule(rule: RuleMeta, context: FormatContext) {
  const url = context.docsUrl(rule.id);
  const docs = context.docs(rule.id);
  const text = docs ?? `${rule.description}\n\nSee ${url}`;
  const tags = [...new Set([rule.category, ...(rule.category === 'security' ? ['security'] : [])])].slice(0, SARIF_LIMITS.tagsPerRule);
  return {
    id: rule.id,
    name: pascalName(rule.id),
    shortDescription: { text: sentence(rule.description) },
    fullDescription: { text: sentence(docs ? firstParagraph(docs) ?? rule.description : rule.description) },
    // GitHub shows help.markdown and ignores helpUri, so the link goes into the text as well.
    help: { text: `${text.trimEnd()}\n\nDocumentation: ${url}`, markdown: `${(docs ?? rule.description).trimEnd()}\n\n[Documentation for ${rule.id}](${url})` },
    helpUri: url,
    defaultConfiguration: { level: SEVERITY_WORDS.sarif[rule.severity], ...(rule.enabledByDefault === false ? { enabled: false } : {}) },
    properties: {
      tags,
      ...(rule.category === 'security' ? { 'security-severity': securitySeverity(rule.severity) } : {}),
    },
  };
}

/** GitHub's scale: over 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low. */
function securitySeverity(s: Severity): string {
  return s === 'error' ? '8.0' : s === 'warning' ? '5.0' : '3.0';
}

/** A Pascal-case identifier, as SARIF asks of `name`: `pin/base-image-tag` → `PinBaseImageTag`, `shell/SC2086` → `ShellSc2086`. */
export function pascalName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase())
    .join('');
}

/** The first prose paragraph of a docs page: the one after its title, summary and metadata. */
function firstParagraph(markdown: string): string | undefined {
  const paragraphs = markdown.split(/\n\s*\n/).map((p) => p.trim());
  const found = paragraphs.find((p) => p && !/^(#|>|\*\*|```|[-*] |\|)/.test(p));
  return found?.replace(/\s*\n\s*/g, ' ');
}

/** SARIF asks for messages that are complete sentences ending with a period. */
function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** A relative path as a URI reference: each segment percent-encoded, so `a b` or `<stdin>` stay valid. */
function encodeUri(rel: string): string {
  return rel
    .split('/')
    .map((s) => (s === '.' || s === '..' ? s : encodeURIComponent(s)))
    .join('/');
}
