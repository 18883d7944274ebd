/**
 * THREATS F4 on a real full disk: a small tmpfs mounted by the test (root only, as in CI). A copy
 * that cannot fit is refused before any ticket; one that runs out of space mid-file fails with
 * E_NO_SPACE, is not retried, leaves the old file intact and no partial, and the server goes on.
 */
import { execFileSync } from 'node:child_process';
import { promises as fsp, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copy } from '../helpers/copy.js';
import { type Scratch, type TestServer, makeScratch, pubAcl, startTestServer, writeRandomFile } from '../helpers/servers.js';

const MiB = 1024 * 1024;
/** Root, and allowed to mount (a container may forbid it): only then is a real full disk at hand. */
function canMountTmpfs(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(path.join(os.tmpdir(), 'etx-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

describe.skipIf(!canMountTmpfs())('disk full (tmpfs of 8 MiB)', () => {
  let scratch: Scratch;
  let small: string;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    scratch = await makeScratch();
    small = path.join(scratch.pub, 'small');
    await fsp.mkdir(small);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', small]);
    a = await startTestServer(pubAcl(scratch));
    b = await startTestServer(pubAcl(scratch), { freeSpaceMarginBytes: 0 });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    if (small) execFileSync('umount', ['-l', small]);
    await scratch?.cleanup();
  });

  it('(a) refuses a 16 MiB copy before any ticket, keeping the old file', async () => {
    const src = path.join(scratch.pub, 'big16.bin');
    await writeRandomFile(src, 16 * MiB);
    const dest = path.join(small, 'kept.bin');
    await fsp.writeFile(dest, Buffer.alloc(1024, 7));
    const summary = await copy([a.at(src)], b.at(dest), { mode: 'overwrite', retries: 3, retryDelayMs: 10 });
    expect(summary.files[0]!.error?.code).toBe('E_NO_SPACE');
    expect(await fsp.readFile(dest)).toEqual(Buffer.alloc(1024, 7));
    expect((await fsp.readdir(small)).sort()).toEqual(['kept.bin']);
  });

  it('(b) two 5 MiB copies racing for 8 MiB: the loser fails E_NO_SPACE mid-file, intact old file, no partial', async () => {
    const names = ['race1.bin', 'race2.bin'];
    const sources = await Promise.all(
      names.map(async (n) => {
        const p = path.join(scratch.pub, n);
        await writeRandomFile(p, 5 * MiB);
        return p;
      }),
    );
    for (const n of names) await fsp.writeFile(path.join(small, n), 'old');
    await fsp.rm(path.join(small, 'kept.bin'), { force: true });
    const summaries = await Promise.all(
      sources.map((s, i) =>
        copy([a.at(s)], b.at(path.join(small, names[i]!)), { mode: 'overwrite', retries: 2, retryDelayMs: 10, chunkSizeBytes: 1 * MiB }),
      ),
    );
    const outcomes = summaries.map((s) => s.files[0]!);
    const failed = outcomes.filter((o) => o.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const f of failed) {
      expect(f.error?.code).toBe('E_NO_SPACE');
      expect(await fsp.readFile(f.destination, 'utf8')).toBe('old');
    }
    // No partial or journal is left behind, and the disk is usable again.
    expect((await fsp.readdir(small)).filter((n) => n.startsWith('.'))).toEqual([]);
    const tiny = path.join(scratch.pub, 'tiny.txt');
    await fsp.writeFile(tiny, 'still serving');
    await fsp.rm(path.join(small, names[0]!));
    const after = await copy([a.at(tiny)], b.at(path.join(small, 'tiny.txt')));
    expect(after.files[0]!.status).toBe('done');
  });
});
