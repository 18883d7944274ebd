/**
 * Deciding what happens to one destination file under a write mode, and how its sink is made.
 * Shared by a server (after its ACL allowed the write) and a laptop pulling files (its own disk).
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { EtxError, toEtxError } from '../common/errors.js';
import type { FileOutcome, WriteMode } from '../common/messages.js';
import { PinnedDirectory, makeFolderPath } from './pinned-directory.js';
import {
  type ChunkClaim,
  type DirectoryListings,
  type FileSink,
  NullSink,
  PartialFileSink,
  WholeFileSink,
  findPartials,
} from './file-sink.js';

/** `smallFileBytes`: a new file up to this size is written whole (WholeFileSink); 0 or unset: never. */
export type OpenSink = (
  transferId: string,
  chunkSize: number,
  smallFileBytes?: number,
) => Promise<{ sink: FileSink; claims: ChunkClaim[] }>;

export interface WritePlan {
  outcome: FileOutcome;
  /** Set when accepted and a real file: where the final file goes. */
  finalPath?: string;
  /** Set when accepted: opens the sink (continuing an earlier partial when there is one). */
  openSink?: OpenSink;
  /** An earlier partial of this file exists (or --mode resume found a shorter final file). */
  mayResume?: boolean;
  /** Set for /dev/null: the bytes are thrown away, so there is nothing to verify or protect. */
  discard?: boolean;
}

/** The plan for the /dev/null sink. */
export const DISCARD_PLAN: WritePlan = {
  outcome: { state: 'accepted' },
  openSink: async () => ({ sink: new NullSink(), claims: [] }),
  discard: true,
};

export function failedPlan(err: unknown): WritePlan {
  const e = toEtxError(err);
  return { outcome: { state: 'failed', error: { code: e.code, message: e.message } } };
}

/**
 * `finalPath` is resolved and judged already; `label` is how the user named it. A refusal is an
 * outcome (the rest of the files go on), never a throw.
 */
export async function planFileWrite(
  finalPath: string,
  label: string,
  mode: WriteMode,
  fileMode: number,
  size: number,
  onPartialCreated?: (partialPath: string) => void,
  listings?: DirectoryListings,
  /** The source's mtime (ms), given to the published file; unset or 0: the time it was written. */
  mtimeMs?: number,
): Promise<WritePlan> {
  try {
    const existing = await fsp.lstat(finalPath).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw toEtxError(err, label);
    });
    if (existing) {
      if (existing.isDirectory()) throw new EtxError('E_IS_A_DIRECTORY', `${label} is a folder`);
      if (mode === 'skip-existing') return { outcome: { state: 'skipped', reason: `${label} exists` } };
      if (mode === 'new') throw new EtxError('E_EXISTS', `${label} exists (use --overwrite to replace it, or --resume)`);
      if (!existing.isFile()) throw new EtxError('E_EXISTS', `${label} exists and is not a regular file`);
    }
    const mayResume = (await findPartials(finalPath, listings)).length > 0 || (mode === 'resume' && existing !== undefined);
    return {
      outcome: { state: 'accepted' },
      finalPath,
      mayResume,
      openSink: async (transferId, chunkSize, smallFileBytes = 0) => {
        const dir = path.dirname(finalPath);
        let folder: PinnedDirectory;
        try {
          folder = await PinnedDirectory.pin(dir, label);
        } catch (err) {
          if (toEtxError(err).code !== 'E_NOT_FOUND') throw err;
          // The folder is missing: the write right includes creating it.
          await makeFolderPath(dir, label);
          folder = await PinnedDirectory.pin(dir, label);
        }
        // From here on, every operation on this file happens inside the pinned folder.
        const pinnedFinal = folder.entry(path.basename(finalPath));
        const options = {
          finalPath: pinnedFinal,
          folder,
          mode,
          fileMode,
          transferId,
          label,
          size,
          chunkSize,
          onPartialCreated,
          mayResume,
          mtimeMs,
        };
        try {
          // Nothing to resume and small: held in memory and written whole with synchronous calls.
          if (!mayResume && smallFileBytes > 0 && size <= smallFileBytes && size <= chunkSize) {
            return { sink: new WholeFileSink(options), claims: [] };
          }
          return await PartialFileSink.open(options);
        } catch (err) {
          await folder.release();
          throw err;
        }
      },
    };
  } catch (err) {
    return failedPlan(err);
  }
}
