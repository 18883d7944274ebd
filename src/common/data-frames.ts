/**
 * Pure framing of an authenticated data connection: a fixed 24-byte header, then a payload.
 *
 *   u8 type | u8 flags | u16 reserved | u32 fileIndex | u64 offset | u32 length | u32 crc32
 *
 * CHUNK  sender -> receiver  `length` payload bytes of file `fileIndex` at `offset`, crc32 of them
 * ACK    receiver -> sender  the chunk (fileIndex, offset, length) is written
 * ABORT  sender -> receiver  file `fileIndex` cannot be sent; payload "CODE\nmessage"
 * END    sender -> receiver  no more chunks on this connection
 * ERROR  either way          the transfer fails; payload "CODE\nmessage"
 *
 * The decoder bounds every length before buffering anything, and hands chunk payloads out as
 * slices of the buffers it was given (no copy of file bytes).
 */
import { EtxError, isErrorCode } from './errors.js';
import type { CodedError } from './messages.js';

export const FRAME_HEADER_BYTES = 24;

export const FrameType = {
  CHUNK: 1,
  ACK: 2,
  ABORT: 3,
  END: 4,
  ERROR: 5,
} as const;
export type FrameType = (typeof FrameType)[keyof typeof FrameType];

export type DataFrame =
  | { type: typeof FrameType.CHUNK; fileIndex: number; offset: number; length: number; crc: number; payload: Buffer[] }
  | { type: typeof FrameType.ACK; fileIndex: number; offset: number; length: number }
  | { type: typeof FrameType.ABORT; fileIndex: number; error: CodedError }
  | { type: typeof FrameType.END }
  | { type: typeof FrameType.ERROR; error: CodedError };

export interface FrameLimits {
  /** Largest chunk payload accepted. */
  maxChunkBytes: number;
  /** Largest ABORT/ERROR payload accepted. */
  maxMessageBytes: number;
}

export const DEFAULT_FRAME_LIMITS: FrameLimits = { maxChunkBytes: 64 * 1024 * 1024, maxMessageBytes: 1024 };

/** Offsets must stay below 2^53 so they are exact JavaScript numbers. */
const MAX_OFFSET_HIGH = 0x200000;

function header(type: FrameType, fileIndex: number, offset: number, length: number, crc: number): Buffer {
  const out = Buffer.allocUnsafe(FRAME_HEADER_BYTES);
  out.writeUInt8(type, 0);
  out.writeUInt8(0, 1);
  out.writeUInt16BE(0, 2);
  out.writeUInt32BE(fileIndex, 4);
  out.writeUInt32BE(Math.floor(offset / 0x100000000), 8);
  out.writeUInt32BE(offset >>> 0, 12);
  out.writeUInt32BE(length, 16);
  out.writeUInt32BE(crc >>> 0, 20);
  return out;
}

export function encodeChunkHeader(fileIndex: number, offset: number, length: number, crc: number): Buffer {
  return header(FrameType.CHUNK, fileIndex, offset, length, crc);
}

export function encodeAck(fileIndex: number, offset: number, length: number): Buffer {
  return header(FrameType.ACK, fileIndex, offset, length, 0);
}

export function encodeEnd(): Buffer {
  return header(FrameType.END, 0, 0, 0, 0);
}

function messagePayload(error: CodedError, maxBytes: number): Buffer {
  const full = Buffer.from(`${error.code}\n${error.message}`, 'utf8');
  return full.length <= maxBytes ? full : full.subarray(0, maxBytes);
}

export function encodeAbort(fileIndex: number, error: CodedError, maxMessageBytes = DEFAULT_FRAME_LIMITS.maxMessageBytes): Buffer {
  const payload = messagePayload(error, maxMessageBytes);
  return Buffer.concat([header(FrameType.ABORT, fileIndex, 0, payload.length, 0), payload]);
}

export function encodeError(error: CodedError, maxMessageBytes = DEFAULT_FRAME_LIMITS.maxMessageBytes): Buffer {
  const payload = messagePayload(error, maxMessageBytes);
  return Buffer.concat([header(FrameType.ERROR, 0, 0, payload.length, 0), payload]);
}

function decodeMessage(payload: Buffer): CodedError {
  const text = payload.toString('utf8');
  const newline = text.indexOf('\n');
  const code = newline < 0 ? text : text.slice(0, newline);
  const message = newline < 0 ? '' : text.slice(newline + 1);
  return { code: isErrorCode(code) ? code : 'E_PEER', message };
}

function protocolError(what: string): EtxError {
  return new EtxError('E_PROTOCOL', `data frame: ${what}`);
}

interface FrameHeader {
  type: FrameType;
  fileIndex: number;
  offset: number;
  length: number;
  crc: number;
  /** Bytes that follow the header: the chunk or message; 0 for ACK and END. */
  payloadBytes: number;
}

/**
 * Incremental decoder: feed it whatever the socket delivers, in any split, and it returns the
 * frames completed so far. After it throws, the connection must be closed.
 */
export class FrameDecoder {
  private readonly limits: FrameLimits;
  private readonly head = Buffer.alloc(FRAME_HEADER_BYTES);
  private headFill = 0;
  /** The frame whose header is in and whose payload is still arriving. */
  private pending: FrameHeader | undefined;
  private parts: Buffer[] = [];
  private partsBytes = 0;

  constructor(limits: FrameLimits = DEFAULT_FRAME_LIMITS) {
    this.limits = limits;
  }

  /** True when no frame is half received (a clean place for the stream to end). */
  get idle(): boolean {
    return this.headFill === 0 && this.pending === undefined;
  }

  push(data: Buffer): DataFrame[] {
    const frames: DataFrame[] = [];
    let pos = 0;
    while (pos < data.length) {
      if (!this.pending) {
        const take = Math.min(FRAME_HEADER_BYTES - this.headFill, data.length - pos);
        data.copy(this.head, this.headFill, pos, pos + take);
        this.headFill += take;
        pos += take;
        if (this.headFill < FRAME_HEADER_BYTES) break;
        this.headFill = 0;
        const header = this.parseHeader(this.head);
        if (header.payloadBytes === 0) {
          frames.push(toFrame(header, []));
          continue;
        }
        this.pending = header;
      }
      const pending = this.pending;
      const take = Math.min(pending.payloadBytes - this.partsBytes, data.length - pos);
      this.parts.push(data.subarray(pos, pos + take));
      this.partsBytes += take;
      pos += take;
      if (this.partsBytes === pending.payloadBytes) {
        frames.push(toFrame(pending, this.parts));
        this.pending = undefined;
        this.parts = [];
        this.partsBytes = 0;
      }
    }
    return frames;
  }

  private parseHeader(h: Buffer): FrameHeader {
    const type = h.readUInt8(0);
    const fileIndex = h.readUInt32BE(4);
    const offsetHigh = h.readUInt32BE(8);
    const length = h.readUInt32BE(16);
    const crc = h.readUInt32BE(20);
    if (offsetHigh >= MAX_OFFSET_HIGH) throw protocolError('offset beyond 2^53');
    const offset = offsetHigh * 0x100000000 + h.readUInt32BE(12);
    switch (type) {
      case FrameType.CHUNK:
        if (length === 0) throw protocolError('empty chunk');
        if (length > this.limits.maxChunkBytes) {
          throw new EtxError('E_PROTOCOL', `data frame: chunk of ${length} bytes exceeds ${this.limits.maxChunkBytes}`);
        }
        return { type, fileIndex, offset, length, crc, payloadBytes: length };
      case FrameType.ACK:
        if (length === 0) throw protocolError('empty acknowledgement');
        return { type, fileIndex, offset, length, crc, payloadBytes: 0 };
      case FrameType.ABORT:
      case FrameType.ERROR:
        if (length > this.limits.maxMessageBytes) throw new EtxError('E_PROTOCOL', 'data frame: message too long');
        return { type, fileIndex, offset, length, crc, payloadBytes: length };
      case FrameType.END:
        if (length !== 0 || offset !== 0) throw protocolError('END with a payload');
        return { type, fileIndex, offset, length, crc, payloadBytes: 0 };
      default:
        throw protocolError(`unknown frame type ${type}`);
    }
  }
}

function toFrame(h: FrameHeader, parts: Buffer[]): DataFrame {
  switch (h.type) {
    case FrameType.CHUNK:
      return { type: FrameType.CHUNK, fileIndex: h.fileIndex, offset: h.offset, length: h.length, crc: h.crc, payload: parts };
    case FrameType.ACK:
      return { type: FrameType.ACK, fileIndex: h.fileIndex, offset: h.offset, length: h.length };
    case FrameType.ABORT:
      return { type: FrameType.ABORT, fileIndex: h.fileIndex, error: decodeMessage(Buffer.concat(parts)) };
    case FrameType.END:
      return { type: FrameType.END };
    default:
      return { type: FrameType.ERROR, error: decodeMessage(Buffer.concat(parts)) };
  }
}
