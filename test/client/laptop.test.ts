/**
 * The client as one end: pulling to a laptop that runs no server, and pushing from it. The
 * laptop only dials out.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copy, local } from '../helpers/copy.js';
import {
  type Scratch,
  type TestServer,
  makeScratch,
  pubAcl,
  sentinelState,
  sha256File,
  startTestServer,
  writeRandomFile,
} from '../helpers/servers.js';

const MiB = 1024 * 1024;

describe('laptop copies', () => {
  let scratch: Scratch;
  let server: TestServer;
  let laptop: string;
  let sentinel: string;

  beforeAll(async () => {
    scratch = await makeScratch();
    sentinel = await sentinelState(scratch);
    server = await startTestServer(pubAcl(scratch));
    laptop = path.join(scratch.root, 'laptop');
    await fsp.mkdir(laptop);
  });

  afterAll(async () => {
    expect(await sentinelState(scratch)).toBe(sentinel);
    await server?.close();
    await scratch?.cleanup();
  });

  it('pulls a 64 MiB file to a local folder over 4 streams', async () => {
    const remote = path.join(scratch.pub, 'pull.bin');
    const hash = await writeRandomFile(remote, 64 * MiB + 7);
    const summary = await copy([server.at(remote)], local(`${laptop}/`), { streams: 4, chunkSizeBytes: MiB });
    expect(summary.files.map((f) => f.status)).toEqual(['done']);
    expect(summary.viaClient).toBe(true);
    expect(await sha256File(path.join(laptop, 'pull.bin'))).toBe(hash);
    expect((await fsp.readdir(laptop)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('pushes a 64 MiB local file to the server over 4 streams', async () => {
    const source = path.join(laptop, 'push.bin');
    const hash = await writeRandomFile(source, 64 * MiB + 3);
    const dest = path.join(scratch.pub, 'pushed.bin');
    const summary = await copy([local(source)], server.at(dest), { streams: 4, chunkSizeBytes: MiB });
    expect(summary.files.map((f) => f.status)).toEqual(['done']);
    expect(await sha256File(dest)).toBe(hash);
  });

  it('refuses to overwrite a local file in mode new, and leaves it intact', async () => {
    const remote = path.join(scratch.pub, 'clash.bin');
    await writeRandomFile(remote, 1000);
    const mine = path.join(laptop, 'clash.bin');
    await fsp.writeFile(mine, 'mine');
    const summary = await copy([server.at(remote)], local(mine));
    expect(summary.files[0]!.error?.code).toBe('E_EXISTS');
    expect(await fsp.readFile(mine, 'utf8')).toBe('mine');
  });

  it('masks a hostile source mode to 0644/0755 on a pull', async () => {
    const remote = path.join(scratch.pub, 'setuid.sh');
    await fsp.writeFile(remote, '#!/bin/sh\n');
    await fsp.chmod(remote, 0o4777);
    const summary = await copy([server.at(remote)], local(path.join(laptop, 'setuid.sh')));
    expect(summary.files[0]!.status).toBe('done');
    expect((await fsp.stat(path.join(laptop, 'setuid.sh'))).mode & 0o7777).toBe(0o755);
  });

  it('pulls /dev/zero:SIZE into a local /dev/null', async () => {
    const summary = await copy([server.at('/dev/zero:64MiB')], local('/dev/null'));
    expect(summary.files[0]!.bytes).toBe(64 * MiB);
  });
});
