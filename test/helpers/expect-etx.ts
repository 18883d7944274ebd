/** Asserts that `fn` throws an EtxError with `code` (and `messagePart` in its message), and returns it. */
import { expect } from 'vitest';
import { EtxError } from '../../src/common/errors.js';

export function expectEtx(fn: () => unknown, code: string, messagePart?: string): EtxError {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(EtxError);
  expect((caught as EtxError).code).toBe(code);
  if (messagePart !== undefined) expect((caught as EtxError).message).toContain(messagePart);
  return caught as EtxError;
}
