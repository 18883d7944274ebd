/**
 * `etransfer status HOST` shows a running transfer on each server; `etransfer cancel HOST ID`
 * stops it on both ends, the copy fails with E_CANCELLED, and nothing partial is published.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, runCli, startCli, startServerProcess } from '../helpers/processes.js';
import { type Scratch, makeScratch, writeAclFile } from '../helpers/servers.js';
import { waitFor } from '../helpers/wait.js';

interface Status {
  transferId: string;
  owner: string;
  role: string;
  dials: boolean;
  bytesDone: number;
  streams: number;
}

describe('etransfer status and cancel', () => {
  let scratch: Scratch;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    scratch = await makeScratch();
    const acl = await writeAclFile(scratch, ['/dev/zero', '/dev/null']);
    [a, b] = await Promise.all([startServerProcess(['--acl', acl]), startServerProcess(['--acl', acl])]);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await scratch?.cleanup();
  });

  const host = (s: ServerProcess) => `127.0.0.1#${s.controlPort}`;

  async function statusOf(s: ServerProcess): Promise<Status[]> {
    const r = await runCli(['status', '--json', host(s)]);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Status & { server?: unknown })
      .filter((o) => o.server === undefined); // the first line is the server's own object
  }

  it('shows the transfer on both servers, and cancel stops both ends; no partial is published', async () => {
    const dest = path.join(scratch.pub, 'cancelled.bin');
    const copy = startCli(['copy', '-p', '2', '--retries', '0', `${host(a)}:/dev/zero:6GiB`, `${host(b)}:${dest}`], 60_000);
    let sending: Status | undefined;
    await waitFor(async () => {
      sending = (await statusOf(a)).find((t) => t.bytesDone > 0);
      return sending !== undefined;
    }, 20_000);
    expect(sending).toMatchObject({ owner: 'anonymous at 127.0.0.1', role: 'send', dials: true, streams: 2 });
    const receiving = (await statusOf(b)).find((t) => t.transferId === sending!.transferId);
    expect(receiving).toMatchObject({ role: 'receive', dials: false });
    const table = await runCli(['status', host(a)]);
    expect(table.stdout).toMatch(new RegExp(`${sending!.transferId}\\s+anonymous at 127\\.0\\.0\\.1\\s+send \\(dials\\)`));

    const cancel = await runCli(['cancel', host(a), sending!.transferId]);
    expect(cancel.code, cancel.stderr).toBe(0);
    const ended = await copy.exited;
    expect(ended.code).toBe(1);
    expect(ended.stdout + ended.stderr).toContain('E_CANCELLED');
    await waitFor(async () => (await statusOf(a)).length === 0 && (await statusOf(b)).length === 0, 10_000);
    await expect(fsp.stat(dest)).rejects.toThrow();
  });

  it('cancel of an unknown transfer is exit 1 (E_NOT_FOUND); a malformed id is exit 2', async () => {
    const unknown = await runCli(['cancel', host(a), '0'.repeat(32)]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('E_NOT_FOUND');
    const malformed = await runCli(['cancel', host(a), 'xyz']);
    expect(malformed.code).toBe(2);
  });

  it('status of an idle server says so, after its version, uptime and totals since start (issue 8)', async () => {
    const r = await runCli(['status', host(b)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^127\\.0\\.0\\.1:${b.controlPort}: etransfer \\d+\\.\\d+\\.\\d+, up .*\\n`));
    expect(r.stdout).toMatch(/since start: received .* in \d+ file\(s\), sent .* in \d+ file\(s\); transfers \d+ done, \d+ failed\n/);
    // The cancelled transfer above is among the last errors (the operator on loopback sees its text).
    expect(r.stdout).toMatch(/last errors:\n.*E_CANCELLED/);
    expect(r.stdout.endsWith('no transfers\n')).toBe(true);
    const json = await runCli(['status', '--json', host(b)]);
    const first = JSON.parse(json.stdout.split('\n')[0]!) as { server: { version: string; transfersFailed: number; errors: unknown[] } };
    expect(first.server.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(first.server.transfersFailed).toBeGreaterThanOrEqual(1);
    expect(first.server.errors.length).toBeGreaterThanOrEqual(1);
  });
});
