import { describe, expect, it } from 'vitest';
import { EtxError, isRetryable, toEtxError } from '../../src/common/errors.js';

describe('toEtxError', () => {
  it('maps errno codes to stable codes and keeps the context', () => {
    const err = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    const mapped = toEtxError(err, 'writing /tmp/x');
    expect(mapped.code).toBe('E_NO_SPACE');
    expect(mapped.message).toBe('writing /tmp/x: no space left on device');
  });
  it('passes an EtxError through unchanged', () => {
    const err = new EtxError('E_PATH', 'bad');
    expect(toEtxError(err, 'ctx')).toBe(err);
  });
  it('classifies final and retryable codes', () => {
    expect(isRetryable('E_NO_SPACE')).toBe(false);
    expect(isRetryable('E_TIMEOUT')).toBe(true);
  });
});
