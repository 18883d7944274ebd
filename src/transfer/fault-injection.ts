/**
 * Fault points for the crash and I/O-error tests (THREATS F3, F5), and nothing else. With
 * `ETX_FAULT=crash:<point>` (or `crash:<point>:<n>` for the n-th time) in its environment, the
 * process SIGKILLs itself at that step of publishing a file; with `eio:<point>[:<n>]` that step
 * fails once with EIO. Unset, each call is one comparison.
 */
export type FaultPoint = 'partial-written' | 'file-fsynced' | 'published' | 'dir-fsynced' | 'journal-removed';

const spec = /^(crash|eio):([a-z-]+)(?::(\d+))?$/.exec(process.env.ETX_FAULT ?? '');
const kind = spec?.[1];
const target = spec?.[2];
let remaining = spec ? Number(spec[3] ?? '1') : 0;

export function faultPoint(point: FaultPoint): void {
  if (point !== target || remaining <= 0) return;
  remaining--;
  if (remaining > 0) return;
  if (kind === 'crash') process.kill(process.pid, 'SIGKILL');
  throw Object.assign(new Error(`injected I/O error at ${point}`), { code: 'EIO' });
}
