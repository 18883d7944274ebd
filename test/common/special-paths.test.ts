import { describe, expect, it } from 'vitest';
import { EtxError } from '../../src/common/errors.js';
import { aclPathOf, isNullSink, NULL_SINK, parseZeroSource, ZERO_SOURCE } from '../../src/common/special-paths.js';

describe('special paths (DESIGN section 2, THREATS G6)', () => {
  it('names the endpoints', () => {
    expect(NULL_SINK).toBe('/dev/null');
    expect(ZERO_SOURCE).toBe('/dev/zero');
  });

  it.each([
    ['/dev/zero:1GiB', 1024 ** 3, '/dev/zero'],
    ['/dev/zero:10GiB', 10 * 1024 ** 3, '/dev/zero'],
    ['/dev/zero:4096', 4096, '/dev/zero'],
    ['/dev/zero:0', 0, '/dev/zero'],
    ['/dev/zero:1.5MiB', 1572864, '/dev/zero'],
    // Anything but the exact prefix is a plain path, judged as itself.
    ['/dev/zero', undefined, '/dev/zero'],
    ['/dev/sda:1GiB', undefined, '/dev/sda:1GiB'],
    ['/dev/zeroes:1GiB', undefined, '/dev/zeroes:1GiB'],
    ['/tmp/dev/zero:1GiB', undefined, '/tmp/dev/zero:1GiB'],
    ['/DEV/ZERO:1GiB', undefined, '/DEV/ZERO:1GiB'],
    ['dev/zero:1GiB', undefined, 'dev/zero:1GiB'],
    ['/dev/null', undefined, '/dev/null'],
    ['/data/x', undefined, '/data/x'],
  ])('%j: size %s, ACL path %j', (path, size, aclPath) => {
    expect(parseZeroSource(path)).toBe(size);
    expect(aclPathOf(path)).toBe(aclPath);
  });

  it.each(['/dev/zero:', '/dev/zero:abc', '/dev/zero:-1', '/dev/zero:1GiB/x', '/dev/zero:1 GiB ', '/dev/zero:1e9'])(
    '%j: a bad size is E_USAGE, never a plain path',
    (path) => {
      for (const fn of [() => parseZeroSource(path), () => aclPathOf(path)]) {
        let err: unknown;
        try {
          fn();
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(EtxError);
        expect((err as EtxError).code).toBe('E_USAGE');
      }
    },
  );

  it.each([
    ['/dev/null', true],
    ['/dev/null/', false],
    ['/dev/null/x', false],
    ['/dev/nul', false],
    ['/tmp/dev/null', false],
    ['/dev/zero', false],
  ])('isNullSink(%j) is %s', (path, expected) => {
    expect(isNullSink(path)).toBe(expected);
    // The sink is judged as itself.
    expect(aclPathOf(path)).toBe(path);
  });
});
