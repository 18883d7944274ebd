/**
 * The receiving end of a transfer. It accepts only the files it agreed to, each chunk only at a
 * chunk boundary inside the announced size, verifies each chunk's crc32 before writing it at its
 * offset, acknowledges it once written, and publishes a file only when every chunk is in.
 * A stream whose writes lag is paused, so a slow disk slows the sender instead of growing memory.
 */
import zlib from 'node:zlib';
import { EtxError, toEtxError } from '../common/errors.js';
import { type DataFrame, FrameType, encodeAbort, encodeAck } from '../common/data-frames.js';
import { DataSession } from './data-session.js';
import type { DataStream } from './data-stream.js';
import type { FileSink } from './file-sink.js';
import { type SessionObserver, type SessionOptions, chunkCount, chunkLength } from './session-types.js';

export interface ReceiveFile {
  index: number;
  size: number;
  /** Creates the partial (or the null sink) when the first chunk arrives. */
  createSink(): Promise<FileSink>;
}

interface FileState {
  spec: ReceiveFile;
  sink: Promise<FileSink> | undefined;
  /** One bit per chunk, set once the chunk is written. */
  received: Uint8Array;
  receivedBytes: number;
  state: 'open' | 'publishing' | 'done' | 'failed';
}

export class ReceiveSession extends DataSession {
  private readonly files = new Map<number, FileState>();
  private readonly pendingWrites = new Map<DataStream, number>();
  private readonly changed = new Set<FileState>();
  private filesLeft: number;
  private bytesReceived = 0;

  constructor(files: readonly ReceiveFile[], options: SessionOptions, observer: SessionObserver) {
    super(options, observer);
    for (const spec of files) {
      const chunks = chunkCount(spec.size, options.chunkSizeBytes);
      this.files.set(spec.index, {
        spec,
        sink: undefined,
        received: new Uint8Array(Math.ceil(chunks / 8)),
        receivedBytes: 0,
        state: 'open',
      });
    }
    this.filesLeft = this.files.size;
  }

  /** Publishes the empty files (they have no chunk to wait for) and starts the connection clock. */
  start(): void {
    for (const file of this.files.values()) if (file.spec.size === 0) void this.publish(file);
    if (this.filesLeft === 0) this.succeed(0, false);
    else this.armNoStreamTimer();
  }

  get receivedBytes(): number {
    return this.bytesReceived;
  }

  /** Bytes received per file changed since the last call, for progress events. */
  takeProgress(): Array<{ fileIndex: number; bytes: number }> {
    const out = [...this.changed].map((f) => ({ fileIndex: f.spec.index, bytes: f.receivedBytes }));
    this.changed.clear();
    return out;
  }

  protected onStreamAdded(stream: DataStream): void {
    this.pendingWrites.set(stream, 0);
  }

  protected onStreamClosed(stream: DataStream, error: EtxError | undefined): void {
    this.pendingWrites.delete(stream);
    if (error && (error.code === 'E_PROTOCOL' || error.code === 'E_TOO_LARGE' || error.code === 'E_TICKET')) {
      this.fail(error);
    }
  }

  protected onFrame(stream: DataStream, frame: DataFrame): void {
    switch (frame.type) {
      case FrameType.CHUNK:
        this.onChunk(stream, frame.fileIndex, frame.offset, frame.length, frame.crc, frame.payload);
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

  private onChunk(stream: DataStream, fileIndex: number, offset: number, length: number, crc: number, payload: Buffer[]): void {
    const file = this.files.get(fileIndex);
    if (!file) {
      this.fail(new EtxError('E_PROTOCOL', `chunk for file ${fileIndex}, which is not in this transfer`));
      return;
    }
    const { size } = file.spec;
    const chunkSize = this.options.chunkSizeBytes;
    if (offset >= size || offset + length > size) {
      this.fail(new EtxError('E_TOO_LARGE', `chunk at ${offset}+${length} is past the announced size ${size}`));
      return;
    }
    if (offset % chunkSize !== 0 || length !== chunkLength(size, offset, chunkSize)) {
      this.fail(new EtxError('E_PROTOCOL', `chunk at ${offset}+${length} is not on a chunk boundary`));
      return;
    }
    if (file.state !== 'open') return; // a file already failed or complete: late chunks are dropped
    const bit = offset / chunkSize;
    if (file.received[bit >> 3]! & (1 << (bit & 7))) {
      stream.write(encodeAck(fileIndex, offset, length)); // a resend of what we have: just confirm
      return;
    }
    let actual = 0;
    for (const part of payload) actual = zlib.crc32(part, actual);
    if (actual !== crc) {
      this.failFile(file, new EtxError('E_CHECKSUM', `chunk at offset ${offset} failed its crc32 check`), stream);
      return;
    }
    void this.writeChunk(stream, file, offset, length, payload);
  }

  private async writeChunk(stream: DataStream, file: FileState, offset: number, length: number, payload: Buffer[]): Promise<void> {
    const pending = (this.pendingWrites.get(stream) ?? 0) + 1;
    this.pendingWrites.set(stream, pending);
    if (pending >= this.options.windowChunks) stream.pause();
    try {
      file.sink ??= file.spec.createSink();
      const sink = await file.sink;
      if (file.state !== 'open') return;
      await sink.write(offset, payload);
    } catch (err) {
      this.failFile(file, toEtxError(err), stream);
      return;
    } finally {
      const left = (this.pendingWrites.get(stream) ?? 1) - 1;
      if (this.pendingWrites.has(stream)) this.pendingWrites.set(stream, left);
      if (left < this.options.windowChunks) stream.resume();
    }
    if (file.state !== 'open') return;
    const bit = offset / this.options.chunkSizeBytes;
    if (file.received[bit >> 3]! & (1 << (bit & 7))) return; // a duplicate raced us
    file.received[bit >> 3]! |= 1 << (bit & 7);
    file.receivedBytes += length;
    this.bytesReceived += length;
    this.changed.add(file);
    stream.write(encodeAck(file.spec.index, offset, length));
    if (file.receivedBytes === file.spec.size) void this.publish(file);
  }

  private async publish(file: FileState): Promise<void> {
    file.state = 'publishing';
    try {
      file.sink ??= file.spec.createSink();
      await (await file.sink).complete();
    } catch (err) {
      file.state = 'open';
      this.failFile(file, toEtxError(err), undefined);
      return;
    }
    file.state = 'done';
    this.observer.fileDone(file.spec.index, file.spec.size);
    this.fileResolved();
  }

  private failFile(file: FileState, error: EtxError, via: DataStream | undefined): void {
    if (file.state === 'failed' || file.state === 'done' || this.finished) return;
    file.state = 'failed';
    void file.sink?.then((s) => s.abort()).catch(() => {});
    if (error.code === 'E_NO_SPACE') {
      // A full disk fails every file that still needs space: stop the whole transfer.
      this.observer.fileFailed(file.spec.index, { code: error.code, message: error.message });
      this.fail(error);
      return;
    }
    // Tell the sender to stop sending this file.
    const stream = via && !via.closed ? via : [...this.streams][0];
    stream?.write(encodeAbort(file.spec.index, { code: error.code, message: error.message }, this.options.maxMessageBytes));
    this.observer.fileFailed(file.spec.index, { code: error.code, message: error.message });
    this.fileResolved();
  }

  private fileResolved(): void {
    this.filesLeft--;
    if (this.filesLeft === 0) this.succeed(this.bytesReceived, false);
  }

  protected async releaseFiles(succeeded: boolean): Promise<void> {
    if (succeeded) return;
    // A failed transfer leaves no partial behind (resume, which keeps them, comes with the journal).
    await Promise.all(
      [...this.files.values()]
        .filter((f) => f.state === 'open' || f.state === 'publishing')
        .map(async (f) => {
          f.state = 'failed';
          await f.sink?.then((s) => s.abort()).catch(() => {});
        }),
    );
  }
}
