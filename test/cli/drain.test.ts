/**
 * SIGTERM drains (DESIGN section 3): the server takes no new control connection or transfer, lets
 * the running copy finish, then exits 0. A second SIGTERM (or SIGINT) stops at once.
 */
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
    expect(done.code, done.stdout + done.stderr).toBe(0);
    expect(await aExit).toBe(0);
    expect(a.log.some((l) => l.includes('"stopped"') || l.includes('stopped'))).toBe(true);
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
