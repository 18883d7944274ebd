// `npm test`: vitest run, made unable to hang. Arguments go to vitest (`npm test -- test/cli`).
//
// A test that blocks a worker's event loop, or a process that keeps a worker from ending, makes
// vitest wait forever: no test timeout fires, and CI stops only at its own limit with nothing said
// (stop 11: every file passed, then 90 minutes of silence). So:
// - once vitest has its verdict (test/helpers/verdict-reporter.ts writes it before the workers are
//   torn down), it has EXIT_GRACE_MS to exit; past that, this prints what still runs, stops the
//   run and exits with the verdict;
// - the whole run has ETX_TEST_DEADLINE_MINUTES (30); past that, the same, and it fails (124).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const EXIT_GRACE_MS = 60_000;
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const deadlineSetting = Number(process.env.ETX_TEST_DEADLINE_MINUTES || 30);
const deadlineMinutes = Number.isFinite(deadlineSetting) && deadlineSetting > 0 ? deadlineSetting : 30;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'etx-test-run-'));
const verdictFile = path.join(scratch, 'verdict');

// Its own process group, so that a stop takes vitest, its workers and whatever they started.
const child = spawn(process.execPath, [vitest, 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  detached: true,
  env: { ...process.env, ETX_TEST_VERDICT_FILE: verdictFile },
});

function killGroup(signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {}
}

function stopRun(why, code) {
  process.stderr.write(`\nnpm test: ${why}; what was still running:\n`);
  try {
    const table = execFileSync('ps', ['-eo', 'pid,ppid,pgid,stat,wchan:24,etime,args', '--forest'], { encoding: 'utf8' });
    // Kernel threads (kthreadd, pid 2, and its children) say nothing about the run.
    const lines = table.split('\n').filter((line) => {
      const [pid, ppid] = line.trim().split(/\s+/);
      return pid !== '2' && ppid !== '2';
    });
    process.stderr.write(`${lines.join('\n')}\n`);
  } catch (err) {
    process.stderr.write(`(ps failed: ${err.message})\n`);
  }
  killGroup('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
  process.exit(code);
}

function readVerdict() {
  try {
    return readFileSync(verdictFile, 'utf8');
  } catch {
    return undefined;
  }
}

const deadline = setTimeout(() => stopRun(`the run did not end within ${deadlineMinutes} minutes`, 124), deadlineMinutes * 60_000);
let exitGrace;
const poll = setInterval(() => {
  const verdict = readVerdict();
  if (verdict === undefined || exitGrace) return;
  clearInterval(poll);
  exitGrace = setTimeout(
    () => stopRun(`vitest reported "${verdict}" but had not exited ${EXIT_GRACE_MS / 1000} s later`, verdict === 'passed' ? 0 : 1),
    EXIT_GRACE_MS,
  );
}, 1_000);

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    killGroup(signal);
    setTimeout(() => killGroup('SIGKILL'), 5_000).unref();
  });
}

child.on('exit', (code, signal) => {
  clearTimeout(deadline);
  clearTimeout(exitGrace);
  clearInterval(poll);
  rmSync(scratch, { recursive: true, force: true });
  process.exit(code ?? 128 + (os.constants.signals[signal] ?? 0));
});
