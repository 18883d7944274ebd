import { defineConfig } from 'vitest/config';

// vitest 5's reporter calls Map.groupBy (Node >= 21); on Node 20 a failing run would crash the
// reporter and hide the failure details. The config loads in the main process, so define it here.
if (typeof (Map as { groupBy?: unknown }).groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    value<K, V>(items: Iterable<V>, key: (item: V, index: number) => K): Map<K, V[]> {
      const out = new Map<K, V[]>();
      let i = 0;
      for (const item of items) {
        const k = key(item, i++);
        const list = out.get(k);
        if (list) list.push(item);
        else out.set(k, [item]);
      }
      return out;
    },
  });
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: run test files two at a time so process-level tests do not starve each other.
    maxWorkers: 2,
    // After each file, kill (and name) any process it left holding the worker's output: vitest waits
    // for that output to end, so one such process hangs the run after its summary (stop 11's CI).
    setupFiles: ['test/helpers/stray-processes.ts'],
    // The verdict, written before teardown, for scripts/run-tests.mjs (npm test).
    reporters: ['default', './test/helpers/verdict-reporter.ts'],
  },
});
