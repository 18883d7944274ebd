/**
 * Where a receiver's bytes go. A real file is written as a hidden partial beside its final name,
 * with a journal of the chunks it holds, and published only when complete: fsync, then link
 * (mode new: a racing creator gets E_EXISTS) or rename (overwrite, resume), then fsync of the
 * folder. A failure never leaves a truncated file under the final name, and an overwritten file
 * stays intact until the new one is whole. A partial left by a broken transfer is picked up by
 * the next one for the same file: every chunk the journal names is re-hashed before it counts.
 */
import fs, { constants, promises as fsp } from 'node:fs';
import { promisify } from 'node:util';
import pLimit from 'p-limit';
import path from 'node:path';
import { EtxError, toEtxError } from '../common/errors.js';
import type { WriteMode } from '../common/messages.js';
import { chunkLength } from './session-types.js';
import { hashChunk } from './chunk-hash.js';
import { faultPoint } from './fault-injection.js';
import { type JournalRecord, decodeJournal, encodeJournalHeader, encodeJournalRecords } from './journal.js';
import type { PinnedDirectory } from './pinned-directory.js';

/** A chunk a resumed partial already holds, re-hashed and matching its journal record. */
export interface ChunkClaim {
  chunkIndex: number;
  hash: Buffer;
}

export interface FileSink {
  /** Writes the parts, in order, at `offset`. */
  write(offset: number, parts: readonly Buffer[]): Promise<void>;
  /** Notes that chunk `chunkIndex`, with this hash, is written (for the journal). */
  recordChunk(chunkIndex: number, hash: Buffer): void;
  /** Makes the file durable and visible under its final name. */
  complete(): Promise<void>;
  /**
   * Gives up; the final name is untouched. With `keepForResume` the partial and its journal stay
   * (made durable) for a later transfer to continue; otherwise they are removed.
   */
  abort(keepForResume: boolean): Promise<void>;
}

const PARTIAL_SUFFIX = '.part';
const JOURNAL_SUFFIX = '.journal';

/** `.NAME.etx-<id>.part`: hidden, and recognisable as ours by the sweeper and the lister. */
export function partialName(finalName: string, transferId: string): string {
  return `.${finalName}.etx-${transferId.slice(0, 16)}${PARTIAL_SUFFIX}`;
}

export function isPartialName(name: string): boolean {
  return /^\..+\.etx-[0-9a-f]{16}\.(part|journal)$/.test(name);
}

function journalPathOf(partialPath: string): string {
  return partialPath.slice(0, -PARTIAL_SUFFIX.length) + JOURNAL_SUFFIX;
}

/** Modes from a peer are masked to 0644 or 0755: never setuid, never group or world writable. */
export function publishedMode(peerMode: number): number {
  return peerMode & 0o111 ? 0o755 : 0o644;
}

export interface PartialFileOptions {
  /**
   * The final path, already resolved and judged by the caller; when `folder` is given, the same
   * name inside the pinned folder (`folder.entry(name)`), which every file operation then uses.
   */
  finalPath: string;
  /** The pinned folder of the final path (see pinned-directory.ts); released when the sink ends. */
  folder?: PinnedDirectory;
  mode: WriteMode;
  fileMode: number;
  transferId: string;
  /** How the path is shown in errors. */
  label: string;
  /** The file's size and the transfer's chunk size (a resumed partial must use the same). */
  size: number;
  chunkSize: number;
  /** Journal records are made durable after this many bytes are written, every 2 s, and at the end. */
  checkpointBytes?: number;
  /** Told of every partial created, so a server can sweep the ones nobody resumes. */
  onPartialCreated?: (partialPath: string) => void;
  /** Look for an earlier partial to continue (the plan saw one, or --mode resume). */
  mayResume?: boolean;
  /** The source's mtime (ms): the published file gets it as its mtime and atime. Unset or 0: left alone. */
  mtimeMs?: number;
}

/**
 * Seconds for utimes from whole milliseconds. A double near 1.7e9 s is off by up to ~120 ns, which
 * could land just below the millisecond; half a microsecond more keeps every reader's
 * floor(mtimeMs) on the source's value.
 */
export function utimesSeconds(mtimeMs: number): number {
  return mtimeMs / 1000 + 5e-7;
}

const DEFAULT_CHECKPOINT_BYTES = 256 * 1024 * 1024;
/** ...or this often, so a crash on a slow link loses at most a few seconds of work. */
const CHECKPOINT_INTERVAL_MS = 2000;

/**
 * Partials of `finalPath` left by earlier transfers that have a journal. A journal whose partial
 * is gone (a crash between publishing and removing the journal) is removed on the way.
 */
export async function findPartials(finalPath: string, listings?: DirectoryListings): Promise<string[]> {
  const dir = path.dirname(finalPath);
  const prefix = `.${path.basename(finalPath)}.etx-`;
  const names = listings ? await listings.names(dir) : await fsp.readdir(dir).catch(() => [] as string[]);
  const found: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(JOURNAL_SUFFIX) || !isPartialName(name)) continue;
    const partial = name.slice(0, -JOURNAL_SUFFIX.length) + PARTIAL_SUFFIX;
    if (names.includes(partial)) found.push(path.join(dir, partial));
    else await fsp.unlink(path.join(dir, name)).catch(() => {});
  }
  return found;
}

/**
 * Folder listings read once per request: planning 10,000 files in one folder must not read that
 * folder 10,000 times.
 */
export class DirectoryListings {
  private readonly cache = new Map<string, Promise<string[]>>();

  names(dir: string): Promise<string[]> {
    let names = this.cache.get(dir);
    if (!names) {
      names = fsp.readdir(dir).catch(() => [] as string[]);
      this.cache.set(dir, names);
    }
    return names;
  }
}

/**
 * Group commit of folder fsyncs: while one runs, every publish that asks waits for the next
 * one, which covers them all. Publishing many small files into one folder then costs a few
 * folder fsyncs, not one each.
 */
class FolderSyncer {
  private readonly running = new Map<string, Promise<void>>();
  private readonly next = new Map<string, Promise<void>>();

  /** `dir` names the folder (the key); `openPath` is how to reach it. */
  sync(dir: string, openPath = dir): Promise<void> {
    const queued = this.next.get(dir);
    if (queued) return queued;
    const current = this.running.get(dir);
    const start = async (): Promise<void> => {
      this.next.delete(dir);
      const run = syncDirectory(openPath);
      this.running.set(dir, run);
      try {
        await run;
      } finally {
        if (this.running.get(dir) === run) this.running.delete(dir);
      }
    };
    const mine = current ? current.catch(() => {}).then(start) : start();
    if (current) this.next.set(dir, mine);
    return mine;
  }
}

const folders = new FolderSyncer();

export class PartialFileSink implements FileSink {
  private closed = false;
  private pendingRecords: JournalRecord[] = [];
  private bytesSinceCheckpoint = 0;
  private lastCheckpointMs = Date.now();
  /** Continues an earlier partial (which may hold bytes past the file's current size). */
  private resumed = false;
  private checkpointing: Promise<void> = Promise.resolve();
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly handle: fsp.FileHandle,
    /** None for a file of one chunk: there is nothing to resume in it. */
    private readonly journal: fsp.FileHandle | undefined,
    private readonly partialPath: string,
    private readonly options: PartialFileOptions,
  ) {}

  /**
   * Opens the sink for a file: continues the best earlier partial of the same file if there is
   * one (returning the chunks proven present in it), else creates a new partial.
   */
  static async open(options: PartialFileOptions): Promise<{ sink: PartialFileSink; claims: ChunkClaim[] }> {
    for (const partial of options.mayResume ? await findPartials(options.finalPath) : []) {
      const resumed = await PartialFileSink.resume(partial, options).catch(() => undefined);
      if (resumed) return resumed;
    }
    if (options.mode === 'resume') {
      const fromFinal = await PartialFileSink.fromShorterFinal(options).catch(() => undefined);
      if (fromFinal) return fromFinal;
    }
    return { sink: await PartialFileSink.create(options), claims: [] };
  }

  static async create(options: PartialFileOptions): Promise<PartialFileSink> {
    const dir = path.dirname(options.finalPath);
    const partialPath = path.join(dir, partialName(path.basename(options.finalPath), options.transferId));
    const exclusive = constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
    let handle: fsp.FileHandle | undefined;
    try {
      // O_EXCL: never reuse or follow whatever sits under the partial's name.
      handle = await fsp.open(partialPath, constants.O_RDWR | exclusive, 0o600);
      let journal: fsp.FileHandle | undefined;
      if (options.size > options.chunkSize) {
        journal = await fsp.open(journalPathOf(partialPath), constants.O_WRONLY | constants.O_APPEND | exclusive, 0o600);
        await journal.write(encodeJournalHeader(options.chunkSize));
      }
      options.onPartialCreated?.(options.folder ? path.join(options.folder.realPath, path.basename(partialPath)) : partialPath);
      return new PartialFileSink(handle, journal, partialPath, options);
    } catch (err) {
      await handle?.close().catch(() => {});
      await fsp.unlink(partialPath).catch(() => {});
      throw toEtxError(err, `creating ${options.label}`);
    }
  }

  /** Continues `partialPath` if its journal is readable and was written with this chunk size. */
  private static async resume(
    partialPath: string,
    options: PartialFileOptions,
  ): Promise<{ sink: PartialFileSink; claims: ChunkClaim[] } | undefined> {
    const journalPath = journalPathOf(partialPath);
    const journal = decodeJournal(await readSmallRegularFile(journalPath, MAX_JOURNAL_BYTES));
    if (!journal || journal.chunkSize !== options.chunkSize) return undefined;
    const handle = await fsp.open(partialPath, constants.O_RDWR | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      const st = await handle.stat();
      if (!st.isFile()) {
        // Not something we made (a FIFO or device under a partial's name): leave it alone.
        await handle.close();
        return undefined;
      }
      if (st.nlink !== 1) {
        // A crash between link() and unlink() in mode new: this "partial" is the published file
        // under a second name. Writing into it would change the published file: drop the name.
        await handle.close();
        await fsp.unlink(partialPath).catch(() => {});
        await fsp.unlink(journalPath).catch(() => {});
        return undefined;
      }
      const claims = await verifyClaims(handle, journal.records, options);
      // Start the journal again with only what was proven: damage and stale records are dropped.
      const fresh = `${journalPath}.new`;
      // Never through whatever sits under that name (a planted link would redirect the write).
      await fsp.unlink(fresh).catch(() => {});
      await fsp.writeFile(fresh, Buffer.concat([encodeJournalHeader(options.chunkSize), encodeJournalRecords(claims)]), {
        mode: 0o600,
        flag: constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
      });
      await fsp.rename(fresh, journalPath);
      const journalHandle = await fsp.open(journalPath, constants.O_WRONLY | constants.O_APPEND | constants.O_NOFOLLOW);
      const sink = new PartialFileSink(handle, journalHandle, partialPath, options);
      sink.resumed = true;
      return { sink, claims };
    } catch (err) {
      await handle.close().catch(() => {});
      throw err;
    }
  }

  /** `--mode resume` onto a complete, shorter final file: copy it into a partial and verify it. */
  private static async fromShorterFinal(options: PartialFileOptions): Promise<{ sink: PartialFileSink; claims: ChunkClaim[] } | undefined> {
    const st = await fsp.lstat(options.finalPath);
    if (!st.isFile() || st.size === 0 || st.size > options.size) return undefined;
    const sink = await PartialFileSink.create(options);
    try {
      // A copy, never the final opened for writing: a hard link to it elsewhere must not change.
      const source = await fsp.open(options.finalPath, constants.O_RDONLY | constants.O_NOFOLLOW);
      try {
        const buffer = Buffer.allocUnsafe(Math.min(options.chunkSize, 8 * 1024 * 1024));
        for (let at = 0; at < st.size; ) {
          const { bytesRead } = await source.read(buffer, 0, Math.min(buffer.length, st.size - at), at);
          if (bytesRead === 0) break;
          await sink.write(at, [buffer.subarray(0, bytesRead)]);
          at += bytesRead;
        }
      } finally {
        await source.close();
      }
      const records: JournalRecord[] = [];
      for (let i = 0; i * options.chunkSize < st.size; i++) records.push({ chunkIndex: i, hash: Buffer.alloc(0) });
      const claims = await verifyClaims(sink.handle, records, options);
      sink.pendingRecords.push(...claims);
      sink.resumed = true;
      return { sink, claims };
    } catch (err) {
      // Regression: releasing the pin here too left open() creating its next partial through a
      // descriptor already given back (and possibly reused for another folder).
      await sink.abort(false, false);
      throw err;
    }
  }

  /**
   * One write at a time per file: ext4 takes the inode's lock for every buffered write, and
   * concurrent writers from the thread pool spin on it (measured with perf: 5 % of both cores
   * in rwsem_spin_on_owner with four streams writing one file).
   */
  write(offset: number, parts: readonly Buffer[]): Promise<void> {
    const mine = this.writing.then(() => this.writeNow(offset, parts));
    this.writing = mine.catch(() => {});
    return mine;
  }

  private async writeNow(offset: number, parts: readonly Buffer[]): Promise<void> {
    let position = offset;
    let pending = parts;
    try {
      while (pending.length > 0) {
        const { bytesWritten } = await this.handle.writev(pending, position);
        position += bytesWritten;
        pending = dropBytes(pending, bytesWritten);
      }
    } catch (err) {
      throw toEtxError(err, `writing ${this.options.label}`);
    }
  }

  recordChunk(chunkIndex: number, hash: Buffer): void {
    this.pendingRecords.push({ chunkIndex, hash });
    this.bytesSinceCheckpoint += this.options.chunkSize;
    const due =
      this.bytesSinceCheckpoint >= (this.options.checkpointBytes ?? DEFAULT_CHECKPOINT_BYTES) ||
      Date.now() - this.lastCheckpointMs >= CHECKPOINT_INTERVAL_MS;
    if (due) {
      this.bytesSinceCheckpoint = 0;
      this.lastCheckpointMs = Date.now();
      void this.checkpoint().catch(() => {});
    }
  }

  /**
   * Makes the written chunks durable, then journals them: a journal record never names a chunk
   * that a crash could still take back.
   */
  private checkpoint(): Promise<void> {
    this.checkpointing = this.checkpointing.then(async () => {
      if (this.closed || this.pendingRecords.length === 0 || !this.journal) return;
      const records = this.pendingRecords;
      this.pendingRecords = [];
      // The data must be durable before its record; the size and times need not be (resume re-hashes).
      await this.handle.datasync();
      await this.journal.write(encodeJournalRecords(records));
    });
    return this.checkpointing;
  }

  async complete(): Promise<void> {
    const { finalPath, label, size } = this.options;
    try {
      await this.checkpointing;
      // A resumed partial may be longer than the file is now.
      if (this.resumed && (await this.handle.stat()).size !== size) await this.handle.truncate(size);
      await this.handle.chmod(publishedMode(this.options.fileMode));
      // On the open descriptor, never a path, and before the fsync that makes it durable.
      if (this.options.mtimeMs) {
        const t = utimesSeconds(this.options.mtimeMs);
        await this.handle.utimes(t, t);
      }
      faultPoint('partial-written');
      await this.handle.sync();
      faultPoint('file-fsynced');
      await this.closeHandles();
      if (this.options.mode === 'new' || this.options.mode === 'skip-existing') {
        // link() fails if the final name appeared meanwhile: no silent replacement.
        await fsp.link(this.partialPath, finalPath);
        faultPoint('published');
        await fsp.unlink(this.partialPath);
      } else {
        await fsp.rename(this.partialPath, finalPath);
        faultPoint('published');
      }
      // Keyed by the real folder, so publishes into one folder share its fsyncs whatever their pin.
      await folders.sync(this.options.folder?.realPath ?? path.dirname(finalPath), path.dirname(finalPath));
      faultPoint('dir-fsynced');
      if (this.journal) await fsp.unlink(journalPathOf(this.partialPath)).catch(() => {});
      faultPoint('journal-removed');
      await this.options.folder?.release();
    } catch (err) {
      await this.abort(false);
      const mapped = toEtxError(err, `publishing ${label}`);
      if (mapped.code === 'E_EXISTS') throw new EtxError('E_EXISTS', `${label} already exists`);
      throw mapped;
    }
  }

  /** `releaseFolder` false: the folder pin stays with the caller (open() tries another way). */
  async abort(keepForResume: boolean, releaseFolder = true): Promise<void> {
    if (keepForResume && !this.closed) {
      await this.checkpoint().catch(() => {});
      await this.closeHandles();
      if (releaseFolder) await this.options.folder?.release();
      return;
    }
    await this.closeHandles();
    await fsp.unlink(this.partialPath).catch(() => {});
    if (this.journal) await fsp.unlink(journalPathOf(this.partialPath)).catch(() => {});
    if (releaseFolder) await this.options.folder?.release();
  }

  private async closeHandles(): Promise<void> {
    if (this.closed) return;
    await this.checkpointing.catch(() => {});
    this.closed = true;
    await this.handle.close().catch(() => {});
    await this.journal?.close().catch(() => {});
  }
}

const fsyncFd = promisify(fs.fsync);
/**
 * Whole files being written at once, per process. Their bytes wait in memory meanwhile (at most
 * 256 x --small-file-bytes); more at once kept the disk busier (measured 16: 2,900 files/s, 64:
 * 3,600, 256: 4,300 for 4 KiB files), as fsyncs overlap and share the folder's fsync.
 */
const wholeFileWrites = pLimit(256);
const openFd = promisify(fs.open);

/**
 * A small file (SessionOptions.smallFileBytes), written whole when complete: its bytes are held
 * until then, and the partial is created, written, given its mode and time, closed, and published
 * with synchronous calls (microseconds each on a local disk, where each trip through the thread
 * pool cost ~190 us of CPU per call on a busy 2-core machine: these dominated a copy of 10,000
 * small files). Only the fsync, which waits for the disk, goes to the pool, so several run at once.
 * The guarantees are PartialFileSink's: hidden partial (O_EXCL, no link followed), fsync, link or
 * rename inside the pinned folder, folder fsync, nothing under the final name on any failure.
 * Nothing to resume: a file of one chunk has no journal.
 */
export class WholeFileSink implements FileSink {
  private parts: Buffer[] = [];
  private released = false;

  constructor(private readonly options: PartialFileOptions) {}

  /**
   * Keeps a copy: the caller's buffers go back to a pool (or stay part of a bigger frame) once
   * this returns, long before the file is published. Regression: holding references let the next
   * chunk overwrite a small file sent as an ordinary chunk, and it was published corrupted. A
   * second copy of the file (a resend, verified like the first) replaces the first.
   */
  async write(offset: number, parts: readonly Buffer[]): Promise<void> {
    if (offset !== 0) throw new EtxError('E_INTERNAL', 'a whole-file sink takes its file in one write');
    this.parts = [Buffer.concat(parts)];
  }

  recordChunk(): void {}

  complete(): Promise<void> {
    return wholeFileWrites(() => this.writeAndPublish());
  }

  private async writeAndPublish(): Promise<void> {
    const { finalPath, label, folder, mode, transferId } = this.options;
    const partialPath = path.join(path.dirname(finalPath), partialName(path.basename(finalPath), transferId));
    let fd: number | undefined;
    let created = false;
    try {
      // Through the pool: creating a name waits for the file system's journal, which the fsyncs
      // of other files keep busy (measured: 0.46 ms per synchronous create with fsyncs running).
      fd = await openFd(partialPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
      created = true;
      this.options.onPartialCreated?.(folder ? path.join(folder.realPath, path.basename(partialPath)) : partialPath);
      let position = 0;
      for (const part of this.parts) {
        for (let at = 0; at < part.length; ) {
          const n = fs.writeSync(fd, part, at, part.length - at, position);
          at += n;
          position += n;
        }
      }
      if (position !== this.options.size)
        throw new EtxError('E_INTERNAL', `${label}: ${position} bytes held, ${this.options.size} expected`);
      this.parts = [];
      fs.fchmodSync(fd, publishedMode(this.options.fileMode));
      if (this.options.mtimeMs) {
        const t = utimesSeconds(this.options.mtimeMs);
        fs.futimesSync(fd, t, t);
      }
      faultPoint('partial-written');
      await fsyncFd(fd);
      faultPoint('file-fsynced');
      const closing = fd;
      fd = undefined;
      fs.closeSync(closing);
      if (mode === 'new' || mode === 'skip-existing') {
        // link() fails if the final name appeared meanwhile: no silent replacement.
        fs.linkSync(partialPath, finalPath);
        faultPoint('published');
        fs.unlinkSync(partialPath);
      } else {
        fs.renameSync(partialPath, finalPath);
        faultPoint('published');
      }
      created = false;
      await folders.sync(folder?.realPath ?? path.dirname(finalPath), path.dirname(finalPath));
      faultPoint('dir-fsynced');
      faultPoint('journal-removed');
    } catch (err) {
      if (fd !== undefined) {
        try {
          fs.closeSync(fd);
        } catch {
          // The error that brought us here is the one to report; the partial is removed below.
        }
      }
      if (created) {
        try {
          fs.unlinkSync(partialPath);
        } catch {
          // Gone already; the sweeper removes what a crash leaves.
        }
      }
      const mapped = toEtxError(err, `publishing ${label}`);
      if (mapped.code === 'E_EXISTS') throw new EtxError('E_EXISTS', `${label} already exists`);
      throw mapped;
    } finally {
      await this.release();
    }
  }

  /** Nothing is on disk before complete(), which cleans up after itself. */
  async abort(): Promise<void> {
    this.parts = [];
    await this.release();
  }

  private async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.options.folder?.release();
  }
}

/**
 * Re-hashes each journalled chunk from the partial; keeps those that match their record (a
 * record with an empty hash matches whatever is there: the caller checks it against the source).
 */
async function verifyClaims(handle: fsp.FileHandle, records: readonly JournalRecord[], options: PartialFileOptions): Promise<ChunkClaim[]> {
  const { size, chunkSize } = options;
  const partialSize = (await handle.stat()).size;
  // The last record of a chunk wins (a chunk may have been written twice); drop what cannot be there.
  const byChunk = new Map<number, JournalRecord>();
  for (const record of records) {
    const offset = record.chunkIndex * chunkSize;
    if (offset < size && offset + chunkLength(size, offset, chunkSize) <= partialSize) byChunk.set(record.chunkIndex, record);
  }
  const pending = [...byChunk.values()];
  const claims: ChunkClaim[] = [];
  // A few reads and hashes at once: the thread pool hashes in parallel while the disk reads ahead.
  const worker = async (): Promise<void> => {
    const buffer = Buffer.allocUnsafe(chunkSize);
    for (let record = pending.pop(); record; record = pending.pop()) {
      const offset = record.chunkIndex * chunkSize;
      const length = chunkLength(size, offset, chunkSize);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      if (bytesRead !== length) continue;
      const hash = hashChunk(buffer.subarray(0, length));
      if (record.hash.length > 0 && !hash.equals(record.hash)) continue; // altered on disk since
      claims.push({ chunkIndex: record.chunkIndex, hash });
    }
  };
  await Promise.all(Array.from({ length: RESUME_HASH_PARALLELISM }, worker));
  return claims.sort((a, b) => a.chunkIndex - b.chunkIndex);
}

/** A journal of the largest file (2^53 bytes at 64 KiB chunks) stays far below this. */
const MAX_JOURNAL_BYTES = 64 * 1024 * 1024;

/**
 * Reads a file that must be a regular file of bounded size: no link followed, and no wait on a
 * FIFO planted under its name (O_NONBLOCK), which would hold a thread-pool thread forever.
 */
async function readSmallRegularFile(file: string, maxBytes: number): Promise<Buffer> {
  const handle = await fsp.open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const st = await handle.stat();
    if (!st.isFile() || st.size > maxBytes) throw new EtxError('E_IO', `${path.basename(file)} is not a journal`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** Chunks re-hashed at once when resuming. */
const RESUME_HASH_PARALLELISM = 3;

/** `/dev/null`: accepts and discards. */
export class NullSink implements FileSink {
  async write(): Promise<void> {}
  recordChunk(): void {}
  async complete(): Promise<void> {}
  async abort(): Promise<void> {}
}

export async function syncDirectory(dir: string): Promise<void> {
  const handle = await fsp.open(dir, constants.O_RDONLY | constants.O_DIRECTORY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function dropBytes(parts: readonly Buffer[], count: number): readonly Buffer[] {
  let remaining = count;
  let i = 0;
  while (i < parts.length && remaining >= parts[i]!.length) {
    remaining -= parts[i]!.length;
    i++;
  }
  if (i === parts.length) return [];
  const rest = parts.slice(i);
  if (remaining > 0) rest[0] = rest[0]!.subarray(remaining);
  return rest;
}
