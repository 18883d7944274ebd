/**
 * A transfer belongs to the client that started it (DESIGN 4.5): when the client process dies
 * mid-transfer, both servers stop the transfer and free it, keep the partial and its journal for
 * a later resume, and keep serving.
 */
import { spawn } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copy } from '../helpers/copy.js';
import { BIN } from '../helpers/processes.js';
import { type Scratch, type TestServer, makeScratch, pubAcl, startTestServer } from '../helpers/servers.js';
import { waitFor } from '../helpers/wait.js';

describe('the coordinating client dies', () => {
  let scratch: Scratch;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    scratch = await makeScratch();
    a = await startTestServer(pubAcl(scratch));
    b = await startTestServer(pubAcl(scratch));
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await scratch?.cleanup();
  });

  it('both servers cancel the transfer, keep the resumable partial, and go on serving', async () => {
    const dest = path.join(scratch.pub, 'never.bin');
    // A long file transfer from /dev/zero into a real file, so a partial exists while it runs.
    const child = spawn(process.execPath, [BIN, 'copy', '-q', a.url('/dev/zero:64GiB'), b.url(dest)], { stdio: 'ignore' });
    await waitFor(() => a.server.registry.size === 1 && b.server.registry.size === 1, 15_000);
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGKILL');
    await waitFor(() => a.server.registry.size === 0 && b.server.registry.size === 0, 5_000);
    await new Promise((r) => setTimeout(r, 100));
    const left = (await fsp.readdir(scratch.pub)).sort();
    expect(left).toHaveLength(2);
    expect(left[0]).toMatch(/^\.never\.bin\.etx-[0-9a-f]{16}\.journal$/);
    expect(left[1]).toMatch(/^\.never\.bin\.etx-[0-9a-f]{16}\.part$/);
    const summary = await copy([a.at('/dev/zero:1MiB')], b.at('/dev/null'));
    expect(summary.files[0]!.status).toBe('done');
  });
});
