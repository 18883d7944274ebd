/**
 * Follows one transfer's events (from the receiving server, or the client's own session) and
 * turns them into per-file results and progress for the reporter. The receiver's word decides
 * a file's fate: only it knows the file was verified and published.
 */
import type { EtxError } from '../common/errors.js';
import { formatDigest } from '../transfer/chunk-hash.js';
import type { CodedError, TransferEvent } from '../common/messages.js';
import type { PlannedFile } from './copy-plan.js';
import type { CopyReporter, FileResult } from './reporter.js';

export class TransferTracker {
  private readonly startedAt = new Map<number, number>();
  private readonly bytes = new Map<number, number>();
  private readonly unresolved: Set<number>;
  private resolveDone!: () => void;
  /**
   * Resolves when the transfer has ended (the receiver's final word, or a lost connection):
   * every accepted file then has a result, and `movedBytes` is known.
   */
  readonly finished: Promise<void>;

  constructor(
    private readonly planned: readonly PlannedFile[],
    accepted: readonly number[],
    private readonly results: Array<FileResult | undefined>,
    private readonly reporter: CopyReporter,
  ) {
    this.unresolved = new Set(accepted);
    this.finished = new Promise((resolve) => {
      this.resolveDone = resolve;
    });
    const now = performance.now();
    for (const i of accepted) this.startedAt.set(i, now);
    for (const i of accepted) reporter.fileStarted(i);
    if (this.unresolved.size === 0) this.resolveDone();
  }

  get pending(): boolean {
    return this.unresolved.size > 0;
  }

  progress(fileIndex: number, bytes: number): void {
    if (!this.unresolved.has(fileIndex)) return;
    this.bytes.set(fileIndex, bytes);
    this.reporter.progress(fileIndex, bytes);
  }

  fileDone(fileIndex: number, bytes: number, digest: Buffer): void {
    this.settle(fileIndex, 'done', bytes, undefined, formatDigest(digest));
  }

  fileFailed(fileIndex: number, error: CodedError): void {
    this.settle(fileIndex, 'failed', this.bytes.get(fileIndex) ?? 0, error);
  }

  /** Bytes the receiver reported moving over the network (less than the files' sizes when it resumed). */
  movedBytes = 0;

  /** The transfer ended: whatever has no result yet failed with `error`. */
  end(error: CodedError | undefined, movedBytes = 0): void {
    this.movedBytes += movedBytes;
    const why = error ?? { code: 'E_PEER', message: 'the transfer ended before this file completed' };
    for (const i of [...this.unresolved]) this.fileFailed(i, why);
    this.resolveDone();
  }

  /** Feeds an event of the receiving server. */
  onReceiverEvent(event: TransferEvent): void {
    switch (event.kind) {
      case 'progress':
        for (const p of event.progress) this.progress(p.fileIndex, p.bytes);
        return;
      case 'fileDone':
        this.fileDone(event.fileIndex, event.bytes, event.digest);
        return;
      case 'fileFailed':
        this.fileFailed(event.fileIndex, event.error);
        return;
      case 'transferDone':
        this.end(undefined, event.bytes);
        return;
      case 'transferFailed':
        this.end(event.error);
        return;
    }
  }

  private settle(fileIndex: number, status: 'done' | 'failed', bytes: number, error?: CodedError, digest?: string): void {
    if (!this.unresolved.delete(fileIndex)) return;
    const file = this.planned[fileIndex]!;
    const seconds = (performance.now() - (this.startedAt.get(fileIndex) ?? performance.now())) / 1000;
    const result: FileResult = { source: file.source, destination: file.destination, size: file.size, status, bytes, seconds };
    if (error) result.error = error;
    if (digest) result.digest = digest;
    this.results[fileIndex] = result;
    this.reporter.fileFinished(fileIndex, result);
  }
}

export function codedError(err: EtxError): CodedError {
  return { code: err.code, message: err.message };
}
