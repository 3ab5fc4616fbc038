import type { Instruction } from '../../engine/model';
import { defineRule } from '../../engine/rule';
import type { ShellCommand, Word } from '../../engine/shell/model';
import { parseArgs } from '../../engine/shell/options';
import { managerCall } from '../../engine/shell/packages';
import type { Span } from '../../engine/types';
import { baseName, CURL_VALUED, WGET_VALUED } from './_commands';

const FALSE = /^(0|false|no|off)$/i;
const TRUE = /^(1|true|yes|on)$/i;

type Kind = 'tls' | 'signature';

/** Environment variables that turn verification off, with the values that do it. */
const ENVIRONMENT: { name: RegExp; disables: (value: string) => boolean; kind: Kind }[] = [
  { name: /^NODE_TLS_REJECT_UNAUTHORIZED$/, disables: (v) => v === '0', kind: 'tls' },
  { name: /^PYTHONHTTPSVERIFY$/, disables: (v) => v === '0', kind: 'tls' },
  // git only asks whether the variable is set.
  { name: /^GIT_SSL_NO_VERIFY$/, disables: () => true, kind: 'tls' },
  { name: /^npm_config_strict_ssl$/i, disables: (v) => FALSE.test(v), kind: 'tls' },
  { name: /^YARN_(ENABLE_)?STRICT_SSL$/, disables: (v) => FALSE.test(v), kind: 'tls' },
  { name: /^PIP_TRUSTED_HOST$/, disables: (v) => v !== '', kind: 'tls' },
  { name: /^GOINSECURE$/, disables: (v) => v !== '', kind: 'tls' },
  { name: /^GOFLAGS$/, disables: (v) => v.split(/\s+/).includes('-insecure'), kind: 'tls' },
];

interface Finding {
  span: Span;
  what: string;
  kind: Kind;
}

const wordSpan = (w: Word): Span => ({ start: w.start, end: w.end });
const optionWord = (cmd: ShellCommand, names: string[]) =>
  cmd.args.find((w) => names.includes((w.value ?? '').replace(/=.*$/, '')));

/** `--setopt=[repo.]sslverify=0`, `--setopt=gpgcheck=false` of yum/dnf and their config managers. */
function rpmSetopts(cmd: ShellCommand, out: Finding[]): void {
  const { options } = parseArgs(cmd.args, new Set(['--setopt']));
  for (const o of options) {
    if (o.name !== '--setopt' || !o.value) continue;
    const [key, value = ''] = o.value.split('=');
    const setting = key.replace(/^.*\./, '').toLowerCase();
    if (!FALSE.test(value.replace(/^["']|["']$/g, ''))) continue;
    const span = o.valueWord ? { start: o.word.start, end: o.valueWord.end } : wordSpan(o.word);
    if (setting === 'sslverify') out.push({ span, what: `--setopt=${o.value}`, kind: 'tls' });
    if (setting === 'gpgcheck' || setting === 'repo_gpgcheck') out.push({ span, what: `--setopt=${o.value}`, kind: 'signature' });
  }
}

/** `<tool> [config] set KEY VALUE` or `set KEY=VALUE`, as npm, yarn, pnpm, pip and composer write settings. */
function setting(cmd: ShellCommand): { key: string; value: string; span: Span } | undefined {
  const args = cmd.args;
  const at = args.findIndex((w, i) => w.value === 'set' && (i === 0 || ['config', 'c'].includes(args[i - 1].value ?? '')));
  const start = at >= 0 ? at + 1 : args.findIndex((w) => w.value === 'config') + 1;
  if (start <= 0) return undefined;
  let i = start;
  while (args[i]?.value?.startsWith('-')) i++;
  const keyWord = args[i];
  if (!keyWord?.value) return undefined;
  const eq = keyWord.value.indexOf('=');
  if (eq > 0) return { key: keyWord.value.slice(0, eq), value: keyWord.value.slice(eq + 1), span: wordSpan(keyWord) };
  const valueWord = args[i + 1];
  if (valueWord?.value == null) return undefined;
  return { key: keyWord.value, value: valueWord.value, span: { start: keyWord.start, end: valueWord.end } };
}

/** The verification a command turns off, if any. */
function commandFindings(cmd: ShellCommand): Finding[] {
  const out: Finding[] = [];
  const name = baseName(cmd);
  const flag = (word: Word | undefined, kind: Kind, what = word?.value ?? '') => {
    if (word) out.push({ span: wordSpan(word), what, kind });
  };
  if (name === 'curl') {
    const o = parseArgs(cmd.args, CURL_VALUED).options.find((x) => ['-k', '--insecure', '--proxy-insecure', '--doh-insecure'].includes(x.name));
    if (o) flag(o.word, 'tls', o.name === '-k' ? 'curl -k' : `curl ${o.name}`);
  } else if (name === 'wget') {
    const o = parseArgs(cmd.args, WGET_VALUED).options.find((x) => x.name === '--no-check-certificate');
    if (o) flag(o.word, 'tls', 'wget --no-check-certificate');
  } else if (name === 'git') {
    for (let i = 0; i < cmd.args.length - 1; i++) {
      const [key, value] = (cmd.args[i + 1].value ?? '').split('=');
      if (cmd.args[i].value === '-c' && /^http\.(.+\.)?sslverify$/i.test(key) && FALSE.test(value ?? '')) {
        out.push({ span: { start: cmd.args[i].start, end: cmd.args[i + 1].end }, what: `git -c ${cmd.args[i + 1].value}`, kind: 'tls' });
      }
    }
    const config = cmd.args.findIndex((w) => w.value === 'config');
    const key = cmd.args.slice(config + 1).findIndex((w) => /^http\.(.+\.)?sslverify$/i.test(w.value ?? ''));
    const keyWord = config >= 0 && key >= 0 ? cmd.args[config + 1 + key] : undefined;
    const valueWord = keyWord && cmd.args[cmd.args.indexOf(keyWord) + 1];
    if (keyWord && valueWord && FALSE.test(valueWord.value ?? '')) {
      out.push({ span: { start: keyWord.start, end: valueWord.end }, what: `git config ${keyWord.value} ${valueWord.value}`, kind: 'tls' });
    }
  } else if (name === 'rpm') {
    flag(optionWord(cmd, ['--nosignature', '--nodigest', '--nofiledigest']), 'signature');
  } else if (name === 'yum-config-manager') {
    rpmSetopts(cmd, out);
  } else if (name === 'go') {
    if (cmd.args[0]?.value === 'get') flag(optionWord(cmd, ['-insecure']), 'tls', 'go get -insecure');
  }
  // Kubernetes, Helm and the OCI tools (podman, buildah, skopeo) spell it the same way.
  const skip = cmd.args.find((w) => /^--(kube-)?insecure-skip-tls-verify(=true)?$/.test(w.value ?? '') || /^--(src-|dest-)?tls-verify=false$/.test(w.value ?? ''));
  flag(skip, 'tls');

  const call = managerCall(cmd);
  if (!call) return out;
  const option = (...names: string[]) => call.options.find((o) => names.includes(o.name));
  switch (call.ecosystem) {
    case 'apk':
      flag(option('--allow-untrusted')?.word, 'signature', 'apk --allow-untrusted');
      break;
    case 'apt': {
      const o = option('--allow-unauthenticated', '--allow-insecure-repositories', '--force-yes');
      flag(o?.word, 'signature', `${call.manager} ${o?.name}`);
      for (const x of call.options) {
        if ((x.name !== '-o' && x.name !== '--option') || !x.value) continue;
        const [key, value = ''] = x.value.split('=');
        const insecure =
          (/^(Acquire::AllowInsecureRepositories|Acquire::AllowDowngradeToInsecureRepositories|APT::Get::AllowUnauthenticated)$/i.test(key) && TRUE.test(value)) ||
          (/^Acquire::https::(.+::)?Verify-(Peer|Host)$/i.test(key) && FALSE.test(value));
        const span = x.valueWord ? { start: x.word.start, end: x.valueWord.end } : wordSpan(x.word);
        if (insecure) out.push({ span, what: `${call.manager} -o ${x.value}`, kind: /Verify/i.test(key) ? 'tls' : 'signature' });
      }
      break;
    }
    case 'rpm':
      flag(option('--nogpgcheck', '--nogpg')?.word, 'signature', `${call.manager} --nogpgcheck`);
      rpmSetopts(cmd, out);
      break;
    case 'zypper':
      flag(optionWord(cmd, ['--no-gpg-checks', '--no-gpgcheck']), 'signature');
      break;
    case 'pip': {
      const o = option('--trusted-host');
      if (o) out.push({ span: o.valueWord ? { start: o.word.start, end: o.valueWord.end } : wordSpan(o.word), what: 'pip --trusted-host', kind: 'tls' });
      const s = setting(cmd);
      if (s && /(^|\.)trusted-host$/.test(s.key)) out.push({ span: s.span, what: `pip config set ${s.key}`, kind: 'tls' });
      break;
    }
    case 'node': {
      const o = call.options.find((x) => x.name === '--no-strict-ssl' || (x.name === '--strict-ssl' && FALSE.test(x.value ?? '')));
      flag(o?.word, 'tls', `${call.manager} ${o?.word.value}`);
      const s = setting(cmd);
      if (s && /^(strict-ssl|enableStrictSsl)$/.test(s.key) && FALSE.test(s.value)) {
        out.push({ span: s.span, what: `${call.manager} config set ${s.key} ${s.value}`, kind: 'tls' });
      }
      break;
    }
    case 'other':
      if (call.manager === 'composer') {
        const s = setting(cmd);
        if (s && ((s.key === 'secure-http' && FALSE.test(s.value)) || (s.key === 'disable-tls' && TRUE.test(s.value)))) {
          out.push({ span: s.span, what: `composer config ${s.key} ${s.value}`, kind: 'tls' });
        }
      }
      break;
  }
  return out;
}

/** `NAME=value` words before a command or after `env`, as far as their value is literal. */
function assignments(cmd: ShellCommand): { name: string; value: string; word: Word }[] {
  const out: { name: string; value: string; word: Word }[] = [];
  for (const word of [...cmd.assignments, ...cmd.wrappers]) {
    // Assignment words carry no unquoted value in the model; a plain or simply quoted one is read here.
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(["']?)([^"'$`\\]*)\2$/.exec(word.value ?? word.text);
    if (m) out.push({ name: m[1], value: m[3], word });
  }
  return out;
}

const MESSAGES: Record<Kind, string> = {
  tls: 'turns off TLS certificate checks, so anyone on the network path can serve their own content; drop it and trust the server\'s CA instead (install `ca-certificates`, or `COPY` the CA and run `update-ca-certificates`)',
  signature: 'installs packages whose signatures are not checked, so a tampered package goes unnoticed; drop it and import the repository\'s signing key',
};

export default defineRule({
  meta: {
    id: 'security/tls-verification-disabled',
    category: 'security',
    severity: 'warning',
    description: 'TLS certificate or package signature checks are turned off (`curl -k`, `--no-check-certificate`, `--trusted-host`, `--nogpgcheck`, `NODE_TLS_REJECT_UNAUTHORIZED=0`...)',
    aliases: [
      'CKV2_DOCKER_2', 'CKV2_DOCKER_3', 'CKV2_DOCKER_4', 'CKV2_DOCKER_5', 'CKV2_DOCKER_6', 'CKV2_DOCKER_7', 'CKV2_DOCKER_8',
      'CKV2_DOCKER_9', 'CKV2_DOCKER_10', 'CKV2_DOCKER_11', 'CKV2_DOCKER_12', 'CKV2_DOCKER_13', 'CKV2_DOCKER_14',
      'CKV2_DOCKER_15', 'CKV2_DOCKER_16', 'CKV2_DOCKER_18',
    ],
    fixable: false,
  },
  create(context) {
    const report = (f: Finding) => context.report({ span: f.span, message: `\`${f.what}\` ${MESSAGES[f.kind]}` });
    const environment = (name: string, value: string) => ENVIRONMENT.find((e) => e.name.test(name) && e.disables(value));
    const variables = (instr: Instruction) => {
      for (const p of instr.properties) {
        if (p.value === null) continue;
        const e = environment(p.name, p.value);
        if (e) report({ span: p.nameSpan, what: `${instr.keyword} ${p.name}=${p.value}`, kind: e.kind });
      }
    };
    return {
      ENV: variables,
      ARG: variables,
      command(cmd) {
        for (const a of assignments(cmd)) {
          const e = environment(a.name, a.value);
          if (e) report({ span: wordSpan(a.word), what: `${a.name}=${a.value}`, kind: e.kind });
        }
        for (const f of commandFindings(cmd)) report(f);
      },
    };
  },
});
