/**
 * Third-party copies between two real servers on 127.0.0.1: the bytes go server to server,
 * pushed (default) or pulled, over several streams, and arrive identical.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copy } from '../helpers/copy.js';
import {
  type Scratch,
  type TestServer,
  listNames,
  makeScratch,
  pubAcl,
  sentinelState,
  sha256File,
  startTestServer,
  writeRandomFile,
} from '../helpers/servers.js';

const MiB = 1024 * 1024;

describe('third-party copy', () => {
  let scratch: Scratch;
  let a: TestServer;
  let b: TestServer;
  let sentinel: string;
  let bigHash: string;
  let big: string;

  beforeAll(async () => {
    scratch = await makeScratch();
    sentinel = await sentinelState(scratch);
    a = await startTestServer(pubAcl(scratch));
    b = await startTestServer(pubAcl(scratch));
    await fsp.mkdir(path.join(scratch.pub, 'src'));
    await fsp.mkdir(path.join(scratch.pub, 'dst'));
    big = path.join(scratch.pub, 'src', 'big.bin');
    bigHash = await writeRandomFile(big, 64 * MiB + 12345);
  });

  afterAll(async () => {
    expect(await sentinelState(scratch)).toBe(sentinel);
    await a?.close();
    await b?.close();
    await scratch?.cleanup();
  });

  it.each([
    ['push', 'push' as const],
    ['pull', 'pull' as const],
  ])('moves a 64 MiB random file with 4 streams (%s), never through the client', async (name, direction) => {
    const dest = path.join(scratch.pub, 'dst', `big-${name}.bin`);
    const summary = await copy([a.at(big)], b.at(dest), { streams: 4, direction, chunkSizeBytes: MiB });
    expect(summary.files.map((f) => [f.status, f.error?.code])).toEqual([['done', undefined]]);
    expect(summary.files[0]!.bytes).toBe(64 * MiB + 12345);
    // Regression: the bytes moved are counted even when the file settles before the transfer's end.
    expect(summary.movedBytes).toBe(64 * MiB + 12345);
    expect(await sha256File(dest)).toBe(bigHash);
    // The client's only sockets are its two control connections: kilobytes, not the 64 MiB.
    expect(summary.viaClient).toBe(false);
    expect(summary.controlBytes).toBeLessThan(64 * 1024);
    // Nothing but the final file remains: no partial left behind.
    expect((await listNames(path.join(scratch.pub, 'dst'))).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('copies several sources into a folder, failing only the one that exists (mode new)', async () => {
    const dir = path.join(scratch.pub, 'multi');
    await fsp.mkdir(dir);
    const names = ['a.dat', 'b.dat', 'c.dat'];
    const hashes = await Promise.all(names.map((n, i) => writeRandomFile(path.join(scratch.pub, 'src', n), 100_000 * (i + 1))));
    await fsp.writeFile(path.join(dir, 'b.dat'), 'old b');
    const summary = await copy(
      names.map((n) => a.at(path.join(scratch.pub, 'src', n))),
      b.at(`${dir}/`),
    );
    const byName = Object.fromEntries(summary.files.map((f) => [path.basename(f.destination), f]));
    expect(byName['a.dat']!.status).toBe('done');
    expect(byName['c.dat']!.status).toBe('done');
    expect(byName['b.dat']!.status).toBe('failed');
    expect(byName['b.dat']!.error?.code).toBe('E_EXISTS');
    expect(await fsp.readFile(path.join(dir, 'b.dat'), 'utf8')).toBe('old b');
    expect(await sha256File(path.join(dir, 'a.dat'))).toBe(hashes[0]);
    expect(await sha256File(path.join(dir, 'c.dat'))).toBe(hashes[2]);
  });

  it('overwrites with --overwrite and skips with --skip-existing', async () => {
    const dest = path.join(scratch.pub, 'dst', 'ow.bin');
    const source = path.join(scratch.pub, 'src', 'ow.bin');
    const hash = await writeRandomFile(source, 3 * MiB);
    await fsp.writeFile(dest, 'previous');
    const skipped = await copy([a.at(source)], b.at(dest), { mode: 'skip-existing' });
    expect(skipped.files[0]!.status).toBe('skipped');
    expect(await fsp.readFile(dest, 'utf8')).toBe('previous');
    const replaced = await copy([a.at(source)], b.at(dest), { mode: 'overwrite' });
    expect(replaced.files[0]!.status).toBe('done');
    expect(await sha256File(dest)).toBe(hash);
    expect((await fsp.stat(dest)).mode & 0o777).toBe(0o644);
  });

  it('copies empty files and files smaller than a chunk', async () => {
    const empty = path.join(scratch.pub, 'src', 'empty');
    const tiny = path.join(scratch.pub, 'src', 'tiny');
    await fsp.writeFile(empty, '');
    await fsp.writeFile(tiny, 'x');
    const dir = path.join(scratch.pub, 'small');
    await fsp.mkdir(dir);
    const summary = await copy([a.at(empty), a.at(tiny)], b.at(dir));
    expect(summary.files.map((f) => f.status)).toEqual(['done', 'done']);
    expect(await fsp.readFile(path.join(dir, 'empty'), 'utf8')).toBe('');
    expect(await fsp.readFile(path.join(dir, 'tiny'), 'utf8')).toBe('x');
  });

  it('streams /dev/zero:SIZE to /dev/null', async () => {
    const summary = await copy([a.at('/dev/zero:256MiB')], b.at('/dev/null'), { streams: 4 });
    expect(summary.files[0]!.status).toBe('done');
    expect(summary.files[0]!.bytes).toBe(256 * MiB);
  });

  it('reports a missing source as E_NOT_FOUND and moves nothing', async () => {
    const summary = await copy([a.at(path.join(scratch.pub, 'src', 'nope'))], b.at(path.join(scratch.pub, 'dst', 'nope')));
    expect(summary.files[0]!.error?.code).toBe('E_NOT_FOUND');
    await expect(fsp.stat(path.join(scratch.pub, 'dst', 'nope'))).rejects.toThrow();
  });

  it('leaves nothing behind on either server', () => {
    expect(a.server.registry.size).toBe(0);
    expect(b.server.registry.size).toBe(0);
  });
});
