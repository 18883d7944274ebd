/**
 * Throwaway self-signed TLS certificates for tests, made in-process (no openssl binary, no
 * package): an EC P-256 key and a minimal X.509 v3 certificate in DER, signed with
 * ECDSA-SHA256 by node:crypto. Node's own X509Certificate parses the result, as a check.
 */
import { X509Certificate, createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';

export interface TestCertificate {
  /** PEM certificate and PEM (PKCS#8) private key, as `serve --tls-cert/--tls-key` read them. */
  cert: Buffer;
  key: Buffer;
  /** SHA-256 of the certificate's DER encoding: what clients pin. */
  sha256: Buffer;
  /** `sha256:AB:CD:...`, as the server logs it and known_hosts holds it. */
  fingerprint: string;
}

function length(n: number): number[] {
  if (n < 0x80) return [n];
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

function tlv(tag: number, ...content: Array<number[] | Buffer>): number[] {
  const body = content.flatMap((c) => [...c]);
  return [tag, ...length(body.length), ...body];
}

const sequence = (...content: Array<number[] | Buffer>): number[] => tlv(0x30, ...content);
/** ecdsa-with-SHA256 (1.2.840.10045.4.3.2), without parameters. */
const ECDSA_WITH_SHA256 = sequence([0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02]);

/** Name: a single commonName (2.5.4.3) as a UTF8String. */
function name(commonName: string): number[] {
  return sequence(tlv(0x31, sequence([0x06, 0x03, 0x55, 0x04, 0x03], tlv(0x0c, Buffer.from(commonName, 'utf8')))));
}

/** UTCTime, YYMMDDHHMMSSZ. */
function utcTime(date: Date): number[] {
  const iso = date.toISOString();
  const text = `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return tlv(0x17, Buffer.from(text, 'ascii'));
}

export function makeCertificate(commonName = 'localhost', validDays = 1): TestCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const serial = randomBytes(8);
  // A positive INTEGER in minimal DER: top bit clear and a non-zero first byte (a leading 0x00
  // before a byte under 0x80 is "illegal padding" to OpenSSL: one certificate in 256 failed so).
  serial[0] = (serial[0]! & 0x7f) | 0x40;
  const now = Date.now();
  const tbs = sequence(
    tlv(0xa0, tlv(0x02, [0x02])), // version: v3
    tlv(0x02, serial),
    ECDSA_WITH_SHA256,
    name(commonName),
    sequence(utcTime(new Date(now - 60_000)), utcTime(new Date(now + validDays * 86_400_000))),
    name(commonName),
    publicKey.export({ type: 'spki', format: 'der' }),
  );
  const signature = sign('sha256', Buffer.from(tbs), privateKey); // DER-encoded ECDSA signature
  const der = Buffer.from(sequence(tbs, ECDSA_WITH_SHA256, tlv(0x03, [0x00], signature)));
  const pem = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{1,64}/g, '$&\n')}-----END CERTIFICATE-----\n`;
  const parsed = new X509Certificate(pem);
  if (!parsed.checkPrivateKey(privateKey)) throw new Error('test certificate: the key does not match');
  return {
    cert: Buffer.from(pem),
    key: Buffer.from(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string),
    sha256: createHash('sha256').update(der).digest(),
    fingerprint: `sha256:${parsed.fingerprint256}`,
  };
}

/** Writes `name.cert.pem` and `name.key.pem` (0600) into `dir`; returns their paths. */
export async function writeCertificate(
  dir: string,
  cert: TestCertificate,
  name = 'server',
): Promise<{ certFile: string; keyFile: string }> {
  const certFile = path.join(dir, `${name}.cert.pem`);
  const keyFile = path.join(dir, `${name}.key.pem`);
  await fsp.writeFile(certFile, cert.cert);
  await fsp.writeFile(keyFile, cert.key, { mode: 0o600 });
  return { certFile, keyFile };
}
