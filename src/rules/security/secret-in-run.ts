import type { Instruction } from '../../engine/model';
import { defineRule } from '../../engine/rule';
import type { ShellCommand, Word } from '../../engine/shell/model';
import { parseArgs } from '../../engine/shell/options';
import type { Span } from '../../engine/types';
import { baseName, CURL_VALUED, pipedInto, spanIn } from './_commands';
import { findTokens, nameTokens, notASecret, redact, secretName, urlPasswords } from './_secrets';

interface Leak {
  span: Span;
  /** The start of the message: what holds which secret (`\`curl -u\` is given a password`). */
  label: string;
  secret: string;
}

/** Options whose value is the secret itself: `--password X`, `--api-key X`, `--token X`. */
function secretOption(option: string): boolean {
  const words = nameTokens(option);
  const last = words[words.length - 1];
  const pair = words.slice(-2).join(' ');
  return (
    secretName(option) &&
    (['password', 'passwd', 'pass', 'pwd', 'passphrase', 'token', 'apikey'].includes(last) ||
      ['api key', 'access key', 'secret key', 'private key', 'client secret', 'access token', 'auth token'].includes(pair))
  );
}

/** Tools whose `login` takes `-p`/`--password`. */
const LOGIN_TOOLS = new Set(['docker', 'podman', 'buildah', 'skopeo', 'nerdctl', 'helm', 'oras', 'crane', 'regctl', 'cosign']);
const MYSQL_TOOLS = /^(mysql|mysqladmin|mysqldump|mysqlimport|mysqlshow|mysqlcheck|mariadb|mariadb-admin|mariadb-dump)$/;

/** A literal value of `word` that could be a secret. */
function literal(word: Word | undefined): string | undefined {
  const v = word?.value;
  return v != null && !notASecret(v) && !v.startsWith('-') ? v : undefined;
}

/** Credentials the command line of `cmd` carries as literals. */
function commandLeaks(cmd: ShellCommand, run: Instruction): Leak[] {
  const out: Leak[] = [];
  const name = baseName(cmd);
  const push = (word: Word, label: string, secret: string, offset = word.value?.indexOf(secret) ?? -1) =>
    out.push({ span: offset >= 0 ? spanIn(word, secret, offset) : { start: word.start, end: word.end }, label, secret });
  const given = (what: string) => `${what} is given a literal secret`;
  const words = [...cmd.assignments, ...cmd.wrappers, ...cmd.args];

  for (const word of words) {
    const value = word.value ?? (cmd.assignments.includes(word) ? assignmentValue(word.text) : null);
    if (value == null) continue;
    for (const p of urlPasswords(value)) push(word, 'A URL holds a password', value.slice(p.start, p.end), p.start);
    // `DB_PASSWORD=x cmd`, `--password=x`, `--set auth.rootPassword=x`, `//registry/:_authToken=x`.
    const eq = value.indexOf('=');
    const key = value.slice(0, eq);
    const secret = value.slice(eq + 1);
    if (eq > 0 && !/\s/.test(key) && secretName(key) && !notASecret(secret)) push(word, given(`\`${key}=\``), secret, eq + 1);
  }

  // `--password X`, `--token X`: the next word is the value.
  for (let i = 0; i < cmd.args.length - 1; i++) {
    const option = cmd.args[i].value ?? '';
    const value = literal(cmd.args[i + 1]);
    if (option.startsWith('--') && !option.includes('=') && value && secretOption(option)) push(cmd.args[i + 1], given(`\`${option}\``), value);
  }

  if (name === 'curl') {
    for (const o of parseArgs(cmd.args, CURL_VALUED).options) {
      if (!['-u', '--user', '-U', '--proxy-user'].includes(o.name) || !o.value) continue;
      const colon = o.value.indexOf(':');
      const password = colon > 0 ? o.value.slice(colon + 1) : '';
      if (!notASecret(password)) push(o.valueWord ?? o.word, given(`\`curl ${o.name}\``), password);
    }
  } else if (MYSQL_TOOLS.test(name)) {
    // mysql takes the password attached (`-pSECRET`); a separate word after `-p` is the database.
    const word = cmd.args.find((w) => /^-p./.test(w.value ?? ''));
    const password = word?.value?.slice(2);
    if (word && password && !notASecret(password)) push(word, given(`\`${name} -p\``), password);
  } else if (name === 'sshpass') {
    const o = parseArgs(cmd.args, new Set(['-p', '-f', '-d', '-P'])).options.find((x) => x.name === '-p');
    if (o?.value && !notASecret(o.value)) push(o.valueWord ?? o.word, given('`sshpass -p`'), o.value);
  } else if (name === 'htpasswd') {
    // `-b` (batch) takes the password from the command line, as the last operand.
    const { options, operands } = parseArgs(cmd.args, new Set());
    const last = operands[operands.length - 1];
    const password = literal(last);
    if (options.some((o) => o.name === '-b') && operands.length >= 2 && password) push(last, given('`htpasswd -b`'), password);
  } else if (LOGIN_TOOLS.has(name) && cmd.args.some((w) => w.value === 'login')) {
    const { options } = parseArgs(cmd.args, new Set(['-p', '--password', '-u', '--username']));
    const o = options.find((x) => x.name === '-p' || x.name === '--password');
    const password = o?.value;
    if (o && password && !notASecret(password)) push(o.valueWord ?? o.word, given(`\`${name} login ${o.name}\``), password);
  }

  // `aws configure set aws_secret_access_key X`, `npm config set //registry/:_authToken X`.
  const set = cmd.args.findIndex((w, i) => w.value === 'set' && i > 0 && ['config', 'configure'].includes(cmd.args[i - 1].value ?? ''));
  const key = set >= 0 ? cmd.args[set + 1]?.value : undefined;
  const value = set >= 0 ? literal(cmd.args[set + 2]) : undefined;
  if (key && value && !key.includes('=') && secretName(key)) push(cmd.args[set + 2], given(`\`${name} ${cmd.args[set - 1].value} set ${key}\``), value);

  // `echo 'root:pw' | chpasswd`, `echo pw | docker login --password-stdin`.
  const stdinPassword =
    name === 'chpasswd' ? 'user:password' : cmd.args.some((w) => w.value === '--password-stdin' || w.value === '--stdin') ? 'password' : undefined;
  if (stdinPassword) {
    const producer = pipedInto(cmd, run).find((c) => baseName(c) === 'echo' || baseName(c) === 'printf');
    for (const word of producer?.args ?? []) {
      const v = word.value;
      if (v == null || v.startsWith('-')) continue;
      const password = stdinPassword === 'user:password' ? v.slice(v.indexOf(':') + 1) : v;
      if ((stdinPassword === 'password' || v.includes(':')) && !notASecret(password) && !cmd.args.some((w) => w.value === '-e')) {
        push(word, `\`${baseName(producer!)} … | ${name}\` is fed a literal password`, password);
      }
    }
  }
  return out;
}

/** The value of a simple `NAME=value` assignment word (the model leaves assignment values unread). */
function assignmentValue(text: string): string | null {
  const m = /^[A-Za-z_][A-Za-z0-9_]*=(["']?)([^"'$`\\]*)\1$/.exec(text);
  return m ? text.slice(0, text.indexOf('=') + 1) + m[2] : null;
}

export default defineRule({
  meta: {
    id: 'security/secret-in-run',
    category: 'security',
    severity: 'error',
    description: 'A `RUN` command line holds a literal credential (`curl -u user:pass`, `https://user:pass@`, `--password`, a service token)',
    aliases: [],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    const advice =
      'it is kept in the image history and the build cache; revoke it, and read the new one from `RUN --mount=type=secret,id=…` (as a file or `env=`)';
    return {
      RUN(run) {
        const leaks: Leak[] = [];
        // Tokens of known services are found in the text itself, wherever they stand (a word, a
        // heredoc body, a Windows command line that is not parsed).
        const text = model.text.slice(run.start, run.end);
        for (const t of findTokens(text)) {
          leaks.push({ span: { start: run.start + t.start, end: run.start + t.end }, label: `This RUN holds ${t.what}`, secret: text.slice(t.start, t.end) });
        }
        for (const cmd of run.run?.commands ?? []) leaks.push(...commandLeaks(cmd, run));
        leaks.sort((a, b) => a.span.start - b.span.start);
        let last = -1;
        for (const leak of leaks) {
          if (leak.span.start < last) continue;
          last = leak.span.end;
          context.report({ span: leak.span, message: `${leak.label} (\`${redact(leak.secret)}\`): ${advice}` });
        }
      },
    };
  },
});
