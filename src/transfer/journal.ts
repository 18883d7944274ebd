/**
 * The journal beside a partial file: which chunks are in the partial, with their BLAKE3 hashes, so a
 * later transfer can resume instead of starting over. Records are fixed-size with a crc32
 * each; reading stops at the first damaged or truncated record (what came before still counts,
 * and every chunk it names is re-hashed from the partial before it is trusted).
 *
 *   header  "ETXJ" u8 version u8[3] 0  u64 chunkSize  u32 crc32(previous 16 bytes)     20 bytes
 *   record  u32 chunkIndex  blake3[32]  u32 crc32(previous 36 bytes)                    40 bytes
 */
import zlib from 'node:zlib';
import { HASH_BYTES } from '../common/data-frames.js';

const MAGIC = Buffer.from('ETXJ', 'latin1');
// Version 2: chunk hashes are BLAKE3 (version 1 journals held SHA-256; they are not trusted).
const VERSION = 2;
export const JOURNAL_HEADER_BYTES = 20;
export const JOURNAL_RECORD_BYTES = 4 + HASH_BYTES + 4;

export interface JournalRecord {
  chunkIndex: number;
  hash: Buffer;
}

export interface DecodedJournal {
  chunkSize: number;
  records: JournalRecord[];
  /** True when reading stopped at a damaged or incomplete record. */
  damaged: boolean;
}

export function encodeJournalHeader(chunkSize: number): Buffer {
  const out = Buffer.alloc(JOURNAL_HEADER_BYTES);
  MAGIC.copy(out, 0);
  out[4] = VERSION;
  out.writeBigUInt64BE(BigInt(chunkSize), 8);
  out.writeUInt32BE(zlib.crc32(out.subarray(0, 16)), 16);
  return out;
}

export function encodeJournalRecords(records: readonly JournalRecord[]): Buffer {
  const out = Buffer.alloc(records.length * JOURNAL_RECORD_BYTES);
  records.forEach((r, i) => {
    const at = i * JOURNAL_RECORD_BYTES;
    out.writeUInt32BE(r.chunkIndex, at);
    out.set(r.hash, at + 4);
    out.writeUInt32BE(zlib.crc32(out.subarray(at, at + 4 + HASH_BYTES)), at + 4 + HASH_BYTES);
  });
  return out;
}

/** Undefined when the header itself is missing or damaged: then nothing in it is trusted. */
export function decodeJournal(bytes: Buffer): DecodedJournal | undefined {
  if (bytes.length < JOURNAL_HEADER_BYTES || !bytes.subarray(0, 4).equals(MAGIC) || bytes[4] !== VERSION) return undefined;
  if (zlib.crc32(bytes.subarray(0, 16)) !== bytes.readUInt32BE(16)) return undefined;
  const chunkSize = Number(bytes.readBigUInt64BE(8));
  const records: JournalRecord[] = [];
  let at = JOURNAL_HEADER_BYTES;
  for (; at + JOURNAL_RECORD_BYTES <= bytes.length; at += JOURNAL_RECORD_BYTES) {
    const body = bytes.subarray(at, at + 4 + HASH_BYTES);
    if (zlib.crc32(body) !== bytes.readUInt32BE(at + 4 + HASH_BYTES)) return { chunkSize, records, damaged: true };
    records.push({ chunkIndex: body.readUInt32BE(0), hash: Buffer.from(body.subarray(4)) });
  }
  return { chunkSize, records, damaged: at !== bytes.length };
}
