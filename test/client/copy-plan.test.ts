import { describe, expect, it } from 'vitest';
import { type PlannedSource, planDestinations, planTree, sortRoots, sourceName, splitTrailingSlash } from '../../src/client/copy-plan.js';
import type { ExpandRoot, FileInfo, FileType } from '../../src/common/messages.js';
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

function dirRoot(p: string, source = 0, mtimeMs = 1000): ExpandRoot {
  const name = p.slice(p.lastIndexOf('/') + 1);
  return {
    source,
    path: p,
    info: { name, type: 'directory', size: 0, mtimeMs, mode: 0o755 },
    entries: [
      { path: 'a b', info: { name: 'a b', type: 'file', size: 3, mtimeMs: 2000, mode: 0o644 } },
      { path: 'empty', info: { name: 'empty', type: 'directory', size: 0, mtimeMs: 3000, mode: 0o755 } },
      { path: 'sub', info: { name: 'sub', type: 'directory', size: 0, mtimeMs: 4000, mode: 0o755 } },
      { path: 'sub/-x', info: { name: '-x', type: 'file', size: 5, mtimeMs: 0, mode: 0o755 } },
      { path: 'sub/link', info: { name: 'link', type: 'symlink', size: 0, mtimeMs: 1, mode: 0o777 }, skipped: 'a symbolic link' },
      { path: 'private', error: { code: 'E_ACL_DENIED', message: 'no' } },
    ],
  };
}

function fileRoot(p: string, source = 0): ExpandRoot {
  return { source, path: p, info: { name: 'f', type: 'file', size: 7, mtimeMs: 5000, mode: 0o644 }, entries: [] };
}

describe('planTree (cp -r rules)', () => {
  it('a folder onto an existing folder lands inside it; times, sizes and modes come along', () => {
    const plan = planTree([dirRoot('/src/run')], '/dst', info('directory'), false, false);
    expect(plan.folders).toEqual([
      { source: '/src/run', destination: '/dst/run', mtimeMs: 1000 },
      { source: '/src/run/empty', destination: '/dst/run/empty', mtimeMs: 3000 },
      { source: '/src/run/sub', destination: '/dst/run/sub', mtimeMs: 4000 },
    ]);
    expect(plan.files).toEqual([
      { source: '/src/run/a b', destination: '/dst/run/a b', size: 3, mode: 0o644, mtimeMs: 2000 },
      { source: '/src/run/sub/-x', destination: '/dst/run/sub/-x', size: 5, mode: 0o755 },
    ]);
    expect(plan.skipped).toEqual([{ source: '/src/run/sub/link', reason: 'a symbolic link' }]);
    expect(plan.failed).toEqual([
      { source: '/src/run/private', destination: '/dst/run/private', error: { code: 'E_ACL_DENIED', message: 'no' } },
    ]);
  });

  it.each([false, true])('a folder onto a missing path becomes that path (trailing slash: %s)', (wantsFolder) => {
    const plan = planTree([dirRoot('/src/run')], '/dst/new', info('missing'), wantsFolder, false);
    expect(plan.folders.map((f) => f.destination)).toEqual(['/dst/new', '/dst/new/empty', '/dst/new/sub']);
    expect(plan.files.map((f) => f.destination)).toEqual(['/dst/new/a b', '/dst/new/sub/-x']);
  });

  it('several sources onto a missing path: E_NOT_FOUND', () => {
    expectEtx(() => planTree([dirRoot('/src/run'), fileRoot('/src/f')], '/dst/new', info('missing'), false, true), 'E_NOT_FOUND');
    expectEtx(() => planTree([dirRoot('/src/run'), dirRoot('/src/two')], '/dst/new', info('missing'), false, true), 'E_NOT_FOUND');
  });

  it('several sources into a folder, each under its name', () => {
    const plan = planTree([dirRoot('/src/run'), fileRoot('/src/f', 1)], '/dst', info('directory'), false, true);
    expect(plan.files.map((f) => f.destination)).toEqual(['/dst/f', '/dst/run/a b', '/dst/run/sub/-x']);
    expect(plan.files[0]!.mtimeMs).toBe(5000);
  });

  it('a folder onto a file: E_NOT_A_DIRECTORY for that folder, nothing planned in it', () => {
    const plan = planTree([dirRoot('/src/run')], '/dst/file', info('file'), false, false);
    expect(plan.files).toEqual([]);
    expect(plan.folders).toEqual([]);
    expect(plan.failed.map((f) => f.error.code)).toEqual(['E_NOT_A_DIRECTORY']);
  });

  it('the root folder joins as /name', () => {
    expect(planTree([dirRoot('/src/run')], '/', info('directory'), true, false).folders[0]!.destination).toBe('/run');
  });

  it('/dev/null takes the files and makes no folder', () => {
    const plan = planTree([dirRoot('/src/run')], '/dev/null', info('other'), false, false);
    expect(plan.folders).toEqual([]);
    expect(plan.files.map((f) => f.destination)).toEqual(['/dev/null', '/dev/null']);
  });
});

describe('sortRoots', () => {
  it('folders need -r; errors, other types and a file named with a trailing / fail on their own', () => {
    const roots: ExpandRoot[] = [
      dirRoot('/src/run'),
      fileRoot('/src/f', 1),
      { source: 2, path: '/src/denied', error: { code: 'E_ACL_DENIED', message: 'no' }, entries: [] },
      { source: 3, path: '/src/fifo', info: info('other'), entries: [] },
      fileRoot('/src/g', 4),
    ];
    const requested = ['/src/run', '/src/f', '/src/denied', '/src/fifo', '/src/g'];
    const slashes = [false, false, false, false, true];
    const without = sortRoots(roots, requested, slashes, false, '/dst');
    expect(without.ok.map((r) => r.path)).toEqual(['/src/f']);
    expect(without.failed.map((f) => [f.source, f.error.code])).toEqual([
      ['/src/run', 'E_IS_A_DIRECTORY'],
      ['/src/denied', 'E_ACL_DENIED'],
      ['/src/fifo', 'E_IO'],
      ['/src/g', 'E_NOT_A_DIRECTORY'],
    ]);
    expect(without.failed[0]!.error.message).toContain('use -r');
    expect(sortRoots(roots, requested, slashes, true, '/dst').ok.map((r) => r.path)).toEqual(['/src/run', '/src/f']);
  });

  it('wildcard matches must be matches of what was asked, in its folder', () => {
    const asked = ['/src/*.dat'];
    expect(sortRoots([fileRoot('/src/a.dat')], asked, [false], false, '/d').ok).toHaveLength(1);
    for (const bad of ['/src/a.txt', '/etc/a.dat', '/src/sub/a.dat', '/src/.a.dat']) {
      expectEtx(() => sortRoots([fileRoot(bad)], asked, [false], false, '/d'), 'E_PROTOCOL');
    }
  });

  it('a plain source must come back as itself, and only for a path that was asked', () => {
    expectEtx(() => sortRoots([fileRoot('/src/other')], ['/src/f'], [false], false, '/d'), 'E_PROTOCOL');
    expectEtx(() => sortRoots([fileRoot('/src/f', 3)], ['/src/f'], [false], false, '/d'), 'E_PROTOCOL');
  });
});
