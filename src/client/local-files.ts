/**
 * The laptop's own files, when it is one end of a copy: stat its sources, open them, and plan
 * its writes. No ACL applies (the user's own permissions do); the receiver rules still do: only
 * the planned files, never past their size, no symlinks created, modes masked.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { EtxError, toEtxError } from '../common/errors.js';
import type { FileInfo, WriteMode } from '../common/messages.js';
import { isNullSink, parseZeroSource } from '../common/special-paths.js';
import { type ChunkSource, FileChunkSource, ZeroChunkSource } from '../transfer/chunk-source.js';
import type { DirectoryListings } from '../transfer/file-sink.js';
import { resolveThroughExisting } from '../transfer/pinned-directory.js';
import { DISCARD_PLAN, type WritePlan, planFileWrite } from '../transfer/write-plan.js';

function typeOf(st: import('node:fs').Stats): FileInfo['type'] {
  return st.isFile() ? 'file' : st.isDirectory() ? 'directory' : st.isSymbolicLink() ? 'symlink' : 'other';
}

export async function statLocal(p: string): Promise<FileInfo> {
  const zero = parseZeroSource(p);
  if (zero !== undefined) return { name: 'zero', type: 'file', size: zero, mtimeMs: 0, mode: 0o644 };
  if (isNullSink(p)) return { name: 'null', type: 'other', size: 0, mtimeMs: 0, mode: 0o666 };
  try {
    const st = await fsp.stat(p);
    return {
      name: path.basename(p),
      type: typeOf(st),
      size: st.isFile() ? st.size : 0,
      mtimeMs: Math.floor(st.mtimeMs),
      mode: st.mode & 0o7777,
    };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { name: path.basename(p), type: 'missing', size: 0, mtimeMs: 0, mode: 0 };
    throw toEtxError(err, p);
  }
}

export function openLocalSource(p: string, size: number): () => Promise<ChunkSource> {
  if (parseZeroSource(p) !== undefined) return async () => new ZeroChunkSource(size);
  // The laptop's own file: its links are the user's to follow, once, before the no-follow open.
  return async () => FileChunkSource.open(await resolveThroughExisting(path.resolve(p), p), size, p);
}

export async function planLocalWrite(
  p: string,
  mode: WriteMode,
  fileMode: number,
  size: number,
  listings?: DirectoryListings,
): Promise<WritePlan> {
  if (isNullSink(p)) return DISCARD_PLAN;
  const absolute = path.resolve(p);
  // Resolve the folder's links once; the file itself is never followed (partials are O_EXCL|O_NOFOLLOW).
  const dir = await resolveThroughExisting(path.dirname(absolute), p);
  return planFileWrite(path.join(dir, path.basename(absolute)), p, mode, fileMode, size, undefined, listings);
}

export function ensureSourceFile(p: string, info: FileInfo): void {
  if (info.type === 'missing') throw new EtxError('E_NOT_FOUND', `${p}: no such file`);
  if (info.type === 'directory') throw new EtxError('E_IS_A_DIRECTORY', `${p} is a folder (recursive copy is not supported yet)`);
  if (info.type !== 'file') throw new EtxError('E_IO', `${p} is not a regular file`);
}
