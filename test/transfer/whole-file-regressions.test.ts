/**
 * Regressions found in review of the small-file path: a small file that arrives as an ordinary
 * chunk (not in a FILES frame) was written from a pool buffer that the next chunk reused, and
 * was published corrupted while both ends reported success.
 */
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileChunkSource, readWholeFile } from '../../src/transfer/chunk-source.js';
import { ReceiveSession } from '../../src/transfer/receiver.js';
import { SendSession } from '../../src/transfer/sender.js';
import { planFileWrite } from '../../src/transfer/write-plan.js';
import { dial, listenFor, newTransfer, record } from '../helpers/engine.js';

describe('whole-file sink regressions', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'etx-whole-'));
  });
  afterEach(async () => {
    await fsp.rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['64 KiB files in 64 KiB chunks (too big for a FILES frame)', 65_536, 65_536, 65_536],
    ['1.5 MiB files under a 2 MiB small-file size, 4 MiB chunks', 1_572_864, 4 * 1024 * 1024, 2 * 1024 * 1024],
  ])('regression: small files sent as ordinary chunks arrive intact (%s)', async (_name, size, chunkSizeBytes, smallFileBytes) => {
    const src = path.join(dir, 's');
    const dst = path.join(dir, 'd');
    await fsp.mkdir(src);
    await fsp.mkdir(dst);
    const files = Array.from({ length: 40 }, (_, i) => ({ name: `f${i}`, data: Buffer.alloc(size, i + 1) }));
    for (const f of files) await fsp.writeFile(path.join(src, f.name), f.data);
    const { options, ticket } = newTransfer({ chunkSizeBytes, smallFileBytes });
    const plans = await Promise.all(files.map((f) => planFileWrite(path.join(dst, f.name), f.name, 'new', 0o644, size)));
    const received = record();
    const sent = record();
    const receiver = new ReceiveSession(
      files.map((_, index) => ({
        index,
        size,
        openSink: () => plans[index]!.openSink!(options.transferId, chunkSizeBytes, smallFileBytes),
      })),
      options,
      received.observer,
    );
    const sender = new SendSession(
      files.map((f, index) => {
        const p = path.join(src, f.name);
        return { index, size, open: () => FileChunkSource.open(p, size), readWhole: () => readWholeFile(p, size) };
      }),
      options,
      sent.observer,
    );
    const listener = await listenFor(() => receiver, ticket);
    receiver.start();
    sender.start();
    for (let s = 0; s < 3; s++) sender.addConnection(await dial(listener, options.transferId, ticket));
    const [a, b] = await Promise.all([sent.done, received.done]);
    await listener.close();
    expect(a.ok && b.ok).toBe(true);
    for (const f of files) expect((await fsp.readFile(path.join(dst, f.name))).equals(f.data), f.name).toBe(true);
  });
});
