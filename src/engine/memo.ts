/**
 * Tables for what rules derive from one model and share (a command's package-manager call, a
 * RUN's cleanups, the working directory before each instruction): filled during a lint, emptied
 * when its rules have run.
 *
 * Not WeakMaps keyed by the model's objects: V8's young-generation collector keeps a WeakMap's
 * entries alive, so every memoised model was promoted to the old generation and freed only by a
 * full collection (old-generation growth over 1,000 corpus files: 46 MB with them, 7 MB without).
 */
const tables: Map<unknown, unknown>[] = [];

/** A table emptied after each lint's rules have run. */
export function lintMemo<K, V>(): Map<K, V> {
  const table = new Map<K, V>();
  tables.push(table as Map<unknown, unknown>);
  return table;
}

/** Empties every table: the runner calls it once the rules are done with a model. */
export function forgetLintMemos(): void {
  for (const t of tables) if (t.size) t.clear();
}
