/**
 * Dockerfile generators for the fuzz suite: a grammar of realistic (and deliberately broken)
 * instructions, and mutations of real files from the shared corpus.
 *
 * Generators build text with two stand-ins, `CONT` and `ESC`, that are rendered only once the whole
 * file is known: which escape character its directive chose and whether its lines end in CRLF.
 * Generating the file's parts independently of those choices lets fast-check shrink each part on
 * its own instead of regenerating everything below a `chain`.
 */
import * as fs from 'node:fs';
import fc from 'fast-check';
import { corpusDir, corpusFiles } from '../../scripts/corpus';
import { decodeDockerfile } from '../../src/engine/text';
import { allRules } from '../../src/rules';

/** The escape character followed by a line break: a line continuation. */
const CONT = '\uE000';
/** The escape character alone. */
const ESC = '\uE001';

type Arb = fc.Arbitrary<string>;

const pick = (...values: string[]): Arb => fc.constantFrom(...values);
const maybe = (arb: Arb, weight = 1): Arb => fc.oneof({ weight: 2, arbitrary: fc.constant('') }, { weight, arbitrary: arb });
const weighted = (...pairs: [number, Arb][]): Arb => fc.oneof(...pairs.map(([weight, arbitrary]) => ({ weight, arbitrary })));

// ---- lexical pieces ------------------------------------------------------------------------

/** Between words: mostly a space; sometimes a continuation, with the odd lines BuildKit skips inside it. */
const gap: Arb = weighted(
  [14, fc.constant(' ')],
  [1, fc.constant(' \t ')],
  [4, fc.constant(` ${CONT}    `)],
  [1, fc.constant(CONT)],
  [1, fc.constant(` ${CONT}# a comment inside the continuation\n    `)],
  [1, fc.constant(` ${CONT}  # indented comment ${ESC}\n  `)],
  // The escape character inside such a comment is not an escape (`# C:\temp`): the line is dropped whole.
  [1, fc.constant(` ${CONT}# C:${ESC}temp ${ESC}x\n  `)],
  [1, fc.constant(` ${CONT}\n    `)],
  [1, fc.constant(` ${CONT} \t \n  `)],
  // BuildKit still continues when the escape is followed by trailing whitespace.
  [1, fc.constant(` ${ESC} \t\n  `)],
);

/** Words with random gaps; a shrunk gap becomes a plain space. */
function spaced(words: fc.Arbitrary<string[]>): Arb {
  return fc.tuple(words, fc.array(gap, { maxLength: 6 })).map(([ws, gaps]) => ws.map((w, i) => (i === 0 ? w : (gaps[i - 1] ?? ' ') + w)).join(''));
}

function keyword(name: string): Arb {
  const mixed = name
    .split('')
    .map((c, i) => (i % 2 ? c.toLowerCase() : c))
    .join('');
  return weighted([10, fc.constant(name)], [2, fc.constant(name.toLowerCase())], [1, fc.constant(mixed)]);
}

const oddText: Arb = fc.string({
  unit: weighted(
    [6, fc.constantFrom('a', 'Z', '0', '-', '_', '.', '/', ':', '=', ' ')],
    [2, fc.constantFrom('"', "'", '$', '{', '}', '[', ']', '(', ')', '\\', '`', '#', '<', '>', '|', '&', ';', ',', '*')],
    [1, fc.constantFrom('é', '🐳', '\u00a0', '\u200b', '\ufeff', '\u2028', '\t')],
  ),
  maxLength: 12,
});

const hex64 = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 });
const varRef: Arb = pick('$HOME', '${HOME}', '$TAG', '${TAG:-latest}', '${VERSION:+v}${VERSION}', '${UNSET}', '$', '${', '${A:-${B:-c}}', '$1');

// ---- shell ---------------------------------------------------------------------------------

const pkg = pick('curl', 'ca-certificates', 'git', 'python3', 'build-essential', 'curl=7.88.1-10+deb12u5', 'openssl>1.0', 'vim', 'nodejs', 'requests==2.31.0', 'flask', 'yarn@1.22.19', '${PKGS}', '"$EXTRA"');

const simpleCommand: Arb = weighted(
  [3, spaced(fc.tuple(pick('apt-get', 'apt', 'sudo apt-get', 'DEBIAN_FRONTEND=noninteractive apt-get'), pick('update', 'upgrade -y', 'dist-upgrade', 'clean', 'autoremove -y')))],
  [
    4,
    spaced(
      fc
        .tuple(pick('apt-get', 'apt', 'sudo apt-get', 'apt-get -qq'), pick('install', 'install -y', '-y install', 'install --no-install-recommends -y', 'install --yes'), fc.array(pkg, { minLength: 1, maxLength: 4 }))
        .map(([a, b, ps]) => [a, b, ...ps]),
    ),
  ],
  [3, spaced(fc.tuple(pick('apk', 'sudo apk'), pick('add', 'add --no-cache', 'update', 'upgrade', 'add --virtual .build-deps'), fc.array(pkg, { maxLength: 3 })).map(([a, b, ps]) => [a, b, ...ps]))],
  [3, spaced(fc.tuple(pick('pip', 'pip3', 'python -m pip', 'pip install --no-cache-dir'), pick('install', 'install -U', 'install -r requirements.txt', 'install --user'), fc.array(pkg, { maxLength: 3 })).map(([a, b, ps]) => [a, b, ...ps]))],
  [2, spaced(fc.tuple(pick('npm', 'yarn', 'pnpm'), pick('install', 'install -g', 'ci', 'i --production', 'add', 'run build', 'cache clean --force'), fc.array(pkg, { maxLength: 2 })).map(([a, b, ps]) => [a, b, ...ps]))],
  [2, pick('yum install -y httpd', 'yum clean all', 'dnf install -y git', 'zypper install -y curl', 'gem install bundler', 'go install example.com/x@latest', 'cargo install ripgrep')],
  [3, pick('curl -fsSL https://example.com/install.sh | sh', 'wget -qO- https://get.example.com | bash -', 'curl -o /tmp/x.tgz https://example.com/x.tgz', 'curl https://x | sudo -E bash', 'curl -sSL https://example.com/x.tar.gz | tar xz -C /opt')],
  [2, fc.tuple(pick('cd', 'mkdir -p', 'rm -rf', 'rm -f', 'chmod 777', 'chown -R 1000:1000', 'touch', 'ls -la'), pick('/app', 'app', '/var/lib/apt/lists/*', '/tmp/*', '~/.cache', '$HOME/x', '/srv', '"/a b"')).map(([a, b]) => `${a} ${b}`)],
  [2, pick('set -eux', 'set -o pipefail', 'export PATH=$PATH:/opt/bin', 'source /etc/profile', '. ./env.sh', 'true', 'exit 1', ':')],
  [2, fc.tuple(pick('echo', 'printf "%s\\n"', 'echo -e'), fc.array(weighted([3, pick('hello', '"$HOME"', "'single $NOT'", '$(uname -m)', '`date`', '${X:-d}', '"a b"', '>', '>>/etc/x', '2>&1', '\\$', 'a\\ b')], [1, varRef], [1, oddText]), { maxLength: 4 })).map(([a, ws]) => [a, ...ws].join(' '))],
  [1, pick('useradd -u 1000000 app', 'useradd -r -u 10001 app', 'adduser -D app', 'groupadd -g 1000 g', 'su - app -c whoami', 'sudo -u app id')],
  [2, pick('curl -k https://x', 'curl --insecure -o /x https://x', 'wget --no-check-certificate https://x', 'wget https://example.com/x.tgz', 'pip install --trusted-host pypi.org flask', 'npm config set strict-ssl false', 'git -c http.sslVerify=false clone https://x', 'export NODE_TLS_REJECT_UNAUTHORIZED=0')],
  [2, pick('curl -fsSL -u deploy:hunter2 -o /tmp/app.tgz https://files.example.com/app.tgz', 'echo $PASSWORD | docker login -u x --password-stdin', 'mysql -uroot -psecret', 'git clone https://user:ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/o/r.git', 'export AWS_SECRET_ACCESS_KEY=AKIAabcdefghijklmnop1234')],
  [1, pick('service nginx start', 'ln -sf /bin/bash /bin/sh', 'shutdown -h now', 'ssh user@host', 'mount -t tmpfs none /mnt', 'free -m', 'top -b -n1', 'ps aux', 'apt-get install -y vim && vim --version', 'systemctl enable x')],
  [1, pick('tar xzf /tmp/x.tgz', 'tar -xzf /tmp/app.tar.gz -C /opt/app && rm /tmp/app.tar.gz', 'unzip x.zip', 'git clone https://github.com/x/y.git', 'make && make install', 'ln -s /a /b', 'sed -i s/a/b/ /etc/x', 'cp -r . /app')],
  [1, pick("echo 'unterminated", 'echo "unbalanced', 'echo $(( 1 +', 'if [ -f x ]; then', 'done', 'case x in', '((', '}', 'fi fi', 'echo `unclosed')],
);

const shellOp: Arb = weighted([6, fc.constant(' && ')], [2, fc.constant(` ${CONT}    && `)], [2, fc.constant(` && ${CONT}    `)], [1, fc.constant(' || ')], [1, fc.constant('; ')], [1, fc.constant(' | ')], [1, fc.constant(' & ')], [1, fc.constant(';')]);

/** A shell script nesting `sh -c`, `$(...)`, groups and loops at most `depth` levels deep. */
function scriptOf(depth: number): Arb {
  const command = depth === 0 ? simpleCommand : weighted([5, simpleCommand], [1, compoundOf(scriptOf(depth - 1))]);
  return fc.tuple(command, fc.array(fc.tuple(shellOp, command), { maxLength: 3 })).map(([first, rest]) => first + rest.map(([op, c]) => op + c).join(''));
}

function compoundOf(inner: Arb): Arb {
  return weighted(
    [3, fc.tuple(pick('sh -c', 'bash -c', 'sudo sh -c', '/bin/bash -lc', 'su -c'), inner).map(([sh, s]) => `${sh} '${s.replace(/'/g, '"')}'`)],
    [1, fc.tuple(pick('sh -c', 'bash -c'), inner).map(([sh, s]) => `${sh} "${s}"`)],
    [1, inner.map((s) => `echo "$(${s})"`)],
    [1, inner.map((s) => `(${s})`)],
    [1, inner.map((s) => `{ ${s}; }`)],
    [1, inner.map((s) => `for p in a b; do ${s}; done`)],
    [1, inner.map((s) => `if command -v apt-get; then ${s}; else true; fi`)],
    [1, inner.map((s) => `xargs -n1 sh -c '${s.replace(/'/g, '')}'`)],
    [1, inner.map((s) => `env -i ${s}`)],
  );
}

const script = scriptOf(2);

// ---- JSON (exec form) ----------------------------------------------------------------------

const jsonString: Arb = weighted(
  [6, pick('"/bin/sh"', '"-c"', '"node"', '"server.js"', '"apt-get update && apt-get install -y curl"', '"curl x | sh"', '"--port=80"', '"$HOME"', '"${X}"', '""')],
  [2, oddText.map((s) => JSON.stringify(s))],
  [1, pick("'single'", '"unterminated', '"esc\\"aped"', '"\\u00e9\\n"', 'bare', '"a\\', '1', 'null', '["nested"]')],
);

const jsonArray: Arb = weighted(
  [6, fc.array(jsonString, { minLength: 1, maxLength: 4 }).map((xs) => `[${xs.join(', ')}]`)],
  [1, fc.array(jsonString, { maxLength: 3 }).map((xs) => `[${xs.join(',')}`)],
  [1, fc.array(jsonString, { minLength: 1, maxLength: 3 }).map((xs) => `[${xs.join(' ')}]`)],
  [1, fc.array(jsonString, { minLength: 1, maxLength: 3 }).map((xs) => `[${xs.join(', ')},]`)],
  [1, pick('[]', '[ ]', '[', ']', '[,]', '["a"] trailing', '[ "a",' + CONT + ' "b" ]')],
);

// ---- instruction bodies --------------------------------------------------------------------

const platform: Arb = pick('--platform=linux/amd64', '--platform=$BUILDPLATFORM', '--platform=${TARGETPLATFORM}', '--platform=linux/arm64/v8', '--platform=windows/amd64', '--platform=', '--platform');

const image: Arb = weighted(
  [4, pick('alpine', 'alpine:3.20', 'ubuntu', 'ubuntu:latest', 'debian:12-slim', 'node:20', 'python:3.12-slim', 'golang:1.22 ', 'nginx:stable')],
  [2, hex64.map((h) => `node:20@sha256:${h}`)],
  [1, hex64.map((h) => `alpine@sha256:${h.slice(0, 20)}`)],
  [2, pick('${IMG:-alpine}:${TAG}', '$BASE', '${BASE}', '${REGISTRY}/app:${VERSION:-1}', '${IMG:-alpine}', 'alpine:${TAG:-3.20}', 'img:$', '${}')],
  [2, pick('scratch', 'SCRATCH', 'builder', 'base', 'build-env', '0', 'Builder')],
  [2, pick('mcr.microsoft.com/windows/servercore:ltsc2022', 'mcr.microsoft.com/windows/nanoserver', 'mcr.microsoft.com/powershell:lts', 'mcr.microsoft.com/dotnet/sdk:8.0-windowsservercore-ltsc2022')],
  [1, pick('registry.example.com:5000/ns/img:tag', 'localhost/img', 'ghcr.io/o/r:v1.2.3', 'UPPER/Case:Tag', 'a:b:c', 'img:tag@sha256:abc', 'docker.io/library/alpine:3')],
);

const stageName: Arb = pick('builder', 'build', 'base', 'Builder', 'final', 'base', '0', 'build-env', '${NAME}', 'scratch');

const fromBody: Arb = spaced(
  fc.tuple(maybe(platform), image, maybe(fc.tuple(pick('AS', 'as', 'As', 'AS AS'), stageName).map(([a, n]) => `${a} ${n}`)), maybe(pick('extra', 'AS'), 1)).map((ws) => ws.filter(Boolean)),
);

const varName: Arb = pick('TAG', 'VERSION', 'IMG', 'BASE', 'HOME', 'PATH', 'APP_HOME', 'DATA_DIR', 'DATABASE_URL', 'NPM_TOKEN', 'DEBIAN_FRONTEND', 'AWS_SECRET_ACCESS_KEY', 'GITHUB_TOKEN', 'PASSWORD', 'NODE_ENV', 'TARGETPLATFORM', 'x', 'a-b', '1BAD');
const varValue: Arb = weighted(
  [4, pick('1', '3.20', 'alpine', 'latest', 'noninteractive', 'production', 'AKIAabcdefghijklmnop1234', '/usr/local/bin:$PATH', '$PATH:/opt/bin', '${VERSION}', '${TAG:-3}', '$APP_HOME/data', 'postgres://app:s3cr3t-pw@db:5432/app', '"May 1st, 2024"', 'Apache-2.0', '"Apache 2"', '2024-05-01T00:00:00Z')],
  [2, pick('"quoted value"', "'single quoted'", '"$HOME/x"', '""', '"a\\"b"', `"multi ${CONT} line"`, 'a\\ b')],
  [1, oddText],
);

const argBody: Arb = spaced(fc.array(fc.oneof(varName, fc.tuple(varName, varValue).map(([k, v]) => `${k}=${v}`)), { minLength: 1, maxLength: 3 }));
const envBody: Arb = weighted(
  [3, spaced(fc.array(fc.tuple(varName, varValue).map(([k, v]) => `${k}=${v}`), { minLength: 1, maxLength: 3 }))],
  [2, fc.tuple(varName, varValue, maybe(varValue)).map(([k, v, w]) => `${k} ${v}${w ? ' ' + w : ''}`)],
  [1, pick('A', '=b', 'A=', 'A="unterminated', 'X=$X', 'Y=${Y}/bin', 'PATH=$PATH')],
);

const mount: Arb = pick(
  '--mount=type=cache,target=/var/cache/apt,sharing=locked',
  '--mount=type=cache,target=/root/.cache/pip',
  '--mount=type=cache,id=npm,target=/root/.npm',
  '--mount=type=secret,id=token,env=TOKEN',
  '--mount=type=bind,source=.,target=/src,rw',
  '--mount=type=ssh',
  '--mount=type=tmpfs,target=/tmp',
  '--mount=target=/x',
  '--mount=',
  '--mount',
);
const runFlags: fc.Arbitrary<string[]> = fc.array(weighted([4, mount], [1, pick('--network=none', '--network=host', '--network=default', '--security=insecure', '--security=sandbox', '--unknown=1', '--', '-x', '--mount=type=cache,target=/a --mount=type=cache,target=/b')]), { maxLength: 2 });

const execForm = jsonArray;
const runBody: Arb = spaced(fc.tuple(runFlags, weighted([8, script], [2, execForm])).map(([flags, body]) => [...flags, body]));

const copySource: Arb = weighted(
  [1, pick('id_rsa', 'id_ed25519', '.env', '.npmrc', '.ssh/', 'CHANGELOG.md', 'dist/app.tar.gz', 'app.zip', '.git', 'node_modules', 'secrets.yaml')],
  [5, pick('.', './', 'src', './src/', 'package.json', 'package*.json', 'requirements.txt', '*.go', 'go.mod go.sum', '"a b"', '/abs/path', '../outside', '$SRC', '${APP}/dist')],
  [2, pick('http://example.com/x.tgz', 'https://example.com/tool.tar.gz', 'https://github.com/o/r.git#v1.0', 'git@github.com:o/r.git', 'https://example.com/a.zip', 'x.tar.gz')],
);
const copyDest: Arb = pick('/app/', '/app', 'app', './', '.', '/', '/usr/local/bin/', '$HOME/', 'dir/sub', '"/with space/"', 'C:\\app', 'C:/app');
const copyFlags: fc.Arbitrary<string[]> = fc.array(
  weighted(
    [2, pick('--from=builder --chown=0 / /', '--from=builder', '--from=0', '--from=alpine:3', '--from=unknown', '--from=${STAGE}', '--from=base', '--from=')],
    [2, pick('--chown=1000:1000', '--chown=app', '--chown=app:app', '--chown=$UID', '--chmod=755', '--chmod=0644', '--chmod=u+x')],
    [1, pick('--link', '--link=false', '--parents', '--exclude=*.md', '--keep-git-dir=true', '--unpack=true')],
    [1, hex64.map((h) => `--checksum=sha256:${h}`)],
    [1, pick('--bogus', '--chown', '-from=x', '--checksum=md5:x')],
  ),
  { maxLength: 3 },
);
const copyBody: Arb = weighted(
  [6, spaced(fc.tuple(copyFlags, fc.array(copySource, { minLength: 1, maxLength: 3 }), copyDest).map(([f, s, d]) => [...f, ...s, d]))],
  [1, fc.tuple(copyFlags, fc.array(copySource, { minLength: 1, maxLength: 2 }), copyDest).map(([f, s, d]) => [...f, JSON.stringify([...s, d])].join(' '))],
  [1, copySource],
);

const user: Arb = pick('root', '0', '1000', '1000:1000', 'app', 'app:app', 'nobody', '${USER}', 'ContainerUser', 'ContainerAdministrator', 'root:root', ':', 'a b');
const ports: Arb = spaced(fc.array(pick('80', '8080/tcp', '443/UDP', '53/udp', '8000-8010', '99999', '0', 'abc', '$PORT', '80/sctp', '127.0.0.1:80:80', '-1', '80/TCP'), { minLength: 1, maxLength: 3 }));
const labels: Arb = spaced(fc.array(fc.tuple(pick('maintainer', 'org.opencontainers.image.source', 'org.opencontainers.image.created', 'org.opencontainers.image.licenses', 'org.label-schema.version', '"a b"', 'version', 'description', 'x', 'password'), varValue).map(([k, v]) => `${k}=${v}`), { minLength: 1, maxLength: 3 }));
const cmdBody: Arb = weighted([3, execForm], [2, script], [1, pick('["node", "server.js"]', 'node server.js', '["/bin/sh", "-c", "exec nginx -g \'daemon off;\'"]')]);
const healthBody: Arb = weighted(
  [1, pick('NONE', 'none', 'NONE extra')],
  [3, spaced(fc.tuple(fc.array(pick('--interval=30s', '--timeout=3s', '--start-period=5s', '--retries=3', '--start-interval=1s', '--interval=abc', '--bogus=1'), { maxLength: 3 }), pick('CMD', 'cmd'), cmdBody).map(([f, c, b]) => [...f, c, b]))],
  [1, pick('CMD', '--interval=5s', 'curl -f http://localhost/')],
);
const shellBody: Arb = pick('["/bin/bash", "-o", "pipefail", "-c"]', '["powershell", "-Command", "$ErrorActionPreference = \'Stop\';"]', '["cmd", "/S", "/C"]', '["/bin/sh", "-c"]', '["pwsh", "-c"]', 'bash -c', '["bash"]', '[]');
const signal: Arb = pick('SIGTERM', 'SIGKILL', '9', 'SIGQUIT', 'TERM', 'SIGRTMIN+3', '99', '$SIG', '-1');
const volume: Arb = weighted([2, pick('/data', '/var/lib/mysql /logs', '$DATA')], [1, jsonArray]);
const workdir: Arb = pick('/app', 'app', '/usr/src/app', '$HOME/x', '${APP_HOME}', '/a b', 'C:\\app', '..', '/app/', '~');

// ---- heredocs ------------------------------------------------------------------------------

const heredocLine: Arb = weighted([4, script], [1, pick('', '  indented', '\tset -e', '#!/bin/sh', '#!/usr/bin/env python3', 'print("hi")', 'EOFX', ' EOF', 'key=value')]);
const heredocName = pick('EOF', 'EOT', 'SCRIPT', 'END', 'eof', 'A1');

/** One heredoc: its `<<` marker and its body with the closing line (left out now and then). */
const heredoc: fc.Arbitrary<{ marker: string; body: string }> = fc
  .record({
    name: heredocName,
    dash: fc.boolean(),
    quote: pick('', '"', "'"),
    lines: fc.array(heredocLine, { maxLength: 4 }),
    closing: weighted([12, fc.constant('same')], [1, fc.constant('missing')], [1, fc.constant('indented')], [1, fc.constant('other')]),
  })
  .map(({ name, dash, quote, lines, closing }) => {
    const indent = dash ? '\t' : '';
    const end = closing === 'same' ? indent + name : closing === 'indented' ? '  ' + name : closing === 'other' ? name + 'X' : undefined;
    return { marker: `<<${dash ? '-' : ''}${quote}${name}${quote}`, body: [...lines.map((l) => indent + l), ...(end === undefined ? [] : [end])].join('\n') };
  });

function withHeredocs(kw: string, before: Arb, after: Arb): Arb {
  return fc.tuple(keyword(kw), before, fc.array(heredoc, { minLength: 1, maxLength: 3 }), after).map(([k, b, hs, a]) =>
    [[k, b, ...hs.map((h) => h.marker), a].filter(Boolean).join(' '), ...hs.map((h) => h.body)].join('\n'),
  );
}

const heredocInstruction: Arb = weighted(
  [3, withHeredocs('RUN', fc.tuple(runFlags, pick('', 'python3', 'bash', 'cat', 'sh -e')).map(([f, c]) => [...f, c].filter(Boolean).join(' ')), pick('', '> /etc/conf', '| sh', '&& echo done'))],
  [2, withHeredocs('COPY', fc.array(pick('--chmod=755', '--chown=app', '--from=builder'), { maxLength: 1 }).map((f) => f.join(' ')), copyDest)],
  [1, withHeredocs('ADD', fc.constant(''), copyDest)],
);

// ---- instructions --------------------------------------------------------------------------

function instruction(kw: string, body: Arb, emptyWeight = 1): Arb {
  const withBody = body.map((b) => ' ' + b);
  return fc.tuple(keyword(kw), emptyWeight ? weighted([30, withBody], [emptyWeight, pick('', ' ', ` ${CONT}`)]) : withBody).map(([k, b]) => k + b);
}

const simpleInstruction: Arb = weighted(
  [9, instruction('RUN', runBody)],
  [3, instruction('FROM', fromBody)],
  [2, instruction('ARG', argBody)],
  [2, instruction('ENV', envBody)],
  [3, instruction('COPY', copyBody)],
  [2, instruction('ADD', copyBody)],
  [1, instruction('WORKDIR', workdir)],
  [1, instruction('USER', user)],
  [1, instruction('EXPOSE', ports)],
  [1, instruction('LABEL', labels)],
  [1, instruction('CMD', cmdBody)],
  [1, instruction('ENTRYPOINT', cmdBody)],
  [1, instruction('HEALTHCHECK', healthBody)],
  [1, instruction('SHELL', shellBody)],
  [1, instruction('STOPSIGNAL', signal)],
  [1, instruction('VOLUME', volume)],
  [1, instruction('MAINTAINER', pick('Jane Doe <jane@example.com>', 'x'))],
  [1, fc.tuple(pick('FOO', 'RUNN', 'COPPY', 'IMPORT', 'ECHO', 'apt-get', 'INCLUDE+', '-', '}', '\u00c9TAPE'), maybe(oddText, 3)).map(([k, b]) => (b ? `${k} ${b}` : k))],
  [1, heredocInstruction],
);

const onbuild: Arb = fc.tuple(keyword('ONBUILD'), weighted([6, simpleInstruction], [1, pick('ONBUILD RUN x', 'FROM alpine', 'MAINTAINER x', '')])).map(([k, i]) => (i ? `${k} ${i}` : k));

const anyInstruction: Arb = weighted([20, simpleInstruction], [1, onbuild]);

// ---- comments, pragmas, directives ---------------------------------------------------------

const ruleIds: string[] = [...new Set(allRules.flatMap((r) => [r.meta.id, ...r.meta.aliases]))].sort();
const ruleId: Arb = weighted([6, fc.constantFrom(...ruleIds)], [1, pick('all', 'DL3008', 'SC2086', 'nosuch/rule', 'DS002', 'ds-0002', '')]);
const idList: Arb = fc.array(ruleId, { minLength: 1, maxLength: 3 }).map((ids) => ids.join(','));
const reason: Arb = pick('', ' -- pinned upstream', ' # why', ' : because', ' free text');

const pragma: Arb = weighted(
  [3, fc.tuple(pick('plimsoll', 'hadolint', 'tally', 'Plimsoll'), pick('', ' global', ' stage'), idList, reason).map(([t, s, ids, r]) => `# ${t}${s} ignore=${ids}${r}`)],
  [1, fc.tuple(idList, pick('', ';error=true', ';error=false')).map(([ids, e]) => `# check=skip=${ids}${e}`)],
  [1, fc.tuple(ruleId, reason).map(([id, r]) => `# trivy:ignore:${id}${r}`)],
  [1, fc.tuple(ruleId, reason).map(([id, r]) => `#checkov:skip=${id}:${r.trim()}`)],
  [1, pick('# dockerfile-utils: ignore', '# hadolint shell=bash', '# hadolint shell=powershell', '# plimsoll ignore=', '# plimsoll ignore', '# hadolint global ignore=,', '# plimsoll-ignore DL3008', '# check=error=true')],
);

const comment: Arb = weighted([3, pick('# a comment', '#', '#!/usr/bin/env docker', '# TODO: pin this', '   # indented comment', '#\t', `# ends with escape ${ESC}`)], [1, oddText.map((t) => `# ${t}`)]);
const blank: Arb = pick('', '   ', '\t', ' \t ');

const line: Arb = weighted([12, anyInstruction], [2, comment], [2, blank], [2, pragma]);

/** Trailing spaces and tabs, and the odd indented instruction. */
const decorate = (arb: Arb): Arb => fc.tuple(weighted([10, fc.constant('')], [1, pick('  ', '\t', ' \t')]), arb, weighted([10, fc.constant('')], [1, pick(' ', '\t', '   \t ')])).map(([a, b, c]) => a + b + c);

// ---- whole files ---------------------------------------------------------------------------

interface Parts {
  escape: '\\' | '`';
  /** How the escape directive is written: absent, canonical, or with odd spacing and case. */
  escapeDirective: 'none' | 'plain' | 'spaced';
  otherDirectives: string[];
  /** Blank or comment lines before the first instruction (a directive after them is a comment). */
  preamble: string[];
  /** Lines before the first FROM (global ARGs, mostly). */
  global: string[];
  /** Each stage: a FROM line and what follows it (nearly every rule needs a stage to look at). */
  stages: { from: string; lines: string[] }[];
  crlf: boolean;
  finalNewline: boolean;
}

const directive: Arb = pick('# syntax=docker/dockerfile:1', '# syntax=docker/dockerfile:1.7-labs', '#syntax=docker.io/docker/dockerfile:1', '# check=skip=JSONArgsRecommended', '# check=error=true', '# check=skip=all;error=true', '# Syntax = docker/dockerfile', '# unknown=directive', '# escape=x');

const parts: fc.Arbitrary<Parts> = fc.record({
  escape: fc.constantFrom<Parts['escape']>('\\', '`'),
  escapeDirective: fc.constantFrom<Parts['escapeDirective']>('none', 'plain', 'spaced'),
  otherDirectives: fc.array(directive, { maxLength: 2 }),
  preamble: fc.array(weighted([2, blank], [1, comment], [1, pragma]), { maxLength: 2 }),
  global: fc.array(decorate(weighted([4, instruction('ARG', argBody)], [1, line])), { maxLength: 3 }),
  stages: fc.array(fc.record({ from: decorate(instruction('FROM', fromBody, 0)), lines: fc.array(decorate(line), { maxLength: 8 }) }), { maxLength: 3 }),
  crlf: fc.boolean(),
  finalNewline: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
});

function render(p: Parts): string {
  const header: string[] = [];
  // Without a directive the escape is a backslash whatever was chosen, which is itself worth fuzzing.
  if (p.escapeDirective === 'plain') header.push(`# escape=${p.escape}`);
  if (p.escapeDirective === 'spaced') header.push(`#  ESCAPE = ${p.escape}  `);
  const text = [...header, ...p.otherDirectives, ...p.preamble, ...p.global, ...p.stages.flatMap((st) => [st.from, ...st.lines])].join('\n') + (p.finalNewline ? '\n' : '');
  const rendered = text.split(CONT).join(`${p.escape}\n`).split(ESC).join(p.escape);
  return p.crlf ? rendered.replace(/\n/g, '\r\n') : rendered;
}

/** A Dockerfile from the grammar, valid or broken in the ways real files are. */
export const grammarDockerfile: Arb = parts.map(render);

// ---- mutations of real files ---------------------------------------------------------------

export const CORPUS = corpusDir;

/**
 * An evenly spread sample of the corpus (reading all of it would cost more than the runs do), in
 * a fixed order so that a seed names the same file everywhere. Empty when the corpus is absent.
 */
export function corpusSample(max = 400): string[] {
  const files = corpusFiles();
  const step = Math.max(1, Math.ceil(files.length / max));
  const texts: string[] = [];
  for (let i = 0; i < files.length; i += step) {
    try {
      texts.push(decodeDockerfile(fs.readFileSync(files[i])));
    } catch {
      // Not UTF-8 text: the CLI refuses it before linting, so it is no base for text mutations.
    }
  }
  return texts;
}

export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'shuffle'; swaps: [number, number][] }
  | { kind: 'duplicate'; line: number; times: number }
  | { kind: 'huge'; line: number; size: number; unit: string; prefix: string }
  | { kind: 'drop-escape'; nth: number };

/** Code units that break parsers: controls (NUL included), lone surrogates, odd line breaks, syntax. */
const hostileUnit = weighted(
  [2, fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c))],
  [2, fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c))],
  [2, fc.constantFrom('\r', '\n', '\u2028', '\u0085', '\ufeff', '\u007f', '\u00a0', '\ufffd')],
  [3, fc.constantFrom('\\', '`', '"', "'", '$', '{', '}', '[', ']', '#', '<<', '<<EOF', '&&', '|', '=', '--', ' ', '\t', 'EOF\n')],
  [2, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 2 })],
);

const position = fc.nat({ max: 1_000_000 });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: position }) },
  { weight: 9, arbitrary: fc.record({ kind: fc.constant('flip' as const), at: position, bit: fc.integer({ min: 0, max: 15 }) }) },
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: position, text: fc.string({ unit: hostileUnit, minLength: 1, maxLength: 6 }) }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('shuffle' as const), swaps: fc.array(fc.tuple(position, position), { minLength: 1, maxLength: 6 }) }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), line: position, times: fc.integer({ min: 1, max: 4 }) }) },
  // Rare: a huge line costs a hundred ordinary inputs.
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('huge' as const),
      line: position,
      size: fc.integer({ min: 10_000, max: 100_000 }),
      // No filler that multiplies shell commands: thousands of commands in one RUN cost seconds
      // (test/engine/pathological.test.ts has that case), which would swamp the run.
      unit: fc.constantFrom('a', 'x ', '$X', '"', '\\', 'é🐳', '${A:-', '$(', '[', '#', 'aGVsbG8gd29ybGQ='),
      prefix: fc.constantFrom('RUN echo ', 'LABEL a=', '# ', 'ENV X=', 'COPY ', 'FROM ', ''),
    }),
  },
  { weight: 9, arbitrary: fc.record({ kind: fc.constant('drop-escape' as const), nth: position }) },
);

export function mutate(text: string, m: Mutation): string {
  const at = (n: number) => n % (text.length + 1);
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, at(m.at));
    case 'flip': {
      if (text.length === 0) return text;
      const i = m.at % text.length;
      return text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ (1 << m.bit)) + text.slice(i + 1);
    }
    case 'insert':
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at));
    case 'shuffle': {
      const lines = text.split('\n');
      for (const [a, b] of m.swaps) {
        const i = a % lines.length;
        const j = b % lines.length;
        [lines[i], lines[j]] = [lines[j], lines[i]];
      }
      return lines.join('\n');
    }
    case 'duplicate': {
      const lines = text.split('\n');
      const i = m.line % lines.length;
      lines.splice(i, 0, ...Array<string>(m.times).fill(lines[i]));
      return lines.join('\n');
    }
    case 'huge': {
      const lines = text.split('\n');
      lines.splice(m.line % (lines.length + 1), 0, m.prefix + m.unit.repeat(Math.ceil(m.size / m.unit.length)));
      return lines.join('\n');
    }
    case 'drop-escape': {
      const escape = /^\s*#\s*escape\s*=\s*`/im.test(text.slice(0, 200)) ? '`' : '\\';
      const offsets: number[] = [];
      for (let i = text.indexOf(escape); i >= 0; i = text.indexOf(escape, i + 1)) offsets.push(i);
      if (offsets.length === 0) return text;
      const i = offsets[m.nth % offsets.length];
      return text.slice(0, i) + text.slice(i + 1);
    }
  }
}

/**
 * Real files with a few mutations. The base is drawn from the corpus sample, or from the grammar
 * when the corpus is absent (with a warning) or now and then anyway.
 */
export function mutatedDockerfile(sample: readonly string[]): Arb {
  const base: Arb = sample.length ? weighted([4, fc.constantFrom(...sample)], [1, grammarDockerfile]) : grammarDockerfile;
  return fc.tuple(base, fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([text, ms]) => ms.reduce(mutate, text));
}
