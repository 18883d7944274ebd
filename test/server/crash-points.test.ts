/**
 * THREATS F3: the destination server is SIGKILLed at each step of publishing a file over an
 * existing one (a file of chunks, and a small file written whole). After a restart the final name holds the old content or the complete new one,
 * never a truncated or empty file, and a new copy completes.
 */
import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultPoint } from '../../src/transfer/fault-injection.js';
import { type ServerProcess, runCli, startServerProcess } from '../helpers/processes.js';
import { type Scratch, makeScratch, writeRandomFile, writeAclFile } from '../helpers/servers.js';

const POINTS: FaultPoint[] = ['partial-written', 'file-fsynced', 'published', 'dir-fsynced', 'journal-removed'];
const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

// A small file takes the whole-file path (read and written whole, WholeFileSink): same points.
describe.each([
  ['a file of chunks', 9 * 1024 * 1024 + 5],
  ['a small file written whole', 3000],
])('crash while publishing %s', (kind, size) => {
  let scratch: Scratch;
  let aclFile: string;
  let source: ServerProcess;
  let newHash: string;
  let srcPath: string;
  const OLD = Buffer.from('the old version of the file\n');

  beforeAll(async () => {
    scratch = await makeScratch();
    aclFile = await writeAclFile(scratch);
    source = await startServerProcess(['--acl', aclFile]);
    srcPath = path.join(scratch.pub, 'new-version.bin');
    newHash = await writeRandomFile(srcPath, size);
  });
  afterAll(async () => {
    await source?.stop();
    await scratch?.cleanup();
  });

  it.each(POINTS)('killed after "%s": the final is old or new, whole; a retry completes', async (point) => {
    const dest = path.join(scratch.pub, `target-${point}.bin`);
    expect(kind).toBeTruthy();
    await fsp.writeFile(dest, OLD);
    const crashing = await startServerProcess(['--acl', aclFile], 0, { ...process.env, ETX_FAULT: `crash:${point}` });
    const first = await runCli([
      'copy',
      '--overwrite',
      '--retries',
      '0',
      `127.0.0.1#${source.controlPort}:${srcPath}`,
      `127.0.0.1#${crashing.controlPort}:${dest}`,
    ]);
    await new Promise((resolve) =>
      crashing.child.exitCode !== null || crashing.child.signalCode !== null ? resolve(null) : crashing.child.once('exit', resolve),
    );
    expect(crashing.child.signalCode).toBe('SIGKILL');
    expect(first.code).not.toBe(0);
    const after = sha(await fsp.readFile(dest));
    expect([sha(OLD), newHash]).toContain(after);

    const healthy = await startServerProcess(['--acl', aclFile], crashing.controlPort);
    try {
      const again = await runCli([
        'copy',
        '--overwrite',
        `127.0.0.1#${source.controlPort}:${srcPath}`,
        `127.0.0.1#${healthy.controlPort}:${dest}`,
      ]);
      expect(again.code, again.stderr + again.stdout).toBe(0);
      expect(sha(await fsp.readFile(dest))).toBe(newHash);
    } finally {
      await healthy.stop();
    }
  });

  it('F5: an fsync that fails with EIO fails that attempt (E_IO); the retry re-sends the file in full', async () => {
    const dest = path.join(scratch.pub, 'eio-target.bin');
    await fsp.writeFile(dest, OLD);
    const flaky = await startServerProcess(['--acl', aclFile], 0, { ...process.env, ETX_FAULT: 'eio:file-fsynced' });
    try {
      const r = await runCli([
        'copy',
        '--overwrite',
        '--retry-delay-ms',
        '50',
        `127.0.0.1#${source.controlPort}:${srcPath}`,
        `127.0.0.1#${flaky.controlPort}:${dest}`,
      ]);
      expect(r.code, r.stderr + r.stdout).toBe(0);
      expect(r.stdout).toContain('retrying 1 file(s)');
      // Nothing of the failed attempt was trusted: no resume from its partial.
      expect(r.stdout).not.toContain('already there');
      expect(sha(await fsp.readFile(dest))).toBe(newHash);
      // (A crash above may leave a small file's partial: it has no journal to resume from, and the
      // orphan sweep removes it; this attempt's own partial must be gone.)
      expect((await fsp.readdir(scratch.pub)).filter((n) => n.startsWith('.eio-target.bin'))).toEqual([]);
    } finally {
      await flaky.stop();
    }
  });
});
