/**
 * What the secret rules know about credentials: which variable and option names hold one, which
 * literal strings are tokens of a known service, and which values cannot be a secret (empty,
 * booleans, paths, placeholders, expansions). Shared by secret-in-arg-env, secret-in-label-or-value
 * and secret-in-run so that the three agree on what a secret looks like.
 */

/** `DB_PASSWORD`, `apiKey`, `//registry.npmjs.org/:_authToken` → lower-case words. */
export function nameTokens(name: string): string[] {
  const words: string[] = [];
  let word = '';
  const flush = () => {
    if (word) words.push(word.toLowerCase());
    word = '';
  };
  // Character classes by code: this runs on every word of every RUN.
  const lower = (i: number) => { const c = name.charCodeAt(i); return c >= 97 && c <= 122; };
  const upper = (i: number) => { const c = name.charCodeAt(i); return c >= 65 && c <= 90; };
  const digit = (i: number) => { const c = name.charCodeAt(i); return c >= 48 && c <= 57; };
  for (let i = 0; i < name.length; i++) {
    if (!lower(i) && !upper(i) && !digit(i)) {
      flush();
      continue;
    }
    // camelCase (`apiKey`) and acronyms followed by a word (`DBPassword`) start a new word.
    if (upper(i) && word && (lower(i - 1) || digit(i - 1) || (upper(i - 1) && lower(i + 1)))) flush();
    word += name[i];
  }
  flush();
  return words;
}

/** Words that name a secret wherever they stand in a name. */
const SECRET_WORDS = new Set([
  'password', 'passwd', 'passphrase', 'pwd', 'pword', 'secret', 'secrets', 'token', 'credential', 'credentials', 'creds',
  'apikey', 'accesskey', 'secretkey', 'privatekey', 'authtoken', 'accesstoken', 'apitoken', 'apisecret', 'clientsecret',
]);
/** Words that name a secret only as the last word (`DB_PASS`, `NPM_AUTH`), not in `PASS_THROUGH` or `AUTH_TYPE`. */
const TRAILING_SECRET_WORDS = new Set(['pass', 'auth']);
/** `key` is a secret after one of these (`API_KEY`, `AWS_SECRET_ACCESS_KEY`), not in `GPG_KEY`, `CACHE_KEY`, `SORT_KEY`. */
const KEY_QUALIFIERS = new Set([
  'api', 'access', 'secret', 'private', 'client', 'master', 'encryption', 'encrypt', 'decryption', 'app', 'application', 'auth',
  'ssh', 'deploy', 'license', 'licence', 'session', 'jwt', 'hmac', 'signing', 'account', 'storage', 'subscription', 'service',
  'shared', 'consumer', 'sas', 'admin', 'webhook', 'cookie', 'crypto', 'cipher', 'aes', 'rsa', 'tls', 'ssl', 'root',
]);
/**
 * A last word that makes the name describe a secret rather than hold it: `PASSWORD_FILE`,
 * `TOKEN_URL`, `SECRET_NAME`, `SSH_AUTH_SOCK`, `API_KEY_ID`, `AUTH_TYPE`.
 */
const DESCRIPTORS = new Set([
  'id', 'ids', 'name', 'names', 'file', 'files', 'path', 'paths', 'dir', 'dirs', 'directory', 'folder', 'url', 'urls', 'uri',
  'endpoint', 'host', 'hostname', 'port', 'server', 'version', 'ver', 'type', 'method', 'mode', 'kind', 'enabled', 'disabled',
  'required', 'length', 'len', 'size', 'ttl', 'expiry', 'expires', 'expiration', 'lifetime', 'timeout', 'header', 'prefix',
  'suffix', 'format', 'algorithm', 'alg', 'provider', 'location', 'source', 'fingerprint', 'fpr', 'count', 'min', 'max',
  'sock', 'socket', 'stdin', 'env', 'var', 'field', 'policy', 'scope', 'scopes', 'audience', 'issuer', 'realm', 'user',
  'username', 'helper', 'manager', 'arn', 'ref', 'region', 'mount', 'label', 'hint', 'prompt', 'rotation', 'interval', 'time', 'date', 'seconds', 'minutes', 'hours', 'days', 'duration', 'age',
]);
/** Words that say the value is meant to be seen or is a switch: `PUBLIC_KEY`, `DISABLE_AUTH`, `USE_TOKEN`. */
const BENIGN_WORDS = new Set([
  'public', 'pub', 'publishable', 'no', 'disable', 'disabled', 'enable', 'skip', 'use', 'require', 'allow', 'ignore', 'without',
  'with', 'empty', 'lock', 'locked', 'expire', 'generate', 'random', 'show', 'print', 'reset', 'forgot', 'change', 'read', 'from',
  'ask',
]);

/** Whether a variable, option or setting name says it holds a secret. */
export function secretName(name: string): boolean {
  const words = nameTokens(name);
  if (words.length === 0) return false;
  const last = words[words.length - 1];
  if (DESCRIPTORS.has(last) || words.some((w) => BENIGN_WORDS.has(w))) return false;
  if (TRAILING_SECRET_WORDS.has(last)) return true;
  // `PGPASSWORD`, `MYSQLPASSWD`: a password run together with its owner.
  const password = (w: string) => w.endsWith('password') || w.endsWith('passwd');
  return words.some((w, i) => SECRET_WORDS.has(w) || password(w) || (w === 'key' && i > 0 && KEY_QUALIFIERS.has(words[i - 1])));
}

const NOT_SECRET_VALUES = new Set([
  'true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', '0', '1', 'none', 'null', 'nil', 'empty', 'enabled', 'disabled',
  'required', 'optional', 'prompt', 'ask', 'stdin', 'unset', 'undefined', '-',
]);

/**
 * Words of stand-in values that build steps need but that protect nothing: Django's
 * `SECRET_KEY=dummy manage.py collectstatic`, Rails' `SECRET_KEY_BASE=fake_for_precompile`.
 */
const DUMMY_WORDS = new Set(['dummy', 'fake', 'placeholder', 'example', 'sample', 'changeit', 'notsecret', 'collectstatic', 'precompile', 'build', 'unused']);

/**
 * A literal that cannot be a secret: empty, a switch, a file path, an expansion left for later
 * (`$TOKEN`, `$(cat /run/secrets/x)`), or a template placeholder (`<token>`, `{{ .Token }}`, `***`).
 */
export function notASecret(value: string): boolean {
  const v = value.trim();
  if (!v || NOT_SECRET_VALUES.has(v.toLowerCase())) return true;
  if (v.includes('$') || v.includes('`')) return true;
  if (/^(\/|\.\.?\/|~\/|@)/.test(v)) return true;
  if (/^<.*>$|^\{\{.*\}\}$|^%[A-Za-z_]+%$/.test(v)) return true;
  if (nameTokens(v).some((w) => DUMMY_WORDS.has(w)) || /not[-_ ]?(so[-_ ]?)?secret/i.test(v)) return true;
  // `***`, `xxx`, `....`: masks and fillers, not values.
  return new Set(v.toLowerCase()).size === 1 && v.length > 1;
}

export interface Found {
  /** Offsets within the searched text. */
  start: number;
  end: number;
  /** What was found (`a GitHub token`), for messages. */
  what: string;
}

/**
 * Literal tokens of known services. Each pattern starts with a fixed prefix and repeats one
 * character class a bounded number of times, so matching is linear in the text.
 */
const TOKENS: { what: string; re: RegExp }[] = [
  { what: 'an AWS access key id', re: /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])/g },
  { what: 'a GitHub token', re: /(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,255}(?![A-Za-z0-9_])/g },
  { what: 'a GitHub token', re: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{50,255}/g },
  { what: 'a GitLab token', re: /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,64}/g },
  { what: 'a Slack token', re: /(?<![A-Za-z0-9])xox[abprse]-[A-Za-z0-9-]{10,255}/g },
  { what: 'a Slack webhook', re: /hooks\.slack\.com\/services\/T[A-Z0-9]{6,12}\/B[A-Z0-9]{6,12}\/[A-Za-z0-9]{20,32}/g },
  { what: 'an npm token', re: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/g },
  { what: 'a PyPI token', re: /pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}/g },
  { what: 'a Docker Hub token', re: /(?<![A-Za-z0-9_])dckr_pat_[A-Za-z0-9_-]{27,64}/g },
  { what: 'a Hugging Face token', re: /(?<![A-Za-z0-9_])hf_[A-Za-z]{34,40}(?![A-Za-z0-9])/g },
  { what: 'an OpenAI key', re: /(?<![A-Za-z0-9_-])sk-(?:proj-)?[A-Za-z0-9_-]{40,200}(?![A-Za-z0-9_-])/g },
  { what: 'a Stripe secret key', re: /(?<![A-Za-z0-9_])[rs]k_live_[A-Za-z0-9]{24,99}/g },
  { what: 'a SendGrid key', re: /SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}/g },
  { what: 'a private key', re: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/g },
  { what: 'a JSON Web Token', re: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g },
];

/** Documentation placeholders: AWS's `AKIAIOSFODNN7EXAMPLE`, `ghp_xxxxxxxx…`, `ghp_0000…`. */
function placeholderToken(token: string): boolean {
  if (/EXAMPLE/i.test(token)) return true;
  const body = token.replace(/^[A-Za-z]+[_-]/, '');
  return new Set(body.toLowerCase()).size < 6 && !token.startsWith('-----');
}

/**
 * The fixed starts of every pattern above, in one scan: most texts hold none, and then the
 * patterns need not run one by one. Keep it in step with TOKENS (the tests of each token fail if not).
 */
const ANY_PREFIX = /AKIA|ASIA|ABIA|ACCA|gh[pousr]_|github_pat_|glpat-|xox[abprse]-|hooks\.slack\.com|npm_|pypi-|dckr_pat_|hf_|sk-|k_live_|SG\.|-----BEGIN|eyJ/;

/** Tokens of known services written literally in `text`, in order, without overlaps. */
export function findTokens(text: string): Found[] {
  const out: Found[] = [];
  if (!ANY_PREFIX.test(text)) return out;
  for (const { what, re } of TOKENS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (!placeholderToken(m[0])) out.push({ start: m.index, end: m.index + m[0].length, what });
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out.filter((f, i) => i === 0 || f.start >= out[i - 1].end);
}

/** Passwords written into URLs (`https://user:pass@host`), as offsets of the password within `value`. */
export function urlPasswords(value: string): Found[] {
  const out: Found[] = [];
  for (let at = value.indexOf('://'); at >= 0; at = value.indexOf('://', at + 3)) {
    let end = at + 3;
    while (end < value.length && !'/?#\t\n "\''.includes(value[end])) end++;
    const authority = value.slice(at + 3, end);
    const atSign = authority.lastIndexOf('@');
    const colon = authority.indexOf(':');
    if (atSign < 0 || colon < 0 || colon > atSign) continue;
    const password = authority.slice(colon + 1, atSign);
    if (notASecret(password)) continue;
    const start = at + 3 + colon + 1;
    out.push({ start, end: start + password.length, what: 'a password in a URL' });
  }
  return out;
}

/** The first characters of a secret, for messages that must not repeat it. */
export function redact(secret: string): string {
  return secret.length <= 6 ? '…' : `${secret.slice(0, 4)}…`;
}
