/**
 * Progress for people: on a TTY, a live bar per active file and a total (bytes, rate, ETA),
 * redrawn in place by cli-progress; otherwise (a log, a pipe) a plain line per finished file.
 * Either way, one summary line per file: bytes, seconds, rate, or the error code. A dry run
 * (`--dry-run`) prints its plan with the LineReporter: a line per file and the space verdict.
 */
import cliProgress from 'cli-progress';
import { formatBytes, formatDuration, formatRate } from '../common/units.js';
import type { PlannedFile } from './copy-plan.js';
import { type CopyReporter, type CopySummary, type DataRoute, type DryRunSpace, type FileResult, describeRoute } from './reporter.js';

/** One line for a file's result; `dryRun`: the plan's word ("would fail", not "FAILED"). */
export function describeResult(r: FileResult, dryRun = false): string {
  switch (r.status) {
    case 'done':
      return `${r.destination}: ${formatBytes(r.bytes)} in ${formatDuration(r.seconds)} (${formatRate(r.bytes / Math.max(r.seconds, 1e-3))}) ${r.digest ?? ''}`.trimEnd();
    case 'skipped':
      return `${r.destination}: skipped (${r.reason ?? 'exists'})`;
    case 'failed':
      return `${r.source}: ${dryRun ? 'would fail:' : 'FAILED'} ${r.error?.code ?? ''} ${r.error?.message ?? ''}`.trimEnd();
    case 'planned':
      return `${r.source} -> ${r.destination}: would copy ${formatBytes(r.size)}`;
  }
}

export function describeRetry(files: number, attempt: number, retries: number, delayMs: number): string {
  return `retrying ${files} file(s) in ${formatDuration(delayMs / 1000)} (retry ${attempt} of ${retries})`;
}

function describeSpace(space: DryRunSpace): string {
  if (space.neededBytes === 0) return 'nothing to write to disk';
  const verdict = space.spaceOk ? 'enough' : 'NOT ENOUGH: the copy would fail with E_NO_SPACE';
  return `${formatBytes(space.freeBytes)} free at the destination, ${formatBytes(space.neededBytes)} needed: ${verdict}`;
}

/** The last line of a dry run: what would be copied, skipped and refused, and the space verdict. */
export function describeDryRun(s: CopySummary, space: DryRunSpace): string {
  const planned = s.files.filter((f) => f.status === 'planned');
  const skipped = s.files.filter((f) => f.status === 'skipped').length;
  const failed = s.files.filter((f) => f.status === 'failed').length;
  const parts = [`${planned.length} to copy (${formatBytes(planned.reduce((n, f) => n + f.size, 0))})`];
  if (skipped) parts.push(`${skipped} skipped`);
  if (failed) parts.push(`${failed} would fail`);
  return `dry run, nothing moved: ${parts.join(', ')}; ${describeSpace(space)}`;
}

export function describeSummary(s: CopySummary): string {
  if (s.dryRun) return describeDryRun(s, s.dryRun);
  const done = s.files.filter((f) => f.status === 'done').length;
  const failed = s.files.filter((f) => f.status === 'failed').length;
  const skipped = s.files.filter((f) => f.status === 'skipped').length;
  const parts = [`${done} done`];
  if (skipped) parts.push(`${skipped} skipped`);
  if (failed) parts.push(`${failed} failed`);
  const resumed = s.bytes > s.movedBytes ? `, ${formatBytes(s.bytes - s.movedBytes)} of it already there (resumed)` : '';
  return `${parts.join(', ')}: ${formatBytes(s.bytes)} in ${formatDuration(s.seconds)} (${formatRate(s.bytes / Math.max(s.seconds, 1e-3))})${resumed}`;
}

/** A line per file and a summary, for logs and pipes. */
export class LineReporter implements CopyReporter {
  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly quiet: boolean,
    /** A dry run's plan: a refused file "would fail" rather than "FAILED". */
    private readonly dryRun = false,
  ) {}
  start(): void {}
  fileStarted(): void {}
  progress(): void {}
  fileFinished(_i: number, result: FileResult): void {
    if (this.quiet && result.status !== 'failed') return;
    this.out.write(`${describeResult(result, this.dryRun)}\n`);
  }
  retrying(files: number, attempt: number, retries: number, delayMs: number): void {
    if (!this.quiet) this.out.write(`${describeRetry(files, attempt, retries, delayMs)}\n`);
  }
  route(route: DataRoute): void {
    if (!this.quiet) this.out.write(`${describeRoute(route)}\n`);
  }
  finish(summary: CopySummary): void {
    if (!this.quiet) this.out.write(`${describeSummary(summary)}\n`);
  }
}

/** Live bars on a terminal. */
export class TtyReporter implements CopyReporter {
  private multibar: cliProgress.MultiBar | undefined;
  private total: cliProgress.SingleBar | undefined;
  private readonly bars = new Map<number, cliProgress.SingleBar>();
  private readonly bytes = new Map<number, number>();
  private planned: readonly PlannedFile[] = [];
  private totalBytes = 0;
  private startedAt = 0;

  constructor(private readonly out: NodeJS.WriteStream) {}

  start(files: readonly PlannedFile[], label: string): void {
    this.planned = files;
    this.totalBytes = files.reduce((n, f) => n + f.size, 0);
    this.startedAt = performance.now();
    this.multibar = new cliProgress.MultiBar(
      {
        stream: this.out,
        hideCursor: true,
        clearOnComplete: true,
        fps: 8,
        barsize: 24,
        format: (options, params, payload: { name: string; rate: string; eta: string; size: string }) => {
          const bar = cliProgress.Format.BarFormat(params.progress, options);
          return `${bar} ${(params.progress * 100).toFixed(0).padStart(3)}% ${payload.size.padStart(21)} ${payload.rate.padStart(11)} ETA ${payload.eta.padEnd(6)} ${payload.name}`;
        },
      },
      cliProgress.Presets.shades_classic,
    );
    this.total = this.multibar.create(
      Math.max(this.totalBytes, 1),
      0,
      this.payload(0, this.totalBytes, `total: ${files.length} file(s), ${label}`),
    );
  }

  fileStarted(): void {}

  private payload(done: number, size: number, name: string) {
    const seconds = (performance.now() - this.startedAt) / 1000;
    const rate = done / Math.max(seconds, 1e-3);
    const eta = rate > 0 ? formatDuration((size - done) / rate) : '--';
    return { name, rate: formatRate(rate), eta, size: `${formatBytes(done)}/${formatBytes(size)}` };
  }

  progress(index: number, bytes: number): void {
    const file = this.planned[index];
    if (!file || !this.multibar) return;
    this.bytes.set(index, bytes);
    let bar = this.bars.get(index);
    if (!bar) {
      bar = this.multibar.create(Math.max(file.size, 1), 0, this.payload(0, file.size, file.destination));
      this.bars.set(index, bar);
    }
    bar.update(bytes, this.payload(bytes, file.size, file.destination));
    this.updateTotal();
  }

  private updateTotal(): void {
    let done = 0;
    for (const b of this.bytes.values()) done += b;
    this.total?.update(done, this.payload(done, this.totalBytes, `total: ${this.planned.length} file(s)`));
  }

  fileFinished(index: number, result: FileResult): void {
    const bar = this.bars.get(index);
    if (bar) {
      this.multibar?.remove(bar);
      this.bars.delete(index);
    }
    if (result.status === 'done') this.bytes.set(index, result.bytes);
    this.updateTotal();
    this.multibar?.log(`${describeResult(result)}\n`);
  }

  retrying(files: number, attempt: number, retries: number, delayMs: number): void {
    this.multibar?.log(`${describeRetry(files, attempt, retries, delayMs)}\n`);
  }

  route(route: DataRoute): void {
    this.multibar?.log(`${describeRoute(route)}\n`);
  }

  finish(summary: CopySummary): void {
    this.multibar?.stop();
    this.out.write(`${describeSummary(summary)}\n`);
  }
}
