/**
 * The folders of a recursive copy on the destination's side: asked of a destination server
 * with the files (prepareReceive), or made here when this client is the destination, and given
 * their source's mtime once the files are in. A folder that cannot be made is a failed result
 * of its own (its files then fail on their own too).
 */
import type { FileOutcome, FolderSpec } from '../common/messages.js';
import type { PlannedFolder } from './copy-plan.js';
import { makeLocalFolders, setLocalFolderTimes } from './local-files.js';
import type { CopyReporter, FileResult } from './reporter.js';

export class CopyFolders {
  /** The latest failure of each folder, by index. */
  private readonly failures = new Map<number, FileResult>();

  constructor(
    readonly folders: readonly PlannedFolder[],
    private readonly reporter: CopyReporter,
  ) {}

  get any(): boolean {
    return this.folders.length > 0;
  }

  /** What a prepareReceive carries for them (nothing when there are none, as before -r existed). */
  request(): { folders?: FolderSpec[] } {
    if (this.folders.length === 0) return {};
    return { folders: this.folders.map((f) => (f.mtimeMs > 0 ? { path: f.destination, mtimeMs: f.mtimeMs } : { path: f.destination })) };
  }

  /** The destination's word on each folder (same order). Each failure is reported once. */
  apply(outcomes: readonly FileOutcome[] | undefined): void {
    if (this.folders.length === 0) return;
    this.folders.forEach((folder, i) => {
      const outcome = outcomes?.[i] ?? {
        state: 'failed' as const,
        error: { code: 'E_PROTOCOL' as const, message: 'the destination did not answer for this folder' },
      };
      if (outcome.state !== 'failed') {
        this.failures.delete(i);
        return;
      }
      const known = this.failures.has(i);
      const result: FileResult = {
        source: folder.source,
        destination: folder.destination,
        size: 0,
        status: 'failed',
        error: outcome.error,
        bytes: 0,
        seconds: 0,
      };
      this.failures.set(i, result);
      if (!known) this.reporter.fileFinished(-1, result);
    });
  }

  /** This client is the destination: make them here (parents first). */
  async makeHere(): Promise<void> {
    if (this.folders.length === 0) return;
    const errors = await makeLocalFolders(this.folders);
    this.apply(
      errors.map((e): FileOutcome => (e ? { state: 'failed', error: { code: e.code, message: e.message } } : { state: 'accepted' })),
    );
  }

  /** This client is the destination: the files are in, give the folders their times. */
  async setTimesHere(): Promise<void> {
    await setLocalFolderTimes(this.folders.filter((_, i) => !this.failures.has(i)));
  }

  /** The folders that could not be made, as failed results for the summary. */
  results(): FileResult[] {
    return [...this.failures.values()];
  }
}
