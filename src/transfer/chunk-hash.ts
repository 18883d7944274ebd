/**
 * Integrity hashes. Every chunk is hashed with SHA-256 by the sender from the bytes it read and
 * checked by the receiver before it writes them. A file's digest is a SHA-256 over its chunk
 * hashes (a one-level hash tree, as strong as SHA-256 of the file, and computable while chunks
 * arrive out of order on parallel streams):
 *
 *   digest = SHA-256("etransfer-sha256-tree-v1" || u64 chunkSize || u64 fileSize || h0 || h1 || ...)
 *
 * Chunk hashing runs on the libuv thread pool (WebCrypto), so it costs the event loop only a
 * copy of the chunk instead of the whole hash (measured: 0.8 ms vs 2.2 ms per 4 MiB here).
 */
import { createHash, webcrypto } from 'node:crypto';
import { HASH_BYTES } from '../common/data-frames.js';

export const DIGEST_ALGORITHM = 'sha256-tree';

/** Below this, a thread-pool round trip costs more than hashing on the spot. */
const SMALL_CHUNK_BYTES = 128 * 1024;

export async function hashChunk(data: Uint8Array): Promise<Buffer> {
  if (data.length < SMALL_CHUNK_BYTES) return createHash('sha256').update(data).digest();
  return Buffer.from(await webcrypto.subtle.digest('SHA-256', data));
}

const zeroHashes = new Map<number, Buffer>();

/** The hash of `length` zero bytes, computed once per length (for /dev/zero sources). */
export function zeroChunkHash(length: number): Buffer {
  let hash = zeroHashes.get(length);
  if (!hash) {
    hash = createHash('sha256').update(Buffer.alloc(length)).digest();
    zeroHashes.set(length, hash);
  }
  return hash;
}

/** The chunk hashes of one file, filled in any order, and the digest they add up to. */
export class ChunkHashes {
  private readonly table: Buffer;

  constructor(
    readonly fileSize: number,
    readonly chunkSize: number,
  ) {
    this.table = Buffer.alloc(Math.ceil(fileSize / chunkSize) * HASH_BYTES);
  }

  set(chunkIndex: number, hash: Uint8Array): void {
    this.table.set(hash, chunkIndex * HASH_BYTES);
  }

  get(chunkIndex: number): Buffer {
    return this.table.subarray(chunkIndex * HASH_BYTES, (chunkIndex + 1) * HASH_BYTES);
  }

  digest(): Buffer {
    const prefix = Buffer.alloc(16);
    prefix.writeBigUInt64BE(BigInt(this.chunkSize), 0);
    prefix.writeBigUInt64BE(BigInt(this.fileSize), 8);
    return createHash('sha256').update('etransfer-sha256-tree-v1').update(prefix).update(this.table).digest();
  }
}

export function formatDigest(digest: Uint8Array): string {
  return `${DIGEST_ALGORITHM}:${Buffer.from(digest).toString('hex')}`;
}
