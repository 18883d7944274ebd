/**
 * Crash points for the crash tests (THREATS F3), and nothing else: with
 * `ETX_FAULT=crash:<point>` (or `crash:<point>:<n>` for the n-th time) in its environment, the
 * process SIGKILLs itself at that step of publishing a file. Unset, each call is one comparison.
 */
export type CrashPoint = 'partial-written' | 'file-fsynced' | 'published' | 'dir-fsynced' | 'journal-removed';

const spec = /^crash:([a-z-]+)(?::(\d+))?$/.exec(process.env.ETX_FAULT ?? '');
const target = spec?.[1];
let remaining = spec ? Number(spec[2] ?? '1') : 0;

export function crashPoint(point: CrashPoint): void {
  if (point !== target) return;
  remaining--;
  if (remaining === 0) process.kill(process.pid, 'SIGKILL');
}
