/**
 * The laptop's own files, when it is one end of a copy: stat its sources, open them, and plan
 * its writes. No ACL applies (the user's own permissions do); the receiver rules still do: only
 * the planned files, never past their size, no symlinks created, modes masked.
 */
import fs, { promises as fsp } from 'node:fs';
import path from 'node:path';
import { EtxError, toEtxError } from '../common/errors.js';
import type { ExpandEntry, ExpandRoot, FileInfo, WriteMode } from '../common/messages.js';
import { isNullSink, parseZeroSource } from '../common/special-paths.js';
import { type ChunkSource, FileChunkSource, ZeroChunkSource, readWholeFile } from '../transfer/chunk-source.js';
import { type DirectoryListings, isPartialName, utimesSeconds } from '../transfer/file-sink.js';
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

/** How a sender reads the laptop's own file `p`: opened when due, or (small) read whole. */
export function localSource(p: string, size: number): { open(): Promise<ChunkSource>; readWhole?(): Buffer } {
  if (parseZeroSource(p) !== undefined) return { open: async () => new ZeroChunkSource(size) };
  // The laptop's own file: its links are the user's to follow, once, before the no-follow open.
  return {
    open: async () => FileChunkSource.open(await resolveThroughExisting(path.resolve(p), p), size, p),
    readWhole: () => readWholeFile(fs.realpathSync(path.resolve(p)), size, p),
  };
}

export async function planLocalWrite(
  p: string,
  mode: WriteMode,
  fileMode: number,
  size: number,
  listings?: DirectoryListings,
  /** The source's mtime (ms), given to the published file. */
  mtimeMs?: number,
): Promise<WritePlan> {
  if (isNullSink(p)) return DISCARD_PLAN;
  const absolute = path.resolve(p);
  // Resolve the folder's links once; the file itself is never followed (partials are O_EXCL|O_NOFOLLOW).
  const dir = await resolveThroughExisting(path.dirname(absolute), p);
  return planFileWrite(path.join(dir, path.basename(absolute)), p, mode, fileMode, size, undefined, listings, mtimeMs);
}

export function ensureSourceFile(p: string, info: FileInfo): void {
  if (info.type === 'missing') throw new EtxError('E_NOT_FOUND', `${p}: no such file`);
  if (info.type === 'directory') throw new EtxError('E_IS_A_DIRECTORY', `${p} is a folder (use -r to copy it)`);
  if (info.type !== 'file') throw new EtxError('E_IO', `${p} is not a regular file`);
}

/**
 * Most entries a local tree may have in one copy (a bound on this client's memory; the
 * destination server has its own, --max-files-per-request).
 */
export const MAX_LOCAL_TREE_ENTRIES = 1_000_000;

function infoOf(name: string, st: import('node:fs').Stats): FileInfo {
  return { name, type: typeOf(st), size: st.isFile() ? st.size : 0, mtimeMs: Math.floor(st.mtimeMs), mode: st.mode & 0o7777 };
}

/**
 * The laptop's sources, as a source server expands them (expandRequest): each named path
 * (followed if a link: the user named it) and, with `recursive`, everything below a folder,
 * depth first by name. Links inside a tree and special files are reported as skipped, never
 * followed; hidden partials of etransfer are left out. No wildcards: the shell expanded them.
 */
export async function expandLocal(
  paths: readonly string[],
  recursive: boolean,
  maxEntries = MAX_LOCAL_TREE_ENTRIES,
): Promise<ExpandRoot[]> {
  const roots: ExpandRoot[] = [];
  let count = 0;
  const take = (): void => {
    if (++count > maxEntries) throw new EtxError('E_TOO_LARGE', `more than ${maxEntries} files and folders to copy at once`);
  };
  for (const [source, p] of paths.entries()) {
    take();
    let info: FileInfo;
    try {
      info = await statLocal(p);
      if (info.type === 'missing') throw new EtxError('E_NOT_FOUND', `${p}: no such file or folder`);
    } catch (err) {
      const e = toEtxError(err);
      roots.push({ source, path: p, error: { code: e.code, message: e.message }, entries: [] });
      continue;
    }
    const entries: ExpandEntry[] = [];
    if (recursive && info.type === 'directory') await walkLocal(p, '', entries, take);
    roots.push({ source, path: p, info, entries });
  }
  return roots;
}

async function walkLocal(root: string, rel: string, entries: ExpandEntry[], take: () => void): Promise<void> {
  const dir = rel === '' ? root : path.join(root, rel);
  let names: string[];
  try {
    names = (await fsp.readdir(dir)).filter((n) => !isPartialName(n)).sort();
  } catch (err) {
    const e = toEtxError(err, dir);
    entries.push({ path: rel, error: { code: e.code, message: e.message } });
    return;
  }
  for (const name of names) {
    take();
    const childRel = rel === '' ? name : `${rel}/${name}`;
    let st: import('node:fs').Stats;
    try {
      st = await fsp.lstat(path.join(dir, name));
    } catch (err) {
      const e = toEtxError(err, path.join(dir, name));
      entries.push({ path: childRel, error: { code: e.code, message: e.message } });
      continue;
    }
    const info = infoOf(name, st);
    if (st.isSymbolicLink()) entries.push({ path: childRel, info, skipped: 'a symbolic link (links inside a tree are not followed)' });
    else if (!st.isFile() && !st.isDirectory()) entries.push({ path: childRel, info, skipped: 'not a regular file or folder' });
    else {
      entries.push({ path: childRel, info });
      if (st.isDirectory()) await walkLocal(root, childRel, entries, take);
    }
  }
}

/**
 * Creates the folders of a recursive pull here, with the laptop's own permissions (mode 0755
 * less the umask; missing parents too, as for files). An existing folder is fine. Returns one
 * error (or undefined) per folder.
 */
export async function makeLocalFolders(folders: ReadonlyArray<{ destination: string }>): Promise<Array<EtxError | undefined>> {
  const outcomes: Array<EtxError | undefined> = [];
  for (const { destination } of folders) {
    try {
      await fsp.mkdir(destination, { recursive: true, mode: 0o755 });
      if (!(await fsp.stat(destination)).isDirectory()) throw new EtxError('E_NOT_A_DIRECTORY', `${destination} is not a folder`);
      outcomes.push(undefined);
    } catch (err) {
      outcomes.push(toEtxError(err, `creating ${destination}`));
    }
  }
  return outcomes;
}

/** Gives local folders their source's mtime (and atime), children before parents; best effort. */
export async function setLocalFolderTimes(folders: ReadonlyArray<{ destination: string; mtimeMs: number }>): Promise<void> {
  for (const { destination, mtimeMs } of [...folders].reverse()) {
    if (mtimeMs <= 0) continue;
    const t = utimesSeconds(mtimeMs);
    await fsp.utimes(destination, t, t).catch(() => {});
  }
}
