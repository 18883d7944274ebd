/**
 * FILES frames (many whole small files in one frame): they decode, in any split of the bytes,
 * into one whole-file CHUNK per file, and every malformed table is a protocol error before
 * anything is handed out (THREATS D1-D3: bounded before allocating, no byte unaccounted for).
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type DataFrame,
  FILES_ENTRY_BYTES,
  FRAME_HEADER_BYTES,
  FrameDecoder,
  FrameType,
  MAX_FILES_PER_FRAME,
  encodeAck,
  encodeFiles,
} from '../../src/common/data-frames.js';
import { TAG_BYTES, fileTagKey, filesTableTag } from '../../src/common/file-tags.js';
import { hashChunk } from '../../src/transfer/chunk-hash.js';
import { expectEtx } from '../helpers/expect-etx.js';

const limits = { maxChunkBytes: 1024 * 1024, maxMessageBytes: 1024 };
const KEY = fileTagKey(Buffer.alloc(32, 9));
/** Where a hand-made payload's files start: after the table and its tag. */
const TAG = Buffer.alloc(TAG_BYTES);

function files(sizes: number[]): Array<{ fileIndex: number; data: Buffer; hash: Buffer }> {
  return sizes.map((size, i) => {
    const data = randomBytes(size);
    return { fileIndex: 10 + i * 3, data, hash: hashChunk(data) };
  });
}

function decodeAll(bytes: Buffer, split: (n: number) => number[], allocate = false): DataFrame[] {
  const decoder = new FrameDecoder(limits, allocate ? (_i, length) => Buffer.alloc(length) : undefined);
  const out: DataFrame[] = [];
  let at = 0;
  for (const n of split(bytes.length)) {
    out.push(...decoder.push(bytes.subarray(at, at + n)));
    at += n;
  }
  expect(decoder.idle).toBe(true);
  return out;
}

/** A FILES header by hand: `count` in the fileIndex field, `length` payload bytes. */
function header(count: number, length: number, offsetLow = 0): Buffer {
  const h = Buffer.alloc(FRAME_HEADER_BYTES);
  h.writeUInt8(FrameType.FILES, 0);
  h.writeUInt32BE(count, 4);
  h.writeUInt32BE(offsetLow, 12);
  h.writeUInt32BE(length, 16);
  return h;
}

function entry(fileIndex: number, length: number): Buffer {
  const e = Buffer.alloc(FILES_ENTRY_BYTES);
  e.writeUInt32BE(fileIndex, 0);
  e.writeUInt32BE(length, 4);
  return e;
}

describe('FILES frames', () => {
  const sent = files([1, 4096, 100, 65536, 7]);
  const wire = Buffer.concat([...encodeFiles(sent, KEY), encodeAck(1, 0, 5)]);

  it.each([
    ['whole', (n: number) => [n]],
    ['byte by byte', (n: number) => Array.from({ length: n }, () => 1)],
    ['in 1000-byte pieces', (n: number) => Array.from({ length: Math.ceil(n / 1000) }, (_, i) => Math.min(1000, n - i * 1000))],
  ])('decode into one whole-file chunk per file, %s', (_name, split) => {
    for (const allocate of [false, true]) {
      const frames = decodeAll(wire, split, allocate);
      expect(frames.map((f) => f.type)).toEqual([...sent.map(() => FrameType.CHUNK), FrameType.ACK]);
      sent.forEach((file, i) => {
        const f = frames[i]!;
        if (f.type !== FrameType.CHUNK) throw new Error('expected a chunk');
        expect(f.whole).toBe(true);
        expect(f.fileIndex).toBe(file.fileIndex);
        expect(f.offset).toBe(0);
        expect(f.length).toBe(file.data.length);
        expect(f.hash.equals(file.hash)).toBe(true);
        expect(Buffer.concat(f.payload).equals(file.data)).toBe(true);
        expect(f.owned).toBeUndefined();
        // Every file of the frame shares its table and tag, as the sender tagged them.
        expect(f.batch).toBe((frames[0] as { batch?: unknown }).batch);
        expect(f.batch!.tag.equals(filesTableTag(KEY, f.batch!.table))).toBe(true);
      });
    }
  });

  it('are written as the header, table and tag, then the files own buffers (not copied)', () => {
    const parts = encodeFiles(sent, KEY);
    expect(parts).toHaveLength(3 + sent.length);
    expect(parts[2]!.equals(filesTableTag(KEY, parts[1]!))).toBe(true);
    for (const [i, f] of sent.entries()) expect(parts[3 + i]).toBe(f.data);
    expect(parts[0]!.readUInt32BE(16)).toBe(sent.length * FILES_ENTRY_BYTES + TAG_BYTES + sent.reduce((n, f) => n + f.data.length, 0));
  });

  it('refuse to encode nothing, too many files, an empty file, or a short hash', () => {
    expect(() => encodeFiles([], KEY)).toThrow();
    const one = files([1])[0]!;
    expect(() =>
      encodeFiles(
        Array.from({ length: MAX_FILES_PER_FRAME + 1 }, () => one),
        KEY,
      ),
    ).toThrow();
    expect(() => encodeFiles([{ ...one, data: Buffer.alloc(0) }], KEY)).toThrow();
    expect(() => encodeFiles([{ ...one, hash: Buffer.alloc(31) }], KEY)).toThrow();
  });

  const malformed: Array<[string, Buffer]> = [
    ['no files', header(0, 0)],
    ['more files than a frame may hold', header(MAX_FILES_PER_FRAME + 1, (MAX_FILES_PER_FRAME + 1) * 64)],
    ['an offset', header(1, FILES_ENTRY_BYTES + TAG_BYTES + 1, 5)],
    ['a payload over the chunk limit', header(1, limits.maxChunkBytes + 1)],
    ['a payload shorter than its table', header(2, 2 * FILES_ENTRY_BYTES + TAG_BYTES + 1)],
    ['a payload with no room for the tag', header(1, FILES_ENTRY_BYTES + 1)],
    ['an entry running past the frame', Buffer.concat([header(1, FILES_ENTRY_BYTES + TAG_BYTES + 4), entry(0, 5), TAG, Buffer.alloc(4)])],
    ['an empty entry', Buffer.concat([header(2, 2 * FILES_ENTRY_BYTES + TAG_BYTES + 4), entry(0, 4), entry(1, 0), TAG, Buffer.alloc(4)])],
    ['bytes no entry names', Buffer.concat([header(1, FILES_ENTRY_BYTES + TAG_BYTES + 4), entry(0, 3), TAG, Buffer.alloc(4)])],
  ];
  it.each(malformed)('with %s are E_PROTOCOL', (_name, bytes) => {
    // A length field of 2^32-1 in an entry must not make the decoder read or allocate past the frame.
    expectEtx(() => new FrameDecoder(limits).push(bytes), 'E_PROTOCOL');
  });

  it('bound the entry lengths by the frame, whatever the table says (2^32-1)', () => {
    const bytes = Buffer.concat([header(1, FILES_ENTRY_BYTES + TAG_BYTES + 8), entry(0, 0xffffffff), TAG, Buffer.alloc(8)]);
    expectEtx(() => new FrameDecoder(limits).push(bytes), 'E_PROTOCOL');
  });
});
