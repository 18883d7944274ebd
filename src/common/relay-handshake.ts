/**
 * The relay handshake (`copy --via HOST`, DESIGN section 5), as pure encode/decode/prove
 * functions. Both ends of a transfer dial out to a relay's data port; each proves to the relay
 * that it belongs to the transfer, the relay proves it was set up for it, and the relay then
 * splices one end's connection to the other's. Only then do the ends run the ordinary data
 * handshake (data-handshake.ts) with each other, through the splice, inside TLS when they have it.
 *
 *   end   -> relay  RelayHello  "ETXR" v side 00 transferId(16) nonceE(32)          56 bytes
 *   relay -> end    RelayProof  "ETXS" v 000 nonceR(32) HMAC(K, relay|..)           72 bytes
 *   end   -> relay  EndProof    "ETXQ" HMAC(K, end|..)                               36 bytes
 *
 * K = HMAC-SHA256(ticket, "etransfer-relay-v1"). The client gives the relay K, never the ticket:
 * the relay can check that a connection belongs to the transfer, but cannot pass the ends'
 * handshake with each other (that needs the ticket), so it cannot pose as either end. A
 * RelayHello is as long as a DialerHello, so a data port tells the two apart by their magic.
 * `side` 1 is the end that speaks first end to end (the sender: the data handshake's dialer),
 * 2 the other (the receiver, the data handshake's listener).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DIALER_HELLO_BYTES, DIALER_PROOF_BYTES, LISTENER_PROOF_BYTES, NONCE_BYTES } from './data-handshake.js';
import { EtxError } from './errors.js';
import { TRANSFER_ID_BYTES } from './messages.js';

export const RELAY_VERSION = 1;
export const RELAY_KEY_BYTES = 32;
export const RELAY_HELLO_BYTES = DIALER_HELLO_BYTES;
export const RELAY_PROOF_BYTES = LISTENER_PROOF_BYTES;
export const END_PROOF_BYTES = DIALER_PROOF_BYTES;

const HELLO_MAGIC = Buffer.from('ETXR', 'latin1');
const RELAY_MAGIC = Buffer.from('ETXS', 'latin1');
const END_MAGIC = Buffer.from('ETXQ', 'latin1');
const KEY_LABEL = 'etransfer-relay-v1';

export type RelaySide = 1 | 2;

export interface RelayHello {
  transferId: string;
  side: RelaySide;
  nonce: Buffer;
}

/** The key a relay checks a transfer's connections with: derived from the ticket, one way. */
export function relayKey(ticket: Buffer): Buffer {
  return createHmac('sha256', ticket).update(KEY_LABEL).digest();
}

/** Whether the first bytes of a data connection are a RelayHello (rather than a DialerHello). */
export function isRelayHello(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.subarray(0, 4).equals(HELLO_MAGIC);
}

function relayError(what: string): EtxError {
  return new EtxError('E_PROTOCOL', `relay handshake: ${what}`);
}

export function encodeRelayHello(hello: RelayHello): Buffer {
  const out = Buffer.alloc(RELAY_HELLO_BYTES);
  HELLO_MAGIC.copy(out, 0);
  out[4] = RELAY_VERSION;
  out[5] = hello.side;
  out.write(hello.transferId, 8, TRANSFER_ID_BYTES, 'hex');
  hello.nonce.copy(out, 8 + TRANSFER_ID_BYTES);
  return out;
}

export function decodeRelayHello(bytes: Buffer): RelayHello {
  if (bytes.length !== RELAY_HELLO_BYTES || !isRelayHello(bytes)) throw relayError('not a relay hello');
  if (bytes[4] !== RELAY_VERSION) throw relayError(`unsupported version ${bytes[4]}`);
  const side = bytes[5];
  if (side !== 1 && side !== 2) throw relayError(`unknown side ${side}`);
  return { transferId: bytes.toString('hex', 8, 8 + TRANSFER_ID_BYTES), side, nonce: Buffer.from(bytes.subarray(8 + TRANSFER_ID_BYTES)) };
}

function mac(key: Buffer, role: 'relay' | 'end', hello: RelayHello, relayNonce: Buffer): Buffer {
  return createHmac('sha256', key)
    .update(`${KEY_LABEL}\0${role}\0${hello.transferId}\0${hello.side}\0`)
    .update(hello.nonce)
    .update(relayNonce)
    .digest();
}

export function encodeRelayProof(key: Buffer, hello: RelayHello, relayNonce: Buffer): Buffer {
  if (relayNonce.length !== NONCE_BYTES) throw new EtxError('E_INTERNAL', 'relay nonce must be 32 bytes');
  const out = Buffer.alloc(RELAY_PROOF_BYTES);
  RELAY_MAGIC.copy(out, 0);
  out[4] = RELAY_VERSION;
  relayNonce.copy(out, 8);
  mac(key, 'relay', hello, relayNonce).copy(out, 8 + NONCE_BYTES);
  return out;
}

/** The end checks the relay's proof; returns the relay's nonce, or throws E_TICKET. */
export function verifyRelayProof(bytes: Buffer, key: Buffer, hello: RelayHello): Buffer {
  if (bytes.length !== RELAY_PROOF_BYTES || !bytes.subarray(0, 4).equals(RELAY_MAGIC) || bytes[4] !== RELAY_VERSION) {
    throw new EtxError('E_TICKET', 'the peer is not an etransfer relay set up for this transfer');
  }
  const relayNonce = Buffer.from(bytes.subarray(8, 8 + NONCE_BYTES));
  if (!timingSafeEqual(mac(key, 'relay', hello, relayNonce), bytes.subarray(8 + NONCE_BYTES))) {
    throw new EtxError('E_TICKET', 'the relay could not prove it was set up for this transfer');
  }
  return relayNonce;
}

export function encodeEndProof(key: Buffer, hello: RelayHello, relayNonce: Buffer): Buffer {
  const out = Buffer.alloc(END_PROOF_BYTES);
  END_MAGIC.copy(out, 0);
  mac(key, 'end', hello, relayNonce).copy(out, 4);
  return out;
}

/** The relay checks an end's proof, or throws E_TICKET. */
export function verifyEndProof(bytes: Buffer, key: Buffer, hello: RelayHello, relayNonce: Buffer): void {
  if (bytes.length !== END_PROOF_BYTES || !bytes.subarray(0, 4).equals(END_MAGIC)) {
    throw new EtxError('E_TICKET', 'the connection did not prove it belongs to the transfer');
  }
  if (!timingSafeEqual(mac(key, 'end', hello, relayNonce), bytes.subarray(4))) {
    throw new EtxError('E_TICKET', 'the connection could not prove it belongs to the transfer');
  }
}
