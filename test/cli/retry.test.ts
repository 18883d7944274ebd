/**
 * Retries (THREATS F2, F17): the source server is killed mid-transfer and restarted; the
 * client retries with backoff and the copy completes. Final errors are not retried.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startCli, runCli, startServerProcess } from '../helpers/processes.js';
import { type Scratch, makeScratch, writeAclFile } from '../helpers/servers.js';
import { waitFor } from '../helpers/wait.js';

const GiB = 1024 * 1024 * 1024;

describe('retries', () => {
  let scratch: Scratch;
  let aclFile: string;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    scratch = await makeScratch();
    aclFile = await writeAclFile(scratch, ['/dev/zero']);
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await scratch?.cleanup();
  });

  it('F2: the source server dies mid-file; the client retries after it restarts, and the file lands whole', async () => {
    let a = await startServerProcess(['--acl', aclFile]);
    const b = await startServerProcess(['--acl', aclFile]);
    servers.push(a, b);
    const dest = path.join(scratch.pub, 'retried.bin');
    const copy = startCli([
      'copy',
      '--retry-delay-ms',
      '300',
      '-p',
      '2',
      `127.0.0.1#${a.controlPort}:/dev/zero:1GiB`,
      `127.0.0.1#${b.controlPort}:${dest}`,
    ]);

    // Kill the source once the destination has a partial with some bytes in it.
    await waitFor(async () => {
      const names = await fsp.readdir(scratch.pub);
      const partial = names.find((n) => n.startsWith('.retried.bin.etx-'));
      return partial !== undefined && (await fsp.stat(path.join(scratch.pub, partial)).catch(() => undefined))?.size !== 0;
    }, 20_000);
    a.child.kill('SIGKILL');
    await new Promise((resolve) => a.child.once('exit', resolve));
    // Nothing under the final name: the end of a stream is not the end of the file.
    await expect(fsp.stat(dest)).rejects.toThrow();
    a = await startServerProcess(['--acl', aclFile], a.controlPort);
    servers.push(a);

    const { code, stdout, stderr } = await copy.exited;
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('retrying 1 file(s)');
    expect((await fsp.stat(dest)).size).toBe(GiB);
    expect((await fsp.readdir(scratch.pub)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('F17: a final error (E_EXISTS) is not retried', async () => {
    const a = await startServerProcess(['--acl', aclFile]);
    servers.push(a);
    const src = path.join(scratch.pub, 'once.txt');
    await fsp.writeFile(src, 'once');
    await fsp.writeFile(`${src}.copy`, 'there already');
    const r = await runCli([
      'copy',
      '--retry-delay-ms',
      '10',
      `127.0.0.1#${a.controlPort}:${src}`,
      `127.0.0.1#${a.controlPort}:${src}.copy`,
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('E_EXISTS');
    expect(r.stdout).not.toContain('retrying');
  });
});
