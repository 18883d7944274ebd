/**
 * Steps 1 and 2 of a copy: what the sources are, and where each lands. A source server expands
 * its sources itself (wildcards, and with `-r` whole trees, ACL-judged entry by entry: the
 * expandRequest); local sources are walked here by the same rules. Then the destination is
 * asked what its path is, and copy-plan.ts decides every file's and folder's destination.
 */
import path from 'node:path';
import type { Endpoint } from '../common/endpoint.js';
import { encodeEnvelope } from '../common/control-codec.js';
import { EtxError } from '../common/errors.js';
import type { FileInfo } from '../common/messages.js';
import { displayPath } from '../common/path-rules.js';
import type { ControlClient } from './control-client.js';
import { type PlanFailure, type PlannedFile, type PlannedFolder, planTree, sortRoots, splitTrailingSlash } from './copy-plan.js';
import { expandLocal, statLocal } from './local-files.js';
import type { FileResult } from './reporter.js';

export interface SourcePlan {
  planned: PlannedFile[];
  /** Folders to create on the destination (recursive), parents first. */
  folders: PlannedFolder[];
  /** Sources and entries that will not be copied, as failed results. */
  preFailed: FileResult[];
  /** Entries left out on purpose (links inside a tree), with why. */
  skipped: Array<{ source: string; reason: string }>;
}

/**
 * The largest control message a server accepts (its --max-control-message-bytes can be set no
 * higher). A transfer's file list travels in one message each way (prepareReceive, prepareSend):
 * a plan that cannot fit is refused here, clearly, rather than by a server closing the connection.
 */
const MAX_SERVER_MESSAGE_BYTES = 1024 * 1024;

function checkFits(files: readonly PlannedFile[], folders: readonly PlannedFolder[]): void {
  const receive = encodeEnvelope({
    id: 1,
    msg: {
      type: 'prepareReceive',
      files: files.map((f) => ({ path: f.destination, size: f.size, mode: f.mode, mtimeMs: f.mtimeMs ?? 0 })),
      mode: 'new',
      streams: 1,
      chunkSizeBytes: 0,
      folders: folders.map((f) => ({ path: f.destination, mtimeMs: f.mtimeMs })),
    },
  }).length;
  const send = files.reduce((n, f) => n + Buffer.byteLength(f.source) + 32, 256);
  const bytes = Math.max(receive + 256, send);
  if (bytes > MAX_SERVER_MESSAGE_BYTES) {
    throw new EtxError(
      'E_TOO_LARGE',
      `${files.length} files and ${folders.length} folders take ${bytes} bytes to name, more than one control message ` +
        `carries (${MAX_SERVER_MESSAGE_BYTES}); copy them in parts`,
    );
  }
}

function failed(f: PlanFailure): FileResult {
  return { source: f.source, destination: f.destination, size: 0, status: 'failed', error: f.error, bytes: 0, seconds: 0 };
}

async function destinationInfo(dst: ControlClient | undefined, dstPath: string): Promise<FileInfo> {
  if (!dst) return statLocal(dstPath);
  const [entry] = (await dst.request({ type: 'statRequest', paths: [dstPath], right: 'write' }, 'statReply')).entries;
  if (!entry || entry.error) throw new EtxError(entry?.error?.code ?? 'E_PROTOCOL', entry?.error?.message ?? 'no answer');
  return entry.info!;
}

export async function planSources(
  src: ControlClient | undefined,
  dst: ControlClient | undefined,
  sources: readonly Endpoint[],
  destination: Endpoint,
  recursive: boolean,
): Promise<SourcePlan> {
  // A trailing '/' on a source names the same folder (as cp -r): the server gets the path without it.
  const split = sources.map((s) => splitTrailingSlash(s.path));
  // A local `.` or `..` is named after the folder it is (`copy -r . host:/x/` makes /x/<this folder's name>).
  const paths = split.map((s) => (src || !/(^|\/)\.\.?$/.test(s.path) ? s.path : path.resolve(s.path)));
  const roots = src
    ? (await src.request({ type: 'expandRequest', paths, recursive, right: 'read' }, 'expandReply')).roots
    : await expandLocal(paths, recursive);
  const { path: dstPath, wantsFolder } = splitTrailingSlash(destination.path);
  const sorted = sortRoots(
    roots,
    paths,
    split.map((s) => s.wantsFolder),
    recursive,
    dstPath,
  );
  const plan: SourcePlan = { planned: [], folders: [], preFailed: sorted.failed.map(failed), skipped: [] };
  if (sorted.ok.length === 0) return plan;
  const info = await destinationInfo(dst, dstPath);
  const tree = planTree(sorted.ok, dstPath, info, wantsFolder, sources.length > 1 || roots.length > 1);
  checkFits(tree.files, tree.folders);
  plan.planned = tree.files;
  plan.folders = tree.folders;
  plan.preFailed.push(...tree.failed.map(failed));
  // Printed as notices: shown safely (a local link's name may hold control characters).
  plan.skipped = tree.skipped.map((k) => ({ source: displayPath(k.source, 4096), reason: k.reason }));
  return plan;
}
