import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EtxError } from '../../src/common/errors.js';
import {
  baseName,
  DEFAULT_PATH_LIMITS,
  displayPath,
  isWithin,
  joinPath,
  parentPath,
  validateRequestPath,
} from '../../src/common/path-rules.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof EtxError ? err.code : `not an EtxError: ${String(err)}`;
  }
  return undefined;
}

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  return '';
}

describe('validateRequestPath: refused (THREATS section 1)', () => {
  const rows: [string, string][] = [
    // P1 `..` traversal: never clamped to `/`
    ['P1', '/data/../etc/passwd'],
    ['P1', '/data/a/../../b'],
    ['P1', '/..'],
    ['P1', '/data/..'],
    // P2 not absolute; drive or UNC form
    ['P2', 'data/x'],
    ['P2', ''],
    ['P2', 'C:x'],
    ['P2', 'C:\\x'],
    ['P2', '\\\\srv\\share'],
    ['P2', './x'],
    ['P2', '~/x'],
    // P3 empty or `.` components
    ['P3', '/data//x'],
    ['P3', '//data'],
    ['P3', '/data/./x'],
    ['P3', '/data/x/'],
    ['P3', '/data/.'],
    ['P3', '/.'],
    ['P3', '//'],
    // P4 NUL and control characters
    ['P4', '/data/a\u0000.txt'],
    ['P4', '/data/a\n.txt'],
    ['P4', '/data/a\r.txt'],
    ['P4', '/data/a\t.txt'],
    ['P4', '/data/\u001b[2J'],
    ['P4', '/data/a\u0085b'],
    ['P4', '/data/a\u009bb'],
    ['P4', '/data/a\u007fb'],
    ['P4', '/data/\ud800x'],
    ['P4', '/data/x\udc00'],
    // P6 Unicode normalisation
    ['P6', '/data/cafe\u0301/x'],
    ['P6', '/data/\u212b'], // ANGSTROM SIGN: NFC is U+00C5
    // P10 length bombs
    ['P10', `/data/${'a'.repeat(256)}`],
    ['P10', `/${'a/'.repeat(2048)}b`], // 4098 bytes
    ['P10', `/${'é'.repeat(128)}`], // 128 chars, 256 bytes
    ['P10', `/${'a/'.repeat(256)}b`], // 257 components, well under 4096 bytes
  ];
  it.each(rows)('%s %j → E_PATH', (_id, path) => {
    expect(codeOf(() => validateRequestPath(path))).toBe('E_PATH');
  });

  it('refuses non-strings', () => {
    expect(codeOf(() => validateRequestPath(undefined as unknown as string))).toBe('E_PATH');
    expect(codeOf(() => validateRequestPath(42 as unknown as string))).toBe('E_PATH');
  });

  it('refuses a 4097-byte path but accepts 4096 bytes', () => {
    const base = `/${'a'.repeat(200)}`;
    let p = '';
    while (p.length + base.length <= 4096) p += base;
    const ok = `${p}/${'b'.repeat(4096 - p.length - 1)}`;
    expect(Buffer.byteLength(ok)).toBe(4096);
    expect(validateRequestPath(ok).length).toBeGreaterThan(1);
    expect(codeOf(() => validateRequestPath(`${ok}c`))).toBe('E_PATH');
  });

  it('P10: length bombs are refused in well under a millisecond', () => {
    const bombs = [
      'a/'.repeat(100_000),
      `/${'a/'.repeat(100_000)}`,
      `/${'a'.repeat(1_000_000)}`,
      `/${'é'.repeat(100_000)}`,
      `/data/${'a'.repeat(256)}`,
      `/${'x'.repeat(4096)}`,
    ];
    // Warm up so the first call's JIT does not count.
    for (const b of bombs) codeOf(() => validateRequestPath(b));
    for (const b of bombs) {
      const t0 = performance.now();
      const code = codeOf(() => validateRequestPath(b));
      const ms = performance.now() - t0;
      expect(code).toBe('E_PATH');
      expect(ms).toBeLessThan(5);
    }
  });

  it('applies custom limits', () => {
    const limits = { maxPathBytes: 16, maxComponentBytes: 3, maxComponents: 2 };
    expect(validateRequestPath('/abc/def', limits)).toEqual(['abc', 'def']);
    expect(codeOf(() => validateRequestPath('/abcd', limits))).toBe('E_PATH');
    expect(codeOf(() => validateRequestPath('/a/b/c', limits))).toBe('E_PATH');
    expect(codeOf(() => validateRequestPath('/abc/abc/abc/abc', limits))).toBe('E_PATH');
  });

  it('messages name the problem and show the path without raw control bytes', () => {
    expect(messageOf(() => validateRequestPath('/data/../x'))).toMatch(/"\.\."/);
    expect(messageOf(() => validateRequestPath('/data//x'))).toMatch(/empty component/);
    expect(messageOf(() => validateRequestPath('/data/x/'))).toMatch(/trailing/);
    expect(messageOf(() => validateRequestPath('data/x'))).toMatch(/not absolute/);
    expect(messageOf(() => validateRequestPath('/data/cafe\u0301'))).toMatch(/NFC/);
    const msg = messageOf(() => validateRequestPath('/data/\u001b[2J\u0000\u0085'));
    expect(msg).toMatch(/control/);
    expect(msg).toContain('/data/\\x1b[2J\\x00\\x85');
    expect(msg).not.toMatch(RAW_CONTROL);
    const long = messageOf(() => validateRequestPath(`/${'a/'.repeat(100_000)}`));
    expect(long.length).toBeLessThan(400);
  });
});

describe('validateRequestPath: accepted', () => {
  it.each([
    ['/', []],
    ['/tmp', ['tmp']],
    ['/data/pub/a.txt', ['data', 'pub', 'a.txt']],
    ['/data/.ssh/id_rsa', ['data', '.ssh', 'id_rsa']],
    ['/data/...', ['data', '...']],
    ['/data/..x', ['data', '..x']],
    ['/data/café', ['data', 'café']],
    ['/data/a\\b', ['data', 'a\\b']], // a backslash is a legal Linux name character
    ['/data/C:x', ['data', 'C:x']],
    ['/dev/zero:1GiB', ['dev', 'zero:1GiB']],
    ['/data/%2e%2e/secret', ['data', '%2e%2e', 'secret']], // never percent-decoded (P5)
    ['/data/😀', ['data', '😀']],
    ['/data/a b', ['data', 'a b']],
    [`/${'a'.repeat(255)}`, ['a'.repeat(255)]],
    [`/${'é'.repeat(127)}`, ['é'.repeat(127)]],
    [`/${'a/'.repeat(255)}b`, [...Array(255).fill('a'), 'b']],
  ])('%j', (path, components) => {
    expect(validateRequestPath(path)).toEqual(components);
  });

  it('has the documented defaults', () => {
    expect(DEFAULT_PATH_LIMITS).toEqual({ maxPathBytes: 4096, maxComponentBytes: 255, maxComponents: 256 });
  });
});

describe('validateRequestPath: property test against a reference', () => {
  /** A deliberately naive reference: one character at a time, no regexes, no shortcuts. */
  function reference(path: string): boolean {
    if (path.length === 0 || path[0] !== '/') return false;
    if (Buffer.byteLength(path) > 4096) return false;
    for (let i = 0; i < path.length; i++) {
      const c = path.charCodeAt(i);
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return false;
      if (c >= 0xd800 && c <= 0xdbff) {
        const next = path.charCodeAt(i + 1);
        if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
        i++;
      } else if (c >= 0xdc00 && c <= 0xdfff) return false;
    }
    if (path === '/') return true;
    const parts = path.split('/').slice(1);
    if (parts.length > 256) return false;
    for (const p of parts) {
      if (p === '' || p === '.' || p === '..') return false;
      if (Buffer.byteLength(p) > 255) return false;
    }
    return path.normalize('NFC') === path;
  }

  const component = fc.constantFrom(
    'a',
    'data',
    '\u00e9', // é, NFC
    'e\u0301', // é, NFD
    '..',
    '.',
    '',
    'x\u0000',
    '.ssh',
    '...',
    'a\\b',
    'C:',
    'x\u0085',
    'x\u007f',
    '\ud83d\ude00', // 😀
    '\ud800',
    'b\udc00',
    'A\u030a', // NFD Å
    '\u212b', // Angstrom sign, not NFC
  );
  const pathArb = fc
    .tuple(fc.constantFrom('/', '', '//', 'C:', '\\\\'), fc.array(component, { maxLength: 8 }), fc.constantFrom('', '/'))
    .map(([head, parts, tail]) => head + parts.join('/') + tail);

  it('accepts exactly what the reference accepts', () => {
    fc.assert(
      fc.property(pathArb, (path) => {
        const accepted = codeOf(() => validateRequestPath(path)) === undefined;
        expect(accepted).toBe(reference(path));
        if (accepted) {
          expect(`/${validateRequestPath(path).join('/')}`).toBe(path === '/' ? '/' : path);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('never throws anything but E_PATH on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (s) => {
        const code = codeOf(() => validateRequestPath(`/${s}`));
        expect(code === undefined || code === 'E_PATH').toBe(true);
        expect(code === undefined).toBe(reference(`/${s}`));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('displayPath', () => {
  it.each([
    ['/data/a.txt', '/data/a.txt'],
    ['/data/a\u0000.txt', '/data/a\\x00.txt'],
    ['/data/a\n.txt', '/data/a\\x0a.txt'],
    ['/data/\u001b[2J', '/data/\\x1b[2J'],
    ['/x\u007f', '/x\\x7f'],
    ['/x\u0085\u009f', '/x\\x85\\x9f'],
    ['/x\ud800y', '/x\\ud800y'],
    ['/x\udc00', '/x\\udc00'],
    ['/x\u202eexe.txt', '/x\\u202eexe.txt'],
    ['/café/😀', '/café/😀'],
  ])('%j → %j', (input, shown) => {
    expect(displayPath(input)).toBe(shown);
  });

  it('truncates past maxChars with …', () => {
    expect(displayPath('/abcdef', 4)).toBe('/abc…');
    expect(displayPath('/abc', 4)).toBe('/abc');
    expect(displayPath(`/${'a'.repeat(1_000_000)}`)).toBe(`/${'a'.repeat(199)}…`);
    // A surrogate pair is not split at the cut.
    expect(displayPath('/\ud83d\ude00x', 2)).toBe('/…');
  });

  it('never outputs a raw control character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        expect(displayPath(s)).not.toMatch(RAW_CONTROL);
      }),
    );
  });
});

describe('joinPath, baseName, parentPath, isWithin', () => {
  it('joins one name to an absolute directory', () => {
    expect(joinPath('/', 'a')).toBe('/a');
    expect(joinPath('/data', 'a.txt')).toBe('/data/a.txt');
    expect(joinPath('/data/x', '.ssh')).toBe('/data/x/.ssh');
  });

  it.each([
    ['/data', ''],
    ['/data', '.'],
    ['/data', '..'],
    ['/data', 'a/b'],
    ['/data', 'a\u0000'],
    ['data', 'a'],
    ['/data/', 'a'],
  ])('joinPath(%j, %j) → E_PATH', (dir, name) => {
    expect(codeOf(() => joinPath(dir, name))).toBe('E_PATH');
  });

  it('splits names off', () => {
    expect(baseName('/data/a.txt')).toBe('a.txt');
    expect(baseName('/a')).toBe('a');
    expect(baseName('/')).toBe('');
    expect(parentPath('/data/a.txt')).toBe('/data');
    expect(parentPath('/data/x/y')).toBe('/data/x');
    expect(parentPath('/a')).toBe('/');
    expect(parentPath('/')).toBe('/');
  });

  it.each([
    ['/data/alice', '/data/alice', true],
    ['/data/alice/x', '/data/alice', true],
    ['/data/alice/x/y', '/data/alice', true],
    ['/data/alice2', '/data/alice', false],
    ['/data/alice2/x', '/data/alice', false],
    ['/data/alice.bak', '/data/alice', false],
    ['/data', '/data/alice', false],
    ['/anything', '/', true],
    ['/', '/', true],
  ])('isWithin(%j, %j) is %s', (path, dir, within) => {
    expect(isWithin(path, dir)).toBe(within);
  });
});
