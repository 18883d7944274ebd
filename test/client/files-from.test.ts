/**
 * `--files-from` lists and manifests, and the manifest writer: what is read back is what was
 * written; bad lines are E_USAGE naming their line; a manifest is replaced atomically.
 */
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseManifestSources, parseSourceList, readFilesFrom } from '../../src/client/files-from.js';
import { buildManifest, formatManifest, writeFileAtomic, writeManifest } from '../../src/client/manifest.js';
import type { CopySummary } from '../../src/client/reporter.js';
import { type Endpoint, parseEndpoint } from '../../src/common/endpoint.js';
import { EtxError } from '../../src/common/errors.js';
import { expectEtx } from '../helpers/expect-etx.js';

describe('--files-from lists', () => {
  it('takes one endpoint per line, as on the command line; blank lines, # comments and surrounding blanks are ignored', () => {
    const text = [
      '# sources for tonight',
      '',
      'hostA:/data/a.vdif',
      '   hostA#4005:/data/b c.vdif  ',
      '\t# indented comment',
      'alice@[::1]#4004:/x',
      'et://hostA/data/%23hash',
      'local/relative.dat\r',
      '/dev/zero:1MiB',
      '',
    ].join('\n');
    expect(parseSourceList(text, 'list.txt')).toEqual<Endpoint[]>([
      { kind: 'remote', user: undefined, host: 'hostA', port: 4004, path: '/data/a.vdif' },
      { kind: 'remote', user: undefined, host: 'hostA', port: 4005, path: '/data/b c.vdif' },
      { kind: 'remote', user: 'alice', host: '::1', port: 4004, path: '/x' },
      { kind: 'remote', user: undefined, host: 'hostA', port: 4004, path: '/data/#hash' },
      { kind: 'local', path: 'local/relative.dat' },
      { kind: 'local', path: '/dev/zero:1MiB' },
    ]);
    expect(parseSourceList('\n# nothing\n\n', 'empty')).toEqual([]);
  });

  it.each([
    ['h#99999:/a', 'line 3'],
    ['bad host:/x', 'line 3'],
    [':/x', 'line 3'],
    ['hostA:/a\u0001b', 'line 3'],
    ['hostA:/a\rb', 'line 3'],
  ])('a bad line (%j) is E_USAGE naming the file and the line', (bad, where) => {
    const e = expectEtx(() => parseSourceList(`# c\nhostA:/ok\n${bad}\nhostA:/ok2\n`, 'list.txt'), 'E_USAGE');
    expect(e.message).toContain(`list.txt: ${where}`);
  });
});

const SUMMARY: CopySummary = {
  files: [
    {
      source: '/src/gone',
      destination: '/dst/',
      size: 0,
      status: 'failed',
      error: { code: 'E_NOT_FOUND', message: 'no' },
      bytes: 0,
      seconds: 0,
    },
    { source: '/src/a', destination: '/dst/a', size: 5, status: 'done', bytes: 5, seconds: 0.1234, digest: 'blake3-tree:ab' },
    {
      source: '/src/b',
      destination: '/dst/b',
      size: 6,
      status: 'failed',
      error: { code: 'E_EXISTS', message: 'exists' },
      bytes: 0,
      seconds: 0,
    },
    { source: '/src/c', destination: '/dst/c', size: 7, status: 'skipped', reason: 'exists', bytes: 0, seconds: 0 },
  ],
  bytes: 5,
  seconds: 1,
  viaClient: false,
  controlBytes: 0,
  movedBytes: 5,
};

describe('manifests', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'etx-manifest-'));
  });
  afterAll(async () => {
    await fsp.rm(dir, { recursive: true, force: true });
  });

  const src = parseEndpoint('bob@hostA#4005:/src');
  const dst = parseEndpoint('hostB:/dst/');

  it('lists every file with its endpoints, status and code; its not-done entries read back as sources', () => {
    const manifest = buildManifest(SUMMARY, src, dst, new Date(0));
    const text = formatManifest(manifest);
    const parsed = JSON.parse(text);
    expect(parsed).toEqual(manifest);
    // The header on one line, then one line per file.
    expect(text.trimEnd().split('\n')).toHaveLength(2 + SUMMARY.files.length);
    expect(parsed).toMatchObject({
      format: 'etransfer-manifest',
      version: 1,
      created: '1970-01-01T00:00:00.000Z',
      dry_run: false,
      summary: { files: 4, done: 1, failed: 2, skipped: 1, bytes: 5, exit_code: 1 },
    });
    expect(parsed.files[0]).toEqual({
      source: 'bob@hostA#4005:/src/gone',
      destination: 'hostB:/dst/',
      status: 'failed',
      size: 0,
      bytes: 0,
      seconds: 0,
      code: 'E_NOT_FOUND',
      message: 'no',
    });
    expect(parsed.files[1]).toEqual({
      source: 'bob@hostA#4005:/src/a',
      destination: 'hostB:/dst/a',
      status: 'done',
      size: 5,
      bytes: 5,
      seconds: 0.123,
      digest: 'blake3-tree:ab',
    });
    expect(parsed.files[3]).toMatchObject({ status: 'skipped', reason: 'exists' });
    expect(parseManifestSources(text, 'm.json')).toEqual([
      { kind: 'remote', user: 'bob', host: 'hostA', port: 4005, path: '/src/gone' },
      { kind: 'remote', user: 'bob', host: 'hostA', port: 4005, path: '/src/b' },
      { kind: 'remote', user: 'bob', host: 'hostA', port: 4005, path: '/src/c' },
    ]);
  });

  it('local ends are written as absolute paths', () => {
    const m = buildManifest({ ...SUMMARY, files: [{ ...SUMMARY.files[2]!, source: 'rel/b' }] }, { kind: 'local', path: 'rel/b' }, dst);
    expect(m.files[0]!.source).toBe(path.resolve('rel/b'));
  });

  it('readFilesFrom tells a manifest from a list; a broken manifest or entry is E_USAGE', async () => {
    const manifestFile = path.join(dir, 'm.json');
    await writeManifest(manifestFile, buildManifest(SUMMARY, src, dst));
    expect(await readFilesFrom(manifestFile)).toHaveLength(3);
    const listFile = path.join(dir, 'list.txt');
    await fsp.writeFile(listFile, '# one\nhostA:/x\n');
    expect(await readFilesFrom(listFile)).toEqual([{ kind: 'remote', user: undefined, host: 'hostA', port: 4004, path: '/x' }]);

    const broken = path.join(dir, 'broken.json');
    await fsp.writeFile(broken, '{"format":"etransfer-manifest","files":[');
    await expect(readFilesFrom(broken)).rejects.toMatchObject({ code: 'E_USAGE' });
    await fsp.writeFile(broken, '{"format":"something-else","files":[]}');
    await expect(readFilesFrom(broken)).rejects.toMatchObject({ code: 'E_USAGE' });
    await fsp.writeFile(broken, '{"format":"etransfer-manifest","files":[{"source":"hostA:/ok","status":"failed"},{"status":"failed"}]}');
    await expect(readFilesFrom(broken)).rejects.toThrow(/file entry 2/);
    await fsp.writeFile(broken, '{"format":"etransfer-manifest","files":[{"source":"h#0:/x","status":"failed"}]}');
    await expect(readFilesFrom(broken)).rejects.toThrow(/file entry 1/);
    await expect(readFilesFrom(path.join(dir, 'missing'))).rejects.toMatchObject({ code: 'E_USAGE' });
    await expect(readFilesFrom(dir)).rejects.toMatchObject({ code: 'E_USAGE' });
  });

  it('is replaced atomically: the old content or the new, never a temporary file left behind', async () => {
    const file = path.join(dir, 'atomic.json');
    await writeFileAtomic(file, 'old\n');
    await writeFileAtomic(file, 'new\n');
    expect(await fsp.readFile(file, 'utf8')).toBe('new\n');
    expect((await fsp.readdir(dir)).filter((n) => n.includes('atomic') && n !== 'atomic.json')).toEqual([]);
    // A target that cannot be replaced (a folder) fails cleanly and leaves no temporary file.
    const folder = path.join(dir, 'a-folder');
    await fsp.mkdir(path.join(folder, 'inside'), { recursive: true });
    await expect(writeFileAtomic(folder, 'x')).rejects.toBeInstanceOf(EtxError);
    expect((await fsp.readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
