/**
 * Sizes, rates and durations: parsing what a user types ("10GiB") and printing what a user reads
 * ("1.50 KiB", "812 MB/s", "3m05s").
 */

import { EtxError } from './errors.js';

/** Multipliers by lower-cased unit. Bare K/M/G/T are binary, like dd and most storage tools. */
const UNIT_MULTIPLIERS: ReadonlyMap<string, bigint> = new Map<string, bigint>([
  ['', 1n],
  ['b', 1n],
  ['k', 1024n],
  ['m', 1024n ** 2n],
  ['g', 1024n ** 3n],
  ['t', 1024n ** 4n],
  ['kib', 1024n],
  ['mib', 1024n ** 2n],
  ['gib', 1024n ** 3n],
  ['tib', 1024n ** 4n],
  ['kb', 1000n],
  ['mb', 1000n ** 2n],
  ['gb', 1000n ** 3n],
  ['tb', 1000n ** 4n],
]);

// Digits, an optional fraction, optional blanks, then letters for the unit. Bounded by the length cap.
const SIZE_RE = /^(\d+)(?:\.(\d+))?\s*([A-Za-z]*)$/;
const MAX_SIZE_TEXT = 64;

/**
 * Bytes from "4096", "10GiB", "1.5MiB", "4K". The arithmetic is exact (BigInt), so "1.1KB" is 1100,
 * not 1100.0000000000002; a result that is not a whole, safe number of bytes is refused.
 */
export function parseSize(text: string): number {
  const bad = (why: string): EtxError => new EtxError('E_USAGE', `invalid size ${JSON.stringify(shorten(String(text)))}: ${why}`);
  if (typeof text !== 'string') throw bad('not a string');
  if (text.length > MAX_SIZE_TEXT) throw bad('too long');
  const m = SIZE_RE.exec(text);
  if (!m) throw bad('expected a number with an optional unit, e.g. 4096, 1.5MiB, 10GiB, 4K');
  const [, whole = '', fraction = '', unit = ''] = m;
  const multiplier = UNIT_MULTIPLIERS.get(unit.toLowerCase());
  if (multiplier === undefined) throw bad(`unknown unit "${unit}"`);
  const scale = 10n ** BigInt(fraction.length);
  const scaled = (BigInt(whole) * scale + BigInt(fraction || '0')) * multiplier;
  if (scaled % scale !== 0n) throw bad('not a whole number of bytes');
  const bytes = scaled / scale;
  if (bytes > BigInt(Number.MAX_SAFE_INTEGER)) throw bad('too large');
  return Number(bytes);
}

function shorten(s: string): string {
  return s.length > MAX_SIZE_TEXT ? `${s.slice(0, MAX_SIZE_TEXT)}…` : s;
}

/** Three significant digits: "1.50", "12.5", "256". */
function threeDigits(v: number): string {
  if (v >= 99.95) return v.toFixed(0);
  if (v >= 9.995) return v.toFixed(1);
  return v.toFixed(2);
}

/** Scales `n` by `base` until it fits, bumping once more when rounding reaches the next unit. */
function scaled(n: number, base: number, units: readonly string[], suffix: string): string {
  if (!Number.isFinite(n)) return `${n} ${units[0]}${suffix}`;
  if (n < 0) return `-${scaled(-n, base, units, suffix)}`;
  if (n < base) return `${Math.round(n)} ${units[0]}${suffix}`;
  let i = 0;
  let v = n;
  while (v >= base && i < units.length - 1) {
    v /= base;
    i++;
  }
  let text = threeDigits(v);
  if (Number(text) >= base && i < units.length - 1) {
    v /= base;
    i++;
    text = threeDigits(v);
  }
  return `${text} ${units[i]}${suffix}`;
}

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const;
const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'] as const;

/** "0 B", "1023 B", "1.50 KiB", "256 MiB", "2.00 GiB". */
export function formatBytes(n: number): string {
  return scaled(n, 1024, BINARY_UNITS, '');
}

/** Network rates are decimal, as link speeds are quoted: "812 MB/s", "1.23 GB/s", "0 B/s". */
export function formatRate(bytesPerSecond: number): string {
  return scaled(bytesPerSecond, 1000, DECIMAL_UNITS, '/s');
}

/** "0.42 s", "12.3 s", "3m05s", "1h02m". Unknown (NaN, infinite, negative) prints as "--". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--';
  if (seconds < 9.995) return `${seconds.toFixed(2)} s`;
  if (seconds < 59.95) return `${seconds.toFixed(1)} s`;
  const totalSeconds = Math.round(seconds);
  if (totalSeconds < 3600) {
    return `${Math.floor(totalSeconds / 60)}m${pad2(totalSeconds % 60)}s`;
  }
  const totalMinutes = Math.round(seconds / 60);
  return `${Math.floor(totalMinutes / 60)}h${pad2(totalMinutes % 60)}m`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
