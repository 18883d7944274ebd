import { describe, expect, it } from 'vitest';
import { ChunkHashes, blake3, formatDigest, hashChunk, loadWasmBlake3, zeroChunkHash } from '../../src/transfer/chunk-hash.js';

/** The official BLAKE3 test vectors' input: bytes 0, 1, ..., 250, 0, 1, ... */
function vectorInput(length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = i % 251;
  return out;
}

// From BLAKE3's test_vectors.json (first 32 bytes of each extended output).
const VECTORS: Array<[number, string]> = [
  [0, 'af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262'],
  [1, '2d3adedff11b61f14c886e35afa036736dcd87a74d27b5c1510225d0f592e213'],
  [1024, '42214739f095a406f3fc83deb889744ac00df831c10daa55189b5d121c855af7'],
  [1025, 'd00278ae47eb27b34faecf67b4fe263f82d5412916c1ffd97c8cb7fb814b8444'],
  [102400, 'bc3e3d41a1146b069abffad3c0d44860cf664390afce4d9661f7902e7943e085'],
];

describe('BLAKE3 implementations', () => {
  it('the native module loads on this platform (the fast path CI must exercise)', () => {
    expect(blake3.name).toBe('native');
  });

  it.each(VECTORS)('native and wasm both match the official vector for %i bytes', async (length, hex) => {
    const wasm = await loadWasmBlake3();
    const input = vectorInput(length);
    expect(hashChunk(input).toString('hex')).toBe(hex);
    expect(wasm.create().update(input).digest().toString('hex')).toBe(hex);
    expect(wasm.hash(input).toString('hex')).toBe(hex);
    expect(blake3.create().update(input).digest().toString('hex')).toBe(hex);
  });

  it('native and wasm agree on a 4 MiB chunk fed in pieces', async () => {
    const wasm = await loadWasmBlake3();
    const data = vectorInput(4 * 1024 * 1024 + 17);
    const native = blake3.create();
    const web = wasm.create();
    for (let at = 0; at < data.length; at += 1_000_003) {
      native.update(data.subarray(at, at + 1_000_003));
      web.update(data.subarray(at, at + 1_000_003));
    }
    expect(web.digest()).toEqual(native.digest());
  });
});

describe('ChunkHashes', () => {
  it('the digest depends on every chunk hash, the chunk size and the file size, in any filling order', () => {
    const a = new ChunkHashes(10, 4);
    const b = new ChunkHashes(10, 4);
    const hashes = [0, 1, 2].map((i) => hashChunk(Buffer.from(`chunk ${i}`)));
    for (const i of [0, 1, 2]) a.set(i, hashes[i]!);
    for (const i of [2, 0, 1]) b.set(i, hashes[i]!);
    expect(a.digest()).toEqual(b.digest());
    b.set(1, hashChunk(Buffer.from('other')));
    expect(b.digest()).not.toEqual(a.digest());
    const c = new ChunkHashes(11, 4);
    for (const i of [0, 1, 2]) c.set(i, hashes[i]!);
    expect(c.digest()).not.toEqual(a.digest());
    expect(formatDigest(a.digest())).toMatch(/^blake3-tree:[0-9a-f]{64}$/);
  });

  it('zeroChunkHash is the hash of that many zero bytes', () => {
    expect(zeroChunkHash(4096)).toEqual(hashChunk(Buffer.alloc(4096)));
  });
});
