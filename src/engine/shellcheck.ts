import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DockerfileModel, Instruction } from './model';
import type { ShellScript } from './shell/model';
import type { Severity, Span } from './types';

/**
 * Bridge to ShellCheck: every shell script of a Dockerfile's RUN instructions (shell form,
 * heredoc bodies, `sh -c` strings) is written to a temporary file and all of them are checked by
 * one `shellcheck` process per Dockerfile; its findings are mapped back to Dockerfile positions
 * through each script's offset map. Absent binary: nothing runs and nothing is reported.
 */

export interface ShellcheckFinding {
  code: number;
  severity: Severity;
  message: string;
  span: Span;
}

let available: boolean | undefined;

/** Whether a `shellcheck` binary runs on this machine (asked once per process). */
export function shellcheckAvailable(): boolean {
  if (available === undefined) {
    const r = spawnSync('shellcheck', ['--version'], { encoding: 'utf8', timeout: 10_000 });
    available = r.status === 0;
  }
  return available;
}

/** Codes never useful in a Dockerfile: sourced files are not in the build context we see. */
const ALWAYS_EXCLUDED = [1090, 1091];

interface Job {
  script: ShellScript;
  run: Instruction;
  /** Lines prepended before the script (shebang, declarations). */
  headerLines: number;
  text: string;
  /** Offset of each line of the script text. */
  lineStarts: number[];
  map: Int32Array;
}

export interface ShellcheckOptions {
  /** ShellCheck codes not to report (`SC2086` or `2086`). */
  exclude?: readonly (string | number)[];
  /** The shell to assume for scripts whose shell is plain `sh` (hadolint's `# hadolint shell=` pragma). */
  shell?: string;
  timeoutMs?: number;
}

export function runShellcheck(model: DockerfileModel, options: ShellcheckOptions = {}): ShellcheckFinding[] {
  const jobs: Job[] = [];
  for (const run of model.instructions) {
    for (const script of run.run?.scripts ?? []) {
      if (script.origin === 'exec-form' || !script.text) continue;
      // Variables the Dockerfile gives this RUN (ARG, ENV) are declared, so ShellCheck does not
      // call them unassigned.
      const names = visibleVariables(model, run);
      const shell = script.shell === 'sh' && options.shell ? options.shell : script.shell;
      const header = `#!/bin/${shell}\n` + (names.length ? `export ${names.join(' ')}\n` : '');
      jobs.push({
        script,
        run,
        headerLines: names.length ? 2 : 1,
        text: header + script.text,
        lineStarts: lineStarts(script.text),
        map: script.map,
      });
    }
  }
  if (jobs.length === 0 || !shellcheckAvailable()) return [];

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plimsoll-sc-'));
  try {
    const files = jobs.map((job, i) => {
      const file = path.join(dir, `${i}.sh`);
      fs.writeFileSync(file, job.text);
      return file;
    });
    const exclude = [...ALWAYS_EXCLUDED, ...(options.exclude ?? []).map((c) => Number(String(c).replace(/^SC/i, '')))];
    const r = spawnSync('shellcheck', ['--format=json1', `--exclude=${exclude.join(',')}`, ...files], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: options.timeoutMs ?? 60_000,
    });
    if (r.error || !r.stdout) return [];
    const out = JSON.parse(r.stdout) as { comments: ShellcheckComment[] };
    const findings: ShellcheckFinding[] = [];
    for (const c of out.comments) {
      const job = jobs[Number(path.basename(c.file, '.sh'))];
      const span = job && toSpan(job, c);
      if (span) findings.push({ code: c.code, severity: c.level, message: c.message, span });
    }
    return findings;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface ShellcheckComment {
  file: string;
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  level: Severity;
  code: number;
  message: string;
}

function visibleVariables(model: DockerfileModel, run: Instruction): string[] {
  const names = new Set<string>();
  for (const instr of run.stage?.instructions ?? []) {
    if (instr.index >= run.index) break;
    if (instr.keyword !== 'ARG' && instr.keyword !== 'ENV') continue;
    for (const a of instr.args) {
      const name = a.value.split('=')[0];
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && model.lookup(name, run)) names.add(name);
    }
  }
  return [...names];
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** ShellCheck counts columns in code points from 1; the script text counts UTF-16 units. */
function offsetOf(job: Job, line: number, column: number): number | undefined {
  const l = line - 1 - job.headerLines;
  if (l < 0 || l >= job.lineStarts.length) return undefined;
  let offset = job.lineStarts[l];
  const end = l + 1 < job.lineStarts.length ? job.lineStarts[l + 1] : job.script.text.length + 1;
  for (let c = 1; c < column && offset < end; c++) offset += job.script.text.codePointAt(offset)! > 0xffff ? 2 : 1;
  return Math.min(offset, job.script.text.length);
}

function toSpan(job: Job, c: ShellcheckComment): Span | undefined {
  const start = offsetOf(job, c.line, c.column);
  const end = offsetOf(job, c.endLine, c.endColumn);
  if (start === undefined) return undefined;
  const docStart = job.map[start];
  const docEnd = end !== undefined && end > start ? job.map[end - 1] + 1 : docStart;
  return { start: docStart, end: Math.max(docStart, docEnd) };
}
