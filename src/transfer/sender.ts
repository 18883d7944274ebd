/**
 * The sending end of a transfer. Chunks of every file are handed to whichever stream has room
 * (fewer than `windowChunks` chunks' worth of bytes unacknowledged, and its share of
 * `maxInflightBytes`), so a slow stream never holds the others back and memory stays bounded
 * whatever the file size. The window counts bytes, not chunks, so a stream carries many small
 * files at once (up to MAX_CHUNKS_PER_STREAM): one small file per window slot left the file
 * systems at both ends doing one operation at a time, which on this VM costs about four times
 * the CPU per operation of keeping the thread pool busy. A stream that
 * breaks gives its unacknowledged chunks back to the queue for the others. Chunks flow on a
 * stream only after the receiver's READY (it first announces, with HAVE, what an earlier partial
 * holds; those chunks are read and hashed here, and skipped if they match).
 */
import { EtxError, toEtxError } from '../common/errors.js';
import {
  type DataFrame,
  FILES_ENTRY_BYTES,
  FrameType,
  MAX_FILES_PER_FRAME,
  type WholeFile,
  encodeAbort,
  encodeChunkHeader,
  encodeDigest,
  encodeFiles,
} from '../common/data-frames.js';
import type { CodedError } from '../common/messages.js';
import { BufferPool } from './buffer-pool.js';
import { ChunkHashes, hashChunk } from './chunk-hash.js';
import type { ChunkSource } from './chunk-source.js';
import { DataSession } from './data-session.js';
import type { DataStream } from './data-stream.js';
import { MAX_FILES_FRAME_BYTES, type SessionObserver, type SessionOptions, chunkCount, chunkLength } from './session-types.js';

/** Most chunks one stream carries unacknowledged (many small files), whatever their bytes. */
const MAX_CHUNKS_PER_STREAM = 128;

/** One stream's unacknowledged chunks, by key, and their bytes. */
class InflightChunks {
  private readonly chunks = new Map<string, Chunk>();
  bytes = 0;

  get size(): number {
    return this.chunks.size;
  }

  get(key: string): Chunk | undefined {
    return this.chunks.get(key);
  }

  set(key: string, chunk: Chunk): void {
    this.delete(key);
    this.chunks.set(key, chunk);
    this.bytes += chunk.length;
  }

  delete(key: string): void {
    const chunk = this.chunks.get(key);
    if (!chunk) return;
    this.chunks.delete(key);
    this.bytes -= chunk.length;
  }

  values(): IterableIterator<Chunk> {
    return this.chunks.values();
  }

  [Symbol.iterator](): IterableIterator<[string, Chunk]> {
    return this.chunks[Symbol.iterator]();
  }
}

export interface SendFile {
  /** The file's index in the transfer, shared by both ends. */
  index: number;
  size: number;
  /** Opens the source when its first chunk is due (so 10,000 files do not hold 10,000 fds). */
  open(): Promise<ChunkSource>;
  /**
   * Reads the whole file at once, synchronously, checked unchanged meanwhile (a small file, see
   * SessionOptions.smallFileBytes); absent for sources that cannot (the zero source).
   */
  readWhole?(): Buffer;
  /** Set when this end refused the file: the receiver is told on the first stream. */
  refused?: CodedError;
}

interface Chunk {
  file: FileState;
  offset: number;
  length: number;
  /** Written to the stream: only then may the receiver acknowledge or refuse it. */
  sent: boolean;
  /** Times this chunk was sent and refused by the receiver's hash check. */
  refusals: number;
  /** The whole of a small file: read with readWhole and sent in a FILES frame. */
  whole: boolean;
}

interface FileState {
  spec: SendFile;
  source: Promise<ChunkSource> | undefined;
  nextOffset: number;
  chunksLeft: number;
  /** `finishing`: every chunk is acknowledged, the source is being checked for changes. */
  state: 'sending' | 'finishing' | 'done' | 'failed';
  /** The hash of every chunk as read, for the file's digest. */
  hashes: ChunkHashes;
  /** Resuming: chunks the receiver's partial holds, with their hashes (HAVE frames). */
  claims: Map<number, Buffer>;
  /** Went in a FILES frame: the receiver has the digest implied, and the read was checked whole. */
  sentWhole: boolean;
  /** When its first chunk was taken to be sent (for the file's seconds in the log). */
  startedAtMs?: number;
}

const chunkKey = (fileIndex: number, offset: number): string => `${fileIndex}:${offset}`;
const secondsSince = (ms: number | undefined): number => (ms === undefined ? 0 : (Date.now() - ms) / 1000);

export class SendSession extends DataSession {
  private readonly files = new Map<number, FileState>();
  private readonly order: FileState[];
  private cursor = 0;
  /** Chunks given back by broken streams, sent again before new ones. */
  private readonly requeued: Chunk[] = [];
  private readonly inflight = new Map<DataStream, InflightChunks>();
  /** Streams whose receiver said READY (every HAVE is in): chunks flow only on these. */
  private readonly readyStreams = new Set<DataStream>();
  private bytesSkipped = 0;
  private readonly pool: BufferPool;
  private filesLeft: number;
  private bytesAcked = 0;
  /** Files refused here, which the receiver has not been told about yet. */
  private pendingAborts: FileState[];

  constructor(files: readonly SendFile[], options: SessionOptions, observer: SessionObserver) {
    super(options, observer);
    this.order = files.map((spec) => ({
      spec,
      source: undefined,
      nextOffset: 0,
      chunksLeft: chunkCount(spec.size, options.chunkSizeBytes),
      // An empty file has nothing to send: the receiver publishes it on its own.
      state: spec.refused ? 'failed' : spec.size === 0 ? 'done' : 'sending',
      hashes: new ChunkHashes(spec.size, options.chunkSizeBytes),
      claims: new Map(),
      sentWhole: false,
    }));
    for (const f of this.order) this.files.set(f.spec.index, f);
    this.pendingAborts = this.order.filter((f) => f.spec.refused);
    this.filesLeft = this.order.filter((f) => f.state === 'sending').length;
    this.pool = new BufferPool(options.chunkSizeBytes, 64);
  }

  /** Call once the owner is listening: a transfer of only empty files is done at once. */
  start(): void {
    if (this.filesLeft === 0 && this.pendingAborts.length === 0) this.succeed(0, true);
    else this.armNoStreamTimer();
  }

  get movedBytes(): number {
    return this.bytesAcked;
  }

  get acknowledgedBytes(): number {
    return this.bytesAcked;
  }

  get bytesDone(): number {
    return this.bytesAcked + this.bytesSkipped;
  }

  /** Bytes not sent because the receiver's partial proved to hold them already. */
  get skippedBytes(): number {
    return this.bytesSkipped;
  }

  protected onStreamAdded(stream: DataStream): void {
    this.inflight.set(stream, new InflightChunks());
    for (const file of this.pendingAborts) {
      stream.write(encodeAbort(file.spec.index, file.spec.refused!, this.options.maxMessageBytes));
    }
    this.pendingAborts = [];
    if (this.filesLeft === 0) this.succeed(0, true);
    // Chunks wait for the receiver's READY: first it says what an earlier partial holds.
  }

  protected onStreamClosed(stream: DataStream, error: EtxError | undefined): void {
    const lost = this.inflight.get(stream);
    this.inflight.delete(stream);
    this.readyStreams.delete(stream);
    if (lost) {
      let again = 0;
      for (const chunk of lost.values()) {
        if (chunk.file.state !== 'sending') continue;
        if (chunk.sent) again++;
        chunk.sent = false;
        this.requeued.push(chunk);
      }
      this.observer.retransmitted?.(again);
    }
    if (error && (error.code === 'E_PROTOCOL' || error.code === 'E_TOO_LARGE' || error.code === 'E_NO_SPACE')) {
      this.fail(error);
      return;
    }
    // Other streams pick up what this one lost.
    for (const s of this.inflight.keys()) this.pump(s);
  }

  private nextChunk(): Chunk | undefined {
    while (this.requeued.length > 0) {
      const chunk = this.requeued.shift()!;
      if (chunk.file.state === 'sending') return chunk;
    }
    while (this.cursor < this.order.length) {
      const file = this.order[this.cursor]!;
      if (file.state !== 'sending' || file.nextOffset >= file.spec.size) {
        this.cursor++;
        continue;
      }
      const offset = file.nextOffset;
      const length = chunkLength(file.spec.size, offset, this.options.chunkSizeBytes);
      file.nextOffset += length;
      file.startedAtMs ??= Date.now();
      return { file, offset, length, sent: false, refusals: 0, whole: this.goesWhole(file) };
    }
    return undefined;
  }

  /**
   * A small file with nothing of it at the receiver already goes whole in a FILES frame (a
   * resumed partial that holds it needs the general path: its chunk is skipped, its digest sent).
   */
  private goesWhole(file: FileState): boolean {
    const { size, readWhole } = file.spec;
    return (
      readWhole !== undefined &&
      size <= this.options.smallFileBytes &&
      size + FILES_ENTRY_BYTES <= Math.min(MAX_FILES_FRAME_BYTES, this.options.chunkSizeBytes) &&
      file.claims.size === 0
    );
  }

  /** Bytes each stream may have unacknowledged, given how many streams share the in-flight budget. */
  private windowBytes(): number {
    const { windowChunks, maxInflightBytes, chunkSizeBytes } = this.options;
    const share = Math.floor(maxInflightBytes / Math.max(1, this.inflight.size));
    return Math.max(chunkSizeBytes, Math.min(windowChunks * chunkSizeBytes, share));
  }

  private pump(stream: DataStream): void {
    const mine = this.inflight.get(stream);
    if (!mine || !this.readyStreams.has(stream)) return;
    const windowBytes = this.windowBytes();
    const frameBytes = Math.min(MAX_FILES_FRAME_BYTES, this.options.chunkSizeBytes);
    let batch: Chunk[] = [];
    let batchBytes = 0;
    while (!this.finished && mine.bytes < windowBytes && mine.size < MAX_CHUNKS_PER_STREAM) {
      const chunk = this.nextChunk();
      if (!chunk) break;
      mine.set(chunkKey(chunk.file.spec.index, chunk.offset), chunk);
      if (!chunk.whole) {
        void this.sendChunk(stream, chunk);
        continue;
      }
      if (batch.length === MAX_FILES_PER_FRAME || batchBytes + chunk.length + FILES_ENTRY_BYTES > frameBytes) {
        this.sendWholeFiles(stream, batch);
        batch = [];
        batchBytes = 0;
      }
      batch.push(chunk);
      batchBytes += chunk.length + FILES_ENTRY_BYTES;
    }
    if (batch.length > 0) this.sendWholeFiles(stream, batch);
  }

  /**
   * Small files, whole, in one FILES frame: each read synchronously (see readWholeFile: a few
   * microseconds of system calls instead of five thread-pool trips per file) and hashed here.
   * A file that cannot be read fails alone, after the frame is written.
   */
  private sendWholeFiles(stream: DataStream, chunks: readonly Chunk[]): void {
    const entries: WholeFile[] = [];
    const failures: Array<[FileState, EtxError]> = [];
    for (const chunk of chunks) {
      const { file } = chunk;
      try {
        const data = file.spec.readWhole!();
        const hash = hashChunk(data);
        file.hashes.set(0, hash);
        file.sentWhole = true;
        chunk.sent = true;
        entries.push({ fileIndex: file.spec.index, data, hash });
      } catch (err) {
        failures.push([file, toEtxError(err)]);
      }
    }
    if (entries.length > 0) for (const part of encodeFiles(entries, this.options.fileTagKey)) stream.write(part);
    for (const [file, error] of failures) this.failFile(file, error);
  }

  private async sendChunk(stream: DataStream, chunk: Chunk): Promise<void> {
    const { file } = chunk;
    let scratch: Buffer | undefined;
    let data: Buffer;
    let hash: Buffer;
    try {
      // A small chunk (a small file) gets a buffer of its own size, not a whole pool buffer.
      scratch = chunk.length < this.options.chunkSizeBytes / 4 ? Buffer.allocUnsafe(chunk.length) : this.pool.acquire();
      file.source ??= file.spec.open();
      const source = await file.source;
      data = await source.read(chunk.offset, chunk.length, scratch);
      hash = source.knownHash?.(chunk.length) ?? hashChunk(data);
    } catch (err) {
      if (scratch) this.pool.release(scratch);
      this.failFile(file, toEtxError(err));
      return;
    }
    // The stream may have died meanwhile; its chunks were requeued already.
    if (
      !stream.usable ||
      this.finished ||
      file.state !== 'sending' ||
      this.inflight.get(stream)?.get(chunkKey(file.spec.index, chunk.offset)) !== chunk
    ) {
      this.pool.release(scratch);
      return;
    }
    const chunkIndex = chunk.offset / this.options.chunkSizeBytes;
    file.hashes.set(chunkIndex, hash);
    if (file.claims.get(chunkIndex)?.equals(hash)) {
      // The receiver's partial holds exactly these bytes: nothing to send.
      this.pool.release(scratch);
      this.bytesSkipped += chunk.length;
      this.settleChunk(stream, chunk, false);
      return;
    }
    chunk.sent = true;
    stream.write(encodeChunkHeader(file.spec.index, chunk.offset, chunk.length, hash));
    const buffer = scratch;
    stream.write(data, () => this.pool.release(buffer));
  }

  protected onFrame(stream: DataStream, frame: DataFrame): void {
    switch (frame.type) {
      case FrameType.ACK:
      case FrameType.NACK: {
        const chunk = this.inflight.get(stream)?.get(chunkKey(frame.fileIndex, frame.offset));
        if (!chunk?.sent || chunk.length !== frame.length) {
          // A late answer about a file that failed meanwhile is harmless; anything else means the
          // peer acknowledges what it was never sent (which would let it drive our reads).
          if (this.files.get(frame.fileIndex)?.state === 'failed') return;
          stream.destroy(new EtxError('E_PROTOCOL', 'an answer about a chunk not in flight on this connection'));
          return;
        }
        if (frame.type === FrameType.ACK) this.settleChunk(stream, chunk, true);
        else this.refused(stream, chunk);
        return;
      }
      case FrameType.HAVE: {
        const file = this.files.get(frame.fileIndex);
        const chunkSize = this.options.chunkSizeBytes;
        if (!file || frame.offset % chunkSize !== 0 || frame.offset >= file.spec.size) {
          stream.destroy(new EtxError('E_PROTOCOL', 'HAVE for a chunk not in this transfer'));
          return;
        }
        file.claims.set(frame.offset / chunkSize, frame.hash);
        return;
      }
      case FrameType.READY:
        this.readyStreams.add(stream);
        this.pump(stream);
        return;
      case FrameType.ABORT: {
        // The receiver gave up on this file (its disk, its rules): stop sending it.
        const file = this.files.get(frame.fileIndex);
        if (file?.state === 'sending' || file?.state === 'finishing')
          this.failFile(file, new EtxError(frame.error.code, frame.error.message), false);
        return;
      }
      case FrameType.ERROR:
        this.fail(new EtxError(frame.error.code, `peer: ${frame.error.message}`));
        return;
      default:
        stream.destroy(new EtxError('E_PROTOCOL', 'unexpected frame from the receiver'));
    }
  }

  /** The chunk is in the receiver's partial: acknowledged, or (`network` false) proven there already. */
  private settleChunk(stream: DataStream, chunk: Chunk, network: boolean): void {
    this.inflight.get(stream)?.delete(chunkKey(chunk.file.spec.index, chunk.offset));
    if (network) this.bytesAcked += chunk.length;
    const file = chunk.file;
    file.chunksLeft--;
    if (file.chunksLeft === 0 && file.state === 'sending') void this.finishFile(file);
    this.pump(stream);
  }

  /** Every chunk is acknowledged: if the source held still, give the receiver the digest. */
  private async finishFile(file: FileState): Promise<void> {
    if (file.sentWhole) {
      // Read whole and checked unchanged as it was read; the receiver knows the digest already.
      file.state = 'done';
      this.observer.fileDone(file.spec.index, file.spec.size, file.hashes.digest(), secondsSince(file.startedAtMs));
      this.fileResolved();
      return;
    }
    file.state = 'finishing';
    try {
      const source = await file.source;
      await source?.checkUnchanged?.();
    } catch (err) {
      this.failFile(file, toEtxError(err));
      return;
    }
    if (file.state !== 'finishing' || this.finished) return;
    file.state = 'done';
    void this.closeSource(file);
    const digest = file.hashes.digest();
    // On every ready stream: the receiver keeps the first, and one lost stream cannot lose it.
    for (const s of this.readyStreams) if (s.usable) s.write(encodeDigest(file.spec.index, digest, this.options.fileTagKey));
    this.observer.fileDone(file.spec.index, file.spec.size, digest, secondsSince(file.startedAtMs));
    this.fileResolved();
  }

  /** The receiver's hash check refused a chunk: send it again, a bounded number of times. */
  private refused(stream: DataStream, chunk: Chunk): void {
    this.inflight.get(stream)?.delete(chunkKey(chunk.file.spec.index, chunk.offset));
    chunk.refusals++;
    chunk.sent = false;
    if (chunk.refusals >= this.options.maxChunkAttempts) {
      this.failFile(
        chunk.file,
        new EtxError('E_CHECKSUM', `the chunk at offset ${chunk.offset} arrived corrupted ${chunk.refusals} times`),
      );
      return;
    }
    this.requeued.unshift(chunk);
    this.observer.retransmitted?.(1);
    this.pump(stream);
  }

  /** `tell`: the receiver does not know yet (it is told on every stream). */
  private failFile(file: FileState, error: EtxError, tell = true): void {
    if (file.state === 'done' || file.state === 'failed' || this.finished) return;
    file.state = 'failed';
    for (const mine of this.inflight.values()) {
      for (const [key, chunk] of mine) if (chunk.file === file) mine.delete(key);
    }
    void this.closeSource(file);
    const coded = { code: error.code, message: error.message };
    if (tell) for (const s of this.streams) if (s.usable) s.write(encodeAbort(file.spec.index, coded, this.options.maxMessageBytes));
    this.observer.fileFailed(file.spec.index, coded);
    this.fileResolved();
    for (const s of this.inflight.keys()) this.pump(s);
  }

  private fileResolved(): void {
    this.filesLeft--;
    if (this.filesLeft === 0) this.succeed(this.bytesAcked, true);
  }

  private async closeSource(file: FileState): Promise<void> {
    const source = file.source;
    file.source = undefined;
    if (source) await source.then((s) => s.close()).catch(() => {});
  }

  protected async releaseFiles(): Promise<void> {
    await Promise.all(this.order.map((f) => this.closeSource(f)));
  }
}
