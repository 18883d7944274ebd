/**
 * SIGHUP reloads the ACL and its users without dropping transfers; a broken file on reload keeps
 * the old one and says so in the log (issue 5 item 7). Real server and client processes.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, runCli, startCli, startServerProcess } from '../helpers/processes.js';
import { type Scratch, makeScratch } from '../helpers/servers.js';
import { waitFor } from '../helpers/wait.js';

describe('serve: SIGHUP', () => {
  let scratch: Scratch;
  let server: ServerProcess;
  let aclFile: string;
  let aliceKey: string;
  let alicePub: string;
  let aliceDir: string;

  const rules = (extraUsers: Record<string, string[]>) => ({
    users: extraUsers,
    rules: [
      { users: ['anonymous'], allow: ['list', 'read', 'write'], paths: [`${scratch.pub}/**`, '/dev/zero', '/dev/null'] },
      { users: ['alice'], allow: ['list'], paths: [`${aliceDir}/**`] },
    ],
  });

  beforeAll(async () => {
    scratch = await makeScratch();
    aliceDir = path.join(scratch.root, 'alice');
    await fsp.mkdir(aliceDir);
    await fsp.writeFile(path.join(aliceDir, 'hers.txt'), 'x');
    aliceKey = path.join(scratch.root, 'alice-key');
    const made = await runCli(['keygen', aliceKey]);
    expect(made.code, made.stderr).toBe(0);
    alicePub = (await fsp.readFile(`${aliceKey}.pub`, 'utf8')).trim();
    aclFile = path.join(scratch.root, 'acl.json');
    await fsp.writeFile(aclFile, JSON.stringify(rules({})));
    server = await startServerProcess(['--acl', aclFile]);
  });

  afterAll(async () => {
    await server?.stop();
    await scratch?.cleanup();
  });

  const lsAsAlice = () => runCli(['ls', '--identity', aliceKey, `alice@127.0.0.1#${server.controlPort}:${aliceDir}`]);

  async function hangUpAndWaitFor(message: string): Promise<void> {
    const seen = server.log.filter((l) => l.includes(message)).length;
    server.child.kill('SIGHUP');
    await waitFor(() => server.log.filter((l) => l.includes(message)).length > seen, 5000);
  }

  it('a reload adds a user, while a running transfer carries on to the end', async () => {
    expect((await lsAsAlice()).code).toBe(3); // not a user yet: E_AUTH
    const at = (p: string) => `127.0.0.1#${server.controlPort}:${p}`;
    const running = startCli(['copy', '-p', '1', at('/dev/zero:6GiB'), at('/dev/null')], 120_000);
    await waitFor(() => server.log.some((l) => l.includes('transfer prepared')), 10_000);
    await fsp.writeFile(aclFile, JSON.stringify(rules({ alice: [alicePub] })));
    await hangUpAndWaitFor('ACL reloaded');
    expect(running.child.exitCode).toBeNull(); // the reload happened mid-transfer
    const ls = await lsAsAlice();
    expect(ls.code, ls.stderr).toBe(0);
    expect(ls.stdout).toContain('hers.txt');
    const copied = await running.exited;
    expect(copied.code, copied.stderr).toBe(0);
  });

  it('a broken file on reload keeps the previous ACL and logs why', async () => {
    await fsp.writeFile(aclFile, '{ "rules": [ this is not json');
    await hangUpAndWaitFor('ACL reload failed');
    expect((await lsAsAlice()).code).toBe(0);
    await fsp.writeFile(aclFile, JSON.stringify({ users: { alice: ['ssh-rsa AAAA nope'] }, rules: [] }));
    await hangUpAndWaitFor('ACL reload failed');
    expect((await lsAsAlice()).code).toBe(0);
  });
});
