/** What a copy tells the person (or script) watching it. Progress displays implement this. */
import type { CodedError } from '../common/messages.js';
import type { PlannedFile } from './copy-plan.js';

export type FileStatus = 'done' | 'failed' | 'skipped';

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
}

export interface CopyReporter {
  start(files: readonly PlannedFile[], label: string): void;
  /** Cumulative bytes of file `index` (index into the planned files). */
  progress(index: number, bytes: number): void;
  /** `index` is -1 for a source that failed before it was planned (not found, denied). */
  fileFinished(index: number, result: FileResult): void;
  /** `files` failed for a reason a retry may cure: attempt `attempt` of `retries` starts after `delayMs`. */
  retrying(files: number, attempt: number, retries: number, delayMs: number): void;
  finish(summary: CopySummary): void;
}

export const silentReporter: CopyReporter = {
  start() {},
  progress() {},
  fileFinished() {},
  retrying() {},
  finish() {},
};
