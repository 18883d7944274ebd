/**
 * File-level authentication on the data connections, keyed by the transfer's ticket.
 *
 * Chunk hashes catch accidents, not attackers: whoever sits on a data path without TLS (a router,
 * a relay of `copy --via`) could change a chunk and its hash together. So what decides whether a
 * file is published carries a tag only the two ends can make: the sender's DIGEST of each file
 * and the table of each FILES frame (the hashes of the small files it holds) are tagged with
 * HMAC-SHA256 under K = HMAC(ticket, "etransfer-file-tag-v1"). A relay holds a different key
 * derived from the ticket (relay-handshake.ts), never the ticket, so it cannot make these tags.
 * With the digest checked against the chunks received, and the table against the files' bytes,
 * no one on the data path alone can get a file that differs from the source published, TLS or
 * not. (The ticket crosses the control connections: against someone who reads those too, they
 * need TLS.) Pure: bytes in, bytes out.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TAG_BYTES = 32;
const KEY_LABEL = 'etransfer-file-tag-v1';

/** The transfer's tag key: both ends derive it from the ticket they hold. */
export function fileTagKey(ticket: Buffer): Buffer {
  return createHmac('sha256', ticket).update(KEY_LABEL).digest();
}

/** The tag of file `fileIndex`'s digest (the DIGEST frame). */
export function digestTag(key: Buffer, fileIndex: number, digest: Uint8Array): Buffer {
  const index = Buffer.allocUnsafe(4);
  index.writeUInt32BE(fileIndex, 0);
  return createHmac('sha256', key).update('digest').update(index).update(digest).digest();
}

/** The tag of a FILES frame's table (each file's index, length and hash). */
export function filesTableTag(key: Buffer, table: Uint8Array): Buffer {
  return createHmac('sha256', key).update('files').update(table).digest();
}

export function tagsEqual(expected: Buffer, received: Uint8Array): boolean {
  return received.length === TAG_BYTES && timingSafeEqual(expected, received);
}
