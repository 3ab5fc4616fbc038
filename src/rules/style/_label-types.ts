/**
 * Validators for the value types of style/label-schema. Each takes the label value (quotes and
 * escapes removed) and says whether it has the form the type asks for.
 */
export const LABEL_TYPES = ['text', 'url', 'rfc3339', 'semver', 'hash', 'spdx', 'email'] as const;
export type LabelType = (typeof LABEL_TYPES)[number];

const ATEXT = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/;

/** A dot-atom: atoms of `atext` joined by single dots. */
const dotAtom = (s: string) => s.split('.').every((a) => ATEXT.test(a));

function isEmail(v: string): boolean {
  const at = v.lastIndexOf('@');
  if (at <= 0) return false;
  const local = v.slice(0, at);
  const domain = v.slice(at + 1);
  const localOk = /^"[^"\\\r\n]*"$/.test(local) || dotAtom(local);
  const domainOk = /^\[[^[\]\\\s]+\]$/.test(domain) || (dotAtom(domain) && /^[A-Za-z0-9.-]+$/.test(domain));
  return localOk && domainOk;
}

function isUrl(v: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(v)) return false;
  try {
    new URL(v);
    return true;
  } catch {
    return false;
  }
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;

function isRfc3339(v: string): boolean {
  const m = RFC3339.exec(v);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const offsetOk = m[9] === undefined || (Number(m[9]) < 24 && Number(m[10]) < 60);
  return month >= 1 && month <= 12 && day >= 1 && day <= days && hour < 24 && minute < 60 && second <= 60 && offsetOk;
}

const NUMERIC = /^(0|[1-9][0-9]*)$/;
const IDENT = /^[0-9A-Za-z-]+$/;

/** Semantic Versioning 2.0.0: `1.2.3`, `1.2.3-rc.1`, `1.2.3+build.5`. */
function isSemver(v: string): boolean {
  const plus = v.indexOf('+');
  const build = plus < 0 ? undefined : v.slice(plus + 1);
  const rest = plus < 0 ? v : v.slice(0, plus);
  const dash = rest.indexOf('-');
  const pre = dash < 0 ? undefined : rest.slice(dash + 1);
  const core = (dash < 0 ? rest : rest.slice(0, dash)).split('.');
  if (core.length !== 3 || !core.every((n) => NUMERIC.test(n))) return false;
  if (pre !== undefined && !pre.split('.').every((p) => IDENT.test(p) && (!/^[0-9]+$/.test(p) || NUMERIC.test(p)))) return false;
  return build === undefined || build.split('.').every((b) => IDENT.test(b));
}

/** A Git commit: abbreviated to 7, or full (SHA-1 40, SHA-256 64) lower-case hex. */
const isHash = (v: string) => /^[0-9a-f]+$/.test(v) && [7, 40, 64].includes(v.length);

/**
 * The form of an SPDX license expression: ids (`MIT`, `GPL-2.0-or-later+`, `LicenseRef-x`)
 * joined by AND/OR, an exception after WITH, parentheses. Ids are not looked up in the SPDX list.
 */
function isSpdx(v: string): boolean {
  const tokens = v.replace(/[()]/g, ' $& ').trim().split(/\s+/);
  let i = 0;
  const id = (t: string | undefined) => !!t && /^(DocumentRef-[A-Za-z0-9.-]+:)?[A-Za-z0-9.-]+\+?$/.test(t) && !/^(AND|OR|WITH)$/i.test(t);
  const operand = (): boolean => {
    if (tokens[i] === '(') {
      i++;
      if (!expression() || tokens[i] !== ')') return false;
      i++;
      return true;
    }
    if (!id(tokens[i])) return false;
    i++;
    if (/^with$/i.test(tokens[i] ?? '')) {
      i++;
      if (!id(tokens[i])) return false;
      i++;
    }
    return true;
  };
  const expression = (): boolean => {
    if (!operand()) return false;
    while (/^(and|or)$/i.test(tokens[i] ?? '')) {
      i++;
      if (!operand()) return false;
    }
    return true;
  };
  return v.trim() !== '' && expression() && i === tokens.length;
}

const VALIDATORS: Record<LabelType, (v: string) => boolean> = {
  text: () => true,
  url: isUrl,
  rfc3339: isRfc3339,
  semver: isSemver,
  hash: isHash,
  spdx: isSpdx,
  email: isEmail,
};

/** What each type is called in messages. */
export const TYPE_NAMES: Record<LabelType, string> = {
  text: 'text',
  url: 'a URL',
  rfc3339: 'an RFC 3339 date-time (`2024-05-01T12:00:00Z`)',
  semver: 'a semantic version (`1.2.3`)',
  hash: 'a Git commit hash',
  spdx: 'an SPDX license expression (`MIT`, `Apache-2.0 OR MIT`)',
  email: 'an e-mail address',
};

export function isLabelType(t: unknown): t is LabelType {
  return typeof t === 'string' && (LABEL_TYPES as readonly string[]).includes(t);
}

export function validLabelValue(type: LabelType, value: string): boolean {
  return VALIDATORS[type](value);
}
