/**
 * ed25519 keys in OpenSSH's formats, so a user's existing `~/.ssh/id_ed25519` works and a key
 * made by `etransfer keygen` works with ssh too (bytes in, bytes out; no file access here).
 *
 *   public line   ssh-ed25519 BASE64(string "ssh-ed25519", string pub[32]) [comment]
 *   private file  PEM "OPENSSH PRIVATE KEY" around "openssh-key-v1\0", string cipher "none",
 *                 string kdf "none", string kdfoptions "", u32 1, string publicBlob,
 *                 string (u32 check, u32 check, string "ssh-ed25519", string pub[32],
 *                         string seed[32]||pub[32], string comment, padding 1,2,3.. to 8)
 *
 * Every length is bounded before it is used; any malformed input is E_CONFIG (a key file or ACL
 * line is configuration). Passphrase-protected keys are refused with a message saying so.
 */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { EtxError } from './errors.js';

export const ED25519_TYPE = 'ssh-ed25519';
export const ED25519_PUBLIC_BYTES = 32;
const ED25519_SEED_BYTES = 32;
const AUTH_MAGIC = Buffer.from('openssh-key-v1\0', 'latin1');
const PEM_BEGIN = '-----BEGIN OPENSSH PRIVATE KEY-----';
const PEM_END = '-----END OPENSSH PRIVATE KEY-----';
/** Far above any ed25519 key file (about 400 bytes); bounds what is decoded at all. */
const MAX_KEY_TEXT_BYTES = 16 * 1024;
const MAX_COMMENT_BYTES = 1024;

export interface Ed25519PublicKey {
  /** The raw 32-byte key. */
  key: Buffer;
  comment: string;
}

export interface Ed25519PrivateKey {
  seed: Buffer;
  publicKey: Buffer;
  comment: string;
}

function bad(what: string, why: string): EtxError {
  return new EtxError('E_CONFIG', `${what}: ${why}`);
}

/** Reads SSH wire strings (u32 length, then bytes) from a buffer, never past its end. */
class SshReader {
  private at = 0;

  constructor(
    private readonly bytes: Buffer,
    private readonly what: string,
  ) {}

  u32(): number {
    if (this.at + 4 > this.bytes.length) throw bad(this.what, 'truncated');
    const v = this.bytes.readUInt32BE(this.at);
    this.at += 4;
    return v;
  }

  string(maxBytes: number): Buffer {
    const length = this.u32();
    if (length > maxBytes || this.at + length > this.bytes.length) throw bad(this.what, 'malformed (a length is out of bounds)');
    const out = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return out;
  }

  text(maxBytes: number): string {
    return this.string(maxBytes).toString('utf8');
  }

  get rest(): Buffer {
    return this.bytes.subarray(this.at);
  }
}

function sshString(data: Buffer | string): Buffer {
  const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  return Buffer.concat([length, body]);
}

function u32(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value);
  return out;
}

/** The public key blob: string "ssh-ed25519", string key. */
function publicBlob(key: Buffer): Buffer {
  return Buffer.concat([sshString(ED25519_TYPE), sshString(key)]);
}

function readPublicBlob(blob: Buffer, what: string): Buffer {
  const r = new SshReader(blob, what);
  const type = r.text(64);
  if (type !== ED25519_TYPE) throw bad(what, `a ${displayType(type)} key; only ssh-ed25519 keys are supported`);
  const key = r.string(ED25519_PUBLIC_BYTES);
  if (key.length !== ED25519_PUBLIC_BYTES || r.rest.length !== 0) throw bad(what, 'malformed ssh-ed25519 key');
  return Buffer.from(key);
}

function displayType(type: string): string {
  return /^[\x21-\x7e]{1,64}$/.test(type) ? `"${type}"` : 'unknown';
}

const BASE64_RE = /^[A-Za-z0-9+/]+={0,2}$/;

/** Parses an OpenSSH public key line (`ssh-ed25519 AAAA... comment`). */
export function parsePublicKeyLine(line: string, what = 'public key'): Ed25519PublicKey {
  if (line.length > MAX_KEY_TEXT_BYTES) throw bad(what, 'too long');
  const fields = line.trim().split(/\s+/);
  const [type, base64, ...comment] = fields;
  if (type !== ED25519_TYPE) throw bad(what, `expected "ssh-ed25519 AAAA... comment", got a line starting ${displayType(type ?? '')}`);
  if (!base64 || !BASE64_RE.test(base64)) throw bad(what, 'the key is not base64');
  return { key: readPublicBlob(Buffer.from(base64, 'base64'), what), comment: comment.join(' ') };
}

export function formatPublicKeyLine(key: Buffer, comment: string): string {
  const line = `${ED25519_TYPE} ${publicBlob(key).toString('base64')}`;
  return comment ? `${line} ${comment}` : line;
}

/** Parses an unencrypted OpenSSH ed25519 private key file. */
export function parsePrivateKey(text: string, what = 'private key'): Ed25519PrivateKey {
  if (text.length > MAX_KEY_TEXT_BYTES) throw bad(what, 'too long for an ed25519 key file');
  const begin = text.indexOf(PEM_BEGIN);
  const end = text.indexOf(PEM_END);
  if (begin < 0 || end < begin) {
    throw bad(what, 'not an OpenSSH private key (expected "-----BEGIN OPENSSH PRIVATE KEY-----"; make one with etransfer keygen)');
  }
  const base64 = text.slice(begin + PEM_BEGIN.length, end).replace(/\s+/g, '');
  if (!BASE64_RE.test(base64)) throw bad(what, 'the key is not base64');
  const bytes = Buffer.from(base64, 'base64');
  if (!bytes.subarray(0, AUTH_MAGIC.length).equals(AUTH_MAGIC)) throw bad(what, 'not an openssh-key-v1 key');
  const r = new SshReader(bytes.subarray(AUTH_MAGIC.length), what);
  const cipher = r.text(64);
  const kdf = r.text(64);
  r.string(1024); // kdf options
  if (cipher !== 'none' || kdf !== 'none') {
    throw bad(what, 'the key is protected by a passphrase, which etransfer cannot prompt for; make one with etransfer keygen');
  }
  if (r.u32() !== 1) throw bad(what, 'expected exactly one key in the file');
  const publicKey = readPublicBlob(Buffer.from(r.string(1024)), what);
  const secret = new SshReader(Buffer.from(r.string(MAX_KEY_TEXT_BYTES)), what);
  const check = secret.u32();
  if (secret.u32() !== check) throw bad(what, 'damaged (check words differ)');
  const type = secret.text(64);
  if (type !== ED25519_TYPE) throw bad(what, `a ${displayType(type)} key; only ssh-ed25519 keys are supported`);
  const pub = secret.string(ED25519_PUBLIC_BYTES);
  const pair = secret.string(ED25519_SEED_BYTES + ED25519_PUBLIC_BYTES);
  const comment = secret.text(MAX_COMMENT_BYTES);
  if (
    pair.length !== ED25519_SEED_BYTES + ED25519_PUBLIC_BYTES ||
    !pub.equals(publicKey) ||
    !pair.subarray(ED25519_SEED_BYTES).equals(publicKey)
  ) {
    throw bad(what, 'damaged (its public and private halves do not match)');
  }
  const seed = Buffer.from(pair.subarray(0, ED25519_SEED_BYTES));
  if (!publicKeyOf(seed).equals(publicKey)) throw bad(what, 'damaged (its public and private halves do not match)');
  return { seed, publicKey, comment };
}

/** PKCS#8 DER of an ed25519 private key is this prefix and the 32-byte seed (RFC 8410). */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The public key a seed makes (a file whose halves disagree would sign as someone else). */
export function publicKeyOf(seed: Buffer): Buffer {
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  return Buffer.from(createPublicKey(key).export({ format: 'jwk' }).x!, 'base64url');
}

/** The OpenSSH private key file for a key pair (unencrypted, as `ssh-keygen -N ''` writes it). */
export function formatPrivateKey(key: Ed25519PrivateKey, checkWord: number): string {
  const body = Buffer.concat([
    u32(checkWord),
    u32(checkWord),
    sshString(ED25519_TYPE),
    sshString(key.publicKey),
    sshString(Buffer.concat([key.seed, key.publicKey])),
    sshString(key.comment),
  ]);
  const padding = Buffer.from(Array.from({ length: (8 - (body.length % 8)) % 8 }, (_, i) => i + 1));
  const bytes = Buffer.concat([
    AUTH_MAGIC,
    sshString('none'),
    sshString('none'),
    sshString(''),
    u32(1),
    sshString(publicBlob(key.publicKey)),
    sshString(Buffer.concat([body, padding])),
  ]);
  const lines = bytes.toString('base64').match(/.{1,70}/g) ?? [];
  return `${PEM_BEGIN}\n${lines.join('\n')}\n${PEM_END}\n`;
}
