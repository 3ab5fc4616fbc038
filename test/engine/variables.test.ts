import { expand, variableRefs } from '../../src/engine/variables';

const vars: Record<string, string | null> = { A: 'alpha', EMPTY: '', NOVAL: null };
const lookup = (n: string) => (n in vars ? vars[n] : undefined);

describe('expand', () => {
  it.each([
    ['$A', 'alpha', []],
    ['${A}', 'alpha', []],
    ['x${A}y$A', 'xalphayalpha', []],
    ['${MISSING:-def}', 'def', []],
    ['${EMPTY:-def}', 'def', []],
    ['${EMPTY-def}', '', []],
    ['${MISSING-def}', 'def', []],
    ['${A:+set}', 'set', []],
    ['${MISSING:+set}', '', []],
    ['${MISSING:-${A}}', 'alpha', []],
    ['$MISSING', '', ['MISSING']],
    ['${NOVAL}', '', ['NOVAL']],
    ['\\$A', '$A', []],
    ["'$A'", "'$A'", []],
    ['$', '$', []],
    ['${unterminated', '${unterminated', []],
  ])('%s → %s', (text, value, unresolved) => {
    const r = expand(text, lookup);
    expect(r.value).toBe(value);
    expect(r.unresolved).toEqual(unresolved);
  });

  it('honours a backtick escape character', () => {
    expect(expand('`$A', lookup, '`').value).toBe('$A');
  });

  it('reports references with their offsets and whether they carry a fallback', () => {
    expect(variableRefs('a ${B:-x} $C')).toEqual([
      { name: 'B', start: 2, end: 9, hasFallback: true },
      { name: 'C', start: 10, end: 12, hasFallback: false },
    ]);
  });

  it('stays linear on pathological nesting', () => {
    const text = '${A:-'.repeat(20000) + '}'.repeat(20000) + '$'.repeat(100000);
    const value = expand(text, lookup).value;
    expect(value.slice(0, 5)).toBe('alpha');
    expect(value.length).toBe(5 + 100000);
  });
});
