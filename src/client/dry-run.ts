/**
 * `copy --dry-run`: what a copy would do, judged where a real copy is judged. The source stats
 * the sources (as always); the destination judges each write as it would for a real prepare (its
 * ACL, the write mode against existing files, one writer per path) and checks its free space, but
 * mints no ticket, reserves nothing and creates nothing. A laptop destination judges itself the
 * same way (its own permissions, the mode, its free space). Nothing is moved on either side.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { EtxError } from '../common/errors.js';
import type { FileOutcome, WriteMode } from '../common/messages.js';
import { DirectoryListings } from '../transfer/file-sink.js';
import type { ControlClient } from './control-client.js';
import type { PlannedFile } from './copy-plan.js';
import { planLocalWrite } from './local-files.js';
import type { CopyReporter, CopySummary, DryRunSpace, FileResult } from './reporter.js';

export interface DryRunOptions {
  mode: WriteMode;
  streams: number;
  chunkSizeBytes: number;
  reporter: CopyReporter;
}

interface WriteJudgement {
  outcomes: FileOutcome[];
  space: DryRunSpace;
}

/** Free bytes where `file` would be written: its deepest existing folder. */
async function localFreeBytes(file: string): Promise<number> {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    try {
      const st = await fsp.statfs(dir);
      return st.bavail * st.bsize;
    } catch {
      const up = path.dirname(dir);
      if (up === dir) return Number.MAX_SAFE_INTEGER;
      dir = up;
    }
  }
}

async function judgeRemote(dst: ControlClient, planned: readonly PlannedFile[], options: DryRunOptions): Promise<WriteJudgement> {
  const reply = await dst.request(
    {
      type: 'prepareReceive',
      files: planned.map((f) => ({ path: f.destination, size: f.size, mode: f.mode })),
      mode: options.mode,
      streams: options.streams,
      chunkSizeBytes: options.chunkSizeBytes,
      dryRun: true,
    },
    'receivePlan',
  );
  if (reply.files.length !== planned.length) throw new EtxError('E_PROTOCOL', 'the destination answered for a different number of files');
  const { freeBytes, neededBytes } = reply;
  return { outcomes: reply.files, space: { freeBytes, neededBytes, spaceOk: freeBytes >= neededBytes } };
}

/** This machine is the destination: the checks pullToHere makes, and its free space (no margin: a pull keeps none). */
async function judgeLocal(planned: readonly PlannedFile[], mode: WriteMode): Promise<WriteJudgement> {
  const listings = new DirectoryListings();
  const plans = await Promise.all(planned.map((f) => planLocalWrite(f.destination, mode, f.mode, f.size, listings)));
  let neededBytes = 0;
  let firstWrite: string | undefined;
  plans.forEach((plan, i) => {
    if (plan.outcome.state !== 'accepted' || plan.finalPath === undefined) return;
    neededBytes += planned[i]!.size;
    firstWrite ??= plan.finalPath;
  });
  const freeBytes = firstWrite !== undefined && neededBytes > 0 ? await localFreeBytes(firstWrite) : 0;
  return { outcomes: plans.map((p) => p.outcome), space: { freeBytes, neededBytes, spaceOk: freeBytes >= neededBytes } };
}

/**
 * Reports the plan of a copy (`planned` after the sources were stat'ed; `preFailed` could not be
 * planned) through the reporter, each file as `planned`, `skipped` or `failed`, and returns its
 * summary. `dst` is the destination's control connection, or undefined when this machine is it.
 */
export async function reportDryRun(
  dst: ControlClient | undefined,
  planned: readonly PlannedFile[],
  preFailed: readonly FileResult[],
  options: DryRunOptions,
  started: number,
  controlBytes: () => number,
): Promise<CopySummary> {
  const judged: WriteJudgement =
    planned.length === 0
      ? { outcomes: [], space: { freeBytes: 0, neededBytes: 0, spaceOk: true } }
      : dst
        ? await judgeRemote(dst, planned, options)
        : await judgeLocal(planned, options.mode);
  const results = planned.map((file, i): FileResult => {
    const outcome = judged.outcomes[i]!;
    const base = { source: file.source, destination: file.destination, size: file.size, bytes: 0, seconds: 0 };
    const result: FileResult =
      outcome.state === 'accepted'
        ? { ...base, status: 'planned' }
        : outcome.state === 'skipped'
          ? { ...base, status: 'skipped', reason: outcome.reason }
          : { ...base, status: 'failed', error: outcome.error };
    options.reporter.fileFinished(i, result);
    return result;
  });
  const summary: CopySummary = {
    files: [...preFailed, ...results],
    bytes: 0,
    seconds: (performance.now() - started) / 1000,
    viaClient: false,
    controlBytes: controlBytes(),
    movedBytes: 0,
    dryRun: judged.space,
  };
  options.reporter.finish(summary);
  return summary;
}
