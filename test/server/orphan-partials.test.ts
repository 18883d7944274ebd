/**
 * THREATS F15: partials nobody resumed are swept at start-up once older than the grace period;
 * young ones stay, and a user's file that merely looks like a partial is never touched.
 */
import { spawn } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/processes.js';
import { type Scratch, makeScratch, pubAcl, startTestServer } from '../helpers/servers.js';
import { waitFor } from '../helpers/wait.js';

describe('orphan partials', () => {
  let scratch: Scratch;
  let stateDir: string;

  beforeAll(async () => {
    scratch = await makeScratch();
    stateDir = path.join(scratch.root, 'state');
    await fsp.mkdir(stateDir);
  });
  afterAll(async () => {
    await scratch?.cleanup();
  });

  it('sweeps old abandoned partials at start-up and nothing else', async () => {
    const acl = pubAcl(scratch);
    let dest = await startTestServer(acl, {}, stateDir);
    const src = await startTestServer(acl);
    // A transfer whose client dies leaves a partial (kept for resume) that is listed in the state dir.
    const child = spawn(
      process.execPath,
      [BIN, 'copy', '-q', src.url('/dev/zero:64GiB'), dest.url(path.join(scratch.pub, 'abandoned.bin'))],
      {
        stdio: 'ignore',
      },
    );
    await waitFor(async () => (await fsp.readdir(scratch.pub)).some((n) => n.endsWith('.part')), 15_000);
    child.kill('SIGKILL');
    await waitFor(async () => dest.server.registry.size === 0, 5_000);
    await dest.close();
    await src.close();

    const names = await fsp.readdir(scratch.pub);
    const partial = path.join(scratch.pub, names.find((n) => n.endsWith('.part'))!);
    const lookalike = path.join(scratch.pub, '.users-own.etx-0123456789abcdef.part');
    await fsp.writeFile(lookalike, 'mine');
    const old = new Date(Date.now() - 3600_000);
    for (const p of [partial, lookalike]) await fsp.utimes(p, old, old);

    // Young enough: kept.
    dest = await startTestServer(acl, { orphanGraceMs: 2 * 3600_000 }, stateDir);
    await dest.close();
    expect(await fsp.readdir(scratch.pub)).toContain(path.basename(partial));

    // Past the grace period: swept with its journal; the look-alike stays.
    dest = await startTestServer(acl, { orphanGraceMs: 60_000 }, stateDir);
    await dest.close();
    expect((await fsp.readdir(scratch.pub)).sort()).toEqual([path.basename(lookalike)]);
    expect(await fsp.readFile(lookalike, 'utf8')).toBe('mine');
  });
});
