/**
 * `--json`: a copy's events as NDJSON on stdout, one object per line, each with a `type`. The
 * event names and fields are a contract with users' scripts (README, "Machine-readable output"):
 * add fields, never rename or remove them. Error codes are the same as on the wire and in logs.
 *
 *   plan          once, first: every planned file (index, source, destination, size), total_bytes
 *   file_start    a planned file is handed to a transfer (again on a retry, with its attempt)
 *   progress      at most every `minProgressIntervalMs` (250: four a second) over the whole copy:
 *                 bytes of each active file, bytes of the whole copy, total_bytes, seconds
 *   file_done     bytes, seconds, digest (`blake3-tree:<hex>`)
 *   file_failed   code, message (`index` absent for a source that failed before it was planned)
 *   file_skipped  reason
 *   file_planned  dry run only: the file would be copied
 *   retry         files, attempt, retries, delay_ms
 *   summary       last: counts per status, bytes, seconds, exit_code (the command's exit status);
 *                 a dry run adds dry_run, planned_bytes, free_bytes, needed_bytes, space_ok
 *   error         (main.ts) the command ended early: code, message, exit_code
 */
import type { FileInfo } from '../common/messages.js';
import type { PlannedFile } from './copy-plan.js';
import type { ListOutcome } from './list.js';
import { type CopyReporter, type CopySummary, type DataRoute, type FileResult, summaryExitCode } from './reporter.js';

export interface JsonReporterOptions {
  /** The plan of a dry run (`plan` and `summary` say so). */
  dryRun?: boolean;
  /** Least time between two `progress` events. */
  minProgressIntervalMs?: number;
  /** Clock in milliseconds (tests). */
  now?: () => number;
}

export const JSON_PROGRESS_INTERVAL_MS = 250;

/** One NDJSON line: the object with its `type` first. */
export function jsonLine(type: string, fields: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ type, ...fields })}\n`;
}

function round3(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

function fileFields(index: number, file: { source: string; destination: string; size: number }): Record<string, unknown> {
  return { ...(index >= 0 ? { index } : {}), source: file.source, destination: file.destination, size: file.size };
}

export class JsonReporter implements CopyReporter {
  private planned: readonly PlannedFile[] = [];
  private totalBytes = 0;
  private startedAt = 0;
  private lastProgressAt = Number.NEGATIVE_INFINITY;
  /** Bytes of the files in a transfer now. */
  private readonly active = new Map<number, number>();
  /** Bytes of the files done. */
  private doneBytes = 0;
  private readonly attempts = new Map<number, number>();
  private readonly minIntervalMs: number;
  private readonly now: () => number;

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly options: JsonReporterOptions = {},
  ) {
    this.minIntervalMs = options.minProgressIntervalMs ?? JSON_PROGRESS_INTERVAL_MS;
    this.now = options.now ?? (() => performance.now());
  }

  private emit(type: string, fields: Record<string, unknown>): void {
    this.out.write(jsonLine(type, fields));
  }

  start(files: readonly PlannedFile[], label: string): void {
    this.planned = files;
    this.totalBytes = files.reduce((n, f) => n + f.size, 0);
    this.startedAt = this.now();
    this.emit('plan', {
      ...(this.options.dryRun ? { dry_run: true } : {}),
      label,
      files: files.map((f, i) => fileFields(i, f)),
      total_bytes: this.totalBytes,
    });
  }

  fileStarted(index: number): void {
    const file = this.planned[index];
    if (!file) return;
    const attempt = (this.attempts.get(index) ?? 0) + 1;
    this.attempts.set(index, attempt);
    this.active.set(index, 0);
    this.emit('file_start', { ...fileFields(index, file), attempt });
  }

  progress(index: number, bytes: number): void {
    if (!this.active.has(index)) return;
    this.active.set(index, bytes);
    const now = this.now();
    if (now - this.lastProgressAt < this.minIntervalMs) return;
    this.lastProgressAt = now;
    let total = this.doneBytes;
    const files: Array<{ index: number; bytes: number; size: number }> = [];
    for (const [i, b] of this.active) {
      total += b;
      files.push({ index: i, bytes: b, size: this.planned[i]!.size });
    }
    this.emit('progress', { files, bytes: total, total_bytes: this.totalBytes, seconds: round3((now - this.startedAt) / 1000) });
  }

  fileFinished(index: number, result: FileResult): void {
    this.active.delete(index);
    const base = fileFields(index, result);
    switch (result.status) {
      case 'done':
        this.doneBytes += result.bytes;
        this.emit('file_done', { ...base, bytes: result.bytes, seconds: round3(result.seconds), digest: result.digest ?? null });
        return;
      case 'failed':
        this.emit('file_failed', {
          ...base,
          code: result.error?.code ?? 'E_INTERNAL',
          message: result.error?.message ?? '',
          bytes: result.bytes,
          seconds: round3(result.seconds),
        });
        return;
      case 'skipped':
        this.emit('file_skipped', { ...base, reason: result.reason ?? '' });
        return;
      case 'planned':
        this.emit('file_planned', base);
        return;
    }
  }

  retrying(files: number, attempt: number, retries: number, delayMs: number): void {
    this.emit('retry', { files, attempt, retries, delay_ms: delayMs });
  }

  route(route: DataRoute): void {
    this.emit('route', {
      direction: route.direction,
      dialer: route.dialer,
      listener: route.listener,
      ...(route.via ? { via: route.via } : {}),
      ...(route.overControlPort ? { over_control_port: true } : {}),
      ...(route.reason ? { reason: route.reason } : {}),
    });
  }

  finish(summary: CopySummary): void {
    this.emit('summary', summaryFields(summary));
  }
}

/** The `summary` event's fields (also the manifest's summary). */
export function summaryFields(summary: CopySummary): Record<string, unknown> {
  const count = (status: FileResult['status']) => summary.files.filter((f) => f.status === status).length;
  const fields: Record<string, unknown> = {
    files: summary.files.length,
    done: count('done'),
    failed: count('failed'),
    skipped: count('skipped'),
    bytes: summary.bytes,
    moved_bytes: summary.movedBytes,
    seconds: round3(summary.seconds),
    exit_code: summaryExitCode(summary),
  };
  if (summary.dryRun) {
    const planned = summary.files.filter((f) => f.status === 'planned');
    Object.assign(fields, {
      dry_run: true,
      planned: planned.length,
      planned_bytes: planned.reduce((n, f) => n + f.size, 0),
      free_bytes: summary.dryRun.freeBytes,
      needed_bytes: summary.dryRun.neededBytes,
      space_ok: summary.dryRun.spaceOk,
    });
  }
  return fields;
}

function entryFields(e: FileInfo): Record<string, unknown> {
  return { name: e.name, type: e.type, size: e.size, mtime_ms: e.mtimeMs, mode: e.mode };
}

/** `ls --json`: the whole listing as one object (`type: "listing"`) on one line. */
export function listingJson(path: string, outcome: ListOutcome): string {
  return jsonLine('listing', {
    path,
    self: entryFields(outcome.self),
    entries: outcome.entries.map(entryFields),
    truncated: outcome.truncated,
  });
}
