import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type DataFrame,
  DEFAULT_FRAME_LIMITS,
  encodeAbort,
  encodeAck,
  encodeChunkHeader,
  encodeDigest,
  encodeEnd,
  encodeError,
  encodeNack,
  FRAME_HEADER_BYTES,
  FrameDecoder,
  type FrameLimits,
  FrameType,
  HASH_BYTES,
} from '../../src/common/data-frames.js';
import { EtxError } from '../../src/common/errors.js';
import { TAG_BYTES, digestTag, fileTagKey } from '../../src/common/file-tags.js';
import type { CodedError } from '../../src/common/messages.js';
import { expectEtx } from '../helpers/expect-etx.js';

/**
 * A decoded frame with the chunk payload parts joined and reduced to its length and SHA-256, and
 * its hash to hex, for a quick deep comparison (comparing a 1 MiB Buffer with toEqual walks it
 * byte by byte).
 */
type Flat =
  | { type: typeof FrameType.CHUNK; fileIndex: number; offset: number; length: number; hash: string; payload: string }
  | Exclude<DataFrame, { type: typeof FrameType.CHUNK }>;

/** The tag key of the transfer these frames belong to. */
const KEY = fileTagKey(Buffer.alloc(32, 7));

function sha256(data: Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}

function summary(payload: Buffer): string {
  return `${payload.length}:${sha256(payload).toString('hex')}`;
}

function flatten(frames: DataFrame[]): Flat[] {
  return frames.map((f) => {
    if (f.type !== FrameType.CHUNK) return f;
    expect(Buffer.isBuffer(f.hash)).toBe(true);
    expect(f.hash.length).toBe(HASH_BYTES);
    return { ...f, hash: f.hash.toString('hex'), payload: summary(Buffer.concat(f.payload)) };
  });
}

function pattern(length: number, seed: number): Buffer {
  const out = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i++) out[i] = (i * 31 + seed) & 0xff;
  return out;
}

type Part = { bytes: Buffer[]; frame: Flat };

/** A chunk frame carrying the SHA-256 of its payload, as the sender writes it. */
function chunk(fileIndex: number, offset: number, payload: Buffer, hash: Buffer = sha256(payload)): Part {
  return {
    bytes: [encodeChunkHeader(fileIndex, offset, payload.length, hash), payload],
    frame: { type: FrameType.CHUNK, fileIndex, offset, length: payload.length, hash: hash.toString('hex'), payload: summary(payload) },
  };
}

function ack(fileIndex: number, offset: number, length: number): Part {
  return { bytes: [encodeAck(fileIndex, offset, length)], frame: { type: FrameType.ACK, fileIndex, offset, length } };
}

function nack(fileIndex: number, offset: number, length: number): Part {
  return { bytes: [encodeNack(fileIndex, offset, length)], frame: { type: FrameType.NACK, fileIndex, offset, length } };
}

function digestFrame(fileIndex: number, digest: Buffer): Part {
  return {
    bytes: [encodeDigest(fileIndex, digest, KEY)],
    frame: { type: FrameType.DIGEST, fileIndex, digest, tag: digestTag(KEY, fileIndex, digest) },
  };
}

function abort(fileIndex: number, error: CodedError): Part {
  return { bytes: [encodeAbort(fileIndex, error)], frame: { type: FrameType.ABORT, fileIndex, error } };
}

const MIB = 1024 * 1024;
const MAX_OFFSET = 2 ** 53 - 1;

const PARTS = [
  chunk(0, 0, pattern(1, 1)),
  chunk(0, 1, pattern(2, 2)),
  nack(0, 1, 2),
  chunk(0, 1, pattern(2, 2)),
  chunk(1, 0, pattern(1000, 3)),
  ack(0, 0, 1),
  digestFrame(0, sha256(Buffer.from('file 0'))),
  chunk(2, 5 * 2 ** 32 + 17, pattern(MIB, 4)),
  ack(2, 5 * 2 ** 32 + 17, MIB),
  chunk(0xffffffff, MAX_OFFSET - 7, pattern(7, 5)),
  ack(0xffffffff, MAX_OFFSET - 7, 7),
  nack(0xffffffff, MAX_OFFSET - 7, 7),
  // Sizes around the header and hash sizes, so frame boundaries land at awkward places.
  chunk(3, 0, pattern(FRAME_HEADER_BYTES, 6)),
  chunk(3, 24, pattern(FRAME_HEADER_BYTES + 1, 7)),
  chunk(3, 49, pattern(HASH_BYTES, 8)),
  chunk(3, 81, pattern(HASH_BYTES - 1, 9)),
  // A hash that is not the payload's: the decoder only carries it, checking it is the receiver's job.
  chunk(3, 112, pattern(5, 10), Buffer.alloc(HASH_BYTES, 0xee)),
  digestFrame(3, Buffer.alloc(HASH_BYTES, 0)),
  digestFrame(0xffffffff, Buffer.alloc(HASH_BYTES, 0xff)),
  abort(4, { code: 'E_SOURCE_CHANGED', message: 'the file shrank\nwhile sending' }),
  abort(5, { code: 'E_IO', message: '' }),
  abort(6, { code: 'E_NOT_FOUND', message: 'gone: é ü 漢字' }),
  ack(3, 0, 0xffffffff),
  nack(3, 0, 0xffffffff),
  {
    bytes: [encodeError({ code: 'E_NO_SPACE', message: 'disk full' })],
    frame: { type: FrameType.ERROR, error: { code: 'E_NO_SPACE', message: 'disk full' } },
  },
  { bytes: [encodeEnd()], frame: { type: FrameType.END } },
] satisfies Part[];

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
  fields: { fileIndex?: number; offsetHigh?: number; offsetLow?: number; length?: number; reserved?: number } = {},
): Buffer {
  const h = Buffer.alloc(FRAME_HEADER_BYTES);
  h.writeUInt8(type, 0);
  h.writeUInt32BE(fields.fileIndex ?? 0, 4);
  h.writeUInt32BE(fields.offsetHigh ?? 0, 8);
  h.writeUInt32BE(fields.offsetLow ?? 0, 12);
  h.writeUInt32BE(fields.length ?? 0, 16);
  h.writeUInt32BE(fields.reserved ?? 0, 20);
  return h;
}

/** Records the size of every Buffer allocation until the mocks are restored. */
function spyAllocations(): number[] {
  const allocs: number[] = [];
  for (const name of ['alloc', 'allocUnsafe', 'allocUnsafeSlow'] as const) {
    const original = Buffer[name].bind(Buffer);
    vi.spyOn(Buffer, name).mockImplementation(((size: number, ...rest: unknown[]) => {
      allocs.push(size);
      return (original as (...a: unknown[]) => Buffer)(size, ...rest);
    }) as never);
  }
  return allocs;
}

describe('data frames: encode then decode', () => {
  it('writes the documented header layout', () => {
    const hash = sha256(Buffer.from('layout'));
    const h = encodeChunkHeader(0x01020304, 0x0005060708090a0b, 0x0c0d0e0f, hash);
    expect(h.length).toBe(FRAME_HEADER_BYTES + HASH_BYTES);
    expect(h.readUInt8(0)).toBe(FrameType.CHUNK);
    expect(h.readUInt8(1)).toBe(0);
    expect(h.readUInt16BE(2)).toBe(0);
    expect(h.readUInt32BE(4)).toBe(0x01020304);
    expect(h.readUInt32BE(8)).toBe(0x00050607);
    expect(h.readUInt32BE(12)).toBe(0x08090a0b);
    expect(h.readUInt32BE(16)).toBe(0x0c0d0e0f);
    // Reserved, written as 0.
    expect(h.readUInt32BE(20)).toBe(0);
    expect(h.subarray(FRAME_HEADER_BYTES)).toEqual(hash);
    expect(encodeEnd()).toEqual(rawHeader(FrameType.END));
    expect(encodeAck(1, 2, 3)).toEqual(rawHeader(FrameType.ACK, { fileIndex: 1, offsetLow: 2, length: 3 }));
    expect(encodeNack(1, 2 ** 32 + 2, 3)).toEqual(rawHeader(FrameType.NACK, { fileIndex: 1, offsetHigh: 1, offsetLow: 2, length: 3 }));
    const digest = sha256(Buffer.from('file'));
    expect(encodeDigest(9, digest, KEY)).toEqual(
      Buffer.concat([rawHeader(FrameType.DIGEST, { fileIndex: 9, length: HASH_BYTES + TAG_BYTES }), digest, digestTag(KEY, 9, digest)]),
    );
  });

  it('takes a plain Uint8Array as hash or digest', () => {
    const bytes = Uint8Array.from({ length: HASH_BYTES }, (_, i) => i);
    const frames = new FrameDecoder().push(
      Buffer.concat([encodeChunkHeader(1, 2, 1, bytes), Buffer.from([7]), encodeDigest(1, bytes, KEY)]),
    );
    expect(frames).toEqual([
      { type: FrameType.CHUNK, fileIndex: 1, offset: 2, length: 1, hash: Buffer.from(bytes), payload: [Buffer.from([7])] },
      { type: FrameType.DIGEST, fileIndex: 1, digest: Buffer.from(bytes), tag: digestTag(KEY, 1, bytes) },
    ]);
  });

  it('refuses to encode a hash or digest that is not 32 bytes (E_INTERNAL)', () => {
    for (const length of [0, 1, HASH_BYTES - 1, HASH_BYTES + 1, 64]) {
      expectEtx(() => encodeChunkHeader(0, 0, 1, Buffer.alloc(length)), 'E_INTERNAL');
      expectEtx(() => encodeDigest(0, Buffer.alloc(length), KEY), 'E_INTERNAL');
    }
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

  it('fed at random split points near the small frames', () => {
    // The 1 MiB chunk makes most random cuts land inside it; this stream has only small frames.
    const small = PARTS.filter((p) => p.frame.type !== FrameType.CHUNK || p.frame.length < 2000);
    const stream = Buffer.concat(small.flatMap((p) => p.bytes));
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: stream.length }), { maxLength: 60 }), (points) => {
        const { frames, decoder } = decodeInPieces(
          stream,
          [...points].sort((a, b) => a - b),
        );
        expect(frames).toEqual(small.map((p) => p.frame));
        expect(decoder.idle).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('reassembles a hash that arrives one byte per part', () => {
    const payload = pattern(10, 3);
    const hash = sha256(payload);
    const input = Buffer.concat(chunk(4, 100, payload).bytes);
    const decoder = new FrameDecoder();
    const frames: DataFrame[] = [];
    for (let i = 0; i < input.length; i++) {
      frames.push(...decoder.push(input.subarray(i, i + 1)));
      expect(decoder.idle).toBe(i === input.length - 1);
    }
    expect(frames).toHaveLength(1);
    const [frame] = frames;
    if (frame?.type !== FrameType.CHUNK) throw new Error('expected a chunk');
    expect(frame.hash).toEqual(hash);
    expect(frame.length).toBe(10);
    // The payload excludes the hash: one part per byte pushed.
    expect(frame.payload).toHaveLength(10);
    expect(Buffer.concat(frame.payload)).toEqual(payload);
  });

  it('reassembles the hash and payload for every way of cutting a chunk in three', () => {
    const payload = pattern(5, 11);
    const hash = sha256(payload);
    const input = Buffer.concat(chunk(1, 7, payload).bytes);
    for (let a = 0; a <= input.length; a++) {
      for (let b = a; b <= input.length; b++) {
        const decoder = new FrameDecoder();
        const frames = [...decoder.push(input.subarray(0, a)), ...decoder.push(input.subarray(a, b)), ...decoder.push(input.subarray(b))];
        const frame = frames[0];
        if (frames.length !== 1 || frame?.type !== FrameType.CHUNK) throw new Error(`cuts ${a}, ${b}: ${frames.length} frames`);
        if (!frame.hash.equals(hash) || !Buffer.concat(frame.payload).equals(payload) || frame.payload.some((p) => p.length === 0)) {
          throw new Error(`cuts ${a}, ${b}: hash ${frame.hash.toString('hex')}, payload ${Buffer.concat(frame.payload).toString('hex')}`);
        }
        expect(decoder.idle).toBe(true);
      }
    }
  });

  it('is idle only between frames', () => {
    const decoder = new FrameDecoder();
    expect(decoder.idle).toBe(true);
    const one = Buffer.concat(chunk(1, 0, pattern(10, 0)).bytes);
    decoder.push(one.subarray(0, 5));
    expect(decoder.idle).toBe(false);
    decoder.push(one.subarray(5, FRAME_HEADER_BYTES));
    expect(decoder.idle).toBe(false);
    // Header and hash in, no chunk byte yet.
    expect(decoder.push(one.subarray(FRAME_HEADER_BYTES, FRAME_HEADER_BYTES + HASH_BYTES))).toEqual([]);
    expect(decoder.idle).toBe(false);
    decoder.push(one.subarray(FRAME_HEADER_BYTES + HASH_BYTES, one.length - 1));
    expect(decoder.idle).toBe(false);
    expect(decoder.push(one.subarray(one.length - 1))).toHaveLength(1);
    expect(decoder.idle).toBe(true);

    const digest = encodeDigest(2, sha256(Buffer.from('x')), KEY);
    expect(decoder.push(digest.subarray(0, FRAME_HEADER_BYTES))).toEqual([]);
    expect(decoder.idle).toBe(false);
    expect(decoder.push(digest.subarray(FRAME_HEADER_BYTES, digest.length - 1))).toEqual([]);
    expect(decoder.idle).toBe(false);
    expect(decoder.push(digest.subarray(digest.length - 1))).toHaveLength(1);
    expect(decoder.idle).toBe(true);

    const nackBytes = encodeNack(1, 0, 10);
    expect(decoder.push(nackBytes.subarray(0, FRAME_HEADER_BYTES - 1))).toEqual([]);
    expect(decoder.idle).toBe(false);
    expect(decoder.push(nackBytes.subarray(FRAME_HEADER_BYTES - 1))).toEqual([
      { type: FrameType.NACK, fileIndex: 1, offset: 0, length: 10 },
    ]);
    expect(decoder.idle).toBe(true);
  });

  it('hands chunk payloads out as slices of the input, not copies', () => {
    const payload = pattern(100, 9);
    const input = Buffer.concat(chunk(0, 0, payload).bytes);
    const [frame] = new FrameDecoder().push(input);
    if (frame?.type !== FrameType.CHUNK) throw new Error('expected a chunk');
    expect(frame.hash).toEqual(sha256(payload));
    expect(frame.payload).toHaveLength(1);
    expect(frame.payload[0]!.buffer).toBe(input.buffer);
    expect(frame.payload[0]!.byteOffset).toBe(input.byteOffset + FRAME_HEADER_BYTES + HASH_BYTES);
    expect(frame.payload[0]!.length).toBe(100);

    // Also when the hash arrived in pieces and the payload starts inside the last of them.
    const decoder = new FrameDecoder();
    const cut = FRAME_HEADER_BYTES + 10;
    expect(decoder.push(input.subarray(0, cut))).toEqual([]);
    const rest = Buffer.from(input.subarray(cut));
    const [split] = decoder.push(rest);
    if (split?.type !== FrameType.CHUNK) throw new Error('expected a chunk');
    expect(split.hash).toEqual(sha256(payload));
    expect(split.payload).toHaveLength(1);
    expect(split.payload[0]!.buffer).toBe(rest.buffer);
    expect(split.payload[0]!.byteOffset).toBe(rest.byteOffset + HASH_BYTES - 10);
    expect(split.payload[0]).toEqual(payload);
  });

  it('ignores the reserved header bytes 20-23', () => {
    const hash = sha256(Buffer.from('r'));
    const digest = sha256(Buffer.from('d'));
    const message = Buffer.from('E_IO\nm');
    const reserved = 0xdeadbeef;
    const frames = new FrameDecoder().push(
      Buffer.concat([
        rawHeader(FrameType.CHUNK, { fileIndex: 1, offsetLow: 5, length: 1, reserved }),
        hash,
        Buffer.from('r'),
        rawHeader(FrameType.ACK, { fileIndex: 1, offsetLow: 5, length: 1, reserved }),
        rawHeader(FrameType.NACK, { fileIndex: 1, offsetLow: 5, length: 1, reserved }),
        rawHeader(FrameType.DIGEST, { fileIndex: 1, length: HASH_BYTES + TAG_BYTES, reserved }),
        digest,
        digestTag(KEY, 1, digest),
        rawHeader(FrameType.ABORT, { fileIndex: 2, length: message.length, reserved }),
        message,
        rawHeader(FrameType.ERROR, { length: message.length, reserved }),
        message,
        rawHeader(FrameType.END, { reserved }),
      ]),
    );
    expect(frames).toEqual([
      { type: FrameType.CHUNK, fileIndex: 1, offset: 5, length: 1, hash, payload: [Buffer.from('r')] },
      { type: FrameType.ACK, fileIndex: 1, offset: 5, length: 1 },
      { type: FrameType.NACK, fileIndex: 1, offset: 5, length: 1 },
      { type: FrameType.DIGEST, fileIndex: 1, digest, tag: digestTag(KEY, 1, digest) },
      { type: FrameType.ABORT, fileIndex: 2, error: { code: 'E_IO', message: 'm' } },
      { type: FrameType.ERROR, error: { code: 'E_IO', message: 'm' } },
      { type: FrameType.END },
    ]);
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
    for (const type of [0, 10, 11, 0x7f, 0xff]) {
      expectEtx(() => new FrameDecoder().push(rawHeader(type, { length: 1 })), 'E_PROTOCOL');
    }
  });

  it('D7: a chunk of length 0 is E_PROTOCOL', () => {
    expectEtx(() => new FrameDecoder().push(encodeChunkHeader(0, 0, 0, sha256(Buffer.alloc(0)))), 'E_PROTOCOL');
    expectEtx(() => new FrameDecoder().push(rawHeader(FrameType.CHUNK)), 'E_PROTOCOL');
  });

  it('D7: an ACK or NACK of length 0 is E_PROTOCOL', () => {
    expectEtx(() => new FrameDecoder().push(encodeAck(0, 0, 0)), 'E_PROTOCOL');
    expectEtx(() => new FrameDecoder().push(encodeNack(0, 0, 0)), 'E_PROTOCOL');
    expectEtx(() => new FrameDecoder().push(rawHeader(FrameType.NACK, { fileIndex: 3, offsetLow: 4096 })), 'E_PROTOCOL');
  });

  it('a DIGEST whose length is not 64 (digest and tag), or with an offset, is E_PROTOCOL on its header alone', () => {
    for (const length of [0, 1, HASH_BYTES - 1, HASH_BYTES, HASH_BYTES + 1, 63, 65, 0xffffffff]) {
      expectEtx(() => new FrameDecoder().push(rawHeader(FrameType.DIGEST, { length })), 'E_PROTOCOL');
      // The header is refused before any of the payload that would follow it.
      const decoder = new FrameDecoder();
      const header = rawHeader(FrameType.DIGEST, { length });
      expect(decoder.push(header.subarray(0, FRAME_HEADER_BYTES - 1))).toEqual([]);
      expectEtx(() => decoder.push(header.subarray(FRAME_HEADER_BYTES - 1)), 'E_PROTOCOL');
    }
    for (const offset of [{ offsetLow: 1 }, { offsetLow: 0xffffffff }, { offsetHigh: 1 }]) {
      expectEtx(
        () =>
          new FrameDecoder().push(
            Buffer.concat([
              rawHeader(FrameType.DIGEST, { length: HASH_BYTES + TAG_BYTES, ...offset }),
              Buffer.alloc(HASH_BYTES + TAG_BYTES),
            ]),
          ),
        'E_PROTOCOL',
      );
    }
    // A well-formed one from raw bytes, for contrast.
    const digest = Buffer.alloc(HASH_BYTES, 0x42);
    const tag = Buffer.alloc(TAG_BYTES, 0x43);
    expect(
      new FrameDecoder().push(Buffer.concat([rawHeader(FrameType.DIGEST, { fileIndex: 5, length: HASH_BYTES + TAG_BYTES }), digest, tag])),
    ).toEqual([{ type: FrameType.DIGEST, fileIndex: 5, digest, tag }]);
  });

  it('D5: a chunk over maxChunkBytes is E_PROTOCOL on its header alone, with nothing buffered', () => {
    const limits = { maxChunkBytes: 1024, maxMessageBytes: 64 };
    const atLimit = Buffer.concat(chunk(0, 0, pattern(1024, 0)).bytes);
    const header = encodeChunkHeader(0, 0, 1025, sha256(Buffer.alloc(0)));
    const allocs = spyAllocations();
    const decoder = new FrameDecoder(limits);
    // The exact limit is fine.
    expect(flatten(decoder.push(atLimit))[0]).toMatchObject({ type: FrameType.CHUNK, length: 1024 });
    // One more byte: refused when the 24th header byte arrives, before the hash or any payload.
    expect(decoder.push(header.subarray(0, FRAME_HEADER_BYTES - 1))).toEqual([]);
    expectEtx(() => decoder.push(header.subarray(FRAME_HEADER_BYTES - 1)), 'E_PROTOCOL');
    expect(allocs.filter((n) => n > limits.maxChunkBytes)).toEqual([]);
  });

  it('D5: a chunk header declaring the largest allowed length buffers nothing for it in advance', () => {
    const declared = DEFAULT_FRAME_LIMITS.maxChunkBytes;
    const hash = Buffer.alloc(HASH_BYTES, 0x33);
    const header = encodeChunkHeader(1, 0, declared, hash);
    const body = pattern(4096, 1);
    const allocs = spyAllocations();
    const decoder = new FrameDecoder();
    // Header and hash one byte at a time (so the hash is pieced together), then some of the chunk.
    for (let i = 0; i < header.length; i++) expect(decoder.push(header.subarray(i, i + 1))).toEqual([]);
    expect(decoder.push(body)).toEqual([]);
    expect(decoder.push(body)).toEqual([]);
    expect(decoder.idle).toBe(false);
    // Nothing near the declared length was allocated: only the hash, at most.
    expect(allocs.filter((n) => n > HASH_BYTES)).toEqual([]);
    vi.restoreAllMocks();
    // The frame still completes correctly when the rest arrives.
    const rest = Buffer.alloc(declared - 2 * body.length, 7);
    const [frame] = decoder.push(rest);
    if (frame?.type !== FrameType.CHUNK) throw new Error('expected a chunk');
    expect(frame.length).toBe(declared);
    expect(frame.hash).toEqual(hash);
    expect(frame.payload).toHaveLength(3);
    expect(frame.payload.reduce((n, p) => n + p.length, 0)).toBe(declared);
    expect(decoder.idle).toBe(true);
  });

  it('D5: a 0xFFFFFFFF length is E_PROTOCOL (default limits) with no big allocation', () => {
    const allocs = spyAllocations();
    for (const type of [FrameType.CHUNK, FrameType.DIGEST, FrameType.ABORT, FrameType.ERROR, FrameType.END]) {
      expectEtx(() => new FrameDecoder().push(rawHeader(type, { length: 0xffffffff })), 'E_PROTOCOL');
    }
    expect(allocs.filter((n) => n > DEFAULT_FRAME_LIMITS.maxChunkBytes)).toEqual([]);
    // ACK and NACK carry no payload, so any non-zero length is fine.
    for (const type of [FrameType.ACK, FrameType.NACK]) {
      expect(new FrameDecoder().push(rawHeader(type, { length: 0xffffffff }))).toEqual([
        { type, fileIndex: 0, offset: 0, length: 0xffffffff },
      ]);
    }
  });

  it('D6: an offset of 2^53 or more is E_PROTOCOL; 2^53 - 1 is fine', () => {
    for (const offsetHigh of [0x200000, 0x200001, 0x7fffffff, 0xffffffff]) {
      for (const type of [
        FrameType.CHUNK,
        FrameType.ACK,
        FrameType.NACK,
        FrameType.DIGEST,
        FrameType.ABORT,
        FrameType.END,
        FrameType.ERROR,
      ]) {
        expectEtx(() => new FrameDecoder().push(rawHeader(type, { offsetHigh, length: 1 })), 'E_PROTOCOL');
      }
    }
    expectEtx(() => new FrameDecoder().push(encodeChunkHeader(0, 2 ** 53, 1, sha256(Buffer.from('x')))), 'E_PROTOCOL');
    expectEtx(() => new FrameDecoder().push(encodeNack(0, 2 ** 53, 1)), 'E_PROTOCOL');
    for (const type of [FrameType.ACK, FrameType.NACK]) {
      const frames = new FrameDecoder().push(rawHeader(type, { offsetHigh: 0x1fffff, offsetLow: 0xffffffff, length: 1 }));
      expect(frames).toEqual([{ type, fileIndex: 0, offset: MAX_OFFSET, length: 1 }]);
    }
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

  it('a chunk limit counts the chunk bytes, not the hash in front of them', () => {
    const limits = { maxChunkBytes: 100, maxMessageBytes: 64 };
    const ok = Buffer.concat(chunk(0, 0, pattern(100, 1)).bytes);
    expect(flatten(new FrameDecoder(limits).push(ok))).toEqual([chunk(0, 0, pattern(100, 1)).frame]);
    expectEtx(() => new FrameDecoder(limits).push(Buffer.concat(chunk(0, 0, pattern(101, 1)).bytes)), 'E_PROTOCOL');
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
      type: fc.integer({ min: 0, max: 8 }),
      fileIndex: fc.nat({ max: 0xffffffff }),
      offsetHigh: fc.oneof(fc.constant(0), fc.nat({ max: 0xffffffff })),
      offsetLow: fc.oneof(fc.constant(0), fc.nat({ max: 0xffffffff })),
      length: fc.oneof(fc.constant(HASH_BYTES), fc.nat({ max: 300 }), fc.nat({ max: 0xffffffff })),
      reserved: fc.nat({ max: 0xffffffff }),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(header, fc.uint8Array({ maxLength: 400 }), fc.nat()), { maxLength: 8 }), (frames) => {
        const decoder = new FrameDecoder(limits);
        try {
          for (const [h, body, cut] of frames) {
            const bytes = Buffer.concat([rawHeader(h.type, h), body]);
            const at = cut % (bytes.length + 1);
            decoder.push(bytes.subarray(0, at));
            decoder.push(bytes.subarray(at));
          }
        } catch (err) {
          if (!(err instanceof EtxError) || (err.code !== 'E_PROTOCOL' && err.code !== 'E_TOO_LARGE')) throw err;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
