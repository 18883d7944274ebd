/** Planning writes: the mode rules, and (regression) one folder listing per request, not per file. */
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DirectoryListings } from '../../src/transfer/file-sink.js';
import { planFileWrite } from '../../src/transfer/write-plan.js';

describe('planFileWrite', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'etx-plan-'));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await fsp.rm(dir, { recursive: true, force: true });
  });

  it('applies the write modes to an existing file', async () => {
    const existing = path.join(dir, 'there');
    await fsp.writeFile(existing, 'x');
    expect((await planFileWrite(existing, 'there', 'new', 0o644, 1)).outcome).toMatchObject({
      state: 'failed',
      error: { code: 'E_EXISTS' },
    });
    expect((await planFileWrite(existing, 'there', 'skip-existing', 0o644, 1)).outcome.state).toBe('skipped');
    expect((await planFileWrite(existing, 'there', 'overwrite', 0o644, 1)).outcome.state).toBe('accepted');
    expect((await planFileWrite(dir, 'dir', 'overwrite', 0o644, 1)).outcome).toMatchObject({
      state: 'failed',
      error: { code: 'E_IS_A_DIRECTORY' },
    });
  });

  it('regression: planning many files of one folder reads that folder once (was once per file)', async () => {
    const readdir = vi.spyOn(fsp, 'readdir');
    const listings = new DirectoryListings();
    for (let i = 0; i < 200; i++) await planFileWrite(path.join(dir, `f${i}`), `f${i}`, 'new', 0o644, 10, undefined, listings);
    expect(readdir).toHaveBeenCalledTimes(1);
  });
});
