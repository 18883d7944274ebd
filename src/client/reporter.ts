/** What a copy tells the person (or script) watching it. Progress displays implement this. */
import type { CodedError } from '../common/messages.js';
import type { PlannedFile } from './copy-plan.js';

/** `planned`: a dry run found that the file would be copied (nothing was moved). */
export type FileStatus = 'done' | 'failed' | 'skipped' | 'planned';

export interface FileResult {
  source: string;
  destination: string;
  size: number;
  status: FileStatus;
  error?: CodedError;
  reason?: string;
  /** Bytes moved and seconds taken (0 for skipped or failed-before-start). */
  bytes: number;
  seconds: number;
  /** For a file done: its digest as the destination verified it (`blake3-tree:<hex>`). */
  digest?: string;
}

export interface CopySummary {
  files: FileResult[];
  bytes: number;
  seconds: number;
  /** Set when the data took a path through this client (local endpoint or relay). */
  viaClient: boolean;
  /** Bytes on this client's control connections (a third-party copy moves no data through it). */
  controlBytes: number;
  /** Bytes that crossed the network: `bytes` less what earlier partials already held (resume). */
  movedBytes: number;
  /** Set for a dry run (`copy --dry-run`): nothing moved; the destination's free-space verdict. */
  dryRun?: DryRunSpace;
}

export interface DryRunSpace {
  /** Free bytes where the files would be written. */
  freeBytes: number;
  /** Free bytes the planned writes need (their sizes and the destination's safety margin); 0: none. */
  neededBytes: number;
  /** Whether the destination has the space (a real copy would fail all of them with E_NO_SPACE). */
  spaceOk: boolean;
}

/** Exit code a summary gives (DESIGN section 2): 1 when some file failed (or, dry run, would fail, or lacks space), else 0. */
export function summaryExitCode(summary: CopySummary): 0 | 1 {
  if (summary.files.some((f) => f.status === 'failed')) return 1;
  if (summary.dryRun && !summary.dryRun.spaceOk) return 1;
  return 0;
}

/** Which way a transfer's data went (DESIGN section 5), as the client found by trying. */
export interface DataRoute {
  direction: 'push' | 'pull' | 'relay';
  /** The relay server both ends dialed (direction 'relay'). */
  via?: string;
  /** The end that dialed, and the one that listened (server names as the user gave them). */
  dialer: string;
  listener: string;
  /** Why not the other way, when the first choice did not work. */
  reason?: string;
  /** The data rides WebSocket connections to the listener's control port (no data port was reachable). */
  overControlPort?: boolean;
}

export function describeRoute(route: DataRoute): string {
  const why = route.reason ? ` (${route.reason})` : '';
  if (route.direction === 'relay') return `data: relay through ${route.via}, which ${route.dialer} and ${route.listener} both dial${why}`;
  const how = route.overControlPort ? ' over its control port (WebSocket)' : '';
  return `data: ${route.direction}, ${route.dialer} dials ${route.listener}${how}${why}`;
}

export interface CopyReporter {
  start(files: readonly PlannedFile[], label: string): void;
  /** File `index` is handed to a transfer (again, on a retry); progress and its result follow. */
  fileStarted(index: number): void;
  /** Cumulative bytes of file `index` (index into the planned files). */
  progress(index: number, bytes: number): void;
  /** `index` is -1 for a source that failed before it was planned (not found, denied). */
  fileFinished(index: number, result: FileResult): void;
  /** `files` failed for a reason a retry may cure: attempt `attempt` of `retries` starts after `delayMs`. */
  retrying(files: number, attempt: number, retries: number, delayMs: number): void;
  /** A third-party transfer's data path is up (or was forced): which way it goes. */
  route(route: DataRoute): void;
  finish(summary: CopySummary): void;
}

export const silentReporter: CopyReporter = {
  start() {},
  fileStarted() {},
  progress() {},
  fileFinished() {},
  retrying() {},
  route() {},
  finish() {},
};
