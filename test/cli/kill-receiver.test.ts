/**
 * THREATS F1 at the process level: the destination server is SIGKILLed at about half of a
 * 512 MiB transfer and restarted; the client's retry resumes from the journal. Nothing appears
 * under the final name before completion, the result is identical, and the bytes moved again
 * are at most what was not journalled plus one chunk per stream.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNAL_HEADER_BYTES, JOURNAL_RECORD_BYTES } from '../../src/transfer/journal.js';
import { parseSize } from '../../src/common/units.js';
import { type ServerProcess, startCli, startServerProcess } from '../helpers/processes.js';
import { type Scratch, makeScratch, sha256File, writeRandomFile, writeAclFile } from '../helpers/servers.js';
import { waitFor } from '../helpers/wait.js';

const MiB = 1024 * 1024;
const SIZE = 512 * MiB;
const CHUNK = 4 * MiB;
const STREAMS = 4;

describe('the destination server dies mid-file', () => {
  let scratch: Scratch;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    scratch = await makeScratch();
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await scratch?.cleanup();
  });

  it('F1: kill -9 at half; after a restart the retry resumes from the journal and the file is identical', async () => {
    const aclFile = await writeAclFile(scratch);
    const source = path.join(scratch.pub, 'source.bin');
    await writeRandomFile(source, SIZE);
    const dest = path.join(scratch.pub, 'dest.bin');
    const a = await startServerProcess(['--acl', aclFile]);
    let b = await startServerProcess(['--acl', aclFile]);
    servers.push(a, b);
    const copy = startCli([
      'copy',
      '-p',
      String(STREAMS),
      '--retry-delay-ms',
      '500',
      `127.0.0.1#${a.controlPort}:${source}`,
      `127.0.0.1#${b.controlPort}:${dest}`,
    ]);

    let partial = '';
    await waitFor(async () => {
      const found = (await fsp.readdir(scratch.pub)).find((n) => n.startsWith('.dest.bin.etx-') && n.endsWith('.part'));
      if (found) partial = path.join(scratch.pub, found);
      if (!found || ((await fsp.stat(partial).catch(() => undefined))?.size ?? 0) < SIZE / 2) return false;
      // ...and the journal has recorded something (it does at checkpoints: 256 MiB, or 2 s).
      const journal = await fsp.stat(partial.replace(/\.part$/, '.journal')).catch(() => undefined);
      return (journal?.size ?? 0) > JOURNAL_HEADER_BYTES;
    }, 60_000);
    b.child.kill('SIGKILL');
    await new Promise((resolve) => b.child.once('exit', resolve));
    const journalled = ((await fsp.stat(partial.replace(/\.part$/, '.journal'))).size - JOURNAL_HEADER_BYTES) / JOURNAL_RECORD_BYTES;
    await expect(fsp.stat(dest)).rejects.toThrow();
    b = await startServerProcess(['--acl', aclFile], b.controlPort);
    servers.push(b);

    const { code, stdout, stderr } = await copy.exited;
    expect(code, stderr).toBe(0);
    expect(await sha256File(dest)).toBe(await sha256File(source));
    const already = /, ([\d.]+ [KMG]iB) of it already there/.exec(stdout);
    expect(already, stdout).not.toBeNull();
    const moved = SIZE - parseSize(already![1]!.replace(' ', ''));
    // 3 significant digits in the summary: allow half a percent of slack.
    expect(moved).toBeLessThanOrEqual(SIZE - journalled * CHUNK + STREAMS * CHUNK + SIZE * 0.005);
    expect((await fsp.readdir(scratch.pub)).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});
