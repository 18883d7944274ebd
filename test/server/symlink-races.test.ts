/**
 * The path the ACL judged is the path used (THREATS T2, T3, T4): a folder on the way swapped for
 * a link to somewhere else after the check, before or during the transfer, neither redirects a
 * write nor lets a read escape. Driven through the server's own FsAccess on real files; the
 * plan/open split is the hook between the check and the open.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../src/common/acl.js';
import { FsAccess } from '../../src/server/fs-access.js';
import { pinnedDirectoryCount } from '../../src/transfer/pinned-directory.js';
import { type Scratch, makeScratch, pubAcl, sentinelState } from '../helpers/servers.js';

describe('symlink races between the ACL check and the open', () => {
  let scratch: Scratch;
  let fsa: FsAccess;
  let sentinel: string;
  let sub: string;

  beforeEach(async () => {
    scratch = await makeScratch();
    sentinel = await sentinelState(scratch);
    const acl = pubAcl(scratch);
    fsa = new FsAccess(() => acl);
    sub = path.join(scratch.pub, 'sub');
    await fsp.mkdir(sub);
  });

  afterEach(async () => {
    expect(await sentinelState(scratch)).toBe(sentinel);
    expect(pinnedDirectoryCount()).toBe(0);
    await scratch.cleanup();
  });

  /** Moves `sub` away and plants `sub -> outside` in its place. */
  async function swapForLinkOutside(): Promise<string> {
    const movedTo = `${sub}.moved`;
    await fsp.rename(sub, movedTo);
    await fsp.symlink(scratch.outside, sub);
    return movedTo;
  }

  it('T2 write: the folder swapped after the check, before the open: E_PATH, nothing written outside', async () => {
    const plan = await fsa.planWrite(ANONYMOUS, { path: path.join(sub, 'x'), size: 5, mode: 0o644 }, 'new');
    expect(plan.outcome.state).toBe('accepted');
    await swapForLinkOutside();
    await expect(plan.openSink!('00'.repeat(16), 1024 * 1024)).rejects.toMatchObject({ code: 'E_PATH' });
    expect((await fsp.readdir(scratch.outside)).sort()).toEqual(['sentinel']);
  });

  it('T4: the folder swapped after the open, before the publish: the file lands in the pinned folder only', async () => {
    const plan = await fsa.planWrite(ANONYMOUS, { path: path.join(sub, 'x'), size: 5, mode: 0o644 }, 'new');
    const { sink } = await plan.openSink!('11'.repeat(16), 1024 * 1024);
    await sink.write(0, [Buffer.from('hello')]);
    const movedTo = await swapForLinkOutside();
    await sink.complete();
    expect(await fsp.readFile(path.join(movedTo, 'x'), 'utf8')).toBe('hello');
    expect((await fsp.readdir(movedTo)).sort()).toEqual(['x']); // no partial left behind either
    expect((await fsp.readdir(scratch.outside)).sort()).toEqual(['sentinel']);
  });

  it('T2 write, a small file written whole: the folder swapped before the open: E_PATH, nothing written outside', async () => {
    const plan = await fsa.planWrite(ANONYMOUS, { path: path.join(sub, 'w'), size: 5, mode: 0o644 }, 'new');
    await swapForLinkOutside();
    await expect(plan.openSink!('33'.repeat(16), 1024 * 1024, 64 * 1024)).rejects.toMatchObject({ code: 'E_PATH' });
    expect((await fsp.readdir(scratch.outside)).sort()).toEqual(['sentinel']);
  });

  it('T4, a small file written whole: the folder swapped before the publish: the file lands in the pinned folder only', async () => {
    const plan = await fsa.planWrite(ANONYMOUS, { path: path.join(sub, 'w'), size: 5, mode: 0o644 }, 'new');
    const { sink } = await plan.openSink!('44'.repeat(16), 1024 * 1024, 64 * 1024);
    await sink.write(0, [Buffer.from('hello')]);
    const movedTo = await swapForLinkOutside();
    await sink.complete();
    expect(await fsp.readFile(path.join(movedTo, 'w'), 'utf8')).toBe('hello');
    expect((await fsp.readdir(movedTo)).sort()).toEqual(['w']);
    expect((await fsp.readdir(scratch.outside)).sort()).toEqual(['sentinel']);
  });

  it('T4 abort: a failed transfer removes its partial from the pinned folder, not from the new path', async () => {
    const plan = await fsa.planWrite(ANONYMOUS, { path: path.join(sub, 'y'), size: 5, mode: 0o644 }, 'new');
    const { sink } = await plan.openSink!('22'.repeat(16), 1024 * 1024);
    await sink.write(0, [Buffer.from('hel')]);
    const movedTo = await swapForLinkOutside();
    await sink.abort(false);
    expect(await fsp.readdir(movedTo)).toEqual([]);
    expect((await fsp.readdir(scratch.outside)).sort()).toEqual(['sentinel']);
  });

  it('T2 read: a folder on the source path swapped for a link after the check: E_PATH, 0 bytes read', async () => {
    await fsp.writeFile(path.join(sub, 'secret'), 'public data');
    await fsp.writeFile(path.join(scratch.outside, 'secret'), 'PRIVATE');
    const plan = await fsa.planRead(ANONYMOUS, { path: path.join(sub, 'secret'), size: 11, mode: 0o644 });
    await swapForLinkOutside();
    await expect(plan.open()).rejects.toMatchObject({ code: 'E_PATH' });
  });

  it('T3: the source file itself swapped for a link after the check: refused', async () => {
    const file = path.join(sub, 'f');
    await fsp.writeFile(file, '12345');
    await fsp.writeFile(path.join(scratch.outside, 'f'), 'abcde');
    const plan = await fsa.planRead(ANONYMOUS, { path: file, size: 5, mode: 0o644 });
    await fsp.rm(file);
    await fsp.symlink(path.join(scratch.outside, 'f'), file);
    await expect(plan.open()).rejects.toMatchObject({ code: 'E_PATH' });
  });

  it('T3: a source replaced by another file of the same size after the check: E_SOURCE_CHANGED, not read', async () => {
    const file = path.join(sub, 'g');
    await fsp.writeFile(file, 'first');
    const plan = await fsa.planRead(ANONYMOUS, { path: file, size: 5, mode: 0o644 });
    await fsp.writeFile(`${file}.new`, 'other');
    await fsp.rename(`${file}.new`, file);
    await expect(plan.open()).rejects.toMatchObject({ code: 'E_SOURCE_CHANGED' });
  });

  it('an untouched path still reads and writes, and one pin serves many files of a folder', async () => {
    const plans = await Promise.all(
      ['a', 'b', 'c'].map((n) => fsa.planWrite(ANONYMOUS, { path: path.join(sub, n), size: 1, mode: 0o644 }, 'new')),
    );
    const sinks = await Promise.all(plans.map((p, i) => p.openSink!(`${i}${i}`.repeat(16), 1024 * 1024)));
    expect(pinnedDirectoryCount()).toBe(1);
    await Promise.all(sinks.map(({ sink }) => sink.write(0, [Buffer.from('z')]).then(() => sink.complete())));
    expect((await fsp.readdir(sub)).sort()).toEqual(['a', 'b', 'c']);
    const read = await fsa.planRead(ANONYMOUS, { path: path.join(sub, 'a'), size: 1, mode: 0o644 });
    const source = await read.open();
    expect((await source.read(0, 1, Buffer.alloc(1))).toString()).toBe('z');
    await source.close();
  });
});
