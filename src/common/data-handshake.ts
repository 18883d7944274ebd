/**
 * The data connection handshake (DESIGN section 4.3), as pure encode/decode/prove functions.
 *
 *   dialer   -> listener  DialerHello    "ETXD" v 000 transferId(16) nonceD(32)        56 bytes
 *   listener -> dialer    ListenerProof  "ETXL" v 000 nonceL(32) HMAC(ticket, L|..)    72 bytes
 *   dialer   -> listener  DialerProof    "ETXP" HMAC(ticket, D|..)                      36 bytes
 *
 * The dialer sends nothing but its fixed hello until the listener has proved it holds the
 * ticket, so a server told to dial some other service cannot be used to inject bytes into it.
 * The ticket itself never crosses the data connection; both proofs bind both nonces and the
 * transfer id, with different labels so one side's proof cannot be reflected as the other's.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { EtxError } from './errors.js';
import { TRANSFER_ID_BYTES } from './messages.js';

// 2: DIGEST frames and FILES tables carry a tag (file-tags.ts); a version-1 peer would misread them.
export const HANDSHAKE_VERSION = 2;
export const NONCE_BYTES = 32;
const MAC_BYTES = 32;

export const DIALER_HELLO_BYTES = 8 + TRANSFER_ID_BYTES + NONCE_BYTES;
export const LISTENER_PROOF_BYTES = 8 + NONCE_BYTES + MAC_BYTES;
export const DIALER_PROOF_BYTES = 4 + MAC_BYTES;

const HELLO_MAGIC = Buffer.from('ETXD', 'latin1');
const LISTENER_MAGIC = Buffer.from('ETXL', 'latin1');
const PROOF_MAGIC = Buffer.from('ETXP', 'latin1');
const LABEL = 'etransfer-data-v1';

export interface DialerHello {
  transferId: string;
  nonce: Buffer;
}

export function newNonce(): Buffer {
  return randomBytes(NONCE_BYTES);
}

function handshakeError(what: string): EtxError {
  return new EtxError('E_PROTOCOL', `data handshake: ${what}`);
}

export function encodeDialerHello(hello: DialerHello): Buffer {
  const out = Buffer.alloc(DIALER_HELLO_BYTES);
  HELLO_MAGIC.copy(out, 0);
  out[4] = HANDSHAKE_VERSION;
  out.write(hello.transferId, 8, TRANSFER_ID_BYTES, 'hex');
  hello.nonce.copy(out, 8 + TRANSFER_ID_BYTES);
  return out;
}

export function decodeDialerHello(bytes: Buffer): DialerHello {
  if (bytes.length !== DIALER_HELLO_BYTES || !bytes.subarray(0, 4).equals(HELLO_MAGIC)) {
    throw handshakeError('not an etransfer data hello');
  }
  if (bytes[4] !== HANDSHAKE_VERSION) throw handshakeError(`unsupported version ${bytes[4]}`);
  return {
    transferId: bytes.toString('hex', 8, 8 + TRANSFER_ID_BYTES),
    nonce: Buffer.from(bytes.subarray(8 + TRANSFER_ID_BYTES)),
  };
}

function mac(ticket: Buffer, role: 'listener' | 'dialer', transferId: string, dialerNonce: Buffer, listenerNonce: Buffer): Buffer {
  return createHmac('sha256', ticket).update(`${LABEL}\0${role}\0${transferId}\0`).update(dialerNonce).update(listenerNonce).digest();
}

export interface ProofInput {
  ticket: Buffer;
  transferId: string;
  dialerNonce: Buffer;
  listenerNonce: Buffer;
}

export function encodeListenerProof(input: ProofInput): Buffer {
  const out = Buffer.alloc(LISTENER_PROOF_BYTES);
  LISTENER_MAGIC.copy(out, 0);
  out[4] = HANDSHAKE_VERSION;
  input.listenerNonce.copy(out, 8);
  mac(input.ticket, 'listener', input.transferId, input.dialerNonce, input.listenerNonce).copy(out, 8 + NONCE_BYTES);
  return out;
}

/** Checks the listener's proof; returns the listener's nonce, or throws E_TICKET. */
export function verifyListenerProof(bytes: Buffer, ticket: Buffer, transferId: string, dialerNonce: Buffer): Buffer {
  if (bytes.length !== LISTENER_PROOF_BYTES || !bytes.subarray(0, 4).equals(LISTENER_MAGIC) || bytes[4] !== HANDSHAKE_VERSION) {
    throw new EtxError('E_TICKET', 'the peer is not an etransfer data port holding this transfer');
  }
  const listenerNonce = Buffer.from(bytes.subarray(8, 8 + NONCE_BYTES));
  const expected = mac(ticket, 'listener', transferId, dialerNonce, listenerNonce);
  if (!timingSafeEqual(expected, bytes.subarray(8 + NONCE_BYTES))) {
    throw new EtxError('E_TICKET', 'the peer could not prove it holds the transfer ticket');
  }
  return listenerNonce;
}

export function encodeDialerProof(input: ProofInput): Buffer {
  const out = Buffer.alloc(DIALER_PROOF_BYTES);
  PROOF_MAGIC.copy(out, 0);
  mac(input.ticket, 'dialer', input.transferId, input.dialerNonce, input.listenerNonce).copy(out, 4);
  return out;
}

export function verifyDialerProof(bytes: Buffer, input: ProofInput): void {
  if (bytes.length !== DIALER_PROOF_BYTES || !bytes.subarray(0, 4).equals(PROOF_MAGIC)) {
    throw new EtxError('E_TICKET', 'the dialer did not prove it holds the transfer ticket');
  }
  const expected = mac(input.ticket, 'dialer', input.transferId, input.dialerNonce, input.listenerNonce);
  if (!timingSafeEqual(expected, bytes.subarray(4))) {
    throw new EtxError('E_TICKET', 'the dialer could not prove it holds the transfer ticket');
  }
}
