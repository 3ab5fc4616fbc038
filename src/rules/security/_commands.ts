import type { Instruction } from '../../engine/model';
import { posixShellName, type ShellCommand, type Word } from '../../engine/shell/model';
import { parseArgs } from '../../engine/shell/options';
import type { Span } from '../../engine/types';

/** `/usr/bin/curl` is `curl`. */
export const baseName = (cmd: ShellCommand): string => cmd.name.replace(/^.*\//, '');

/**
 * The commands that come before `cmd` in its pipeline (`a | b | cmd`), nearest first. The model
 * gives each command its index and the pipeline's length; the pipeline's members are the
 * preceding commands of the same script at the same substitution depth with lower indexes.
 */
export function pipedInto(cmd: ShellCommand, run: Instruction): ShellCommand[] {
  const pos = cmd.pipeline;
  if (!pos || pos.index === 0) return [];
  const commands = run.run?.scripts[cmd.script]?.commands ?? [];
  const out: ShellCommand[] = [];
  let want = pos.index - 1;
  for (let i = commands.indexOf(cmd) - 1; i >= 0 && want >= 0; i--) {
    const c = commands[i];
    if (c.substitution !== cmd.substitution || c.pipeline?.length !== pos.length) continue;
    if (c.pipeline.index !== want) break;
    out.push(c);
    want--;
  }
  return out;
}

/** Options of curl that take a value (so that `-o file` is not read as an operand). */
export const CURL_VALUED = new Set([
  '-o', '--output', '--output-dir', '-H', '--header', '-d', '--data', '--data-binary', '--data-raw', '--data-urlencode', '-u',
  '--user', '-x', '--proxy', '-A', '--user-agent', '-e', '--referer', '-m', '--max-time', '-w', '--write-out', '-X',
  '--request', '--retry', '--retry-delay', '--retry-max-time', '--connect-timeout', '-T', '--upload-file', '-F', '--form',
  '-b', '--cookie', '-c', '--cookie-jar', '-K', '--config', '-r', '--range', '-E', '--cert', '--key', '--cacert',
  '--resolve', '--limit-rate', '-C', '--continue-at', '-z', '--time-cond', '--proto', '--proto-redir', '-U', '--proxy-user',
  '--max-filesize', '--oauth2-bearer', '--cert-type', '--key-type', '--pass', '--capath', '--interface', '--url',
]);
export const WGET_VALUED = new Set([
  '-O', '--output-document', '-o', '--output-file', '-a', '--append-output', '-P', '--directory-prefix', '-t', '--tries',
  '-T', '--timeout', '-U', '--user-agent', '--header', '-e', '--execute', '-i', '--input-file', '-w', '--wait', '--user',
  '--password', '-Q', '--quota', '-l', '--level', '-A', '-R', '-D', '-I', '-X', '--limit-rate', '--post-data',
  '--post-file', '--method', '--body-data', '--ca-certificate', '--certificate', '--private-key', '-B', '--base',
  '--http-user', '--http-password', '--ftp-user', '--ftp-password', '--proxy-user', '--proxy-password',
]);

/** A curl or wget that writes what it fetches to standard output, where a pipe or `$(...)` takes it. */
export function downloadsToStdout(cmd: ShellCommand): boolean {
  const name = baseName(cmd);
  if (name === 'curl') {
    const { options } = parseArgs(cmd.args, CURL_VALUED);
    return !options.some(
      (o) => ((o.name === '-o' || o.name === '--output') && o.value !== '-') || o.name === '-O' || o.name === '--remote-name' || o.name === '--remote-name-all',
    );
  }
  if (name === 'wget') {
    // wget saves to a file unless told `-O -`.
    return parseArgs(cmd.args, WGET_VALUED).options.some((o) => (o.name === '-O' || o.name === '--output-document') && o.value === '-');
  }
  return false;
}

/** Interpreters, other than the POSIX shells, that run a program read from stdin or a file operand. */
const INTERPRETERS: Record<string, string[]> = {
  python: ['-c', '-m'],
  perl: ['-e', '-E'],
  ruby: ['-e'],
  node: ['-e', '--eval', '-p', '--print'],
  php: ['-r'],
};

function interpreter(cmd: ShellCommand): { shell: boolean; inline: string[] } | undefined {
  if (posixShellName(cmd.name)) return { shell: true, inline: ['-c'] };
  const base = baseName(cmd).replace(/\d+(\.\d+)*$/, '');
  return base in INTERPRETERS ? { shell: false, inline: INTERPRETERS[base] } : undefined;
}

/**
 * What an interpreter runs: its standard input (`sh`, `bash -s -- args`, `python3 -`), a script
 * operand (`bash <(curl …)`: the word), an inline program (`sh -c "$(curl …)"`: the word after
 * `-c`), or nothing we can tell.
 */
export function programSource(cmd: ShellCommand): { stdin: true } | { word: Word } | undefined {
  const kind = interpreter(cmd);
  if (!kind) return undefined;
  let fromStdin = false;
  for (let i = 0; i < cmd.args.length; i++) {
    const v = cmd.args[i].value;
    if (v === null) return { word: cmd.args[i] };
    if (v === '-' || v === '/dev/stdin') return { stdin: true };
    if (v === '--') {
      const next = cmd.args[i + 1];
      return fromStdin || !next ? { stdin: true } : { word: next };
    }
    if (v.startsWith('-') || (kind.shell && v.startsWith('+'))) {
      if (kind.inline.includes(v) || (kind.shell && /^-[a-z]*c[a-z]*$/.test(v))) {
        const next = cmd.args[i + 1];
        return next ? { word: next } : undefined;
      }
      if (kind.shell && /^-[a-z]*s[a-z]*$/.test(v)) fromStdin = true;
      continue;
    }
    return fromStdin ? { stdin: true } : { word: cmd.args[i] };
  }
  return { stdin: true };
}

/** The narrowest span of `part` inside `word`: exact when the word is written without quotes or escapes around it. */
export function spanIn(word: Word, part: string, offsetInValue: number): Span {
  if (word.text === word.value && word.end - word.start === word.text.length) {
    return { start: word.start + offsetInValue, end: word.start + offsetInValue + part.length };
  }
  const at = word.text.indexOf(part);
  if (at >= 0 && word.text.indexOf(part, at + 1) < 0 && word.end - word.start === word.text.length) {
    return { start: word.start + at, end: word.start + at + part.length };
  }
  return { start: word.start, end: word.end };
}
