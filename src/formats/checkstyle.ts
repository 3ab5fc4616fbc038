/**
 * Checkstyle XML, as read by Jenkins (warnings-ng), reviewdog, Bitbucket/TeamCity plugins and
 * other CI tools: `<checkstyle><file name><error line column severity message source/></file>`.
 * `name` is the path as the CLI displays it (relative inside the working directory, absolute
 * outside it), `source` the rule id; severities are error, warning and info (style is info). A file
 * that could not be linted gets an `<error>` at line 1 whose source is the failing rule or `plimsoll`.
 */
import { scrubPaths, SEVERITY_WORDS } from './_shared';
import type { Formatter } from './types';

export const formatCheckstyle: Formatter = (reports, context) => {
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const r of reports) {
    out.push(`  <file name="${xmlEscape(r.file)}">`);
    for (const e of r.errors) {
      out.push(`    <error line="1" severity="error" message="${xmlEscape(scrubPaths(e.message, context.cwd))}" source="${xmlEscape(e.rule ?? 'plimsoll')}"/>`);
    }
    for (const f of r.findings) {
      out.push(
        `    <error line="${f.line}" column="${f.column}" severity="${SEVERITY_WORDS.checkstyle[f.severity]}" message="${xmlEscape(f.message)}" source="${xmlEscape(f.rule)}"/>`,
      );
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return out.join('\n') + '\n';
};

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/**
 * Escapes text for an XML attribute value. Tabs and line breaks become character references (a
 * parser would turn them into spaces otherwise); characters XML 1.0 cannot carry at all (other
 * control characters, lone surrogates, U+FFFE/U+FFFF) become U+FFFD.
 */
export function xmlEscape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[&<>"'\t\n\r]/g, (c) => ENTITIES[c]);
}
