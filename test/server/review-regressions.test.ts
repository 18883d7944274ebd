/**
 * Regressions from the security review of the pinned-folder, resume and transfer-id code: each
 * test names the bug it pins down. Real files, the server's own FsAccess and a real server.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ControlClient } from '../../src/client/control-client.js';
import { ANONYMOUS } from '../../src/common/acl.js';
import { FsAccess } from '../../src/server/fs-access.js';
import { pinnedDirectoryCount } from '../../src/transfer/pinned-directory.js';
import { type Scratch, makeScratch, pubAcl, sentinelState, startTestServer, writeRandomFile } from '../helpers/servers.js';

describe('review regressions', () => {
  let scratch: Scratch;
  let fsa: FsAccess;
  let sentinel: string;

  beforeEach(async () => {
    scratch = await makeScratch();
    sentinel = await sentinelState(scratch);
    const acl = pubAcl(scratch);
    fsa = new FsAccess(() => acl);
  });

  afterEach(async () => {
    expect(await sentinelState(scratch)).toBe(sentinel);
    await scratch.cleanup();
  });

  it('regression: a pin shared after its folder was moved away sent new files into the moved folder', async () => {
    const d = path.join(scratch.pub, 'd');
    await fsp.mkdir(d);
    const first = await fsa.planWrite(ANONYMOUS, { path: path.join(d, 'a'), size: 1, mode: 0o644 }, 'new');
    const { sink: holding } = await first.openSink!('aa'.repeat(16), 1024 * 1024); // holds the pin of pub/d
    const movedTo = path.join(scratch.outside, 'd');
    await fsp.rename(d, movedTo);
    // Judged as pub/d/b (pub/d is gone, so it will be made afresh): it must land there, not in outside/d.
    const second = await fsa.planWrite(ANONYMOUS, { path: path.join(d, 'b'), size: 1, mode: 0o644 }, 'new');
    const { sink } = await second.openSink!('bb'.repeat(16), 1024 * 1024);
    await sink.write(0, [Buffer.from('b')]);
    await sink.complete();
    expect(await fsp.readFile(path.join(d, 'b'), 'utf8')).toBe('b');
    expect((await fsp.readdir(movedTo)).filter((n) => n.startsWith('b') || n.startsWith('.b'))).toEqual([]);
    await holding.abort(false);
    await fsp.rm(movedTo, { recursive: true });
    expect(pinnedDirectoryCount()).toBe(0);
  });

  it('regression: missing folders were made with mkdir -p by path, following a link planted after the check', async () => {
    const plan = await fsa.planWrite(ANONYMOUS, { path: path.join(scratch.pub, 'n1', 'n2', 'x'), size: 1, mode: 0o644 }, 'new');
    expect(plan.outcome.state).toBe('accepted');
    await fsp.symlink(scratch.outside, path.join(scratch.pub, 'n1'));
    await expect(plan.openSink!('99'.repeat(16), 1024 * 1024)).rejects.toMatchObject({ code: 'E_PATH' });
    expect((await fsp.readdir(scratch.outside)).sort()).toEqual(['sentinel']);
    expect(pinnedDirectoryCount()).toBe(0);
  });

  it('regression: resuming followed a link planted at the journal\u2019s ".new" name and overwrote its target', async () => {
    const victim = path.join(scratch.outside, 'victim');
    await fsp.writeFile(victim, 'precious');
    const dest = path.join(scratch.pub, 'big');
    const size = 3 * 1024 * 1024;
    const chunk = 1024 * 1024;
    const plan = await fsa.planWrite(ANONYMOUS, { path: dest, size, mode: 0o644 }, 'new');
    const { sink } = await plan.openSink!('cc'.repeat(16), chunk);
    await sink.write(0, [randomBytes(chunk)]);
    sink.recordChunk(0, Buffer.alloc(32));
    await sink.abort(true); // kept for a resume, with its journal
    const journal = (await fsp.readdir(scratch.pub)).find((n) => n.endsWith('.journal'))!;
    await fsp.symlink(victim, path.join(scratch.pub, `${journal}.new`));
    const again = await fsa.planWrite(ANONYMOUS, { path: dest, size, mode: 0o644 }, 'new');
    expect(again.mayResume).toBe(true);
    const { sink: resumed } = await again.openSink!('dd'.repeat(16), chunk);
    await resumed.abort(false);
    expect(await fsp.readFile(victim, 'utf8')).toBe('precious');
  });

  it('regression: a FIFO planted under a journal\u2019s name held a thread-pool thread forever', async () => {
    const dest = path.join(scratch.pub, 'f');
    const name = `.f.etx-${'ee'.repeat(16)}`;
    await fsp.writeFile(path.join(scratch.pub, `${name}.part`), 'x');
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [path.join(scratch.pub, `${name}.journal`)]);
    const plan = await fsa.planWrite(ANONYMOUS, { path: dest, size: 5, mode: 0o644 }, 'new');
    const opened = plan.openSink!('ff'.repeat(16), 1024 * 1024);
    const result = await Promise.race([opened.then(() => 'opened'), new Promise((r) => setTimeout(() => r('hung'), 3000))]);
    expect(result).toBe('opened');
    const { sink } = await opened;
    await sink.abort(false);
  });

  it('regression: two prepareSend requests racing on one transfer id both passed, and a quota slot leaked', async () => {
    const server = await startTestServer(pubAcl(scratch), { maxTransfersPerUser: 2 });
    const client = await ControlClient.connect('127.0.0.1', server.port);
    try {
      const src = path.join(scratch.pub, 'src');
      await writeRandomFile(src, 100);
      const transferId = randomBytes(16).toString('hex');
      const send = () =>
        client.request(
          {
            type: 'prepareSend',
            transferId,
            ticket: randomBytes(32),
            files: [{ path: src, size: 100, mode: 0o644 }],
            accepted: [0],
            streams: 1,
            chunkSizeBytes: 0,
            dialAddresses: [],
          },
          'sendReady',
        );
      const results = await Promise.allSettled([send(), send()]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'E_TICKET' });
      await client.request({ type: 'cancel', transferId }, 'ack');
      // Both quota slots are free again: two new transfers fit.
      for (let i = 0; i < 20 && server.server.registry.size > 0; i++) await new Promise((r) => setTimeout(r, 50));
      const other = await ControlClient.connect('127.0.0.1', server.port);
      try {
        for (const n of ['q1', 'q2']) {
          await other.request(
            {
              type: 'prepareReceive',
              files: [{ path: path.join(scratch.pub, n), size: 1, mode: 0o644 }],
              mode: 'new',
              streams: 1,
              chunkSizeBytes: 0,
            },
            'receiveReady',
          );
        }
      } finally {
        other.close();
      }
    } finally {
      client.close();
      await server.close();
    }
  });
});
