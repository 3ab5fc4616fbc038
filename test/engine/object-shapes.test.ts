/**
 * Per-file and per-finding code must not build object literals with properties after a spread
 * (`{ ...span, text }`). Node 20's V8 gives every such object a new hidden class, so the model of
 * each file made hundreds of classes and descriptor arrays that only a full collection frees: on
 * the corpus that was most of the garbage collector's work and of the CLI's peak memory, and the
 * engine ran ~1.4x slower (see bench/). `{ text, ...span }`, `Object.assign({}, a, b)` and
 * explicit fields are fine.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';

const HOT = ['src/engine', 'src/rules', 'src/formats'];
const root = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

function propertiesAfterSpread(file: string): string[] {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const firstSpread = node.properties.findIndex((p) => ts.isSpreadAssignment(p));
      if (firstSpread >= 0 && node.properties.slice(firstSpread).some((p) => !ts.isSpreadAssignment(p))) {
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
        found.push(`${path.relative(root, file)}:${line + 1}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('object literals in the engine, rules and formats', () => {
  it('put no property after a spread', () => {
    expect(HOT.flatMap((d) => sources(path.join(root, d))).flatMap(propertiesAfterSpread)).toEqual([]);
  });

  it('are checked by a scan that finds the pattern', () => {
    const probe = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plimsoll-shapes-')), 'probe.ts');
    fs.writeFileSync(probe, 'const span = { start: 0, end: 1 };\nexport const bad = { ...span, text: "x" };\nexport const good = { text: "x", ...span };\n');
    try {
      expect(propertiesAfterSpread(probe).map((at) => at.slice(at.lastIndexOf('/') + 1))).toEqual(['probe.ts:2']);
    } finally {
      fs.rmSync(path.dirname(probe), { recursive: true });
    }
  });
});
