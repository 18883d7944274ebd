/** What both ends of a transfer share: options and the observer their owner listens with. */
import type { CodedError } from '../common/messages.js';
import type { EtxError } from '../common/errors.js';

export interface SessionOptions {
  transferId: string;
  /**
   * The transfer's tag key, derived from its ticket (file-tags.ts): the sender tags each file's
   * digest and each FILES table with it; the receiver publishes nothing whose tag fails.
   */
  fileTagKey: Buffer;
  chunkSizeBytes: number;
  /** Chunks a stream may have sent but not yet seen acknowledged (sender) or being written (receiver). */
  windowChunks: number;
  /**
   * Bytes the sender may have in flight over all its streams together: with many streams the
   * window per stream shrinks (to one chunk at least), so memory does not grow with streams.
   */
  maxInflightBytes: number;
  /** A data connection silent this long is closed (its chunks go back to the queue). */
  idleTimeoutMs: number;
  /** A session without any data connection this long is abandoned: it fails and is freed. */
  inactiveTimeoutMs: number;
  /** Largest ABORT/ERROR text accepted on a data connection. */
  maxMessageBytes: number;
  /** Times a chunk may fail its hash before the file fails with E_CHECKSUM. */
  maxChunkAttempts: number;
  /**
   * Files up to this size are read whole (sender) and written whole (receiver) with synchronous
   * metadata calls, and many go in one FILES frame; 0: every file takes the general path.
   */
  smallFileBytes: number;
}

/** Default for SessionOptions.smallFileBytes (--small-file-bytes). */
export const DEFAULT_SMALL_FILE_BYTES = 64 * 1024;

/** Most bytes (table and files) the sender puts in one FILES frame. */
export const MAX_FILES_FRAME_BYTES = 1024 * 1024;

export interface SessionObserver {
  /**
   * `digest` is the file's blake3-tree digest (see chunk-hash.ts); `seconds`, from its first
   * chunk to now (files overlap on the streams, so these do not add up to the transfer's).
   */
  fileDone(fileIndex: number, bytes: number, digest: Buffer, seconds?: number): void;
  fileFailed(fileIndex: number, error: CodedError): void;
  done(bytes: number): void;
  failed(error: EtxError): void;
  /** Chunks about to be sent again (refused by the receiver's hash check, or lost with a stream). */
  retransmitted?(chunks: number): void;
}

export function chunkCount(size: number, chunkSizeBytes: number): number {
  return Math.ceil(size / chunkSizeBytes);
}

export function chunkLength(size: number, offset: number, chunkSizeBytes: number): number {
  return Math.min(chunkSizeBytes, size - offset);
}
