import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../src/common/auth-proof.js';
import { EtxError } from '../../src/common/errors.js';
import { formatPrivateKey, formatPublicKeyLine, parsePrivateKey, parsePublicKeyLine } from '../../src/common/ssh-keys.js';

const hasSshKeygen = spawnSync('ssh-keygen', ['-?'], { stdio: 'ignore' }).error === undefined;
const dir = mkdtempSync(path.join(tmpdir(), 'etx-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err instanceof EtxError ? err.code : `not an EtxError: ${String(err)}`;
  }
}

describe('ssh-keys: our own formats round-trip', () => {
  it('a private key file parses back to the same key, and its public line too', () => {
    const key = generateKeyPair('alice@laptop');
    const text = formatPrivateKey(key, 0x12345678);
    expect(text.startsWith('-----BEGIN OPENSSH PRIVATE KEY-----\n')).toBe(true);
    const back = parsePrivateKey(text);
    expect(back.seed).toEqual(key.seed);
    expect(back.publicKey).toEqual(key.publicKey);
    expect(back.comment).toBe('alice@laptop');
    const line = formatPublicKeyLine(key.publicKey, 'alice@laptop');
    expect(line).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]+={0,2} alice@laptop$/);
    expect(parsePublicKeyLine(line)).toEqual({ key: key.publicKey, comment: 'alice@laptop' });
  });
});

describe.skipIf(!hasSshKeygen)('ssh-keys: OpenSSH interoperability (ssh-keygen)', () => {
  it('reads a key made by ssh-keygen, and its .pub line, as ssh-keygen wrote them', () => {
    const file = path.join(dir, 'from-openssh');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'bob@host', '-f', file]);
    const key = parsePrivateKey(readFileSync(file, 'utf8'));
    const pub = parsePublicKeyLine(readFileSync(`${file}.pub`, 'utf8'));
    expect(pub.key).toEqual(key.publicKey);
    expect(pub.comment).toBe('bob@host');
    expect(formatPublicKeyLine(key.publicKey, 'bob@host')).toBe(readFileSync(`${file}.pub`, 'utf8').trim());
  });

  it('ssh-keygen reads a key we made and derives the same public line', () => {
    const key = generateKeyPair('carol@site');
    const file = path.join(dir, 'ours');
    writeFileSync(file, formatPrivateKey(key, 7), { mode: 0o600 });
    const derived = execFileSync('ssh-keygen', ['-y', '-f', file], { encoding: 'utf8' }).trim();
    expect(derived.split(' ').slice(0, 2).join(' ')).toBe(formatPublicKeyLine(key.publicKey, ''));
  });

  it('refuses a passphrase-protected key, saying why', () => {
    const file = path.join(dir, 'locked');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', 'secret', '-f', file]);
    expect(() => parsePrivateKey(readFileSync(file, 'utf8'))).toThrow(/passphrase/);
  });

  it('refuses an RSA key, naming the type it wants', () => {
    const file = path.join(dir, 'rsa');
    execFileSync('ssh-keygen', ['-q', '-t', 'rsa', '-b', '1024', '-N', '', '-f', file]);
    expect(() => parsePrivateKey(readFileSync(file, 'utf8'))).toThrow(/only ssh-ed25519/);
    expect(() => parsePublicKeyLine(readFileSync(`${file}.pub`, 'utf8'))).toThrow(/ssh-ed25519/);
  });
});

describe('ssh-keys: hostile or broken input is E_CONFIG, never a crash', () => {
  const good = formatPrivateKey(generateKeyPair('x'), 1);
  const goodBytes = Buffer.from(good.split('\n').slice(1, -2).join(''), 'base64');
  const armour = (bytes: Buffer) => `-----BEGIN OPENSSH PRIVATE KEY-----\n${bytes.toString('base64')}\n-----END OPENSSH PRIVATE KEY-----\n`;

  it.each([
    ['empty', ''],
    ['not PEM', 'hello'],
    ['a PEM of another kind', '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----'],
    ['not base64', '-----BEGIN OPENSSH PRIVATE KEY-----\n!!!\n-----END OPENSSH PRIVATE KEY-----'],
    ['huge', 'x'.repeat(100_000)],
  ])('%s', (_name, text) => {
    expect(codeOf(() => parsePrivateKey(text))).toBe('E_CONFIG');
  });

  it('every truncation of a good key is refused', () => {
    for (let n = 0; n < goodBytes.length; n += 3) expect(codeOf(() => parsePrivateKey(armour(goodBytes.subarray(0, n))))).toBe('E_CONFIG');
  });

  it('mutated keys: E_CONFIG or a key, never anything else (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(goodBytes.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), (edits) => {
        const bytes = Buffer.from(goodBytes);
        for (const [at, value] of edits) bytes[at] = value;
        const code = codeOf(() => parsePrivateKey(armour(bytes)));
        expect(code === undefined || code === 'E_CONFIG').toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('random public key lines: E_CONFIG or a key (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.string({ maxLength: 20 }), (blob, comment) => {
        const code = codeOf(() => parsePublicKeyLine(`ssh-ed25519 ${Buffer.from(blob).toString('base64')} ${comment}`));
        expect(code === undefined || code === 'E_CONFIG').toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a key whose public half does not match its private half is refused', () => {
    const a = generateKeyPair('a');
    const b = generateKeyPair('b');
    expect(() => parsePrivateKey(formatPrivateKey({ ...a, publicKey: b.publicKey }, 1))).toThrow(/do not match|damaged/);
  });
});
