/** Loaded when ShellCheck first runs: `--no-shellcheck` runs never need it. */
const childProcess = () => require('node:child_process') as typeof import('node:child_process');
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DockerfileModel, Instruction } from './model';
import type { ShellScript } from './shell/model';
import type { Severity, Span } from './types';

/**
 * Bridge to ShellCheck: every shell script of a Dockerfile's RUN instructions (shell form,
 * heredoc bodies, `sh -c` strings) is written to a temporary file, and one `shellcheck` process
 * checks the scripts of many Dockerfiles at once (a process costs ~40 ms to start, a script
 * ~5 ms to check); its findings are mapped back to Dockerfile positions through each script's
 * offset map. What a script text yields is remembered for the life of the process, so relinting
 * after a fix or an edit in the editor checks only the scripts that changed. Absent binary:
 * nothing runs and nothing is reported.
 */

export interface ShellcheckFinding {
  code: number;
  severity: Severity;
  message: string;
  span: Span;
}

let available: boolean | undefined;

/**
 * Whether a `shellcheck` binary runs on this machine (asked once per process). Linting does not
 * ask first: its first ShellCheck run answers it, which spares a short run a process start.
 */
export function shellcheckAvailable(): boolean {
  if (available === undefined) {
    const r = childProcess().spawnSync('shellcheck', ['--version'], { encoding: 'utf8', timeout: 10_000 });
    available = r.status === 0;
  }
  return available;
}

/** Codes never useful in a Dockerfile: sourced files are not in the build context we see. */
const ALWAYS_EXCLUDED = [1090, 1091];

/** One script to check, and how to map what ShellCheck says back into its Dockerfile. */
export interface ShellcheckJob {
  script: ShellScript;
  /** Lines prepended before the script (shebang, declarations). */
  headerLines: number;
  /** What ShellCheck reads: header and script. */
  text: string;
  /** `--exclude` value; jobs with the same one share a process. */
  exclude: string;
}

export interface ShellcheckOptions {
  /** ShellCheck codes not to report (`SC2086` or `2086`). */
  exclude?: readonly (string | number)[];
  /** The shell to assume for scripts whose shell is plain `sh` (hadolint's `# hadolint shell=` pragma). */
  shell?: string;
}

/** The scripts of a Dockerfile that ShellCheck should read. */
export function shellcheckJobs(model: DockerfileModel, options: ShellcheckOptions = {}): ShellcheckJob[] {
  const jobs: ShellcheckJob[] = [];
  const exclude = [...ALWAYS_EXCLUDED, ...(options.exclude ?? []).map((c) => Number(String(c).replace(/^SC/i, '')))].join(',');
  for (const run of model.instructions) {
    for (const script of run.run?.scripts ?? []) {
      if (script.origin === 'exec-form' || !script.text) continue;
      // Variables the Dockerfile gives this RUN (ARG, ENV) are declared, so ShellCheck does not
      // call them unassigned.
      const names = visibleVariables(model, run);
      const shell = script.shell === 'sh' && options.shell ? options.shell : script.shell;
      const header = `#!/bin/${shell}\n` + (names.length ? `export ${names.join(' ')}\n` : '');
      jobs.push({ script, headerLines: names.length ? 2 : 1, text: header + script.text, exclude });
    }
  }
  return jobs;
}

/** What ShellCheck said about a script text, in script positions; bounded so a long editor session cannot grow it without end. */
const memo = new Map<string, ShellcheckComment[]>();
const MEMO_LIMIT = 20_000;
const memoKey = (job: ShellcheckJob) => `${job.exclude}\0${job.text}`;

/**
 * Checks the scripts of any number of Dockerfiles: one process per distinct `--exclude`, scripts
 * already seen answered from memory. Returns each job's findings, in Dockerfile positions.
 */
export function checkScripts(jobs: readonly ShellcheckJob[], timeoutMs = 120_000): ShellcheckFinding[][] {
  const out = jobs.map((): ShellcheckFinding[] => []);
  if (jobs.length === 0 || available === false) return out;
  const unseen = new Map<string, Map<string, ShellcheckJob>>();
  for (const job of jobs) {
    const key = memoKey(job);
    if (memo.has(key)) continue;
    let group = unseen.get(job.exclude);
    if (!group) unseen.set(job.exclude, (group = new Map()));
    group.set(key, job);
  }
  for (const [exclude, group] of unseen) runProcess(exclude, [...group.values()], timeoutMs);
  jobs.forEach((job, i) => {
    for (const c of memo.get(memoKey(job)) ?? []) {
      const span = toSpan(job, c);
      if (span) out[i].push({ code: c.code, severity: c.level, message: c.message, span });
    }
  });
  return out;
}

/** One `shellcheck` process over `jobs`; fills the memo (nothing for jobs of a failed run, which are then retried next time). */
function runProcess(exclude: string, jobs: ShellcheckJob[], timeoutMs: number): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plimsoll-sc-'));
  try {
    const files = jobs.map((job, i) => {
      const file = path.join(dir, `${i}.sh`);
      fs.writeFileSync(file, job.text);
      return file;
    });
    const r = childProcess().spawnSync('shellcheck', ['--format=json1', `--exclude=${exclude}`, ...files], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout: timeoutMs,
    });
    if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') available = false;
    if (r.error || !r.stdout) return;
    available = true;
    const said = jobs.map((): ShellcheckComment[] => []);
    for (const c of (JSON.parse(r.stdout) as { comments: ShellcheckComment[] }).comments) {
      said[Number(path.basename(c.file, '.sh'))]?.push(c);
    }
    if (memo.size + jobs.length > MEMO_LIMIT) memo.clear();
    jobs.forEach((job, i) => memo.set(memoKey(job), said[i]));
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
function offsetOf(job: ShellcheckJob, starts: number[], line: number, column: number): number | undefined {
  const l = line - 1 - job.headerLines;
  if (l < 0 || l >= starts.length) return undefined;
  let offset = starts[l];
  const end = l + 1 < starts.length ? starts[l + 1] : job.script.text.length + 1;
  for (let c = 1; c < column && offset < end; c++) offset += job.script.text.codePointAt(offset)! > 0xffff ? 2 : 1;
  return Math.min(offset, job.script.text.length);
}

function toSpan(job: ShellcheckJob, c: ShellcheckComment): Span | undefined {
  const starts = lineStarts(job.script.text);
  const start = offsetOf(job, starts, c.line, c.column);
  const end = offsetOf(job, starts, c.endLine, c.endColumn);
  if (start === undefined) return undefined;
  const { map } = job.script;
  const docStart = map[start];
  const docEnd = end !== undefined && end > start ? map[end - 1] + 1 : docStart;
  return { start: docStart, end: Math.max(docStart, docEnd) };
}
