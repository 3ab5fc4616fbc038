/** The lint worker: owns one engine and answers jobs from the server, one at a time. */
import { parentPort } from 'node:worker_threads';
import { buildModel } from '../engine/build';
import { fixText } from '../engine/fix-loop';
import { instructionAt, type Linter } from '../engine/linter';
import type { DockerfileModel } from '../engine/model';
import { keepScripts } from '../engine/shell/script-cache';
import { createLinter } from '../index';
import type { FixAllOutput, InstructionAnchor, LintJob, LintOutput, WorkerRequest, WorkerResponse } from './protocol';

const port = parentPort;
if (!port) throw new Error('plimsoll LSP worker must run in a worker thread');

const linter = createLinter();
// An editor re-lints the file being edited on every change: parse only the RUNs that changed.
keepScripts(512 * 1024);

port.on('message', (request: WorkerRequest) => {
  void handle(request).then((response) => port.postMessage(response));
});

async function handle({ id, job }: WorkerRequest): Promise<WorkerResponse> {
  try {
    const engine = await linter;
    if (job.kind === 'lint') return { id, ok: true, output: lint(engine, job) };
    const fixed = fixText(engine, job.text, job.options);
    const output: FixAllOutput = { text: fixed.text, applied: fixed.applied };
    return { id, ok: true, output };
  } catch (err) {
    return { id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
}

function lint(engine: Linter, { text, options }: LintJob): LintOutput {
  const model = buildModel(text, options);
  const result = engine.lintModel(model, engine.activeRules(options.rules), options);
  return {
    findings: result.findings,
    errors: result.errors,
    anchors: result.findings.map((f) => anchor(model, f.span.start)),
    headerEnd: headerEnd(model),
  };
}

function anchor(model: DockerfileModel, offset: number): InstructionAnchor | null {
  const index = instructionAt(model, offset);
  if (index === undefined) return null;
  const start = model.instructions[index].start;
  const lineStart = model.lines.lineStart(model.lines.lineOf(start));
  const before = model.text.slice(lineStart, start);
  return { lineStart, indent: /^[ \t]*$/.test(before) ? before : '' };
}

function headerEnd(model: DockerfileModel): number {
  if (model.directives.length === 0) return 0;
  const last = Math.max(...model.directives.map((d) => d.end));
  const line = model.lines.lineOf(last);
  return line + 1 < model.lines.lineCount ? model.lines.lineStart(line + 1) : model.text.length;
}
