/**
 * Stray processes: a process a test started that outlives the test file while holding the vitest
 * worker's stdout or stderr pipe. vitest 5 waits for those pipes to reach end of file before it lets
 * the run end (ForksPoolWorker.stop), so one such process that never exits hangs the whole run after
 * its summary, silently, until CI's time limit (stop 11 did exactly that: every file passed, then
 * nothing for 90 minutes).
 *
 * Loaded as a vitest setup file: after each test file it looks through /proc for processes other
 * than this worker that hold the worker's own stdout/stderr pipe, gives them a moment to exit, then
 * SIGKILLs them and names them (pid, command line, file) on stderr, so the run ends and the log says
 * what leaked. Linux only, and only in a forked worker (pool: 'forks'); elsewhere it does nothing.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { afterAll, expect } from 'vitest';

/** The pipe behind one of our file descriptors ("pipe:[123]"), or undefined when it is no pipe. */
function pipeOf(fd: number): string | undefined {
  try {
    const target = readlinkSync(`/proc/self/fd/${fd}`);
    return target.startsWith('pipe:') || target.startsWith('socket:') ? target : undefined;
  } catch {
    return undefined;
  }
}

export interface StrayProcess {
  pid: number;
  command: string;
}

/** Our parent, its parent, and so on: never strays, whatever they hold. */
function ancestors(): Set<number> {
  const out = new Set<number>();
  let pid = process.ppid;
  while (pid > 1 && !out.has(pid)) {
    out.add(pid);
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      break;
    }
  }
  return out;
}

/** Processes other than ours and our ancestors' that hold any of `pipes` open. */
export function processesHolding(pipes: ReadonlySet<string>): StrayProcess[] {
  const found: StrayProcess[] = [];
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return found;
  }
  const spared = ancestors();
  for (const name of pids) {
    const pid = Number(name);
    if (pid === process.pid || spared.has(pid)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone meanwhile, or not ours to read
    }
    const holds = fds.some((fd) => {
      try {
        return pipes.has(readlinkSync(`/proc/${pid}/fd/${fd}`));
      } catch {
        return false;
      }
    });
    if (!holds) continue;
    let command = '';
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    } catch {}
    found.push({ pid, command });
  }
  return found;
}

const GRACE_MS = 2_000;

async function reapStrays(file: string): Promise<void> {
  const pipes = new Set([pipeOf(1), pipeOf(2)].filter((p): p is string => p !== undefined));
  if (pipes.size === 0) return;
  const deadline = Date.now() + GRACE_MS;
  let strays = processesHolding(pipes);
  while (strays.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    strays = processesHolding(pipes);
  }
  for (const stray of strays) {
    try {
      process.kill(stray.pid, 'SIGKILL');
    } catch {}
    process.stderr.write(
      `[stray-processes] ${file}: pid ${stray.pid} (${stray.command || '?'}) still held the test worker's output ` +
        `${GRACE_MS} ms after the file ended; killed it (it would have kept vitest from ending)\n`,
    );
  }
}

// Only in a worker of the forks pool: there stdout and stderr are pipes of this worker alone. In a
// thread (or run in the main process) they would be the whole run's, shared with npm and CI.
if (process.platform === 'linux' && isMainThread && typeof process.send === 'function') {
  afterAll(async () => {
    await reapStrays(expect.getState().testPath ?? '?');
  }, 10_000);
}
