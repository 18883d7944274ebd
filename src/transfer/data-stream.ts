/**
 * One authenticated data connection, framed: feeds the socket's bytes (and the handshake's
 * leftover) through the frame decoder, reports frames and the end of the stream, and closes the
 * socket on a framing error or an idle peer.
 */
import type net from 'node:net';
import { EtxError, toEtxError } from '../common/errors.js';
import { type DataFrame, FrameDecoder, type FrameLimits, type PayloadAllocator, encodeEnd, encodeError } from '../common/data-frames.js';
import type { AuthenticatedConnection } from './data-connection.js';

export interface DataStreamHandlers {
  frame(stream: DataStream, frame: DataFrame): void;
  /** Called once, when the socket is gone; `error` is set unless the stream ended cleanly. */
  closed(stream: DataStream, error: EtxError | undefined): void;
}

export interface DataStreamOptions {
  limits: FrameLimits;
  idleTimeoutMs: number;
  /** Where chunk bytes are copied as they arrive (see PayloadAllocator). */
  allocate?: PayloadAllocator;
}

export class DataStream {
  readonly socket: net.Socket;
  private readonly decoder: FrameDecoder;
  private error: EtxError | undefined;
  private isClosed = false;
  private ending = false;
  /** Writes of this tick are being gathered (see write). */
  private corked = false;

  constructor(
    conn: AuthenticatedConnection,
    options: DataStreamOptions,
    private readonly handlers: DataStreamHandlers,
  ) {
    this.socket = conn.socket;
    this.decoder = new FrameDecoder(options.limits, options.allocate);
    this.socket.setTimeout(options.idleTimeoutMs, () =>
      this.drop(new EtxError('E_TIMEOUT', `data connection idle for ${options.idleTimeoutMs} ms`)),
    );
    this.socket.on('data', (data: Buffer) => this.feed(data));
    this.socket.on('error', (err) => {
      this.error ??= toEtxError(err, 'data connection');
    });
    this.socket.on('end', () => {
      // The peer finished sending: fine between frames, a truncation inside one.
      if (!this.decoder.idle) this.error ??= new EtxError('E_PEER', 'data connection ended inside a frame');
      this.socket.end();
    });
    this.socket.on('close', () => {
      this.isClosed = true;
      this.handlers.closed(this, this.error);
    });
    if (conn.leftover.length > 0) queueMicrotask(() => this.feed(conn.leftover));
    this.socket.resume();
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Open and not being torn down: worth writing to. */
  get usable(): boolean {
    return !this.isClosed && !this.ending;
  }

  private feed(data: Buffer): void {
    if (this.isClosed || this.error) return;
    let frames: DataFrame[];
    try {
      frames = this.decoder.push(data);
    } catch (err) {
      this.destroy(toEtxError(err));
      return;
    }
    for (const frame of frames) {
      if (this.isClosed || this.error) return;
      this.handlers.frame(this, frame);
    }
  }

  /**
   * Queues bytes; the callback runs once they are handed to the kernel. Writes made in one tick
   * leave in one writev: a FILES frame's parts, or the ACKs of a batch of small files, each took a
   * system call (and a wake-up of the peer) of its own before (~25 us each, per perf).
   */
  write(data: Buffer, callback?: (err?: Error | null) => void): boolean {
    if (this.isClosed) {
      callback?.(new EtxError('E_PEER', 'data connection closed'));
      return false;
    }
    if (!this.corked) {
      this.corked = true;
      this.socket.cork();
      process.nextTick(() => {
        this.corked = false;
        this.socket.uncork();
      });
    }
    return this.socket.write(data, callback);
  }

  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }

  /** Orderly finish: an END frame (when sending), then FIN. */
  finish(sendEnd: boolean): void {
    if (!this.usable) return;
    this.ending = true;
    if (sendEnd) this.socket.write(encodeEnd());
    this.socket.end();
  }

  /** The transfer fails: tells the peer why (an ERROR frame), then closes. */
  destroy(error: EtxError): void {
    if (!this.usable) return;
    this.ending = true;
    this.error ??= error;
    this.socket.end(encodeError({ code: error.code, message: error.message }));
    // Do not wait for a peer that stopped reading.
    setTimeout(() => this.socket.destroy(), 1000).unref();
  }

  /**
   * Only this connection is given up (it went silent): no ERROR frame, which would fail the
   * whole transfer at the peer. Its chunks go back to the other streams on both ends.
   */
  drop(error: EtxError): void {
    if (this.isClosed) return;
    this.ending = true;
    this.error ??= error;
    this.socket.destroy();
  }
}
