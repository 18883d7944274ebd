/**
 * Every file-system access a request makes goes through here, in one order: validate the path
 * (E_PATH, before any fs call), resolve its symlinks once, let the ACL judge the resolved path,
 * then act on that resolved path only. Sources and sinks for the transfer engine are made here.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import pMap from 'p-map';
import type { Acl, Principal, Right } from '../common/acl.js';
import { EtxError, toEtxError } from '../common/errors.js';
import type {
  CodedError,
  ExpandEntry,
  ExpandRoot,
  FileInfo,
  FileOutcome,
  FileSpec,
  FileType,
  FolderSpec,
  WriteMode,
} from '../common/messages.js';
import {
  type PathLimits,
  DEFAULT_PATH_LIMITS,
  baseName,
  displayPath,
  joinPath,
  parentPath,
  validateRequestPath,
} from '../common/path-rules.js';
import { matchesPattern, parseSourcePattern } from '../common/source-glob.js';
import { NULL_SINK, ZERO_SOURCE, isNullSink, parseZeroSource } from '../common/special-paths.js';
import { type ChunkSource, FileChunkSource, ZeroChunkSource, readWholeFile } from '../transfer/chunk-source.js';
import { type DirectoryListings, isPartialName, utimesSeconds } from '../transfer/file-sink.js';
import { PathResolver, PinnedDirectory, type ResolvedPath, makeFolderPath, resolveThroughExisting } from '../transfer/pinned-directory.js';
import type { SessionObserver } from '../transfer/session-types.js';
import { DISCARD_PLAN, type WritePlan, failedPlan, planFileWrite } from '../transfer/write-plan.js';

/**
 * File system calls a planning request (stat, expand, prepare) keeps in flight at once. One at a
 * time, each trip through the thread pool cost ~190 us of CPU on a busy 2-core machine (thread
 * wake-ups), ~30 us with 16 in flight: planning 10,000 files took 1.3-1.5 s per request.
 */
export const PLANNING_CONCURRENCY = 16;

export interface ReadPlan {
  size: number;
  open(): Promise<ChunkSource>;
  /** The whole file, read synchronously and checked unchanged (small files; see readWholeFile). */
  readWhole?(): Buffer;
}

export interface ListResult {
  self: FileInfo;
  entries: FileInfo[];
  truncated: boolean;
}

/** How far one expansion request may go (THREATS X4): past either bound it fails, whole, with E_TOO_LARGE. */
export interface ExpandLimits {
  /** Roots and entries (files, folders, links, refusals) over the whole request. */
  maxEntries: number;
  /** The server option that sets it, named in the error. */
  optionName: string;
}

/**
 * The most bytes one expansion reply may take (an entry is its path, its name and 32 bytes of
 * type, size, time, mode and framing): half the 16 MiB a client accepts in one control message.
 */
export const MAX_EXPAND_REPLY_BYTES = 8 * 1024 * 1024;
const ENTRY_OVERHEAD_BYTES = 32;

/** A folder a request created (or found), to give its mtime once the transfer's files are in. */
export interface FolderTime {
  realPath: string;
  mtimeMs: number;
}

export interface FoldersMade {
  /** One per requested folder, same order. */
  outcomes: FileOutcome[];
  /** Folders there now with a time to set, parents before children. */
  times: FolderTime[];
}

/**
 * What one expansion may still hold. A name counts as an entry as soon as it is read from its
 * folder (before it is sorted, judged or walked), so the names held at once, over every level of
 * the walk, never pass the limit: memory stays bounded whatever the tree.
 */
/** Names a request may read from folders, as a multiple of the entries it may return. */
const SCAN_FACTOR = 100;

class ExpansionBudget {
  private entries = 0;
  private bytes = 0;
  private scanned = 0;
  /** Folders already read in this request (a wildcard repeated over one folder reads it once). */
  readonly folderNames = new Map<string, Promise<string[]>>();
  /** Folders resolved in this request (each once). */
  readonly paths = new PathResolver();

  /**
   * One more name read from a folder, kept or not: bounds the work of a request too. Wildcards
   * over a big folder, repeated in one request, read it once per wildcard (review finding: 1,000
   * wildcards over 20,000 names took 37 s); reading past SCAN_FACTOR times the entry limit ends
   * the request.
   */
  scan(where: string): void {
    if (++this.scanned > this.limits.maxEntries * SCAN_FACTOR) {
      throw new ExpansionTooLarge(
        `expanding ${displayPath(where)} reads more than ${this.limits.maxEntries * SCAN_FACTOR} names in one request ` +
          `(${SCAN_FACTOR} x this server's ${this.limits.optionName}); use fewer wildcards per copy`,
      );
    }
  }

  constructor(
    private readonly limits: ExpandLimits,
    private readonly maxBytes: number,
  ) {}

  /** One more entry (a name read, a root, a refusal), or E_TOO_LARGE naming `where`. */
  count(where: string): void {
    if (++this.entries > this.limits.maxEntries) {
      throw new ExpansionTooLarge(
        `${displayPath(where)} holds more than ${this.limits.maxEntries} entries in one request (files, folders and links ` +
          `together: this server's ${this.limits.optionName}); copy or list its parts separately`,
      );
    }
  }

  /** The reply bytes of one entry at `relPath`. */
  size(relPath: string, where: string): void {
    this.bytes += Buffer.byteLength(relPath) + Buffer.byteLength(baseName(relPath)) + ENTRY_OVERHEAD_BYTES;
    if (this.bytes > this.maxBytes) {
      throw new ExpansionTooLarge(
        `the listing of ${displayPath(where)} exceeds ${this.maxBytes} bytes in one request; copy or list its parts separately`,
      );
    }
  }
}

/** Ends a whole expansion (not just one source): a cap hit is never a silent truncation. */
class ExpansionTooLarge extends EtxError {
  constructor(message: string) {
    super('E_TOO_LARGE', message);
  }
}

/** A folder's entries as read through its pin (partials left out), sorted by name. */
interface FolderEntry {
  name: string;
  info: FileInfo | undefined;
}

function coded(err: unknown): CodedError {
  const e = toEtxError(err);
  return { code: e.code, message: e.message };
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
  async resolve(requested: string, paths?: PathResolver): Promise<string> {
    return (await this.resolveWithStats(requested, paths)).real;
  }

  /** resolve, through the request's resolver when there is one (it may know the lstat too). */
  private async resolveWithStats(requested: string, paths?: PathResolver): Promise<ResolvedPath> {
    if (paths) return paths.resolve(requested, displayPath(requested));
    return { real: await resolveThroughExisting(requested, displayPath(requested)) };
  }

  /** Validate, resolve, judge. Returns the resolved path the caller may act on. */
  async authorize(who: Principal, right: Right, requested: string, paths?: PathResolver): Promise<string> {
    return (await this.authorizeWithStats(who, right, requested, paths)).real;
  }

  private async authorizeWithStats(who: Principal, right: Right, requested: string, paths?: PathResolver): Promise<ResolvedPath> {
    validateRequestPath(requested, this.pathLimits);
    const resolved = await this.resolveWithStats(requested, paths);
    this.judge(who, right, requested, resolved.real);
    return resolved;
  }

  judge(who: Principal, right: Right, requested: string, resolved: string): void {
    if (this.acl().allows(who, right, resolved)) return;
    const via = resolved === requested ? '' : ` (it resolves to ${displayPath(resolved)})`;
    throw new EtxError('E_ACL_DENIED', `${who.name} may not ${right} ${displayPath(requested)}${via}`);
  }

  /** What a source path is, for the client's plan; needs the read right. */
  async statSource(who: Principal, requested: string, paths?: PathResolver): Promise<FileInfo> {
    return (await this.judgeSource(who, requested, paths)).info;
  }

  /** statSource, plus the resolved path and the file's identity (for the open that follows). */
  private async judgeSource(
    who: Principal,
    requested: string,
    paths?: PathResolver,
  ): Promise<{ info: FileInfo; resolved?: string; identity?: { dev: number; ino: number } }> {
    validateRequestPath(requested.startsWith(`${ZERO_SOURCE}:`) ? ZERO_SOURCE : requested, this.pathLimits);
    const zeroSize = parseZeroSource(requested);
    if (zeroSize !== undefined) {
      this.judge(who, 'read', ZERO_SOURCE, ZERO_SOURCE);
      return { info: { name: 'zero', type: 'file', size: zeroSize, mtimeMs: 0, mode: 0o644 } };
    }
    const { real: resolved, stats } = await this.authorizeWithStats(who, 'read', requested, paths);
    try {
      // Not a link: the resolver's lstat is what stat would say.
      const st = stats ?? (await fsp.stat(resolved));
      return { info: infoOf(path.posix.basename(requested), st), resolved, identity: { dev: st.dev, ino: st.ino } };
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
  async planRead(who: Principal, spec: FileSpec, paths?: PathResolver): Promise<ReadPlan> {
    const { info, resolved, identity } = await this.judgeSource(who, spec.path, paths);
    if (info.type !== 'file') {
      throw new EtxError(info.type === 'directory' ? 'E_IS_A_DIRECTORY' : 'E_IO', `${displayPath(spec.path)} is not a regular file`);
    }
    if (info.size !== spec.size) {
      throw new EtxError('E_SOURCE_CHANGED', `${displayPath(spec.path)} is ${info.size} bytes now, ${spec.size} were planned`);
    }
    if (spec.mtimeMs && info.mtimeMs !== spec.mtimeMs) {
      throw new EtxError('E_SOURCE_CHANGED', `${displayPath(spec.path)} was modified since the copy was planned`);
    }
    if (!resolved) return { size: spec.size, open: async () => new ZeroChunkSource(spec.size) };
    // The file opened later must be the one judged and measured here (THREATS T3).
    const label = displayPath(spec.path);
    return {
      size: spec.size,
      open: () => FileChunkSource.open(resolved, spec.size, label, identity),
      readWhole: () => readWholeFile(resolved, spec.size, label, identity),
    };
  }

  /** Judges a write of `spec` in `mode`; a refusal is an outcome, not a throw, so the rest go on. */
  async planWrite(who: Principal, spec: FileSpec, mode: WriteMode, listings?: DirectoryListings, paths?: PathResolver): Promise<WritePlan> {
    try {
      validateRequestPath(spec.path, this.pathLimits);
      if (isNullSink(spec.path)) {
        this.judge(who, 'write', NULL_SINK, NULL_SINK);
        return DISCARD_PLAN;
      }
      const finalPath = await this.authorize(who, 'write', spec.path, paths);
      const label = displayPath(spec.path);
      return await planFileWrite(finalPath, label, mode, spec.mode, spec.size, this.onPartialCreated, listings, spec.mtimeMs);
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

  /**
   * Expands source paths (DESIGN section 2, THREATS G2, G4, T1, X4): a wildcard in the last
   * component is matched in its folder (list right there), each match or named path is resolved
   * and judged (files: `right`; folders: list), and with `recursive` each allowed folder is
   * walked through a pin of exactly the judged folder, depth first in name order. Entries are
   * judged before they are reported; a denied one is reported denied and never opened or walked.
   * Links inside a tree and special files are reported as skipped, never followed or opened.
   * One source failing (E_PATH, E_NOT_FOUND, E_ACL_DENIED) is that source's answer; going past
   * `limits` fails the whole request with E_TOO_LARGE.
   */
  async expand(who: Principal, paths: readonly string[], recursive: boolean, right: Right, limits: ExpandLimits): Promise<ExpandRoot[]> {
    const budget = new ExpansionBudget(limits, MAX_EXPAND_REPLY_BYTES);
    // Sources are expanded several at once (the budget is counted synchronously, so it holds);
    // their roots are reported in request order.
    const perSource = await pMap(
      paths.entries(),
      async ([source, requested]) => {
        const roots: ExpandRoot[] = [];
        try {
          await this.expandSource(who, source, requested, recursive, right, budget, roots);
        } catch (err) {
          if (err instanceof ExpansionTooLarge) throw err;
          budget.count(requested);
          budget.size(requested, requested);
          roots.push({ source, path: displayPath(requested), error: coded(err), entries: [] });
        }
        return roots;
      },
      { concurrency: PLANNING_CONCURRENCY },
    );
    return perSource.flat();
  }

  private async expandSource(
    who: Principal,
    source: number,
    requested: string,
    recursive: boolean,
    right: Right,
    budget: ExpansionBudget,
    roots: ExpandRoot[],
  ): Promise<void> {
    if (right === 'read' && parseZeroSource(requested) !== undefined) {
      const info = await this.statSource(who, requested);
      budget.count(requested);
      budget.size(requested, requested);
      roots.push({ source, path: requested, info, entries: [] });
      return;
    }
    validateRequestPath(requested, this.pathLimits);
    const pattern = parseSourcePattern(requested);
    if (!pattern) {
      budget.count(requested);
      roots.push(await this.expandRoot(who, source, requested, recursive, right, budget));
      return;
    }
    const realDir = await this.authorize(who, 'list', pattern.dir, budget.paths);
    const matches = await this.readFolder(realDir, pattern.dir, budget, (name) => matchesPattern(pattern.pattern, name));
    if (matches.length === 0) throw new EtxError('E_NOT_FOUND', `no match for ${displayPath(requested)}`);
    // Each match was counted as it was read.
    for (const { name } of matches) {
      const match = joinPath(pattern.dir, name);
      try {
        validateRequestPath(match, this.pathLimits);
        roots.push(await this.expandRoot(who, source, match, recursive, right, budget));
      } catch (err) {
        if (err instanceof ExpansionTooLarge) throw err;
        budget.size(match, requested);
        roots.push({ source, path: displayPath(match), error: coded(err), entries: [] });
      }
    }
  }

  /** A named path (or a wildcard's match), counted already: followed if a link, as the user named it, then judged. */
  private async expandRoot(
    who: Principal,
    source: number,
    requested: string,
    recursive: boolean,
    right: Right,
    budget: ExpansionBudget,
  ): Promise<ExpandRoot> {
    const { real: resolved, stats } = await this.resolveWithStats(requested, budget.paths);
    // Judged before the stat, so a denied path's existence is not told: neither right, no answer.
    if (!this.acl().allows(who, right, resolved) && !this.acl().allows(who, 'list', resolved)) this.judge(who, right, requested, resolved);
    let st: import('node:fs').Stats;
    try {
      st = stats ?? (await fsp.stat(resolved));
    } catch (err) {
      throw toEtxError(err, displayPath(requested));
    }
    const info = infoOf(baseName(requested) || '/', st);
    this.judge(who, st.isDirectory() ? 'list' : right, requested, resolved);
    budget.size(requested, requested);
    const entries: ExpandEntry[] = [];
    if (recursive && st.isDirectory()) await this.walk(who, requested, resolved, '', right, budget, entries);
    return { source, path: requested, info, entries };
  }

  /** Appends what `realDir` (judged, listable) holds, and below, to `entries`. */
  private async walk(
    who: Principal,
    requestedDir: string,
    realDir: string,
    relDir: string,
    right: Right,
    budget: ExpansionBudget,
    entries: ExpandEntry[],
  ): Promise<void> {
    const children = await this.readFolder(realDir, requestedDir, budget);
    for (const { name, info } of children) {
      const rel = relDir === '' ? name : `${relDir}/${name}`;
      const requested = requestedDir === '/' ? `/${name}` : `${requestedDir}/${name}`;
      // Counted as an entry when its folder was read.
      budget.size(rel, requestedDir);
      try {
        validateRequestPath(requested, this.pathLimits);
      } catch (err) {
        // Its name cannot be named in a request: say so, shown safely.
        entries.push({ path: displayPath(rel), error: coded(err) });
        continue;
      }
      if (!info) {
        entries.push({ path: rel, error: { code: 'E_NOT_FOUND', message: `${displayPath(requested)} vanished while it was listed` } });
        continue;
      }
      if (info.type === 'symlink') {
        entries.push({ path: rel, info, skipped: 'a symbolic link (links inside a tree are not followed)' });
        continue;
      }
      if (info.type !== 'file' && info.type !== 'directory') {
        entries.push({ path: rel, info, skipped: 'not a regular file or folder' });
        continue;
      }
      // Not a link: its real path is the judged folder's plus its name.
      const real = realDir === '/' ? `/${name}` : `${realDir}/${name}`;
      try {
        this.judge(who, info.type === 'directory' ? 'list' : right, requested, real);
      } catch (err) {
        entries.push({ path: rel, error: coded(err) });
        continue;
      }
      entries.push({ path: rel, info });
      if (info.type === 'directory') {
        try {
          await this.walk(who, requested, real, rel, right, budget, entries);
        } catch (err) {
          if (err instanceof ExpansionTooLarge) throw err;
          budget.count(requestedDir);
          budget.size(rel, requestedDir);
          entries.push({ path: rel, error: coded(err) });
        }
      }
    }
  }

  /**
   * The entries of the judged folder `realDir` that `keep` accepts, sorted by name, read through
   * a pin of that very folder (a folder swapped for a link meanwhile fails, E_PATH). Partials
   * are never listed. Each name kept counts against the budget as it is read: one past it ends
   * the request before the folder is read further.
   */
  private async readFolder(
    realDir: string,
    requestedDir: string,
    budget: ExpansionBudget,
    keep: (name: string) => boolean = () => true,
  ): Promise<FolderEntry[]> {
    const label = displayPath(requestedDir);
    const pin = await PinnedDirectory.pin(realDir, label);
    try {
      // The promise is shared: sources expanded at once that read one folder read it once.
      let reading = budget.folderNames.get(realDir);
      if (!reading) {
        reading = (async () => {
          const all: string[] = [];
          for await (const dirent of await fsp.opendir(pin.viaPath)) {
            budget.scan(requestedDir);
            if (!isPartialName(dirent.name)) all.push(dirent.name);
          }
          return all;
        })();
        budget.folderNames.set(realDir, reading);
      }
      const names: string[] = [];
      for (const name of await reading) {
        if (!keep(name)) continue;
        budget.count(requestedDir);
        names.push(name);
      }
      names.sort();
      return await pMap(
        names,
        async (name) => {
          const st = await fsp.lstat(pin.entry(name)).catch(() => undefined);
          return { name, info: st ? infoOf(name, st) : undefined };
        },
        { concurrency: PLANNING_CONCURRENCY },
      );
    } catch (err) {
      throw toEtxError(err, label);
    } finally {
      await pin.release();
    }
  }

  /**
   * Creates the folders of a recursive copy, parents first, each validated, resolved and judged
   * (write right) and made inside its pinned parent (mode 0755, less the umask). An existing
   * folder is fine; anything else there fails that folder only.
   */
  async makeFolders(who: Principal, folders: readonly FolderSpec[]): Promise<FoldersMade> {
    const made: FoldersMade = { outcomes: [], times: [] };
    for (const spec of folders) {
      try {
        validateRequestPath(spec.path, this.pathLimits);
        const real = await this.authorize(who, 'write', spec.path);
        await makeFolderIn(real, displayPath(spec.path));
        made.outcomes.push({ state: 'accepted' });
        if (spec.mtimeMs) made.times.push({ realPath: real, mtimeMs: spec.mtimeMs });
      } catch (err) {
        made.outcomes.push({ state: 'failed', error: coded(err) });
      }
    }
    return made;
  }

  async list(who: Principal, requested: string, maxEntries: number): Promise<ListResult> {
    const resolved = await this.authorize(who, 'list', requested);
    const label = displayPath(requested);
    try {
      const st = await fsp.stat(resolved);
      const self = infoOf(path.posix.basename(requested) || '/', st);
      if (!st.isDirectory()) return { self, entries: [], truncated: false };
      // Read through a pin of the judged folder: swapped for a link since the check, it is refused
      // (E_PATH) instead of listing wherever the link points.
      const folder = await PinnedDirectory.pin(resolved, label);
      try {
        const dir = await fsp.opendir(folder.viaPath);
        const entries: FileInfo[] = [];
        let truncated = false;
        for await (const dirent of dir) {
          if (isPartialName(dirent.name)) continue;
          if (entries.length >= maxEntries) {
            truncated = true;
            break;
          }
          const entryStat = await fsp.lstat(folder.entry(dirent.name)).catch(() => undefined);
          if (entryStat) entries.push(infoOf(dirent.name, entryStat));
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        return { self, entries, truncated };
      } finally {
        await folder.release();
      }
    } catch (err) {
      throw toEtxError(err, label);
    }
  }
}

/** mkdir of the judged `real` inside its pinned parent (made first, like a file's, if missing). */
async function makeFolderIn(real: string, label: string): Promise<void> {
  if (real === '/') return;
  const parent = parentPath(real);
  let pin: PinnedDirectory;
  try {
    pin = await PinnedDirectory.pin(parent, label);
  } catch (err) {
    if (toEtxError(err).code !== 'E_NOT_FOUND') throw err;
    await makeFolderPath(parent, label);
    pin = await PinnedDirectory.pin(parent, label);
  }
  try {
    const at = pin.entry(baseName(real));
    try {
      await fsp.mkdir(at, { mode: 0o755 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw toEtxError(err, `creating ${label}`);
      if (!(await fsp.lstat(at)).isDirectory()) {
        throw new EtxError('E_NOT_A_DIRECTORY', `${label} exists and is not a folder`);
      }
    }
  } finally {
    await pin.release();
  }
}

/**
 * Gives folders their source's mtime (and atime), children before parents, each through a pin
 * of the folder itself, never a path that could have become a link. Best effort: a folder that
 * moved or vanished keeps its time.
 */
export async function setFolderTimes(times: readonly FolderTime[]): Promise<void> {
  for (const { realPath, mtimeMs } of [...times].reverse()) {
    try {
      const pin = await PinnedDirectory.pin(realPath, realPath);
      try {
        const t = utimesSeconds(mtimeMs);
        await fsp.utimes(pin.viaPath, t, t);
      } finally {
        await pin.release();
      }
    } catch {
      // Best effort.
    }
  }
}

/**
 * The receiving session's observer, with the folders' times set once its files are done (or it
 * failed), before the client hears that the transfer ended.
 */
export function withFolderTimes(observer: SessionObserver, times: readonly FolderTime[]): SessionObserver {
  if (times.length === 0) return observer;
  return {
    ...observer,
    done: (bytes) => void setFolderTimes(times).then(() => observer.done(bytes)),
    failed: (error) => void setFolderTimes(times).then(() => observer.failed(error)),
  };
}
