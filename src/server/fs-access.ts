/**
 * Every file-system access a request makes goes through here, in one order: validate the path
 * (E_PATH, before any fs call), resolve its symlinks once, let the ACL judge the resolved path,
 * then act on that resolved path only. Sources and sinks for the transfer engine are made here.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { Acl, Principal, Right } from '../common/acl.js';
import { EtxError, toEtxError } from '../common/errors.js';
import type { FileInfo, FileSpec, FileType, WriteMode } from '../common/messages.js';
import { type PathLimits, DEFAULT_PATH_LIMITS, displayPath, validateRequestPath } from '../common/path-rules.js';
import { NULL_SINK, ZERO_SOURCE, isNullSink, parseZeroSource } from '../common/special-paths.js';
import { type ChunkSource, FileChunkSource, ZeroChunkSource } from '../transfer/chunk-source.js';
import { type DirectoryListings, isPartialName } from '../transfer/file-sink.js';
import { resolveThroughExisting } from '../transfer/pinned-directory.js';
import { DISCARD_PLAN, type WritePlan, failedPlan, planFileWrite } from '../transfer/write-plan.js';

export interface ReadPlan {
  size: number;
  open(): Promise<ChunkSource>;
}

export interface ListResult {
  self: FileInfo;
  entries: FileInfo[];
  truncated: boolean;
}

function fileTypeOf(st: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): FileType {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'directory';
  if (st.isSymbolicLink()) return 'symlink';
  return 'other';
}

function infoOf(name: string, st: import('node:fs').Stats): FileInfo {
  return { name, type: fileTypeOf(st), size: st.isFile() ? st.size : 0, mtimeMs: Math.floor(st.mtimeMs), mode: st.mode & 0o7777 };
}

export class FsAccess {
  constructor(
    private readonly acl: () => Acl,
    private readonly pathLimits: PathLimits = DEFAULT_PATH_LIMITS,
    /** Told of every partial file created (to sweep the abandoned ones later). */
    private readonly onPartialCreated?: (partialPath: string) => void,
  ) {}

  /**
   * Resolves symlinks in `requested` (already validated). A path that does not exist yet is
   * resolved through its deepest existing ancestor, so a write under a link to /etc is judged
   * as a write under /etc.
   */
  async resolve(requested: string): Promise<string> {
    return resolveThroughExisting(requested, displayPath(requested));
  }

  /** Validate, resolve, judge. Returns the resolved path the caller may act on. */
  async authorize(who: Principal, right: Right, requested: string): Promise<string> {
    validateRequestPath(requested, this.pathLimits);
    const resolved = await this.resolve(requested);
    this.judge(who, right, requested, resolved);
    return resolved;
  }

  private judge(who: Principal, right: Right, requested: string, resolved: string): void {
    if (this.acl().allows(who, right, resolved)) return;
    const via = resolved === requested ? '' : ` (it resolves to ${displayPath(resolved)})`;
    throw new EtxError('E_ACL_DENIED', `${who.name} may not ${right} ${displayPath(requested)}${via}`);
  }

  /** What a source path is, for the client's plan; needs the read right. */
  async statSource(who: Principal, requested: string): Promise<FileInfo> {
    validateRequestPath(requested.startsWith(`${ZERO_SOURCE}:`) ? ZERO_SOURCE : requested, this.pathLimits);
    const zeroSize = parseZeroSource(requested);
    if (zeroSize !== undefined) {
      this.judge(who, 'read', ZERO_SOURCE, ZERO_SOURCE);
      return { name: 'zero', type: 'file', size: zeroSize, mtimeMs: 0, mode: 0o644 };
    }
    const resolved = await this.authorize(who, 'read', requested);
    try {
      return infoOf(path.posix.basename(requested), await fsp.stat(resolved));
    } catch (err) {
      throw toEtxError(err, displayPath(requested));
    }
  }

  /** What a destination path is (folder, file, missing); needs the write or the list right. */
  async statDestination(who: Principal, requested: string): Promise<FileInfo> {
    validateRequestPath(requested, this.pathLimits);
    if (isNullSink(requested)) {
      this.judge(who, 'write', NULL_SINK, NULL_SINK);
      return { name: 'null', type: 'other', size: 0, mtimeMs: 0, mode: 0o666 };
    }
    const resolved = await this.resolve(requested);
    if (!this.acl().allows(who, 'list', resolved)) this.judge(who, 'write', requested, resolved);
    try {
      return infoOf(path.posix.basename(requested), await fsp.stat(resolved));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        return { name: path.posix.basename(requested), type: 'missing', size: 0, mtimeMs: 0, mode: 0 };
      }
      throw toEtxError(err, displayPath(requested));
    }
  }

  /** Judges a read of `spec` and returns how to open it when its first chunk is due. */
  async planRead(who: Principal, spec: FileSpec): Promise<ReadPlan> {
    const info = await this.statSource(who, spec.path);
    if (info.type !== 'file') {
      throw new EtxError(info.type === 'directory' ? 'E_IS_A_DIRECTORY' : 'E_IO', `${displayPath(spec.path)} is not a regular file`);
    }
    if (info.size !== spec.size) {
      throw new EtxError('E_SOURCE_CHANGED', `${displayPath(spec.path)} is ${info.size} bytes now, ${spec.size} were planned`);
    }
    if (parseZeroSource(spec.path) !== undefined) return { size: spec.size, open: async () => new ZeroChunkSource(spec.size) };
    const resolved = await this.resolve(spec.path);
    return { size: spec.size, open: () => FileChunkSource.open(resolved, spec.size, displayPath(spec.path)) };
  }

  /** Judges a write of `spec` in `mode`; a refusal is an outcome, not a throw, so the rest go on. */
  async planWrite(who: Principal, spec: FileSpec, mode: WriteMode, listings?: DirectoryListings): Promise<WritePlan> {
    try {
      validateRequestPath(spec.path, this.pathLimits);
      if (isNullSink(spec.path)) {
        this.judge(who, 'write', NULL_SINK, NULL_SINK);
        return DISCARD_PLAN;
      }
      const finalPath = await this.authorize(who, 'write', spec.path);
      return await planFileWrite(finalPath, displayPath(spec.path), mode, spec.mode, spec.size, this.onPartialCreated, listings);
    } catch (err) {
      return failedPlan(err);
    }
  }

  /** Free bytes where `requested` would be written (its deepest existing folder). */
  async freeBytesFor(requested: string): Promise<number> {
    let dir = path.posix.dirname(await this.resolve(requested));
    for (;;) {
      try {
        const st = await fsp.statfs(dir);
        return st.bavail * st.bsize;
      } catch {
        if (dir === '/') return Number.MAX_SAFE_INTEGER;
        dir = path.posix.dirname(dir);
      }
    }
  }

  async list(who: Principal, requested: string, maxEntries: number): Promise<ListResult> {
    const resolved = await this.authorize(who, 'list', requested);
    const label = displayPath(requested);
    try {
      const st = await fsp.stat(resolved);
      const self = infoOf(path.posix.basename(requested) || '/', st);
      if (!st.isDirectory()) return { self, entries: [], truncated: false };
      const dir = await fsp.opendir(resolved);
      const entries: FileInfo[] = [];
      let truncated = false;
      for await (const dirent of dir) {
        if (isPartialName(dirent.name)) continue;
        if (entries.length >= maxEntries) {
          truncated = true;
          break;
        }
        const entryStat = await fsp.lstat(path.posix.join(resolved, dirent.name)).catch(() => undefined);
        if (entryStat) entries.push(infoOf(dirent.name, entryStat));
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      return { self, entries, truncated };
    } catch (err) {
      throw toEtxError(err, label);
    }
  }
}
