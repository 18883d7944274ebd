/**
 * Proving a user name on a control connection (DESIGN section 3): the client signs, with one of
 * the user's ed25519 keys, a message that binds the user name to the nonce the server sent in
 * this connection's ServerHello. The server holds only public keys. A signature replayed on
 * another connection fails (another nonce), and so does one made for another user name.
 *
 *   signed = "etransfer-auth-v1\0" || user (UTF-8) || "\0" || nonce
 */
import { type KeyObject, createPrivateKey, createPublicKey, generateKeyPairSync, sign, timingSafeEqual, verify } from 'node:crypto';
import { EtxError } from './errors.js';
import type { Ed25519PrivateKey } from './ssh-keys.js';

const LABEL = 'etransfer-auth-v1\0';

function signedBytes(user: string, nonce: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${LABEL}${user}\0`, 'utf8'), nonce]);
}

function privateKeyObject(key: Ed25519PrivateKey): KeyObject {
  return createPrivateKey({
    key: { kty: 'OKP', crv: 'Ed25519', d: key.seed.toString('base64url'), x: key.publicKey.toString('base64url') },
    format: 'jwk',
  });
}

/** A KeyObject for a raw 32-byte ed25519 public key; E_CONFIG if it is not a valid point. */
export function publicKeyObject(raw: Buffer): KeyObject {
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
  } catch (err) {
    throw new EtxError('E_CONFIG', 'not a valid ed25519 public key', { cause: err });
  }
}

export function signAuthentication(key: Ed25519PrivateKey, user: string, nonce: Buffer): Buffer {
  return sign(null, signedBytes(user, nonce), privateKeyObject(key));
}

/** One of the user's keys, as the server keeps it. */
export interface UserKey {
  raw: Buffer;
  object: KeyObject;
}

/**
 * True if `signature` was made by the key `publicKey`, which must be one of `keys`, for this user
 * and nonce. Never throws on peer input.
 */
export function verifyAuthentication(keys: readonly UserKey[], user: string, nonce: Buffer, publicKey: Buffer, signature: Buffer): boolean {
  const key = keys.find((k) => k.raw.length === publicKey.length && timingSafeEqual(k.raw, publicKey));
  if (!key) return false;
  try {
    return verify(null, signedBytes(user, nonce), key.object, signature);
  } catch {
    return false;
  }
}

/** A fresh ed25519 key pair. */
export function generateKeyPair(comment: string): Ed25519PrivateKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  return { seed: Buffer.from(jwk.d!, 'base64url'), publicKey: Buffer.from(jwk.x!, 'base64url'), comment };
}
