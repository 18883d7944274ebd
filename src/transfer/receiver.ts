/**
 * The receiving end of a transfer. It accepts only the files it agreed to, each chunk only at a
 * chunk boundary inside the announced size, checks each chunk's BLAKE3 hash before writing it at its
 * offset (asking again on a mismatch), acknowledges it once written, and publishes a file only
 * when every chunk is in and the source's file digest matches its own.
 * A stream whose writes lag is paused, so a slow disk slows the sender instead of growing memory.
 * Resuming: chunks an earlier partial is proven to hold are announced to the sender (HAVE)
 * before any chunk flows (READY); the sender skips those whose hash matches its own.
 */
import { type ErrorCode, EtxError, toEtxError } from '../common/errors.js';
import { digestTag, filesTableTag, tagsEqual } from '../common/file-tags.js';
import type { CodedError } from '../common/messages.js';
import {
  type DataFrame,
  type FilesBatch,
  FrameType,
  type PayloadAllocator,
  encodeAbort,
  encodeAck,
  encodeHave,
  encodeNack,
  encodeReady,
} from '../common/data-frames.js';
import { BufferPool } from './buffer-pool.js';
import { ChunkHashes, hashChunk } from './chunk-hash.js';
import { DataSession } from './data-session.js';
import type { DataStream } from './data-stream.js';
import type { ChunkClaim, FileSink } from './file-sink.js';
import { type SessionObserver, type SessionOptions, chunkCount, chunkLength } from './session-types.js';

export interface ReceiveFile {
  index: number;
  size: number;
  /** Opens the sink (a partial, maybe an earlier one, or the null sink) and says what it holds. */
  openSink(): Promise<{ sink: FileSink; claims: ChunkClaim[] }>;
  /** An earlier partial may exist: open the sink at the start to learn what it already holds. */
  mayResume?: boolean;
  /**
   * The bytes go to /dev/null: chunks are not hashed here (there is nothing to protect, and a
   * throughput test should measure the link), and the file's digest is the source's.
   */
  discard?: boolean;
}

interface FileState {
  spec: ReceiveFile;
  sink: Promise<FileSink> | undefined;
  /** One bit per chunk, set once the chunk is in the partial (written, or proven on resume). */
  received: Uint8Array;
  /** One bit per chunk proven on resume and not replaced since: a resend of it is written. */
  claimed: Uint8Array;
  claims: ChunkClaim[];
  receivedBytes: number;
  state: 'open' | 'publishing' | 'done' | 'failed';
  /** The hash of every chunk in the partial, for the file's digest. */
  hashes: ChunkHashes;
  /** Hash failures per chunk index. */
  refusals: Map<number, number>;
  /** The digest the source computed from what it read. */
  sourceDigest: Buffer | undefined;
  /** Why the file failed, once it has. */
  failure?: CodedError;
  /** When its first chunk arrived (for the file's seconds in the log). */
  startedAtMs?: number;
  /** ACKs of whole-file copies, sent once the file is published (dropped if it fails). */
  onPublished: Array<() => void>;
}

/** What a chunk's frame says about it. */
interface ChunkHeader {
  fileIndex: number;
  offset: number;
  length: number;
  hash: Buffer;
  /** The whole file, from a FILES frame: no DIGEST follows. */
  whole: boolean;
}

const bitOf = (bits: Uint8Array, i: number): boolean => (bits[i >> 3]! & (1 << (i & 7))) !== 0;
const setBit = (bits: Uint8Array, i: number, on: boolean): void => {
  if (on) bits[i >> 3]! |= 1 << (i & 7);
  else bits[i >> 3]! &= ~(1 << (i & 7));
};

/** A tag that fails: the frame was altered on its way, or comes from someone without the ticket. */
function tamperedError(what: string): EtxError {
  return new EtxError(
    'E_CHECKSUM',
    `${what} failed its authentication: the data was altered on its way (a relay or network without TLS?) or did not come from the source`,
  );
}

/** The payload as one buffer: the single part itself, or the parts copied into `into`. */
function gather(parts: readonly Buffer[], length: number, into: Buffer): Buffer {
  if (parts.length === 1) return parts[0]!;
  let at = 0;
  for (const part of parts) at += part.copy(into, at);
  return into.subarray(0, length);
}

/** Failures after which a partial is worth keeping for a later resume (a lost link, not bad data). */
const DISCARD_PARTIAL_ON: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'E_CHECKSUM',
  'E_SOURCE_CHANGED',
  'E_EXISTS',
  'E_ACL_DENIED',
  'E_PATH',
  'E_NO_SPACE',
  'E_TOO_LARGE',
  'E_PROTOCOL',
  'E_IS_A_DIRECTORY',
  'E_NOT_A_DIRECTORY',
]);

export class ReceiveSession extends DataSession {
  private readonly files = new Map<number, FileState>();
  /** Bytes of each stream's chunks being hashed or written: past a window's worth, the stream pauses. */
  private readonly pendingWrites = new Map<DataStream, number>();
  private readonly changed = new Set<FileState>();
  private filesLeft: number;
  private bytesReceived = 0;
  /** Bytes earlier partials proved to hold (not moved again). */
  private bytesResumed = 0;
  private readonly pool: BufferPool;
  /** Set once every resumable partial was examined: streams may then get HAVE and READY. */
  private ready = false;
  private preparing: Promise<Map<number, CodedError>> | undefined;
  /** Partials of failed files being closed or removed: the session ends only after them. */
  private readonly releasing: Array<Promise<void>> = [];
  /** Files being published: a session that ends meanwhile waits for them, never aborts them. */
  private readonly publishing = new Set<Promise<void>>();
  /** FILES tables whose tag checked out (their files arrive as separate frames). */
  private readonly authenticBatches = new WeakSet<FilesBatch>();
  /** Failures the sender has not heard of (no stream yet): told on the next stream. */
  private pendingAborts: Array<{ fileIndex: number; error: EtxError }> = [];

  constructor(files: readonly ReceiveFile[], options: SessionOptions, observer: SessionObserver) {
    super(options, observer);
    for (const spec of files) {
      const chunks = chunkCount(spec.size, options.chunkSizeBytes);
      this.files.set(spec.index, {
        spec,
        sink: undefined,
        received: new Uint8Array(Math.ceil(chunks / 8)),
        claimed: new Uint8Array(Math.ceil(chunks / 8)),
        claims: [],
        receivedBytes: 0,
        state: 'open',
        hashes: new ChunkHashes(spec.size, options.chunkSizeBytes),
        refusals: new Map(),
        sourceDigest: undefined,
        onPublished: [],
      });
    }
    this.filesLeft = this.files.size;
    this.pool = new BufferPool(options.chunkSizeBytes, 32);
  }

  /**
   * Examines earlier partials (re-hashing what their journals name) before any data connection
   * exists, so no stream sits idle meanwhile. Call, and await, before handing out the ticket.
   */
  prepare(): Promise<Map<number, CodedError>> {
    this.preparing ??= this.examineAndAnnounce();
    return this.preparing;
  }

  private async examineAndAnnounce(): Promise<Map<number, CodedError>> {
    const failedBefore = new Set([...this.files.values()].filter((f) => f.state === 'failed'));
    await this.examinePartials();
    this.ready = true;
    for (const stream of this.streams) this.announce(stream);
    // Files that could not be opened: the owner reports them as refused in its answer.
    const failed = new Map<number, CodedError>();
    for (const f of this.files.values()) if (f.state === 'failed' && !failedBefore.has(f) && f.failure) failed.set(f.spec.index, f.failure);
    return failed;
  }

  /**
   * Publishes the empty files (they have no chunk to wait for) and starts the connection clock;
   * prepares, if the owner did not, so chunks can flow.
   */
  start(): void {
    void this.prepare();
    // An empty file has nothing to corrupt: its digest is known without the source.
    for (const file of this.files.values()) if (file.spec.size === 0) this.startPublish(file, file.hashes.digest());
    if (this.filesLeft === 0) {
      this.succeed(0, false);
      return;
    }
    this.armNoStreamTimer();
  }

  private async examinePartials(): Promise<void> {
    for (const file of this.files.values()) {
      if (!file.spec.mayResume || file.state !== 'open' || this.finished) continue;
      try {
        const opened = file.spec.openSink();
        file.sink = opened.then((o) => o.sink);
        const { claims } = await opened;
        for (const claim of claims) {
          const offset = claim.chunkIndex * this.options.chunkSizeBytes;
          setBit(file.received, claim.chunkIndex, true);
          setBit(file.claimed, claim.chunkIndex, true);
          file.hashes.set(claim.chunkIndex, claim.hash);
          const length = chunkLength(file.spec.size, offset, this.options.chunkSizeBytes);
          file.receivedBytes += length;
          this.bytesResumed += length;
        }
        file.claims = claims;
        if (claims.length > 0) this.changed.add(file);
      } catch (err) {
        this.failFile(file, toEtxError(err), undefined);
      }
    }
  }

  /** Tells the sender what failed and what the partials hold, then that chunks may flow. */
  private announce(stream: DataStream): void {
    for (const { fileIndex, error } of this.pendingAborts) {
      stream.write(encodeAbort(fileIndex, { code: error.code, message: error.message }, this.options.maxMessageBytes));
    }
    this.pendingAborts = [];
    for (const file of this.files.values()) {
      if (file.state !== 'open') continue;
      for (const claim of file.claims) {
        if (!bitOf(file.claimed, claim.chunkIndex)) continue;
        const offset = claim.chunkIndex * this.options.chunkSizeBytes;
        stream.write(encodeHave(file.spec.index, offset, chunkLength(file.spec.size, offset, this.options.chunkSizeBytes), claim.hash));
      }
    }
    stream.write(encodeReady());
  }

  /** File bytes in place here: written from the network, or proven present in earlier partials. */
  get movedBytes(): number {
    return this.bytesReceived;
  }

  get bytesDone(): number {
    return this.bytesReceived + this.bytesResumed;
  }

  /** Bytes received per file changed since the last call, for progress events. */
  takeProgress(): Array<{ fileIndex: number; bytes: number }> {
    const out = [...this.changed].map((f) => ({ fileIndex: f.spec.index, bytes: f.receivedBytes }));
    this.changed.clear();
    return out;
  }

  protected onStreamAdded(stream: DataStream): void {
    this.pendingWrites.set(stream, 0);
    if (this.ready) this.announce(stream);
  }

  protected onStreamClosed(stream: DataStream, error: EtxError | undefined): void {
    this.pendingWrites.delete(stream);
    if (error && (error.code === 'E_PROTOCOL' || error.code === 'E_TOO_LARGE' || error.code === 'E_TICKET')) {
      this.fail(error);
    }
  }

  protected onFrame(stream: DataStream, frame: DataFrame): void {
    switch (frame.type) {
      case FrameType.CHUNK: {
        const { fileIndex, offset, length, hash, payload, owned, whole, batch } = frame;
        // A whole file is published on its table's word: no table, or a table without the sender's tag, no file.
        if (whole && (!batch || !this.batchAuthentic(batch))) {
          if (owned) this.pool.release(owned);
          this.fail(tamperedError('a FILES table'));
          return;
        }
        if (!this.onChunk(stream, { fileIndex, offset, length, hash, whole: whole === true }, payload, owned) && owned) {
          this.pool.release(owned);
        }
        return;
      }
      case FrameType.DIGEST:
        if (!tagsEqual(digestTag(this.options.fileTagKey, frame.fileIndex, frame.digest), frame.tag)) {
          this.fail(tamperedError(`the digest of file ${frame.fileIndex}`));
          return;
        }
        this.onDigest(frame.fileIndex, frame.digest);
        return;
      case FrameType.ABORT: {
        const file = this.files.get(frame.fileIndex);
        if (!file) {
          this.fail(new EtxError('E_PROTOCOL', `abort for unknown file ${frame.fileIndex}`));
          return;
        }
        this.failFile(file, new EtxError(frame.error.code, frame.error.message), undefined);
        return;
      }
      case FrameType.END:
        return;
      case FrameType.ERROR:
        this.fail(new EtxError(frame.error.code, `peer: ${frame.error.message}`));
        return;
      default:
        this.fail(new EtxError('E_PROTOCOL', 'unexpected frame from the sender'));
    }
  }

  /** Whether a FILES frame's table carries the sender's tag; checked once for all its files. */
  private batchAuthentic(batch: FilesBatch): boolean {
    if (this.authenticBatches.has(batch)) return true;
    if (!tagsEqual(filesTableTag(this.options.fileTagKey, batch.table), batch.tag)) return false;
    this.authenticBatches.add(batch);
    return true;
  }

  /**
   * A stream pauses once this many of its bytes wait to be written: a window of full chunks. It is
   * counted in bytes, so many small files in flight do not stall a stream that holds little.
   */
  private pauseAtBytes(): number {
    return this.options.windowChunks * this.options.chunkSizeBytes;
  }

  /**
   * Where an arriving chunk's bytes go, decided from its header: a pool buffer if they will be
   * written, nowhere if they will not (discarded, duplicate, failed or unknown file).
   */
  protected override payloadAllocator(): PayloadAllocator {
    return (fileIndex, length) => {
      const file = this.files.get(fileIndex);
      if (!file || file.spec.discard || file.state !== 'open' || length > this.options.chunkSizeBytes) return null;
      // A small chunk (a small file) gets a buffer of its own size, not a whole pool buffer.
      return length < this.options.chunkSizeBytes / 4 ? Buffer.allocUnsafe(length) : this.pool.acquire();
    };
  }

  /** Returns true when it took over `owned` (the pool buffer holding the payload). */
  private onChunk(stream: DataStream, chunk: ChunkHeader, payload: Buffer[], owned: Buffer | undefined): boolean {
    const { fileIndex, offset, length } = chunk;
    const file = this.files.get(fileIndex);
    if (!file) {
      this.fail(new EtxError('E_PROTOCOL', `chunk for file ${fileIndex}, which is not in this transfer`));
      return false;
    }
    const { size } = file.spec;
    const chunkSize = this.options.chunkSizeBytes;
    if (offset >= size || offset + length > size) {
      this.fail(new EtxError('E_TOO_LARGE', `chunk at ${offset}+${length} is past the announced size ${size}`));
      return false;
    }
    if (offset % chunkSize !== 0 || length !== chunkLength(size, offset, chunkSize)) {
      this.fail(new EtxError('E_PROTOCOL', `chunk at ${offset}+${length} is not on a chunk boundary`));
      return false;
    }
    if (chunk.whole && length !== size) {
      this.fail(new EtxError('E_PROTOCOL', `file ${fileIndex} of ${size} bytes sent whole as ${length}`));
      return false;
    }
    if (!this.ready) {
      this.fail(new EtxError('E_PROTOCOL', 'a chunk before READY'));
      return false;
    }
    if (file.state === 'failed') {
      // The sender may not have heard: say it again (a chunk costs far more than this frame).
      stream.write(
        encodeAbort(fileIndex, { code: 'E_CANCELLED', message: 'this file failed at the receiver' }, this.options.maxMessageBytes),
      );
      return false;
    }
    file.startedAtMs ??= Date.now();
    if (file.state !== 'open') {
      // Complete already, or being published: a late resend. A whole file's sender waits for this
      // answer (it sends no DIGEST), but only once the file is really under its final name.
      if (chunk.whole) this.ackWhenPublished(file, () => void (stream.usable && stream.write(encodeAck(fileIndex, offset, length))));
      return false;
    }
    const chunkIndex = offset / chunkSize;
    if (bitOf(file.received, chunkIndex) && !bitOf(file.claimed, chunkIndex)) {
      stream.write(encodeAck(fileIndex, offset, length)); // a resend of what we have: just confirm
      return false;
    }
    if (file.spec.discard) {
      this.accept(stream, file, chunk);
      return false;
    }
    void this.verifyAndWrite(stream, file, chunk, payload, owned);
    return true;
  }

  /** Checks the chunk against the sender's hash, then writes it; a mismatch asks for it again. */
  private async verifyAndWrite(
    stream: DataStream,
    file: FileState,
    chunk: ChunkHeader,
    payload: Buffer[],
    owned: Buffer | undefined,
  ): Promise<void> {
    const { offset, length, hash } = chunk;
    const pending = (this.pendingWrites.get(stream) ?? 0) + length;
    this.pendingWrites.set(stream, pending);
    if (pending >= this.pauseAtBytes()) stream.pause();
    const chunkIndex = offset / this.options.chunkSizeBytes;
    /** Gives this chunk's bytes back to the stream's budget (resuming it if that frees room). */
    const release = (): void => {
      const left = (this.pendingWrites.get(stream) ?? length) - length;
      if (this.pendingWrites.has(stream)) this.pendingWrites.set(stream, left);
      if (left < this.pauseAtBytes()) stream.resume();
    };
    // A whole file's bytes wait in memory (its sink keeps them) until it is published: they count
    // until then, so a sender that ignores its window is paused rather than filling memory.
    let held = false;
    // The payload is one buffer (copied as it arrived); slices from elsewhere are gathered once.
    const buffer = payload.length === 1 ? undefined : this.pool.acquire();
    try {
      const data = buffer ? gather(payload, length, buffer) : payload[0]!;
      if (!hashChunk(data).equals(hash)) {
        const refusals = (file.refusals.get(chunkIndex) ?? 0) + 1;
        file.refusals.set(chunkIndex, refusals);
        if (refusals >= this.options.maxChunkAttempts) {
          this.failFile(file, new EtxError('E_CHECKSUM', `the chunk at offset ${offset} arrived corrupted ${refusals} times`), stream);
        } else if (file.state === 'open') {
          stream.write(encodeNack(file.spec.index, offset, length));
        }
        return;
      }
      // The file (or the whole transfer) may have failed while we hashed: make no partial then.
      if (file.state !== 'open' || this.finished) return;
      file.sink ??= file.spec.openSink().then((o) => o.sink);
      const sink = await file.sink;
      if (file.state !== 'open') return;
      await sink.write(offset, [data]);
      sink.recordChunk(chunkIndex, hash);
      held = chunk.whole;
    } catch (err) {
      this.failFile(file, toEtxError(err), stream);
      return;
    } finally {
      if (buffer) this.pool.release(buffer);
      if (owned) this.pool.release(owned);
      if (!held) release();
    }
    this.accept(stream, file, chunk, release);
  }

  /**
   * Records a chunk as in, acknowledges it, and publishes the file if that was the last.
   * `release` (a whole file's held bytes) runs once its publish ends, or at once if none starts.
   */
  private accept(stream: DataStream, file: FileState, { offset, length, hash, whole }: ChunkHeader, release?: () => void): void {
    const chunkIndex = offset / this.options.chunkSizeBytes;
    const ack = (): void => void (stream.usable && stream.write(encodeAck(file.spec.index, offset, length)));
    if (file.state !== 'open') {
      release?.();
      if (whole) this.ackWhenPublished(file, ack);
      return;
    }
    if (bitOf(file.claimed, chunkIndex)) {
      setBit(file.claimed, chunkIndex, false); // the resumed copy is replaced: count it once
    } else {
      if (bitOf(file.received, chunkIndex)) {
        // A resend raced the first copy: it is written already, but this stream still waits
        // (for a whole file, until the file is published, as the first copy's stream does).
        release?.();
        if (whole) this.ackWhenPublished(file, ack);
        else ack();
        return;
      }
      setBit(file.received, chunkIndex, true);
      file.receivedBytes += length;
    }
    file.hashes.set(chunkIndex, hash);
    // A whole file was read in one go and checked unchanged: its digest is that of this one chunk.
    if (whole) file.sourceDigest ??= file.hashes.digest();
    this.bytesReceived += length;
    this.changed.add(file);
    if (!whole) {
      ack();
      this.publishWhenReady(file);
      return;
    }
    // A whole file is acknowledged once published (one that fails is not: its ABORT says so).
    this.ackWhenPublished(file, ack);
    if (!this.publishWhenReady(file, release)) release?.();
  }

  /**
   * `ack` once the file is under its final name: now if it is, when its publish ends well if it
   * is being published or about to be; never if it failed (the sender is told by ABORT).
   */
  private ackWhenPublished(file: FileState, ack: () => void): void {
    if (file.state === 'done') ack();
    else if (file.state !== 'failed') file.onPublished.push(ack);
  }

  private onDigest(fileIndex: number, digest: Buffer): void {
    const file = this.files.get(fileIndex);
    if (!file) {
      this.fail(new EtxError('E_PROTOCOL', `digest for file ${fileIndex}, which is not in this transfer`));
      return;
    }
    file.sourceDigest ??= digest;
    this.publishWhenReady(file);
  }

  /**
   * Publishes once every chunk is in and the source's digest has come to check them against;
   * `settled` runs when that publish ends, well or not. Returns whether a publish started.
   */
  private publishWhenReady(file: FileState, settled?: () => void): boolean {
    if (file.state !== 'open' || file.receivedBytes !== file.spec.size || !file.sourceDigest) return false;
    const digest = file.hashes.digest();
    if (!digest.equals(file.sourceDigest)) {
      this.failFile(file, new EtxError('E_CHECKSUM', 'the file digest differs from the one the source computed'), undefined);
      return false;
    }
    this.startPublish(file, digest, settled);
    return true;
  }

  private startPublish(file: FileState, digest: Buffer, settled?: () => void): void {
    const done = this.publish(file, digest);
    this.publishing.add(done);
    void done.finally(() => {
      this.publishing.delete(done);
      settled?.();
    });
  }

  /** The waiting ACKs go out before the file counts as done (the last one ends the session and its streams). */
  private async publish(file: FileState, digest: Buffer): Promise<void> {
    file.state = 'publishing';
    try {
      file.sink ??= file.spec.openSink().then((o) => o.sink);
      await (await file.sink).complete();
    } catch (err) {
      file.state = 'open';
      this.failFile(file, toEtxError(err), undefined);
      return;
    }
    file.state = 'done';
    for (const ack of file.onPublished.splice(0)) ack();
    this.observer.fileDone(
      file.spec.index,
      file.spec.size,
      digest,
      file.startedAtMs === undefined ? 0 : (Date.now() - file.startedAtMs) / 1000,
    );
    this.fileResolved();
  }

  private failFile(file: FileState, error: EtxError, via: DataStream | undefined): void {
    // A file being published is owned by its publish: it succeeds or fails on its own.
    if (file.state !== 'open' || this.finished) return;
    file.state = 'failed';
    file.onPublished.length = 0;
    file.failure = { code: error.code, message: error.message };
    const keep = !DISCARD_PARTIAL_ON.has(error.code);
    if (file.sink) this.releasing.push(file.sink.then((s) => s.abort(keep)).catch(() => {}));
    if (error.code === 'E_NO_SPACE') {
      // A full disk fails every file that still needs space: stop the whole transfer.
      this.observer.fileFailed(file.spec.index, { code: error.code, message: error.message });
      this.fail(error);
      return;
    }
    // Tell the sender to stop sending this file, now or on its first stream.
    const stream = via?.usable ? via : [...this.streams].find((s) => s.usable);
    if (stream) stream.write(encodeAbort(file.spec.index, { code: error.code, message: error.message }, this.options.maxMessageBytes));
    else this.pendingAborts.push({ fileIndex: file.spec.index, error });
    this.observer.fileFailed(file.spec.index, { code: error.code, message: error.message });
    this.fileResolved();
  }

  private fileResolved(): void {
    this.filesLeft--;
    if (this.filesLeft === 0) this.succeed(this.bytesReceived, false);
  }

  /**
   * A transfer that failed for a passing reason (a lost link, a vanished client) keeps its
   * partials and journals for a later resume; one that failed on bad data removes them.
   */
  protected async releaseFiles(succeeded: boolean, error?: EtxError): Promise<void> {
    await Promise.all(this.releasing);
    await Promise.all(this.publishing);
    if (succeeded) return;
    const keep = error === undefined || !DISCARD_PARTIAL_ON.has(error.code);
    await Promise.all(
      [...this.files.values()]
        .filter((f) => f.state === 'open')
        .map(async (f) => {
          f.state = 'failed';
          await f.sink?.then((s) => s.abort(keep)).catch(() => {});
        }),
    );
  }
}
