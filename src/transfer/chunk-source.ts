/**
 * Where a sender's bytes come from: an opened file read at positions, or the /dev/zero test
 * source that reads nothing at all.
 */
import fs, { type promises as fsp } from 'node:fs';
import { EtxError, toEtxError } from '../common/errors.js';
import { zeroChunkHash } from './chunk-hash.js';
import { openJudgedFile, openJudgedFileSync } from './pinned-directory.js';

export interface ChunkSource {
  readonly size: number;
  /**
   * Returns `length` bytes at `offset`. `scratch` (at least `length` bytes) may be filled and
   * returned; the result is valid until the caller reuses `scratch`.
   */
  read(offset: number, length: number, scratch: Buffer): Promise<Buffer>;
  /** The hash of a chunk when the source knows it without hashing (the zero source). */
  knownHash?(length: number): Buffer;
  /** Throws E_SOURCE_CHANGED if the source was modified since it was opened. */
  checkUnchanged?(): Promise<void>;
  close(): Promise<void>;
}

/** A regular file, opened once; positional reads so many streams can share the descriptor. */
export class FileChunkSource implements ChunkSource {
  private constructor(
    private readonly handle: fsp.FileHandle,
    readonly size: number,
    private readonly label: string,
    /** What the file was when opened: a later fstat must say the same. */
    private readonly identity: string,
  ) {}

  /**
   * Opens `path` (already judged by the caller) for reading. It must be a regular file of the
   * size the transfer announced: anything else changed since it was planned.
   */
  /**
   * `expected`: the file's device and inode when it was judged; a different file under that path
   * now (replaced since) is E_SOURCE_CHANGED.
   */
  static async open(path: string, expectedSize: number, label = path, expected?: { dev: number; ino: number }): Promise<FileChunkSource> {
    // Never through a link swapped in since the ACL judged `path` (THREATS T2, T3).
    const handle = await openJudgedFile(path, label);
    try {
      const st = await handle.stat();
      if (!st.isFile()) throw new EtxError('E_IO', `${label} is not a regular file`);
      if (expected && (st.dev !== expected.dev || st.ino !== expected.ino)) {
        throw new EtxError('E_SOURCE_CHANGED', `${label} was replaced by another file since it was planned`);
      }
      if (st.size !== expectedSize) {
        throw new EtxError('E_SOURCE_CHANGED', `${label} is now ${st.size} bytes, ${expectedSize} were announced`);
      }
      return new FileChunkSource(handle, st.size, label, identityOf(st));
    } catch (err) {
      await handle.close().catch(() => {});
      throw toEtxError(err, `opening ${label}`);
    }
  }

  async read(offset: number, length: number, scratch: Buffer): Promise<Buffer> {
    let filled = 0;
    while (filled < length) {
      let bytesRead: number;
      try {
        ({ bytesRead } = await this.handle.read(scratch, filled, length - filled, offset + filled));
      } catch (err) {
        throw toEtxError(err, `reading ${this.label}`);
      }
      if (bytesRead === 0) throw new EtxError('E_SOURCE_CHANGED', `${this.label} shrank while being read`);
      filled += bytesRead;
    }
    return scratch.subarray(0, length);
  }

  /**
   * Called once every chunk was read: a file appended to, truncated or rewritten while it was
   * being sent fails rather than publishing a mix of two versions (THREATS F13).
   */
  async checkUnchanged(): Promise<void> {
    let now: string;
    try {
      now = identityOf(await this.handle.stat());
    } catch (err) {
      throw toEtxError(err, `checking ${this.label}`);
    }
    if (now !== this.identity) throw new EtxError('E_SOURCE_CHANGED', `${this.label} changed while it was being sent`);
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => {});
  }
}

/**
 * Reads a small judged file whole, synchronously: open (no link, the judged file), fstat, read,
 * fstat again, close. Five system calls of microseconds each on the event loop cost far less than
 * five trips through the thread pool (about 190 us of CPU each on a busy 2-core machine), which is
 * what made a transfer of many small files slow. Only for files small enough that one read is
 * short; a slow (network) file system is why the size is an option. The second fstat makes the
 * read self-checking: a file changed meanwhile fails with E_SOURCE_CHANGED, so the sender can
 * vouch for the whole file at once (a FILES frame implies the digest).
 */
export function readWholeFile(path: string, expectedSize: number, label = path, expected?: { dev: number; ino: number }): Buffer {
  const fd = openJudgedFileSync(path, label);
  try {
    const before = fs.fstatSync(fd);
    if (!before.isFile()) throw new EtxError('E_IO', `${label} is not a regular file`);
    if (expected && (before.dev !== expected.dev || before.ino !== expected.ino)) {
      throw new EtxError('E_SOURCE_CHANGED', `${label} was replaced by another file since it was planned`);
    }
    if (before.size !== expectedSize) {
      throw new EtxError('E_SOURCE_CHANGED', `${label} is now ${before.size} bytes, ${expectedSize} were announced`);
    }
    const data = Buffer.allocUnsafe(expectedSize);
    for (let filled = 0; filled < expectedSize; ) {
      const n = fs.readSync(fd, data, filled, expectedSize - filled, filled);
      if (n === 0) throw new EtxError('E_SOURCE_CHANGED', `${label} shrank while being read`);
      filled += n;
    }
    if (identityOf(fs.fstatSync(fd)) !== identityOf(before)) {
      throw new EtxError('E_SOURCE_CHANGED', `${label} changed while it was being sent`);
    }
    return data;
  } catch (err) {
    throw toEtxError(err, `reading ${label}`);
  } finally {
    fs.closeSync(fd);
  }
}

function identityOf(st: import('node:fs').Stats): string {
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
}

let zeros: Buffer | undefined;

/** `/dev/zero:SIZE`: every chunk is the same shared zero buffer; nothing is read or copied. */
export class ZeroChunkSource implements ChunkSource {
  constructor(readonly size: number) {}

  async read(_offset: number, length: number): Promise<Buffer> {
    if (!zeros || zeros.length < length) zeros = Buffer.alloc(length);
    return zeros.subarray(0, length);
  }

  knownHash(length: number): Buffer {
    return zeroChunkHash(length);
  }

  async close(): Promise<void> {}
}
