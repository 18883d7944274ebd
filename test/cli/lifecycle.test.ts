/**
 * Issue 8: a second server on the same ports fails at start with a clear message (exit 2, the
 * port and the likely cause), leaving the first one serving; start-up says where it listens and
 * which ACL applies.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ServerProcess, runCli, startServerProcess } from '../helpers/processes.js';
import { type Scratch, makeScratch, writeAclFile } from '../helpers/servers.js';

describe('server lifecycle', () => {
  let scratch: Scratch;
  let aclFile: string;
  let first: ServerProcess;

  beforeAll(async () => {
    scratch = await makeScratch();
    aclFile = await writeAclFile(scratch);
    first = await startServerProcess(['--acl', aclFile, '--log-level', 'info']);
  });
  afterAll(async () => {
    await first?.stop();
    await scratch?.cleanup();
  });

  it('start-up logs where it listens and which ACL is in force', async () => {
    await vi.waitFor(() => expect(first.log.some((l) => l.includes('ACL in force'))).toBe(true));
    const lines = first.log.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    const listening = lines.find((l) => l.msg === 'etransfer server listening');
    expect(listening?.control).toBe(`127.0.0.1:${first.controlPort}`);
    expect(Array.isArray(listening?.data)).toBe(true);
    expect(lines.find((l) => l.msg === 'ACL in force')).toMatchObject({ acl: aclFile, rules: expect.any(Number) });
  });

  it('a second server on the same control port: exit 2, naming the port and the likely cause; the first keeps serving', async () => {
    const second = await runCli(
      ['serve', '--control', `127.0.0.1:${first.controlPort}`, '--data', '127.0.0.1:0', '--acl', aclFile],
      15_000,
    );
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`control port 127.0.0.1:${first.controlPort}`);
    expect(second.stderr).toMatch(/in use.*another etransfer server/);
    const listed = await runCli(['ls', `127.0.0.1#${first.controlPort}:${scratch.pub}`]);
    expect(listed.code, listed.stderr).toBe(0);
  });
});
