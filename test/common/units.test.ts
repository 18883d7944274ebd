import { describe, expect, it } from 'vitest';
import { EtxError } from '../../src/common/errors.js';
import { formatBytes, formatDuration, formatRate, parseSize } from '../../src/common/units.js';

describe('parseSize', () => {
  it.each([
    ['0', 0],
    ['4096', 4096],
    ['4096B', 4096],
    ['4096b', 4096],
    ['4K', 4096],
    ['4k', 4096],
    ['4KiB', 4096],
    ['4kib', 4096],
    ['4KB', 4000],
    ['1.1KB', 1100],
    ['1.5MiB', 1572864],
    ['1.5M', 1572864],
    ['10GiB', 10 * 1024 ** 3],
    ['10 GiB', 10 * 1024 ** 3],
    ['2G', 2 * 1024 ** 3],
    ['3GB', 3e9],
    ['1T', 1024 ** 4],
    ['1TiB', 1024 ** 4],
    ['2TB', 2e12],
    ['0.5K', 512],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
  ])('%s → %d', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });

  it.each([
    '',
    ' ',
    '-1',
    '+1',
    '1e3',
    '0x10',
    'K',
    '1.5',
    '1.5B',
    '0.1K',
    '1.',
    '.5K',
    '1 2',
    '10XB',
    '10PiB',
    '10Ki',
    ' 10GiB',
    '10GiB ',
    'NaN',
    'Infinity',
    '9007199254740992',
    '8388608TiB',
    `${'9'.repeat(100)}`,
  ])('refuses %j with E_USAGE quoting the input', (text) => {
    let err: unknown;
    try {
      parseSize(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EtxError);
    expect((err as EtxError).code).toBe('E_USAGE');
    expect((err as EtxError).message).toContain(JSON.stringify(text.slice(0, 64)).slice(0, -1));
  });

  it('refuses non-strings', () => {
    expect(() => parseSize(4096 as unknown as string)).toThrow(EtxError);
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1, '1 B'],
    [1023, '1023 B'],
    [1024, '1.00 KiB'],
    [1536, '1.50 KiB'],
    [10 * 1024 + 512, '10.5 KiB'],
    [256 * 1024 ** 2, '256 MiB'],
    [2 * 1024 ** 3, '2.00 GiB'],
    [1024 ** 4 * 3, '3.00 TiB'],
    [1024 ** 2 - 1, '1.00 MiB'],
  ])('%d → %s', (n, text) => {
    expect(formatBytes(n)).toBe(text);
  });
});

describe('formatRate', () => {
  it.each([
    [0, '0 B/s'],
    [999, '999 B/s'],
    [1000, '1.00 kB/s'],
    [812e6, '812 MB/s'],
    [1.23e9, '1.23 GB/s'],
    [12.5e9, '12.5 GB/s'],
  ])('%d → %s', (n, text) => {
    expect(formatRate(n)).toBe(text);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0.00 s'],
    [0.42, '0.42 s'],
    [9.5, '9.50 s'],
    [12.34, '12.3 s'],
    [59.99, '1m00s'],
    [185, '3m05s'],
    [3599.6, '1h00m'],
    [3720, '1h02m'],
    [36000 + 59 * 60, '10h59m'],
    [Number.NaN, '--'],
    [Number.POSITIVE_INFINITY, '--'],
    [-1, '--'],
  ])('%d → %s', (s, text) => {
    expect(formatDuration(s)).toBe(text);
  });
});
