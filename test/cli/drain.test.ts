/**
 * SIGTERM drains (DESIGN section 3): the server takes no new control connection or transfer, lets
 * the running copy finish, then exits 0. A second SIGTERM (or SIGINT) stops at once.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, runCli, startCli, startServerProcess } from '../helpers/processes.js';
import { type Scratch, makeScratch, writeAclFile } from '../helpers/servers.js';
import { waitFor } from '../helpers/wait.js';

describe('serve: SIGTERM drains', () => {
  let scratch: Scratch;
  let acl: string;
  let b: ServerProcess;

  beforeAll(async () => {
    scratch = await makeScratch();
    acl = await writeAclFile(scratch, ['/dev/zero', '/dev/null']);
    b = await startServerProcess(['--acl', acl]);
  });

  afterAll(async () => {
    await b?.stop();
    await scratch?.cleanup();
  });

  const exited = (s: ServerProcess) => new Promise<number | null>((resolve) => s.child.once('exit', (code) => resolve(code)));

  it('a running copy finishes, a new one is refused, then the server exits 0', async () => {
    const a = await startServerProcess(['--acl', acl]);
    const at = (s: ServerProcess, p: string) => `127.0.0.1#${s.controlPort}:${p}`;
    const running = startCli(['copy', '-p', '1', at(a, '/dev/zero:6GiB'), at(b, '/dev/null')], 120_000);
    await waitFor(() => a.log.some((l) => l.includes('transfer prepared')), 10_000);
    const aExit = exited(a);
    a.child.kill('SIGTERM');
    await waitFor(() => a.log.some((l) => l.includes('draining')), 5000);
    const refused = await runCli(['copy', '--retries', '0', at(a, '/dev/zero:1MiB'), at(b, '/dev/null')]);
    expect(refused.code).toBe(3); // no new control connection: E_CONNECT
    expect(a.child.exitCode).toBeNull(); // still finishing the running copy
    const done = await running.exited;
    expect(done.code, `${done.stdout}${done.stderr}\nA: ${a.log.slice(-15).join('\n')}`).toBe(0);
    expect(await aExit).toBe(0);
    expect(a.log.some((l) => l.includes('"stopped"') || l.includes('stopped'))).toBe(true);
  });

  it('past --drain-timeout-ms the server stops, keeping a resumable partial; a later --resume completes the file (issue 8)', async () => {
    const d = await startServerProcess(['--acl', acl, '--drain-timeout-ms', '1500']);
    const src = await startServerProcess(['--acl', acl]);
    const at = (s: ServerProcess, p: string) => `127.0.0.1#${s.controlPort}:${p}`;
    const dest = path.join(scratch.pub, 'drained.bin');
    const size = 2 * 1024 * 1024 * 1024;
    try {
      const running = startCli(['copy', '-p', '1', '--retries', '0', at(src, `/dev/zero:${size}`), at(d, dest)], 120_000);
      // Some of it is on disk (and checkpointed) before the stop.
      await waitFor(() => d.log.some((l) => l.includes('transfer prepared')), 10_000);
      await new Promise((r) => setTimeout(r, 1500));
      const dExit = exited(d);
      const started = Date.now();
      d.child.kill('SIGTERM');
      expect(await dExit).toBe(0);
      expect(Date.now() - started).toBeLessThan(1500 + 3000);
      expect((await running.exited).code).not.toBe(0);
      await expect(fsp.stat(dest)).rejects.toThrow(); // nothing under the final name
      expect((await fsp.readdir(scratch.pub)).some((n) => n.startsWith('.drained.bin.etx-') && n.endsWith('.part'))).toBe(true);

      const again = await startServerProcess(['--acl', acl], d.controlPort);
      try {
        const resumed = await runCli(['copy', '--resume', at(src, `/dev/zero:${size}`), at(again, dest)], 120_000);
        expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
        expect(resumed.stdout).toMatch(/already there/);
        expect((await fsp.stat(dest)).size).toBe(size);
      } finally {
        await again.stop();
      }
    } finally {
      await src.stop();
      await fsp.rm(dest, { force: true });
    }
  }, 120_000);

  it('regression: a draining sender done with its last chunk waits for its client to hear the destination publish', async () => {
    // The sender's transfer ends at its last acknowledged chunk, before the destination has fsynced
    // and published the file (seconds for a GiB on disk). The drain stopped the sender right there,
    // closing its client's control connection, and the client failed a copy that landed (seen under
    // load in the full suite).
    const a = await startServerProcess(['--acl', acl]);
    const at = (s: ServerProcess, p: string) => `127.0.0.1#${s.controlPort}:${p}`;
    const dest = path.join(scratch.pub, 'drain-publish.bin');
    const size = 1024 * 1024 * 1024;
    try {
      const running = startCli(['copy', '-p', '2', '--retries', '0', at(a, `/dev/zero:${size}`), at(b, dest)], 120_000);
      await waitFor(() => a.log.some((l) => l.includes('transfer prepared')), 10_000);
      const aExit = exited(a);
      a.child.kill('SIGTERM');
      const done = await running.exited;
      expect(done.code, `${done.stdout}${done.stderr}`).toBe(0);
      expect((await fsp.stat(dest)).size).toBe(size);
      expect(await aExit).toBe(0);
    } finally {
      await fsp.rm(dest, { force: true });
    }
  });

  it('a second SIGTERM stops at once', async () => {
    const a = await startServerProcess(['--acl', acl]);
    const at = (s: ServerProcess, p: string) => `127.0.0.1#${s.controlPort}:${p}`;
    const running = startCli(['copy', '-p', '1', '--retries', '0', at(a, '/dev/zero:40GiB'), at(b, '/dev/null')], 120_000);
    await waitFor(() => a.log.some((l) => l.includes('transfer prepared')), 10_000);
    const aExit = exited(a);
    a.child.kill('SIGTERM');
    await waitFor(() => a.log.some((l) => l.includes('draining')), 5000);
    const started = Date.now();
    a.child.kill('SIGTERM');
    expect(await aExit).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await running.exited).code).not.toBe(0);
  });
});
