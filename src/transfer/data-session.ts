/**
 * What the sending and the receiving end of a transfer have in common: a set of data streams
 * that come and go, a clock for "no stream for too long", and one way to finish or fail.
 */
import { EtxError } from '../common/errors.js';
import type { DataFrame, PayloadAllocator } from '../common/data-frames.js';
import type { AuthenticatedConnection } from './data-connection.js';
import { DataStream } from './data-stream.js';
import type { SessionObserver, SessionOptions } from './session-types.js';

export abstract class DataSession {
  protected readonly streams = new Set<DataStream>();
  private finishedFlag = false;
  private noStreamTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly options: SessionOptions,
    protected readonly observer: SessionObserver,
  ) {}

  get transferId(): string {
    return this.options.transferId;
  }

  get finished(): boolean {
    return this.finishedFlag;
  }

  get streamCount(): number {
    return this.streams.size;
  }

  /** File bytes done so far (acknowledged or written), counting what earlier partials already held. */
  abstract get bytesDone(): number;

  /** File bytes that crossed the network so far (acknowledged, or received and written): for metrics. */
  abstract get movedBytes(): number;

  /** The peer's ends of the data connections open now (`host:port`). */
  get peers(): string[] {
    return [...this.streams].map((s) => `${s.socket.remoteAddress}:${s.socket.remotePort}`);
  }

  /** Every peer address a data connection came from or went to, for the transfer's summary log. */
  readonly peersSeen = new Set<string>();
  /** The most data connections open at once. */
  maxStreams = 0;

  /** Starts the clock that fails a session left with no data connection (none yet, or all lost). */
  protected armNoStreamTimer(): void {
    if (this.noStreamTimer || this.finishedFlag || this.streams.size > 0) return;
    this.noStreamTimer = setTimeout(() => {
      this.noStreamTimer = undefined;
      if (this.streams.size === 0) {
        this.fail(new EtxError('E_TIMEOUT', `no data connection for ${this.options.inactiveTimeoutMs} ms`));
      }
    }, this.options.inactiveTimeoutMs);
    this.noStreamTimer.unref();
  }

  addConnection(conn: AuthenticatedConnection): void {
    if (this.finishedFlag) {
      conn.socket.destroy();
      return;
    }
    clearTimeout(this.noStreamTimer);
    this.noStreamTimer = undefined;
    const stream = new DataStream(
      conn,
      {
        limits: { maxChunkBytes: this.options.chunkSizeBytes, maxMessageBytes: this.options.maxMessageBytes },
        idleTimeoutMs: this.options.idleTimeoutMs,
        allocate: this.payloadAllocator(),
      },
      {
        frame: (s, frame) => this.onFrame(s, frame),
        closed: (s, error) => {
          this.streams.delete(s);
          if (!this.finishedFlag) this.onStreamClosed(s, error);
          if (!this.finishedFlag) this.armNoStreamTimer();
        },
      },
    );
    this.streams.add(stream);
    if (conn.socket.remoteAddress) this.peersSeen.add(conn.socket.remoteAddress);
    this.maxStreams = Math.max(this.maxStreams, this.streams.size);
    this.onStreamAdded(stream);
  }

  protected abstract onFrame(stream: DataStream, frame: DataFrame): void;
  /** Where arriving chunk bytes go (receivers); undefined keeps them as slices of the input. */
  protected payloadAllocator(): PayloadAllocator | undefined {
    return undefined;
  }
  protected abstract onStreamAdded(stream: DataStream): void;
  protected abstract onStreamClosed(stream: DataStream, error: EtxError | undefined): void;
  /** Releases files (sources or partials) when the session ends, either way. */
  protected abstract releaseFiles(succeeded: boolean, error?: EtxError): Promise<void>;

  /** Ends the session successfully: streams finish cleanly, then the observer hears of it. */
  protected succeed(bytes: number, sendEnd: boolean): void {
    if (this.finishedFlag) return;
    this.finishedFlag = true;
    clearTimeout(this.noStreamTimer);
    for (const stream of this.streams) stream.finish(sendEnd);
    void this.releaseFiles(true).then(() => this.observer.done(bytes));
  }

  /** Ends the session in failure: the peer is told why, files are released, the observer hears. */
  fail(error: EtxError): void {
    if (this.finishedFlag) return;
    this.finishedFlag = true;
    clearTimeout(this.noStreamTimer);
    for (const stream of this.streams) stream.destroy(error);
    void this.releaseFiles(false, error).then(() => this.observer.failed(error));
  }

  cancel(reason = 'the transfer was cancelled'): void {
    this.fail(new EtxError('E_CANCELLED', reason));
  }
}
