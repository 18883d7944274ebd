/**
 * Verified resume (THREATS F1, F10, F11): a transfer cut off mid-file leaves its partial and
 * journal; the next copy of the same file moves only what is missing, after proving what is
 * there chunk by chunk against the source. Altered partials, changed sources and damaged
 * journals are caught, and the result always equals the source.
 */
import { spawn } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { JOURNAL_HEADER_BYTES, JOURNAL_RECORD_BYTES } from '../../src/transfer/journal.js';
import { copy } from '../helpers/copy.js';
import { BIN } from '../helpers/processes.js';
import { type Scratch, type TestServer, makeScratch, pubAcl, sha256File, startTestServer, writeRandomFile } from '../helpers/servers.js';
import { waitFor } from '../helpers/wait.js';

const MiB = 1024 * 1024;
const CHUNK = 4 * MiB;
const SIZE = 192 * MiB;
const STREAMS = 2;

describe('verified resume', () => {
  let scratch: Scratch;
  let a: TestServer;
  let b: TestServer;
  let source: string;
  let dest: string;

  beforeAll(async () => {
    scratch = await makeScratch();
    // Journal checkpoints every 64 MiB by default; the test wants some journalled before the cut.
    a = await startTestServer(pubAcl(scratch));
    b = await startTestServer(pubAcl(scratch));
    await fsp.mkdir(path.join(scratch.pub, 'src'));
    await fsp.mkdir(path.join(scratch.pub, 'dst'));
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await scratch?.cleanup();
  });
  afterEach(async () => {
    await fsp.rm(path.join(scratch.pub, 'dst'), { recursive: true, force: true });
    await fsp.mkdir(path.join(scratch.pub, 'dst'));
  });

  /** Starts a copy in a child process and SIGKILLs it once the partial holds `atBytes`. */
  async function interruptedCopy(name: string, atBytes: number): Promise<{ partial: string; journal: string }> {
    source = path.join(scratch.pub, 'src', name);
    dest = path.join(scratch.pub, 'dst', name);
    await writeRandomFile(source, SIZE);
    const child = spawn(process.execPath, [BIN, 'copy', '-q', '-p', String(STREAMS), a.url(source), b.url(dest)], { stdio: 'ignore' });
    const dir = path.dirname(dest);
    let partial = '';
    await waitFor(async () => {
      const found = (await fsp.readdir(dir)).find((n) => n.endsWith('.part'));
      if (!found) return false;
      partial = path.join(dir, found);
      return ((await fsp.stat(partial).catch(() => undefined))?.size ?? 0) >= atBytes;
    }, 20_000);
    child.kill('SIGKILL');
    // Both servers notice the client is gone, stop, and keep the partial with its journal.
    await waitFor(async () => a.server.registry.size === 0 && b.server.registry.size === 0, 5_000);
    await new Promise((r) => setTimeout(r, 200));
    await expect(fsp.stat(dest)).rejects.toThrow();
    return { partial, journal: partial.replace(/\.part$/, '.journal') };
  }

  async function journalledChunks(journal: string): Promise<number> {
    return ((await fsp.stat(journal)).size - JOURNAL_HEADER_BYTES) / JOURNAL_RECORD_BYTES;
  }

  it('F1: continues a cut-off file, moving at most what was missing plus a chunk per stream', async () => {
    const { journal } = await interruptedCopy('f1.bin', 96 * MiB);
    const journalled = await journalledChunks(journal);
    expect(journalled).toBeGreaterThan(0);
    const summary = await copy([a.at(source)], b.at(dest), { streams: STREAMS });
    expect(summary.files[0]!.status).toBe('done');
    expect(await sha256File(dest)).toBe(await sha256File(source));
    expect(summary.movedBytes).toBeLessThanOrEqual(SIZE - journalled * CHUNK + STREAMS * CHUNK);
    expect(summary.movedBytes).toBeLessThan(SIZE);
    expect(summary.movedBytes).toBeGreaterThan(0);
    expect((await fsp.readdir(path.dirname(dest))).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('F10: a source rewritten (same size, other bytes) before the resume is caught chunk by chunk', async () => {
    await interruptedCopy('f10.bin', 96 * MiB);
    const handle = await fsp.open(source, 'r+');
    await handle.write(Buffer.alloc(MiB, 0x5a), 0, MiB, 0); // first chunk changes, size does not
    await handle.close();
    const summary = await copy([a.at(source)], b.at(dest), { streams: STREAMS });
    expect(summary.files[0]!.status).toBe('done');
    expect(await sha256File(dest)).toBe(await sha256File(source));
  });

  it('a partial altered on disk after journaling is caught and repaired', async () => {
    const { partial } = await interruptedCopy('altered.bin', 96 * MiB);
    const handle = await fsp.open(partial, 'r+');
    await handle.write(Buffer.from([0xff, 0x00, 0xff]), 0, 3, CHUNK + 17); // inside journalled chunk 1
    await handle.close();
    const summary = await copy([a.at(source)], b.at(dest), { streams: STREAMS });
    expect(summary.files[0]!.status).toBe('done');
    expect(await sha256File(dest)).toBe(await sha256File(source));
  });

  it('F11: a damaged journal (truncated mid-record, garbage appended, a flipped byte) is detected; output correct', async () => {
    const { journal } = await interruptedCopy('journal.bin', 96 * MiB);
    const bytes = await fsp.readFile(journal);
    const damaged = Buffer.concat([bytes.subarray(0, bytes.length - 7), Buffer.from('garbage!')]);
    damaged[JOURNAL_HEADER_BYTES + JOURNAL_RECORD_BYTES + 10]! ^= 0x01; // flip a byte in the second record
    await fsp.writeFile(journal, damaged);
    const summary = await copy([a.at(source)], b.at(dest), { streams: STREAMS });
    expect(summary.files[0]!.status).toBe('done');
    expect(await sha256File(dest)).toBe(await sha256File(source));
    // Only the first record survived the damage: nearly everything moved again.
    expect(summary.movedBytes).toBeGreaterThan(SIZE - 2 * CHUNK);
  });

  it('--mode resume continues a complete but shorter destination, verifying it first', async () => {
    source = path.join(scratch.pub, 'src', 'grown.bin');
    dest = path.join(scratch.pub, 'dst', 'grown.bin');
    await writeRandomFile(source, 40 * MiB + 123);
    const sourceBytes = await fsp.readFile(source);
    await fsp.writeFile(dest, sourceBytes.subarray(0, 24 * MiB)); // an earlier, shorter copy
    const summary = await copy([a.at(source)], b.at(dest), { streams: STREAMS, mode: 'resume' });
    expect(summary.files[0]!.status).toBe('done');
    expect(await sha256File(dest)).toBe(await sha256File(source));
    expect(summary.movedBytes).toBeLessThanOrEqual(40 * MiB + 123 - 24 * MiB);
  });
});

describe('regression: a client leaving while its receive is prepared', () => {
  it('does not leak the earlier partial opened for the re-hash', async () => {
    const scratch = await makeScratch();
    const server = await startTestServer(pubAcl(scratch));
    try {
      const dest = path.join(scratch.pub, 'big.bin');
      // An earlier partial with a journal naming many chunks: re-hashing it takes a while.
      const { encodeJournalHeader, encodeJournalRecords } = await import('../../src/transfer/journal.js');
      const partial = path.join(scratch.pub, '.big.bin.etx-0123456789abcdef.part');
      await fsp.writeFile(partial, Buffer.alloc(128 * MiB, 1));
      const records = Array.from({ length: 32 }, (_, i) => ({ chunkIndex: i, hash: Buffer.alloc(32) }));
      await fsp.writeFile(
        partial.replace(/\.part$/, '.journal'),
        Buffer.concat([encodeJournalHeader(CHUNK), encodeJournalRecords(records)]),
      );
      const { ControlClient } = await import('../../src/client/control-client.js');
      const client = await ControlClient.connect('127.0.0.1', server.port);
      const reply = client
        .request(
          { type: 'prepareReceive', files: [{ path: dest, size: 128 * MiB, mode: 0o644 }], mode: 'new', streams: 1, chunkSizeBytes: CHUNK },
          'receiveReady',
        )
        .catch(() => undefined);
      await new Promise((r) => setTimeout(r, 20));
      client.close();
      await reply;
      await new Promise((r) => setTimeout(r, 1500));
      const open = await Promise.all((await fsp.readdir('/proc/self/fd')).map((fd) => fsp.readlink(`/proc/self/fd/${fd}`).catch(() => '')));
      expect(open.filter((target) => target.startsWith(partial))).toEqual([]);
      expect(server.server.registry.size).toBe(0);
    } finally {
      await server.close();
      await scratch.cleanup();
    }
  });
});
