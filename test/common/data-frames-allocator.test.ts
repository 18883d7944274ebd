/** The decoder's payload allocator: chunk bytes copied into one buffer as they arrive, or skipped. */
import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DataFrame, FrameDecoder, FrameType, encodeAck, encodeChunkHeader } from '../../src/common/data-frames.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest();

function stream(chunks: Buffer[]): Buffer {
  return Buffer.concat([...chunks.flatMap((c, i) => [encodeChunkHeader(i, 0, c.length, sha(c)), c]), encodeAck(9, 0, 1)]);
}

function decode(bytes: Buffer, cuts: number[], allocate: (fileIndex: number, length: number) => Buffer | null): DataFrame[] {
  const decoder = new FrameDecoder(undefined, allocate);
  const out: DataFrame[] = [];
  let at = 0;
  for (const cut of [...cuts.sort((a, b) => a - b), bytes.length]) {
    out.push(...decoder.push(bytes.subarray(at, Math.max(at, cut))));
    at = Math.max(at, cut);
  }
  return out;
}

describe('FrameDecoder with a payload allocator', () => {
  const chunks = [randomBytes(1), randomBytes(31), randomBytes(33), randomBytes(70_000)];
  const bytes = stream(chunks);

  it('copies each chunk into the allocated buffer, whatever the splits', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 40 }), (cuts) => {
        const given: Buffer[] = [];
        const frames = decode(bytes, cuts, (_i, length) => {
          const b = Buffer.alloc(length + 5);
          given.push(b);
          return b;
        });
        expect(frames.map((f) => f.type)).toEqual([...chunks.map(() => FrameType.CHUNK), FrameType.ACK]);
        frames.slice(0, chunks.length).forEach((f, i) => {
          if (f.type !== FrameType.CHUNK) throw new Error('expected a chunk');
          expect(f.owned).toBe(given[i]);
          expect(f.payload).toHaveLength(1);
          expect(Buffer.concat(f.payload).equals(chunks[i]!)).toBe(true);
          expect(f.hash.equals(sha(chunks[i]!))).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('skips the bytes of a chunk the allocator declines, keeping the hash and the framing', () => {
    const frames = decode(bytes, [7, 100, 5000], () => null);
    expect(frames).toHaveLength(chunks.length + 1);
    for (const [i, f] of frames.slice(0, chunks.length).entries()) {
      if (f.type !== FrameType.CHUNK) throw new Error('expected a chunk');
      expect(f.payload).toEqual([]);
      expect(f.owned).toBeUndefined();
      expect(f.hash.equals(sha(chunks[i]!))).toBe(true);
    }
    expect(frames[chunks.length]!.type).toBe(FrameType.ACK);
  });
});
