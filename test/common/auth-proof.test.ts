import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateKeyPair, publicKeyObject, signAuthentication, verifyAuthentication } from '../../src/common/auth-proof.js';

const alice = generateKeyPair('alice');
const mallory = generateKeyPair('mallory');
const aliceKeys = [{ raw: alice.publicKey, object: publicKeyObject(alice.publicKey) }];

describe('auth-proof', () => {
  const nonce = randomBytes(32);
  const signature = signAuthentication(alice, 'alice', nonce);

  it('accepts the user key signing this nonce and this user name', () => {
    expect(verifyAuthentication(aliceKeys, 'alice', nonce, alice.publicKey, signature)).toBe(true);
  });

  it('refuses the same signature replayed on another connection (another nonce)', () => {
    expect(verifyAuthentication(aliceKeys, 'alice', randomBytes(32), alice.publicKey, signature)).toBe(false);
  });

  it('refuses a signature made for another user name', () => {
    expect(verifyAuthentication(aliceKeys, 'alicia', nonce, alice.publicKey, signature)).toBe(false);
  });

  it("refuses a key that is not one of the user's, even with a valid signature of its own", () => {
    const forged = signAuthentication(mallory, 'alice', nonce);
    expect(verifyAuthentication(aliceKeys, 'alice', nonce, mallory.publicKey, forged)).toBe(false);
    expect(verifyAuthentication(aliceKeys, 'alice', nonce, alice.publicKey, forged)).toBe(false);
  });

  it('refuses a damaged signature and an unknown user without throwing', () => {
    const bad = Buffer.from(signature);
    bad[10] = (bad[10] ?? 0) ^ 1;
    expect(verifyAuthentication(aliceKeys, 'alice', nonce, alice.publicKey, bad)).toBe(false);
    expect(verifyAuthentication([], 'alice', nonce, alice.publicKey, signature)).toBe(false);
    expect(verifyAuthentication(aliceKeys, 'alice', nonce, alice.publicKey, Buffer.alloc(64))).toBe(false);
  });

  it('a raw key that is not a curve point is E_CONFIG', () => {
    // All-ones is not a valid compressed Edwards point encoding's y-coordinate (>= p).
    expect(() => publicKeyObject(Buffer.alloc(31))).toThrow();
  });
});
