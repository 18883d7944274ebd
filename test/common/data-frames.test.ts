import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type DataFrame,
  DEFAULT_FRAME_LIMITS,
  encodeAbort,
  encodeAck,
  encodeChunkHeader,
  encodeEnd,
  encodeError,
  FRAME_HEADER_BYTES,
  FrameDecoder,
  type FrameLimits,
  FrameType,
} from '../../src/common/data-frames.js';
import { EtxError } from '../../src/common/errors.js';
import type { CodedError } from '../../src/common/messages.js';
import { expectEtx } from '../helpers/expect-etx.js';

/**
 * A decoded frame with the chunk payload parts joined and reduced to its length and SHA-256, for
 * a quick deep comparison (comparing a 1 MiB Buffer with toEqual walks it byte by byte).
 */
type Flat =
  | { type: typeof FrameType.CHUNK; fileIndex: number; offset: number; length: number; crc: number; payload: string }
  | Exclude<DataFrame, { type: typeof FrameType.CHUNK }>;

function digest(payload: Buffer): string {
  return `${payload.length}:${createHash('sha256').update(payload).digest('hex')}`;
}

function flatten(frames: DataFrame[]): Flat[] {
  return frames.map((f) => (f.type === FrameType.CHUNK ? { ...f, payload: digest(Buffer.concat(f.payload)) } : f));
}

function pattern(length: number, seed: number): Buffer {
  const out = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i++) out[i] = (i * 31 + seed) & 0xff;
  return out;
}

function chunk(fileIndex: number, offset: number, payload: Buffer): { bytes: Buffer[]; frame: Flat } {
  const crc = crc32(payload);
  return {
    bytes: [encodeChunkHeader(fileIndex, offset, payload.length, crc), payload],
    frame: { type: FrameType.CHUNK, fileIndex, offset, length: payload.length, crc, payload: digest(payload) },
  };
}

function ack(fileIndex: number, offset: number, length: number): { bytes: Buffer[]; frame: Flat } {
  return { bytes: [encodeAck(fileIndex, offset, length)], frame: { type: FrameType.ACK, fileIndex, offset, length } };
}

function abort(fileIndex: number, error: CodedError): { bytes: Buffer[]; frame: Flat } {
  return { bytes: [encodeAbort(fileIndex, error)], frame: { type: FrameType.ABORT, fileIndex, error } };
}

const MIB = 1024 * 1024;
const MAX_OFFSET = 2 ** 53 - 1;

const PARTS = [
  chunk(0, 0, pattern(1, 1)),
  chunk(0, 1, pattern(2, 2)),
  chunk(1, 0, pattern(1000, 3)),
  ack(0, 0, 1),
  chunk(2, 5 * 2 ** 32 + 17, pattern(MIB, 4)),
  ack(2, 5 * 2 ** 32 + 17, MIB),
  chunk(0xffffffff, MAX_OFFSET - 7, pattern(7, 5)),
  ack(0xffffffff, MAX_OFFSET - 7, 7),
  chunk(3, 0, pattern(FRAME_HEADER_BYTES, 6)),
  chunk(3, 24, pattern(FRAME_HEADER_BYTES + 1, 7)),
  abort(4, { code: 'E_SOURCE_CHANGED', message: 'the file shrank\nwhile sending' }),
  abort(5, { code: 'E_IO', message: '' }),
  abort(6, { code: 'E_NOT_FOUND', message: 'gone: é ü 漢字' }),
  ack(3, 0, 0xffffffff),
  {
    bytes: [encodeError({ code: 'E_NO_SPACE', message: 'disk full' })],
    frame: { type: FrameType.ERROR, error: { code: 'E_NO_SPACE', message: 'disk full' } },
  },
  { bytes: [encodeEnd()], frame: { type: FrameType.END } },
] satisfies Array<{ bytes: Buffer[]; frame: Flat }>;

const STREAM = Buffer.concat(PARTS.flatMap((p) => p.bytes));
/** Stream offsets where one frame ends and the next begins. */
const BOUNDARIES = new Set(PARTS.map((_, i) => Buffer.concat(PARTS.slice(0, i + 1).flatMap((p) => p.bytes)).length));
const EXPECTED = PARTS.map((p) => p.frame);

function decodeInPieces(stream: Buffer, cuts: number[], limits?: FrameLimits): { frames: Flat[]; decoder: FrameDecoder } {
  const decoder = new FrameDecoder(limits);
  const frames: DataFrame[] = [];
  let start = 0;
  for (const cut of [...cuts, stream.length]) {
    frames.push(...decoder.push(stream.subarray(start, cut)));
    start = cut;
  }
  return { frames: flatten(frames), decoder };
}

/** A 24-byte header written field by field, so it can hold what the encoders refuse to write. */
function rawHeader(
  type: number,
  fields: { fileIndex?: number; offsetHigh?: number; offsetLow?: number; length?: number; crc?: number } = {},
): Buffer {
  const h = Buffer.alloc(FRAME_HEADER_BYTES);
  h.writeUInt8(type, 0);
  h.writeUInt32BE(fields.fileIndex ?? 0, 4);
  h.writeUInt32BE(fields.offsetHigh ?? 0, 8);
  h.writeUInt32BE(fields.offsetLow ?? 0, 12);
  h.writeUInt32BE(fields.length ?? 0, 16);
  h.writeUInt32BE(fields.crc ?? 0, 20);
  return h;
}

describe('data frames: encode then decode', () => {
  it('writes the documented header layout', () => {
    const h = encodeChunkHeader(0x01020304, 0x0005060708090a0b, 0x0c0d0e0f, 0xdeadbeef);
    expect(h.length).toBe(FRAME_HEADER_BYTES);
    expect(h.readUInt8(0)).toBe(FrameType.CHUNK);
    expect(h.readUInt8(1)).toBe(0);
    expect(h.readUInt16BE(2)).toBe(0);
    expect(h.readUInt32BE(4)).toBe(0x01020304);
    expect(h.readUInt32BE(8)).toBe(0x00050607);
    expect(h.readUInt32BE(12)).toBe(0x08090a0b);
    expect(h.readUInt32BE(16)).toBe(0x0c0d0e0f);
    expect(h.readUInt32BE(20)).toBe(0xdeadbeef);
    expect(encodeEnd()).toEqual(rawHeader(FrameType.END));
    expect(encodeAck(1, 2, 3)).toEqual(rawHeader(FrameType.ACK, { fileIndex: 1, offsetLow: 2, length: 3 }));
  });

  it('fed whole', () => {
    const { frames, decoder } = decodeInPieces(STREAM, []);
    expect(frames).toEqual(EXPECTED);
    expect(decoder.idle).toBe(true);
  });

  it('fed one byte at a time', () => {
    const decoder = new FrameDecoder();
    const frames: DataFrame[] = [];
    for (let i = 0; i < STREAM.length; i++) {
      const done = decoder.push(STREAM.subarray(i, i + 1));
      frames.push(...done);
      // Idle exactly at frame boundaries, which is where frames come out.
      const boundary = BOUNDARIES.has(i + 1);
      if (decoder.idle !== boundary || done.length > 0 !== boundary) {
        throw new Error(`at byte ${i + 1}: idle ${decoder.idle}, ${done.length} frames, boundary ${boundary}`);
      }
    }
    expect(flatten(frames)).toEqual(EXPECTED);
    expect(decoder.idle).toBe(true);
  });

  it('fed at random split points', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: STREAM.length }), { maxLength: 40 }), (points) => {
        const { frames, decoder } = decodeInPieces(
          STREAM,
          [...points].sort((a, b) => a - b),
        );
        expect(frames).toEqual(EXPECTED);
        expect(decoder.idle).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is idle only between frames', () => {
    const decoder = new FrameDecoder();
    expect(decoder.idle).toBe(true);
    const one = Buffer.concat(chunk(1, 0, pattern(10, 0)).bytes);
    decoder.push(one.subarray(0, 5));
    expect(decoder.idle).toBe(false);
    decoder.push(one.subarray(5, FRAME_HEADER_BYTES));
    expect(decoder.idle).toBe(false);
    decoder.push(one.subarray(FRAME_HEADER_BYTES, one.length - 1));
    expect(decoder.idle).toBe(false);
    expect(decoder.push(one.subarray(one.length - 1))).toHaveLength(1);
    expect(decoder.idle).toBe(true);
  });

  it('hands chunk payloads out as slices of the input, not copies', () => {
    const payload = pattern(100, 9);
    const input = Buffer.concat(chunk(0, 0, payload).bytes);
    const [frame] = new FrameDecoder().push(input);
    if (frame?.type !== FrameType.CHUNK) throw new Error('expected a chunk');
    expect(frame.payload).toHaveLength(1);
    expect(frame.payload[0]!.buffer).toBe(input.buffer);
    expect(frame.payload[0]!.byteOffset).toBe(input.byteOffset + FRAME_HEADER_BYTES);
  });

  it('truncates an over-long ABORT/ERROR message to the limit, and the decoder accepts it', () => {
    const long = 'x'.repeat(5000);
    const abortBytes = encodeAbort(1, { code: 'E_IO', message: long });
    const errorBytes = encodeError({ code: 'E_IO', message: long });
    expect(abortBytes.length).toBe(FRAME_HEADER_BYTES + DEFAULT_FRAME_LIMITS.maxMessageBytes);
    expect(errorBytes.length).toBe(FRAME_HEADER_BYTES + DEFAULT_FRAME_LIMITS.maxMessageBytes);
    const frames = new FrameDecoder().push(Buffer.concat([abortBytes, errorBytes]));
    expect(frames).toEqual([
      { type: FrameType.ABORT, fileIndex: 1, error: { code: 'E_IO', message: long.slice(0, DEFAULT_FRAME_LIMITS.maxMessageBytes - 5) } },
      { type: FrameType.ERROR, error: { code: 'E_IO', message: long.slice(0, DEFAULT_FRAME_LIMITS.maxMessageBytes - 5) } },
    ]);
    const small = encodeError({ code: 'E_IO', message: long }, 10);
    expect(small.length).toBe(FRAME_HEADER_BYTES + 10);
  });

  it('maps an unknown code in an ABORT/ERROR message to E_PEER', () => {
    const payload = Buffer.from('E_MADE_UP\nhello');
    const noNewline = Buffer.from('just text');
    const frames = new FrameDecoder().push(
      Buffer.concat([
        rawHeader(FrameType.ERROR, { length: payload.length }),
        payload,
        rawHeader(FrameType.ABORT, { fileIndex: 2, length: noNewline.length }),
        noNewline,
        rawHeader(FrameType.ERROR, { length: 0 }),
      ]),
    );
    expect(frames).toEqual([
      { type: FrameType.ERROR, error: { code: 'E_PEER', message: 'hello' } },
      { type: FrameType.ABORT, fileIndex: 2, error: { code: 'E_PEER', message: '' } },
      { type: FrameType.ERROR, error: { code: 'E_PEER', message: '' } },
    ]);
  });
});

describe('data frames: garbage (THREATS D5-D7, D10)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('an unknown type is E_PROTOCOL', () => {
    for (const type of [0, 6, 7, 0x7f, 0xff]) {
      expectEtx(() => new FrameDecoder().push(rawHeader(type, { length: 1 })), 'E_PROTOCOL');
    }
  });

  it('D7: a chunk of length 0 is E_PROTOCOL', () => {
    expectEtx(() => new FrameDecoder().push(encodeChunkHeader(0, 0, 0, 0)), 'E_PROTOCOL');
  });

  it('D7: an ACK of length 0 is E_PROTOCOL', () => {
    expectEtx(() => new FrameDecoder().push(encodeAck(0, 0, 0)), 'E_PROTOCOL');
  });

  it('D5: a chunk over maxChunkBytes is E_PROTOCOL on its header alone, with nothing buffered', () => {
    const limits = { maxChunkBytes: 1024, maxMessageBytes: 64 };
    const atLimit = Buffer.concat(chunk(0, 0, pattern(1024, 0)).bytes);
    const header = encodeChunkHeader(0, 0, 1025, 0);
    const allocs: number[] = [];
    for (const name of ['alloc', 'allocUnsafe', 'allocUnsafeSlow'] as const) {
      const original = Buffer[name].bind(Buffer);
      vi.spyOn(Buffer, name).mockImplementation(((size: number, ...rest: unknown[]) => {
        allocs.push(size);
        return (original as (...a: unknown[]) => Buffer)(size, ...rest);
      }) as never);
    }
    const decoder = new FrameDecoder(limits);
    // The exact limit is fine.
    expect(flatten(decoder.push(atLimit))[0]).toMatchObject({ type: FrameType.CHUNK, length: 1024 });
    // One more byte: refused when the 24th header byte arrives, before any payload.
    expect(decoder.push(header.subarray(0, FRAME_HEADER_BYTES - 1))).toEqual([]);
    expectEtx(() => decoder.push(header.subarray(FRAME_HEADER_BYTES - 1)), 'E_PROTOCOL');
    expect(allocs.filter((n) => n > limits.maxChunkBytes)).toEqual([]);
  });

  it('D5: a 0xFFFFFFFF length is E_PROTOCOL (default limits) with no big allocation', () => {
    const spy = vi.spyOn(Buffer, 'allocUnsafe');
    const alloc = vi.spyOn(Buffer, 'alloc');
    expectEtx(() => new FrameDecoder().push(rawHeader(FrameType.CHUNK, { length: 0xffffffff })), 'E_PROTOCOL');
    for (const call of [...spy.mock.calls, ...alloc.mock.calls]) expect(call[0]).toBeLessThanOrEqual(DEFAULT_FRAME_LIMITS.maxChunkBytes);
    expectEtx(() => new FrameDecoder().push(rawHeader(FrameType.ABORT, { length: 0xffffffff })), 'E_PROTOCOL');
    expectEtx(() => new FrameDecoder().push(rawHeader(FrameType.ERROR, { length: 0xffffffff })), 'E_PROTOCOL');
  });

  it('D6: an offset of 2^53 or more is E_PROTOCOL; 2^53 - 1 is fine', () => {
    for (const offsetHigh of [0x200000, 0x200001, 0x7fffffff, 0xffffffff]) {
      for (const type of [FrameType.CHUNK, FrameType.ACK, FrameType.ABORT, FrameType.END, FrameType.ERROR]) {
        expectEtx(() => new FrameDecoder().push(rawHeader(type, { offsetHigh, length: 1 })), 'E_PROTOCOL');
      }
    }
    expectEtx(() => new FrameDecoder().push(encodeChunkHeader(0, 2 ** 53, 1, 0)), 'E_PROTOCOL');
    const frames = new FrameDecoder().push(rawHeader(FrameType.ACK, { offsetHigh: 0x1fffff, offsetLow: 0xffffffff, length: 1 }));
    expect(frames).toEqual([{ type: FrameType.ACK, fileIndex: 0, offset: MAX_OFFSET, length: 1 }]);
  });

  it('END with a payload (or an offset) is E_PROTOCOL', () => {
    expectEtx(() => new FrameDecoder().push(rawHeader(FrameType.END, { length: 5 })), 'E_PROTOCOL');
    expectEtx(() => new FrameDecoder().push(Buffer.concat([rawHeader(FrameType.END, { length: 1 }), Buffer.from('x')])), 'E_PROTOCOL');
    expectEtx(() => new FrameDecoder().push(rawHeader(FrameType.END, { offsetLow: 1 })), 'E_PROTOCOL');
  });

  it('an ABORT or ERROR message over maxMessageBytes is E_PROTOCOL', () => {
    const limits = { maxChunkBytes: MIB, maxMessageBytes: 100 };
    for (const type of [FrameType.ABORT, FrameType.ERROR]) {
      expectEtx(() => new FrameDecoder(limits).push(rawHeader(type, { length: 101 })), 'E_PROTOCOL');
      const ok = Buffer.concat([rawHeader(type, { length: 100 }), Buffer.from(`E_IO\n${'m'.repeat(95)}`)]);
      expect(new FrameDecoder(limits).push(ok)).toHaveLength(1);
    }
    expectEtx(
      () => new FrameDecoder().push(rawHeader(FrameType.ABORT, { length: DEFAULT_FRAME_LIMITS.maxMessageBytes + 1 })),
      'E_PROTOCOL',
    );
  });

  it('random bytes throw only EtxError', () => {
    const limits = { maxChunkBytes: 4096, maxMessageBytes: 256 };
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 10 }), (pieces) => {
        const decoder = new FrameDecoder(limits);
        try {
          for (const piece of pieces) decoder.push(Buffer.from(piece));
        } catch (err) {
          if (!(err instanceof EtxError) || (err.code !== 'E_PROTOCOL' && err.code !== 'E_TOO_LARGE')) throw err;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('random headers with a plausible type throw only EtxError', () => {
    const limits = { maxChunkBytes: 4096, maxMessageBytes: 256 };
    const header = fc.record({
      type: fc.integer({ min: 0, max: 6 }),
      fileIndex: fc.nat({ max: 0xffffffff }),
      offsetHigh: fc.oneof(fc.constant(0), fc.nat({ max: 0xffffffff })),
      offsetLow: fc.nat({ max: 0xffffffff }),
      length: fc.oneof(fc.nat({ max: 300 }), fc.nat({ max: 0xffffffff })),
      crc: fc.nat({ max: 0xffffffff }),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(header, fc.uint8Array({ maxLength: 300 })), { maxLength: 8 }), (frames) => {
        const decoder = new FrameDecoder(limits);
        try {
          for (const [h, body] of frames) decoder.push(Buffer.concat([rawHeader(h.type, h), body]));
        } catch (err) {
          if (!(err instanceof EtxError) || (err.code !== 'E_PROTOCOL' && err.code !== 'E_TOO_LARGE')) throw err;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
