/**
 * The client's record of the servers' TLS certificates, pinned on first use (THREATS S10):
 * `~/.config/etransfer/known_hosts`, one `host:port sha256:AB:CD:...` line per server (the
 * SHA-256 of the certificate's DER encoding, as `openssl x509 -noout -fingerprint -sha256` and
 * the server's start-up log show it; plain hex or base64 after `sha256:` are read too). Lines are
 * only ever appended: comments (`#`) and lines this code does not understand are left as they are.
 */
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EtxError } from '../common/errors.js';
import { formatHostPort } from '../common/host-port.js';
import { CERTIFICATE_SHA256_BYTES } from '../common/messages.js';
import { formatCertificateSha256 } from '../transfer/data-connection.js';

/** Where pins are kept unless the caller names another file. */
export function defaultKnownHostsFile(home = os.homedir()): string {
  return path.join(home, '.config', 'etransfer', 'known_hosts');
}

/** A server's name in the file: `host:port` (IPv6 in brackets, host names in lower case), as typed, not resolved. */
export function knownHostKey(host: string, port: number): string {
  return formatHostPort(host.toLowerCase(), port);
}

/** One pinned certificate of a server, with its line number (from 1) for messages. */
export interface Pin {
  sha256: Buffer;
  line: number;
}

const HEX_COLONS = /^[0-9a-f]{2}(?::[0-9a-f]{2}){31}$/i;
const HEX = /^[0-9a-f]{64}$/i;
const BASE64 = /^[A-Za-z0-9+/]{43}=?$/;

/** Reads `sha256:` followed by hex (with or without colons) or base64; undefined if it is neither. */
export function parseCertificateSha256(text: string): Buffer | undefined {
  if (!/^sha256:/i.test(text)) return undefined;
  const value = text.slice('sha256:'.length);
  if (HEX_COLONS.test(value) || HEX.test(value)) return Buffer.from(value.replaceAll(':', ''), 'hex');
  if (BASE64.test(value)) {
    const bytes = Buffer.from(value, 'base64');
    if (bytes.length === CERTIFICATE_SHA256_BYTES) return bytes;
  }
  return undefined;
}

async function readText(file: string): Promise<string> {
  try {
    return await fsp.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw new EtxError('E_CONFIG', `cannot read the known hosts file ${file}: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * The certificates pinned for `key` (usually one; any of several is accepted, so an admin can
 * announce a new certificate before switching). A line naming `key` with an unreadable
 * fingerprint is E_CONFIG: a damaged pin must not silently turn into "never seen".
 */
export async function readPins(file: string, key: string): Promise<Pin[]> {
  const pins: Pin[] = [];
  (await readText(file)).split('\n').forEach((text, i) => {
    const [host, fingerprint, ...rest] = text.trim().split(/\s+/);
    if (host !== key) return;
    const sha256 = fingerprint === undefined || rest.length > 0 ? undefined : parseCertificateSha256(fingerprint);
    if (!sha256) {
      throw new EtxError(
        'E_CONFIG',
        `line ${i + 1} of ${file} names ${key} but not as "${key} sha256:<fingerprint>": correct or remove that line`,
      );
    }
    pins.push({ sha256, line: i + 1 });
  });
  return pins;
}

/** Appends a pin, creating the folder (0700) and the file (0600) if need be. */
export async function addPin(file: string, key: string, sha256: Buffer): Promise<void> {
  await fsp.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const existing = await readText(file);
  const separator = existing.length > 0 && !existing.endsWith('\n') ? '\n' : '';
  const handle = await fsp.open(file, 'a', 0o600);
  try {
    await handle.appendFile(`${separator}${key} ${formatCertificateSha256(sha256)}\n`);
  } finally {
    await handle.close();
  }
}
