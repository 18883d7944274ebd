import { describe, expect, it } from 'vitest';
import { type PlannedSource, planDestinations, sourceName, splitTrailingSlash } from '../../src/client/copy-plan.js';
import type { FileInfo, FileType } from '../../src/common/messages.js';
import { expectEtx } from '../helpers/expect-etx.js';

function info(type: FileType, size = 0, mode = 0o644): FileInfo {
  return { name: 'x', type, size, mtimeMs: 0, mode };
}

function src(path: string, size = 100, mode = 0o644): PlannedSource {
  return { path, info: info('file', size, mode) };
}

describe('planDestinations', () => {
  it.each<[string, PlannedSource[], string, FileType, boolean, Array<[string, string]>]>([
    [
      'one file to a missing path lands on that path',
      [src('/src/a.bin')],
      '/dst/new.bin',
      'missing',
      false,
      [['/src/a.bin', '/dst/new.bin']],
    ],
    ['one file onto an existing file replaces it', [src('/src/a.bin')], '/dst/old.bin', 'file', false, [['/src/a.bin', '/dst/old.bin']]],
    [
      'one file to an existing folder lands inside, under its name',
      [src('/src/a.bin')],
      '/dst',
      'directory',
      false,
      [['/src/a.bin', '/dst/a.bin']],
    ],
    ['one file to a folder named with a trailing slash', [src('/src/a.bin')], '/dst', 'directory', true, [['/src/a.bin', '/dst/a.bin']]],
    ['a relative source keeps only its last name', [src('sub/dir/a.bin')], '/dst', 'directory', false, [['sub/dir/a.bin', '/dst/a.bin']]],
    [
      'several sources to a folder',
      [src('/src/a'), src('/other/b'), src('c')],
      '/dst',
      'directory',
      true,
      [
        ['/src/a', '/dst/a'],
        ['/other/b', '/dst/b'],
        ['c', '/dst/c'],
      ],
    ],
    [
      '/dev/null takes everything',
      [src('/src/a'), src('/src/b'), src('/dev/zero:1GiB', 1024 ** 3)],
      '/dev/null',
      'other',
      true,
      [
        ['/src/a', '/dev/null'],
        ['/src/b', '/dev/null'],
        ['/dev/zero:1GiB', '/dev/null'],
      ],
    ],
    ['/dev/null takes one file too', [src('/src/a')], '/dev/null', 'other', false, [['/src/a', '/dev/null']]],
    [
      '/dev/zero:1GiB in a folder is named zero',
      [src('/dev/zero:1GiB', 1024 ** 3)],
      '/dst',
      'directory',
      false,
      [['/dev/zero:1GiB', '/dst/zero']],
    ],
    [
      '/dev/zero:1GiB onto a missing path keeps the path',
      [src('/dev/zero:1GiB', 1024 ** 3)],
      '/dst/z',
      'missing',
      false,
      [['/dev/zero:1GiB', '/dst/z']],
    ],
    ['the root folder joins as /name', [src('/src/a.bin')], '/', 'directory', true, [['/src/a.bin', '/a.bin']]],
    ['names are kept verbatim', [src('/src/ä b:c.txt')], '/dst', 'directory', false, [['/src/ä b:c.txt', '/dst/ä b:c.txt']]],
  ])('%s', (_name, sources, destination, type, wantsFolder, expected) => {
    const planned = planDestinations(sources, destination, info(type), wantsFolder);
    expect(planned.map((p) => [p.source, p.destination])).toEqual(expected);
    // Size and mode come from the source.
    expect(planned.map((p) => [p.size, p.mode])).toEqual(sources.map((s) => [s.info.size, s.info.mode]));
  });

  it('carries each source size and mode', () => {
    const planned = planDestinations([src('/a', 0, 0o600), src('/b', 2 ** 53 - 1, 0o755)], '/dst', info('directory'), true);
    expect(planned).toEqual([
      { source: '/a', destination: '/dst/a', size: 0, mode: 0o600 },
      { source: '/b', destination: '/dst/b', size: 2 ** 53 - 1, mode: 0o755 },
    ]);
  });

  it('a trailing slash on a missing folder is E_NOT_FOUND', () => {
    expectEtx(() => planDestinations([src('/src/a')], '/dst/nope', info('missing'), true), 'E_NOT_FOUND');
  });

  it('several sources to a missing path is E_NOT_FOUND', () => {
    expectEtx(() => planDestinations([src('/src/a'), src('/src/b')], '/dst/nope', info('missing'), true), 'E_NOT_FOUND');
  });

  it.each<FileType>(['file', 'symlink', 'other'])('a folder wanted where a %s is: E_NOT_A_DIRECTORY', (type) => {
    expectEtx(() => planDestinations([src('/src/a')], '/dst/file', info(type), true), 'E_NOT_A_DIRECTORY');
  });

  it('plans nothing for no sources', () => {
    expect(planDestinations([], '/dst', info('directory'), true)).toEqual([]);
  });

  it('joins with another separator when asked', () => {
    expect(planDestinations([src('/src/a')], 'C:\\dst', info('directory'), false, '\\')[0]!.destination).toBe('C:\\dst\\a');
    expect(planDestinations([src('/src/a')], 'C:\\', info('directory'), false, '\\')[0]!.destination).toBe('C:\\a');
  });
});

describe('splitTrailingSlash', () => {
  it.each<[string, string, boolean]>([
    ['/data/x', '/data/x', false],
    ['/data/x/', '/data/x', true],
    ['/data/x///', '/data/x', true],
    ['/', '/', true],
    ['//', '/', true],
    ['x', 'x', false],
    ['x/', 'x', true],
    ['./', '.', true],
    ['/data//x', '/data//x', false],
    ['/dev/null', '/dev/null', false],
    ['/dev/null/', '/dev/null', true],
  ])('%j → %j, wantsFolder %s', (input, path, wantsFolder) => {
    expect(splitTrailingSlash(input)).toEqual({ path, wantsFolder });
  });
});

describe('sourceName', () => {
  it.each<[string, string]>([
    ['/data/a.bin', 'a.bin'],
    ['a.bin', 'a.bin'],
    ['sub/a.bin', 'a.bin'],
    ['/data/dir/', 'dir'],
    ['/data/dir//', 'dir'],
    ['/dev/zero:1GiB', 'zero'],
    ['/dev/zero:4096', 'zero'],
    ['/dev/zero', 'zero'],
    ['/dev/sda:1GiB', 'sda:1GiB'],
    ['/tmp/dev/zero:1GiB', 'zero:1GiB'],
    ['/data/with space', 'with space'],
    ['/data/.hidden', '.hidden'],
  ])('%j → %j', (path, name) => {
    expect(sourceName(path)).toBe(name);
  });

  it('a bad /dev/zero size is E_USAGE', () => {
    expectEtx(() => sourceName('/dev/zero:lots'), 'E_USAGE');
  });
});
