/**
 * Pure framing of an authenticated data connection: a fixed 24-byte header, then a payload.
 *
 *   u8 type | u8 flags | u16 reserved | u32 fileIndex | u64 offset | u32 length | u32 reserved
 *
 * CHUNK   sender -> receiver  BLAKE3 of the chunk (32 bytes), then `length` bytes of file
 *                             `fileIndex` at `offset`; the hash is what the sender read
 * ACK     receiver -> sender  the chunk (fileIndex, offset, length) is verified and written
 * NACK    receiver -> sender  the chunk failed its hash: send it again
 * DIGEST  sender -> receiver  the file's digest (32 bytes) and its tag (32 bytes, file-tags.ts;
 *                             `length` is 64), once all its chunks are in
 * FILES   sender -> receiver  many whole small files in one frame (`fileIndex` holds their count, 1 to
 *                             MAX_FILES_PER_FRAME; `length` the payload's bytes): a table of
 *                             (u32 fileIndex | u32 length | BLAKE3 of the file (32 bytes)), the
 *                             table's tag (32 bytes, file-tags.ts), then the files' bytes in table
 *                             order. Each is the whole file (offset 0), read in one go and checked
 *                             unchanged by the sender: its digest is implied, no DIGEST follows.
 *                             Decoded into one CHUNK (`whole`, with the frame's `batch`) per file.
 * HAVE    receiver -> sender  resuming: the chunk (fileIndex, offset, length) is in the partial
 *                             with this BLAKE3 hash (32 bytes); the sender skips it if its own matches
 * READY   receiver -> sender  every HAVE is sent: chunks may flow on this connection
 * ABORT   either way          file `fileIndex` cannot be moved; payload "CODE\nmessage"
 * END     sender -> receiver  no more chunks on this connection
 * ERROR   either way          the transfer fails; payload "CODE\nmessage"
 *
 * The decoder bounds every length before buffering anything, and hands chunk payloads out as
 * slices of the buffers it was given (no copy of file bytes).
 */
import { EtxError, isErrorCode } from './errors.js';
import { TAG_BYTES, digestTag, filesTableTag } from './file-tags.js';
import type { CodedError } from './messages.js';

export const FRAME_HEADER_BYTES = 24;
export const HASH_BYTES = 32;

export const FrameType = {
  CHUNK: 1,
  ACK: 2,
  ABORT: 3,
  END: 4,
  ERROR: 5,
  NACK: 6,
  DIGEST: 7,
  HAVE: 8,
  READY: 9,
  FILES: 10,
} as const;
export type FrameType = (typeof FrameType)[keyof typeof FrameType];

export type DataFrame =
  | {
      type: typeof FrameType.CHUNK;
      fileIndex: number;
      offset: number;
      length: number;
      hash: Buffer;
      /** The chunk's bytes: slices of the input, or one buffer from the allocator, or none if it skipped them. */
      payload: Buffer[];
      /** The allocator's buffer the payload was copied into (the caller gives it back). */
      owned?: Buffer;
      /** From a FILES frame: the whole file, checked unchanged at the source (its digest is implied). */
      whole?: true;
      /** From a FILES frame: its table and the table's tag, shared by the frame's files (checked once). */
      batch?: FilesBatch;
    }
  | { type: typeof FrameType.ACK | typeof FrameType.NACK; fileIndex: number; offset: number; length: number }
  | { type: typeof FrameType.DIGEST; fileIndex: number; digest: Buffer; tag: Buffer }
  | { type: typeof FrameType.HAVE; fileIndex: number; offset: number; length: number; hash: Buffer }
  | { type: typeof FrameType.READY }
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

/** Most files one FILES frame may carry. */
export const MAX_FILES_PER_FRAME = 1024;
/** Bytes of one FILES table entry: file index, length, hash. */
export const FILES_ENTRY_BYTES = 8 + HASH_BYTES;

/** The table of a FILES frame (the hashes its files are checked against) and the table's tag. */
export interface FilesBatch {
  table: Buffer;
  tag: Buffer;
}

/** One whole file of a FILES frame. */
export interface WholeFile {
  fileIndex: number;
  data: Buffer;
  hash: Uint8Array;
}

/** Offsets must stay below 2^53 so they are exact JavaScript numbers. */
const MAX_OFFSET_HIGH = 0x200000;

function header(type: FrameType, fileIndex: number, offset: number, length: number): Buffer {
  const out = Buffer.allocUnsafe(FRAME_HEADER_BYTES);
  out.writeUInt8(type, 0);
  out.writeUInt8(0, 1);
  out.writeUInt16BE(0, 2);
  out.writeUInt32BE(fileIndex, 4);
  out.writeUInt32BE(Math.floor(offset / 0x100000000), 8);
  out.writeUInt32BE(offset >>> 0, 12);
  out.writeUInt32BE(length, 16);
  out.writeUInt32BE(0, 20);
  return out;
}

/** The header and hash of a chunk; the chunk's bytes follow it on the wire. */
export function encodeChunkHeader(fileIndex: number, offset: number, length: number, hash: Uint8Array): Buffer {
  if (hash.length !== HASH_BYTES) throw new EtxError('E_INTERNAL', 'chunk hash must be 32 bytes');
  const out = Buffer.allocUnsafe(FRAME_HEADER_BYTES + HASH_BYTES);
  header(FrameType.CHUNK, fileIndex, offset, length).copy(out, 0);
  out.set(hash, FRAME_HEADER_BYTES);
  return out;
}

/**
 * A FILES frame: its header, table and the table's tag under `tagKey` (file-tags.ts), then the
 * files' own buffers (written after it as they are, not copied into one).
 */
export function encodeFiles(files: readonly WholeFile[], tagKey: Buffer): Buffer[] {
  if (files.length === 0 || files.length > MAX_FILES_PER_FRAME) throw new EtxError('E_INTERNAL', 'a FILES frame holds 1 to 1024 files');
  const table = Buffer.allocUnsafe(files.length * FILES_ENTRY_BYTES);
  let payload = table.length + TAG_BYTES;
  files.forEach((f, i) => {
    if (f.hash.length !== HASH_BYTES || f.data.length === 0)
      throw new EtxError('E_INTERNAL', 'a FILES entry needs bytes and a 32-byte hash');
    const at = i * FILES_ENTRY_BYTES;
    table.writeUInt32BE(f.fileIndex, at);
    table.writeUInt32BE(f.data.length, at + 4);
    table.set(f.hash, at + 8);
    payload += f.data.length;
  });
  return [header(FrameType.FILES, files.length, 0, payload), table, filesTableTag(tagKey, table), ...files.map((f) => f.data)];
}

export function encodeAck(fileIndex: number, offset: number, length: number): Buffer {
  return header(FrameType.ACK, fileIndex, offset, length);
}

export function encodeNack(fileIndex: number, offset: number, length: number): Buffer {
  return header(FrameType.NACK, fileIndex, offset, length);
}

/** A file's digest, tagged under `tagKey` (file-tags.ts) so that only the other end could have sent it. */
export function encodeDigest(fileIndex: number, digest: Uint8Array, tagKey: Buffer): Buffer {
  if (digest.length !== HASH_BYTES) throw new EtxError('E_INTERNAL', 'file digest must be 32 bytes');
  return Buffer.concat([header(FrameType.DIGEST, fileIndex, 0, HASH_BYTES + TAG_BYTES), digest, digestTag(tagKey, fileIndex, digest)]);
}

export function encodeHave(fileIndex: number, offset: number, length: number, hash: Uint8Array): Buffer {
  if (hash.length !== HASH_BYTES) throw new EtxError('E_INTERNAL', 'chunk hash must be 32 bytes');
  return Buffer.concat([header(FrameType.HAVE, fileIndex, offset, length), hash]);
}

export function encodeReady(): Buffer {
  return header(FrameType.READY, 0, 0, 0);
}

export function encodeEnd(): Buffer {
  return header(FrameType.END, 0, 0, 0);
}

function messagePayload(error: CodedError, maxBytes: number): Buffer {
  const full = Buffer.from(`${error.code}\n${error.message}`, 'utf8');
  return full.length <= maxBytes ? full : full.subarray(0, maxBytes);
}

export function encodeAbort(fileIndex: number, error: CodedError, maxMessageBytes = DEFAULT_FRAME_LIMITS.maxMessageBytes): Buffer {
  const payload = messagePayload(error, maxMessageBytes);
  return Buffer.concat([header(FrameType.ABORT, fileIndex, 0, payload.length), payload]);
}

export function encodeError(error: CodedError, maxMessageBytes = DEFAULT_FRAME_LIMITS.maxMessageBytes): Buffer {
  const payload = messagePayload(error, maxMessageBytes);
  return Buffer.concat([header(FrameType.ERROR, 0, 0, payload.length), payload]);
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
  /** Bytes that follow the header: hash and chunk, digest, or message; 0 for ACK, NACK, END. */
  payloadBytes: number;
}

/**
 * Where a chunk's bytes go, decided when its header arrives: a buffer of at least `length` bytes
 * to copy them into, or null to skip them (a sink that discards). Copying each chunk into a reused
 * buffer as it arrives lets the socket's read buffers die young instead of being held until the
 * chunk is complete (which, over many streams, is what grows a receiver's memory).
 */
export type PayloadAllocator = (fileIndex: number, length: number) => Buffer | null;

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
  /** With an allocator, for the CHUNK being received: its hash, and where its bytes go. */
  private readonly hash = Buffer.alloc(HASH_BYTES);
  private target: Buffer | null = null;

  constructor(
    limits: FrameLimits = DEFAULT_FRAME_LIMITS,
    private readonly allocate?: PayloadAllocator,
  ) {
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
        if (this.allocate && header.type === FrameType.CHUNK) this.target = this.allocate(header.fileIndex, header.length);
      }
      const pending = this.pending;
      const take = Math.min(pending.payloadBytes - this.partsBytes, data.length - pos);
      if (this.allocate && pending.type === FrameType.CHUNK) this.copyChunkBytes(data, pos, take);
      else this.parts.push(data.subarray(pos, pos + take));
      this.partsBytes += take;
      pos += take;
      if (this.partsBytes === pending.payloadBytes) {
        if (pending.type === FrameType.FILES) frames.push(...decodeFiles(pending.fileIndex, this.parts));
        else frames.push(this.allocate && pending.type === FrameType.CHUNK ? this.allocatedChunk(pending) : toFrame(pending, this.parts));
        this.pending = undefined;
        this.parts = [];
        this.partsBytes = 0;
      }
    }
    return frames;
  }

  /** Copies `take` bytes at `pos` of a CHUNK's payload: the hash first, then the chunk's bytes. */
  private copyChunkBytes(data: Buffer, pos: number, take: number): void {
    let at = this.partsBytes;
    let from = pos;
    const end = pos + take;
    if (at < HASH_BYTES) {
      const n = Math.min(HASH_BYTES - at, end - from);
      data.copy(this.hash, at, from, from + n);
      at += n;
      from += n;
    }
    if (from < end && this.target) data.copy(this.target, at - HASH_BYTES, from, end);
  }

  private allocatedChunk(h: FrameHeader): DataFrame {
    const target = this.target;
    this.target = null;
    return {
      type: FrameType.CHUNK,
      fileIndex: h.fileIndex,
      offset: h.offset,
      length: h.length,
      hash: Buffer.from(this.hash),
      payload: target ? [target.subarray(0, h.length)] : [],
      ...(target ? { owned: target } : {}),
    };
  }

  private parseHeader(h: Buffer): FrameHeader {
    const type = h.readUInt8(0);
    const fileIndex = h.readUInt32BE(4);
    const offsetHigh = h.readUInt32BE(8);
    const length = h.readUInt32BE(16);
    if (offsetHigh >= MAX_OFFSET_HIGH) throw protocolError('offset beyond 2^53');
    const offset = offsetHigh * 0x100000000 + h.readUInt32BE(12);
    switch (type) {
      case FrameType.CHUNK:
        if (length === 0) throw protocolError('empty chunk');
        if (length > this.limits.maxChunkBytes) throw protocolError(`chunk of ${length} bytes exceeds ${this.limits.maxChunkBytes}`);
        return { type, fileIndex, offset, length, payloadBytes: HASH_BYTES + length };
      case FrameType.FILES:
        // `fileIndex` is the count; every file has at least one byte.
        if (fileIndex === 0 || fileIndex > MAX_FILES_PER_FRAME || offset !== 0) throw protocolError('malformed FILES header');
        if (length > this.limits.maxChunkBytes) throw protocolError(`FILES of ${length} bytes exceeds ${this.limits.maxChunkBytes}`);
        if (length < fileIndex * (FILES_ENTRY_BYTES + 1) + TAG_BYTES) throw protocolError('FILES shorter than its table');
        return { type, fileIndex, offset, length, payloadBytes: length };
      case FrameType.ACK:
      case FrameType.NACK:
        if (length === 0) throw protocolError('empty acknowledgement');
        return { type, fileIndex, offset, length, payloadBytes: 0 };
      case FrameType.DIGEST:
        if (length !== HASH_BYTES + TAG_BYTES || offset !== 0) throw protocolError('malformed digest');
        return { type, fileIndex, offset, length, payloadBytes: HASH_BYTES + TAG_BYTES };
      case FrameType.HAVE:
        if (length === 0 || length > this.limits.maxChunkBytes) throw protocolError('malformed HAVE');
        return { type, fileIndex, offset, length, payloadBytes: HASH_BYTES };
      case FrameType.ABORT:
      case FrameType.ERROR:
        if (length > this.limits.maxMessageBytes) throw protocolError('message too long');
        return { type, fileIndex, offset, length, payloadBytes: length };
      case FrameType.END:
      case FrameType.READY:
        if (length !== 0 || offset !== 0) throw protocolError('END or READY with a payload');
        return { type, fileIndex, offset, length, payloadBytes: 0 };
      default:
        throw protocolError(`unknown frame type ${type}`);
    }
  }
}

/**
 * The files of a complete FILES payload, one whole-file CHUNK each. The payload is gathered into
 * one buffer (one copy of at most a frame's bytes; the files' chunks are slices of it), and the
 * table must account for every byte of it.
 */
function decodeFiles(count: number, parts: readonly Buffer[]): DataFrame[] {
  const payload = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  const tableBytes = count * FILES_ENTRY_BYTES;
  // Copies: the batch outlives the payload's slices handed to the sinks.
  const batch: FilesBatch = {
    table: Buffer.from(payload.subarray(0, tableBytes)),
    tag: Buffer.from(payload.subarray(tableBytes, tableBytes + TAG_BYTES)),
  };
  let at = tableBytes + TAG_BYTES;
  const frames: DataFrame[] = [];
  for (let i = 0; i < count; i++) {
    const entry = i * FILES_ENTRY_BYTES;
    const fileIndex = payload.readUInt32BE(entry);
    const length = payload.readUInt32BE(entry + 4);
    if (length === 0 || length > payload.length - at) throw protocolError('a FILES entry runs past the frame');
    frames.push({
      type: FrameType.CHUNK,
      fileIndex,
      offset: 0,
      length,
      hash: Buffer.from(payload.subarray(entry + 8, entry + FILES_ENTRY_BYTES)),
      payload: [payload.subarray(at, at + length)],
      whole: true,
      batch,
    });
    at += length;
  }
  if (at !== payload.length) throw protocolError('FILES holds bytes its table does not name');
  return frames;
}

/** Splits the leading `count` bytes off a list of parts (the chunk hash before the chunk). */
function splitHead(parts: Buffer[], count: number): { head: Buffer; rest: Buffer[] } {
  const first = parts[0]!;
  if (first.length >= count) {
    const rest = first.length > count ? [first.subarray(count), ...parts.slice(1)] : parts.slice(1);
    return { head: Buffer.from(first.subarray(0, count)), rest };
  }
  const head = Buffer.alloc(count);
  let filled = 0;
  let i = 0;
  while (filled < count) {
    const part = parts[i]!;
    const take = Math.min(count - filled, part.length);
    part.copy(head, filled, 0, take);
    filled += take;
    if (take < part.length) return { head, rest: [part.subarray(take), ...parts.slice(i + 1)] };
    i++;
  }
  return { head, rest: parts.slice(i) };
}

function toFrame(h: FrameHeader, parts: Buffer[]): DataFrame {
  switch (h.type) {
    case FrameType.CHUNK: {
      const { head, rest } = splitHead(parts, HASH_BYTES);
      return { type: FrameType.CHUNK, fileIndex: h.fileIndex, offset: h.offset, length: h.length, hash: head, payload: rest };
    }
    case FrameType.ACK:
    case FrameType.NACK:
      return { type: h.type, fileIndex: h.fileIndex, offset: h.offset, length: h.length };
    case FrameType.DIGEST: {
      const payload = Buffer.concat(parts);
      return {
        type: FrameType.DIGEST,
        fileIndex: h.fileIndex,
        digest: payload.subarray(0, HASH_BYTES),
        tag: payload.subarray(HASH_BYTES, HASH_BYTES + TAG_BYTES),
      };
    }
    case FrameType.HAVE:
      return { type: FrameType.HAVE, fileIndex: h.fileIndex, offset: h.offset, length: h.length, hash: Buffer.concat(parts) };
    case FrameType.READY:
      return { type: FrameType.READY };
    case FrameType.ABORT:
      return { type: FrameType.ABORT, fileIndex: h.fileIndex, error: decodeMessage(Buffer.concat(parts)) };
    case FrameType.END:
      return { type: FrameType.END };
    default:
      return { type: FrameType.ERROR, error: decodeMessage(Buffer.concat(parts)) };
  }
}
