/**
 * THREATS F9: the source server hangs (SIGSTOP) mid-file. The destination gives up within its
 * idle and inactive bounds with E_TIMEOUT, the client reports it, and when the source wakes up
 * (SIGCONT) nothing its old streams carry is written.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, type ServerProcess, startServerProcess } from '../helpers/processes.js';
import { type Scratch, makeScratch, writeAclFile } from '../helpers/servers.js';
import { waitFor } from '../helpers/wait.js';

describe('a hung source', () => {
  let scratch: Scratch;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    scratch = await makeScratch();
  });
  afterAll(async () => {
    for (const s of servers) s.child.kill('SIGCONT');
    await Promise.all(servers.map((s) => s.stop()));
    await scratch?.cleanup();
  });

  it('F9: the destination gives up with E_TIMEOUT; the woken source writes nothing more', async () => {
    const aclFile = await writeAclFile(scratch, ['/dev/zero']);
    const a = await startServerProcess(['--acl', aclFile]);
    const b = await startServerProcess(['--acl', aclFile, '--idle-timeout-ms', '1000', '--inactive-timeout-ms', '1500']);
    servers.push(a, b);
    const dest = path.join(scratch.pub, 'hung.bin');
    const started = Date.now();
    const copy = startCli(['copy', '--retries', '0', `127.0.0.1#${a.controlPort}:/dev/zero:64GiB`, `127.0.0.1#${b.controlPort}:${dest}`]);
    let partial = '';
    await waitFor(async () => {
      const found = (await fsp.readdir(scratch.pub)).find((n) => n.endsWith('.part'));
      if (found) partial = path.join(scratch.pub, found);
      return found !== undefined && ((await fsp.stat(partial).catch(() => undefined))?.size ?? 0) > 0;
    }, 15_000);
    a.child.kill('SIGSTOP');
    const stoppedAt = Date.now();

    const { code, stdout } = await copy.exited;
    expect(code).toBe(1);
    const gaveUpAfter = Date.now() - stoppedAt;
    expect(stdout).toContain('E_TIMEOUT');
    expect(gaveUpAfter).toBeLessThan(8_000);
    await expect(fsp.stat(dest)).rejects.toThrow();

    const sizeBefore = (await fsp.stat(partial)).size;
    a.child.kill('SIGCONT');
    await new Promise((r) => setTimeout(r, 500));
    expect((await fsp.stat(partial)).size).toBe(sizeBefore);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
