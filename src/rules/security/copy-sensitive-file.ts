import { defineRule } from '../../engine/rule';

/** Template variants of `.env` that hold no values (`.env.example`). */
const ENV_TEMPLATES = /^\.env\.(example|sample|template|tmpl|tpl|dist|defaults?|schema|test\.example)$/i;
/** Key files that are public or hold a key id only: `repo.gpg.key`, `nodesource-repo.key`, `server.pub.key`. */
const PUBLIC_KEY_NAME = /(^|[-_.])(pub|public|gpg|pgp|asc|signing|release|repo|archive|apt|yum|keyring)([-_.]|$)/i;

type Kind = { what: string; mount: 'ssh' | 'secret' };

/** What a copied path is, by its name, when it is a credential. */
function sensitive(path: string): Kind | undefined {
  const parts = path.replace(/\/+$/, '').split('/');
  const name = parts[parts.length - 1];
  const parent = parts[parts.length - 2] ?? '';
  const lower = name.toLowerCase();
  if (/^id_(rsa|dsa|ecdsa|ed25519)(_sk)?$/.test(lower)) return { what: 'an SSH private key', mount: 'ssh' };
  if (lower === '.ssh') return { what: 'an `.ssh` directory (private keys)', mount: 'ssh' };
  if (lower === '.env' || (lower.startsWith('.env.') && !ENV_TEMPLATES.test(lower))) return { what: 'an environment file', mount: 'secret' };
  if (lower === '.npmrc') return { what: 'an `.npmrc` (registry tokens)', mount: 'secret' };
  if (lower === '.pypirc') return { what: 'a `.pypirc` (upload credentials)', mount: 'secret' };
  if (lower === '.netrc' || lower === '_netrc') return { what: 'a `.netrc` (passwords)', mount: 'secret' };
  if (lower === '.git-credentials') return { what: 'a `.git-credentials` file', mount: 'secret' };
  if (lower === '.pgpass') return { what: 'a `.pgpass` (database passwords)', mount: 'secret' };
  if (lower === 'credentials' && parent === '.aws') return { what: 'AWS credentials', mount: 'secret' };
  if (lower === 'config.json' && parent === '.docker') return { what: 'a Docker login config', mount: 'secret' };
  if (lower === 'config' && parent === '.kube') return { what: 'a kubeconfig', mount: 'secret' };
  if (/\.(p12|pfx)$/.test(lower)) return { what: 'a key store with private keys', mount: 'secret' };
  if (lower.endsWith('.key') && !PUBLIC_KEY_NAME.test(lower.slice(0, -4))) return { what: 'a private key', mount: 'secret' };
  // Most .pem files are certificates; the name says when it is the key (`key.pem`, `privkey.pem`, `server-key.pem`).
  if (lower.endsWith('.pem') && /(^|[-_.])(key|privkey|private)([-_.]|$)/.test(lower.slice(0, -4)) && !/pub/.test(lower)) {
    return { what: 'a private key', mount: 'secret' };
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'security/copy-sensitive-file',
    category: 'security',
    severity: 'warning',
    description: '`COPY`/`ADD` of a credential file (SSH key, `.env`, `.npmrc`, `.netrc`, cloud credentials, private key) into a layer',
    aliases: [],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    return {
      instruction(instr) {
        if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') return;
        // A destination named as a public key (`COPY jenkins.io.key /war/jenkins-key.pub`) says what the file is.
        const destination = instr.copy?.destination?.value ?? '';
        if (/(^|[-_.\/])(pub|public)([-_.]|$)/i.test(destination.replace(/^.*\//, ''))) return;
        for (const src of instr.copy?.sources ?? []) {
          if (src.value.startsWith('<<')) continue;
          const value = model.expand(src.value, instr).value.replace(/^["']|["']$/g, '');
          if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.startsWith('git@')) continue;
          const kind = sensitive(value);
          if (!kind) continue;
          const fix =
            kind.mount === 'ssh'
              ? 'forward the SSH agent to the step that needs it with `RUN --mount=type=ssh`'
              : `mount it only for the step that needs it with \`RUN --mount=type=secret,id=…,target=…\``;
          context.report({
            span: { start: src.start, end: src.end },
            message: `\`${instr.keyword} ${src.value}\` stores ${kind.what} in a layer, where anyone with the image or its build cache can read it, even if a later step deletes it; ${fix}`,
          });
        }
      },
    };
  },
});
