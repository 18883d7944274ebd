/**
 * A vitest reporter that writes the run's verdict ("passed", "failed" or "interrupted") to the
 * file named by ETX_TEST_VERDICT_FILE as soon as the run ends, before vitest tears its workers
 * down. scripts/run-tests.mjs (`npm test`) reads it: a vitest that then cannot exit (a worker
 * that will not die) is stopped with that verdict instead of hanging CI.
 */
import { writeFileSync } from 'node:fs';
import type { Reporter } from 'vitest/node';

export default class VerdictReporter implements Reporter {
  onTestRunEnd: Reporter['onTestRunEnd'] = (_modules, unhandledErrors, reason) => {
    const file = process.env.ETX_TEST_VERDICT_FILE;
    if (!file) return;
    writeFileSync(file, unhandledErrors.length > 0 && reason === 'passed' ? 'failed' : reason);
  };
}
