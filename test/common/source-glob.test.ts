/** Source wildcards (THREATS G4): the grammar refuses everything but `*` and `?` in the last component. */
import { describe, expect, it } from 'vitest';
import { MAX_PATTERN_CHARS, matchesPattern, parseSourcePattern } from '../../src/common/source-glob.js';
import { expectEtx } from '../helpers/expect-etx.js';

describe('parseSourcePattern', () => {
  it.each<[string, { dir: string; pattern: string } | undefined]>([
    ['/data/x.vdif', undefined],
    ['/data/file[1].txt', undefined],
    ['/data/a (1).txt', undefined],
    ['/data/*.vdif', { dir: '/data', pattern: '*.vdif' }],
    ['/data/run?', { dir: '/data', pattern: 'run?' }],
    ['/*', { dir: '/', pattern: '*' }],
    ['/data/-x*', { dir: '/data', pattern: '-x*' }],
    ['/data/ü*', { dir: '/data', pattern: 'ü*' }],
  ])('%j', (path, expected) => {
    expect(parseSourcePattern(path)).toEqual(expected);
  });

  it.each([
    '/data/*(*(*(a|b)))',
    '/data/{1..100000}',
    '/data/{a,b}',
    `/data/${'*'.repeat(30)}X`,
    '/data/**',
    '/data/**/x',
    '/data/*/x',
    '/data/run?/x',
    '/data/[ab]*',
    '/data/*[',
    '/data/a\\*',
    '/data/+(a)',
    '/data/@(a|b)',
    '/data/!(a)',
    '/data/?(a)',
    `/data/${'a'.repeat(MAX_PATTERN_CHARS)}*`,
  ])('%j is E_PATH at parse', (path) => {
    const started = performance.now();
    expectEtx(() => parseSourcePattern(path), 'E_PATH');
    expect(performance.now() - started).toBeLessThan(5);
  });

  it(`a pattern of ${MAX_PATTERN_CHARS} characters is fine`, () => {
    expect(parseSourcePattern(`/d/${'a'.repeat(MAX_PATTERN_CHARS - 1)}*`)?.pattern.length).toBe(MAX_PATTERN_CHARS);
  });
});

describe('matchesPattern', () => {
  it.each<[string, string, boolean]>([
    ['*.dat', 'a.dat', true],
    ['*.dat', '.dat', false],
    ['*.dat', '.a.dat', false],
    ['.*', '.hidden', true],
    ['*.dat', 'a.dat.bak', false],
    ['*.dat', 'a.datx', false],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['a?c', 'aüc', true],
    ['a?c', 'a😀c', true],
    ['*', 'anything at all', true],
    ['*', '-dash', true],
    ['*a*b*c', 'xxaxxbxxc', true],
    ['*a*b*c', 'xxaxxcxxb', false],
    ['a*', 'a', true],
    ['*x', 'x', true],
    ['run??', 'run1', false],
    ['run??', 'run12', true],
  ])('%j ~ %j: %s', (pattern, name, expected) => {
    expect(matchesPattern(pattern, name)).toBe(expected);
  });

  it('is linear, not exponential, on hostile names', () => {
    const pattern = `${'*a'.repeat(31)}X`;
    const name = 'a'.repeat(255);
    const started = performance.now();
    expect(matchesPattern(pattern, name)).toBe(false);
    expect(performance.now() - started).toBeLessThan(50);
  });
});
