/**
 * Source expansion on the server (DESIGN section 2, THREATS G2, G4, T1, X4): wildcards and
 * recursion are expanded by the source server, every entry ACL-judged before it is reported,
 * links in a tree reported and not followed, partials never listed, and a listing past the
 * server's limit an error, not a truncation.
 */
import { execFileSync } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ControlClient } from '../../src/client/control-client.js';
import { Acl } from '../../src/common/acl.js';
import { EtxError } from '../../src/common/errors.js';
import type { ExpandRoot, MessageOf } from '../../src/common/messages.js';
import { copy } from '../helpers/copy.js';
import { type Scratch, type TestServer, makeScratch, sentinelState, startTestServer } from '../helpers/servers.js';
import { makeTree } from '../helpers/tree.js';

describe('source expansion (expandRequest)', () => {
  let scratch: Scratch;
  let server: TestServer;
  let capped: TestServer;
  let client: ControlClient;
  let sentinel: string;
  let tree: string;
  let glob: string;

  beforeAll(async () => {
    scratch = await makeScratch();
    sentinel = await sentinelState(scratch);
    const acl = Acl.parse(
      {
        users: {},
        rules: [
          { users: ['anonymous'], allow: ['list', 'read', 'write'], paths: [`${scratch.pub}/**`] },
          { users: ['anonymous'], deny: ['list', 'read'], paths: [`${scratch.pub}/tree/private/**`] },
          { users: ['anonymous'], deny: ['read'], paths: [`${scratch.pub}/glob/secret*`] },
        ],
      },
      'test',
    );
    server = await startTestServer(acl);
    capped = await startTestServer(acl, { maxFilesPerRequest: 50, maxListEntries: 60 });
    client = await ControlClient.connect('127.0.0.1', server.port);
    tree = path.join(scratch.pub, 'tree');
    await makeTree(tree, path.join(scratch.outside, 'linked'), { dirs: 2, subdirs: 2, files: 3 });
    await fsp.mkdir(path.join(tree, 'private'));
    await fsp.writeFile(path.join(tree, 'private', 'key'), 'secret');
    glob = path.join(scratch.pub, 'glob');
    await fsp.mkdir(glob);
    for (const name of ['a.dat', 'b.dat', 'c.txt', '.h.dat', 'sub.dat']) {
      if (name === 'sub.dat') await fsp.mkdir(path.join(glob, name));
      else await fsp.writeFile(path.join(glob, name), name);
    }
    // Denied, and a FIFO: opening it for reading would block, so the test would hang if it were opened.
    execFileSync('mkfifo', [path.join(glob, 'secret.dat')]);
  });

  afterAll(async () => {
    expect(await sentinelState(scratch)).toBe(sentinel);
    client?.close();
    await Promise.all([server?.close(), capped?.close()]);
    await scratch?.cleanup();
  });

  async function expand(paths: string[], recursive = true, right: 'read' | 'list' = 'read', via = client): Promise<ExpandRoot[]> {
    return (await via.request({ type: 'expandRequest', paths, recursive, right }, 'expandReply')).roots;
  }

  it('walks a tree depth first in name order, with paths relative to its root', async () => {
    const [root, ...more] = await expand([tree]);
    expect(more).toEqual([]);
    expect(root!.path).toBe(tree);
    expect(root!.info?.type).toBe('directory');
    const paths = root!.entries.map((e) => e.path);
    expect(paths.slice(0, 4)).toEqual(['-dash', '-dash/--y', '-dash/-x.bin', '.hidden']);
    expect(paths).toContain('empty dir');
    expect(paths).toContain('with space/file one.txt');
    expect(paths).toContain('ünïcødé/ファイル.txt');
    expect(paths).toContain('d1/empty');
    expect(paths.indexOf('d0/s0/f0.dat')).toBeLessThan(paths.indexOf('d0/s1'));
    expect(paths.indexOf('d0/s1/f2.dat')).toBeLessThan(paths.indexOf('d1'));
    // Partials are never listed.
    expect(paths.filter((p) => p.includes('.etx-'))).toEqual([]);
    const file = root!.entries.find((e) => e.path === '-dash/-x.bin')!;
    const st = await fsp.stat(path.join(tree, '-dash/-x.bin'));
    expect(file.info).toMatchObject({ type: 'file', size: 300, mtimeMs: Math.floor(st.mtimeMs) });
  });

  it('reports links inside a tree as skipped and does not follow them', async () => {
    const [root] = await expand([tree]);
    const links = root!.entries.filter((e) => e.skipped !== undefined);
    expect(links.map((e) => [e.path, e.info?.type])).toEqual([
      ['d0/link-out', 'symlink'],
      ['link-to-file', 'symlink'],
    ]);
    expect(links[0]!.skipped).toContain('symbolic link');
    expect(root!.entries.some((e) => e.path.startsWith('d0/link-out/'))).toBe(false);
  });

  it('reports a denied folder inside a tree as denied, and nothing below it (G2)', async () => {
    const [root] = await expand([tree]);
    const priv = root!.entries.filter((e) => e.path.startsWith('private'));
    expect(priv).toEqual([{ path: 'private', error: expect.objectContaining({ code: 'E_ACL_DENIED' }) }]);
  });

  it('a denied folder as the source is E_ACL_DENIED, for ls and copy -r alike (G2)', async () => {
    const priv = path.join(tree, 'private');
    const [root] = await expand([priv]);
    expect(root!.error?.code).toBe('E_ACL_DENIED');
    expect(root!.entries).toEqual([]);
    const [listed] = await expand([priv], true, 'list');
    expect(listed!.error?.code).toBe('E_ACL_DENIED');
    await expect(client.request({ type: 'listRequest', path: priv }, 'listReply')).rejects.toMatchObject({ code: 'E_ACL_DENIED' });
    const summary = await copy([server.at(priv)], server.at(path.join(scratch.pub, 'stolen')), { recursive: true });
    expect(summary.files.map((f) => f.error?.code)).toEqual(['E_ACL_DENIED']);
    await expect(fsp.stat(path.join(scratch.pub, 'stolen'))).rejects.toThrow();
  });

  it('a link as the source is judged where it leads (T1)', async () => {
    const [root] = await expand([path.join(tree, 'd0', 'link-out')]);
    expect(root!.error?.code).toBe('E_ACL_DENIED');
    expect(root!.error?.message).toContain('resolves to');
  });

  it('without recursion a folder is reported, not walked', async () => {
    const [root] = await expand([tree], false);
    expect(root!.info?.type).toBe('directory');
    expect(root!.entries).toEqual([]);
  });

  it('*.dat expands to exactly the matching entries; a denied match is reported and never opened (G4)', async () => {
    const roots = await expand([path.join(glob, '*.dat')], false);
    expect(roots.map((r) => [path.basename(r.path), r.info?.type ?? r.error?.code])).toEqual([
      ['a.dat', 'file'],
      ['b.dat', 'file'],
      ['secret.dat', 'E_ACL_DENIED'],
      ['sub.dat', 'directory'],
    ]);
    expect(roots.every((r) => r.source === 0)).toBe(true);
    const out = path.join(scratch.pub, 'glob-out');
    await fsp.mkdir(out);
    const summary = await copy([server.at(path.join(glob, '*.dat'))], server.at(out));
    expect(summary.files.map((f) => [path.basename(f.source), f.status, f.error?.code]).sort()).toEqual([
      ['a.dat', 'done', undefined],
      ['b.dat', 'done', undefined],
      ['secret.dat', 'failed', 'E_ACL_DENIED'],
      ['sub.dat', 'failed', 'E_IS_A_DIRECTORY'],
    ]);
    expect((await fsp.readdir(out)).sort()).toEqual(['a.dat', 'b.dat']);
  });

  it('a wildcard with no match is E_NOT_FOUND; ? matches one character', async () => {
    const [none] = await expand([path.join(glob, '*.nothing')]);
    expect(none!.error?.code).toBe('E_NOT_FOUND');
    const roots = await expand([path.join(glob, '?.dat')], false);
    expect(roots.map((r) => path.basename(r.path))).toEqual(['a.dat', 'b.dat']);
  });

  it.each(['*(*(*(a|b)))', '{1..100000}', `${'*'.repeat(30)}X`, '**', '[ab]*.dat', '{a,b}.dat', '@(a).dat'])(
    'bad pattern %j is E_PATH before any folder is read (G4)',
    async (pattern) => {
      const [root] = await expand([path.join(glob, pattern)]);
      expect(root!.error?.code).toBe('E_PATH');
    },
  );

  it('brackets without a wildcard are a literal name', async () => {
    const dir = path.join(scratch.pub, 'brackets');
    await fsp.mkdir(dir);
    await fsp.writeFile(path.join(dir, 'x[1].dat'), 'x');
    const [root] = await expand([path.join(dir, 'x[1].dat')]);
    expect(root!.info?.type).toBe('file');
  });

  it('a wildcard in a middle component is E_PATH', async () => {
    const [root] = await expand([`${scratch.pub}/*/a.dat`]);
    expect(root!.error?.code).toBe('E_PATH');
  });

  it('names the path rules refuse are reported, shown safely, and not listed as files', async () => {
    const odd = path.join(scratch.pub, 'odd');
    await fsp.mkdir(odd);
    await fsp.writeFile(path.join(odd, 'new\nline'), 'x');
    await fsp.writeFile(path.join(odd, 'cafe\u0301'), 'x');
    await fsp.writeFile(path.join(odd, 'fine'), 'x');
    const [root] = await expand([odd]);
    expect(root!.entries.map((e) => [e.path, e.error?.code ?? e.info?.type])).toEqual([
      ['cafe\u0301', 'E_PATH'],
      ['fine', 'file'],
      ['new\\x0aline', 'E_PATH'],
    ]);
  });

  it('one source failing leaves the others answered', async () => {
    const roots = await expand([path.join(glob, 'a.dat'), '/data/../etc', path.join(glob, 'missing')], false);
    expect(roots.map((r) => [r.source, r.info?.type ?? r.error?.code])).toEqual([
      [0, 'file'],
      [1, 'E_PATH'],
      [2, 'E_NOT_FOUND'],
    ]);
  });

  describe('bounds (X4)', () => {
    let big: string;
    let capClient: ControlClient;

    beforeAll(async () => {
      big = path.join(scratch.pub, 'big');
      await fsp.mkdir(big);
      const names = Array.from({ length: 3000 }, (_, i) => `n${String(i).padStart(5, '0')}`);
      for (let i = 0; i < names.length; i += 500) {
        await Promise.all(names.slice(i, i + 500).map((n) => fsp.writeFile(path.join(big, n), '')));
      }
      capClient = await ControlClient.connect('127.0.0.1', capped.port);
    });

    afterAll(() => capClient?.close());

    it('a tree past --max-files-per-request fails whole with E_TOO_LARGE, naming the limit', async () => {
      const err = await expand([big], true, 'read', capClient).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EtxError);
      expect((err as EtxError).code).toBe('E_TOO_LARGE');
      expect((err as EtxError).message).toContain('--max-files-per-request');
      expect((err as EtxError).message).toContain('50');
    });

    it('regression: wildcards repeated over one big folder re-read it each time (now once per request, and names read are bounded)', async () => {
      const started = Date.now();
      const roots = await expand(Array(40).fill(path.join(big, 'zz*')), false, 'read', capClient);
      expect(roots).toHaveLength(40);
      expect(Date.now() - started).toBeLessThan(2000);
    });

    it('ls -r is bounded by --max-list-entries', async () => {
      const err = await expand([big], true, 'list', capClient).catch((e: unknown) => e);
      expect((err as EtxError).code).toBe('E_TOO_LARGE');
      expect((err as EtxError).message).toContain('--max-list-entries');
    });

    it('a wildcard counts only its matches: a few in a big folder are fine', async () => {
      const roots = await expand([path.join(big, 'n0001*')], false, 'read', capClient);
      expect(roots.map((r) => path.basename(r.path))).toEqual(Array.from({ length: 10 }, (_, i) => `n0001${i}`));
    });

    it('a copy -r past the limit fails with a clear error, and the server keeps serving', async () => {
      await expect(copy([capped.at(big)], capped.at(path.join(scratch.pub, 'big-copy')), { recursive: true })).rejects.toMatchObject({
        code: 'E_TOO_LARGE',
      });
      await expect(fsp.stat(path.join(scratch.pub, 'big-copy'))).rejects.toThrow();
      const roots = await expand([path.join(glob, 'a.dat')], false, 'read', capClient);
      expect(roots[0]!.info?.type).toBe('file');
    });
  });

  it('the codec bounds a request: a huge path list is refused', async () => {
    const msg: MessageOf<'expandRequest'> = { type: 'expandRequest', paths: Array(10_001).fill('/x'), recursive: false, right: 'read' };
    await expect(client.request(msg, 'expandReply')).rejects.toMatchObject({ code: 'E_TOO_LARGE' });
  });
});
