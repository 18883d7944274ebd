/**
 * Faults on the data path, through a chaos proxy between a real sender and receiver: a flipped
 * bit is caught by the chunk hash and the chunk sent again; a cut or black-holed stream gives
 * its chunks back to the others; the published file always equals the source.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialData } from '../../src/transfer/data-connection.js';
import { FileChunkSource } from '../../src/transfer/chunk-source.js';
import { PartialFileSink } from '../../src/transfer/file-sink.js';
import { ReceiveSession } from '../../src/transfer/receiver.js';
import { SendSession } from '../../src/transfer/sender.js';
import type { SessionOptions } from '../../src/transfer/session-types.js';
import { type ConnectionScript, startChaosProxy } from '../helpers/chaos-proxy.js';
import { listenFor, newTransfer, record } from '../helpers/engine.js';

const MiB = 1024 * 1024;
/** Bytes on a data connection before the first frame: dialer hello (56) and proof (36). */
const HANDSHAKE_UP_BYTES = 92;

describe('data path faults', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'etx-faults-'));
  });
  afterEach(async () => {
    await fsp.rm(dir, { recursive: true, force: true });
  });

  /** Moves a random file over `streams` connections through the proxy; returns outcomes. */
  async function transfer(
    size: number,
    streams: number,
    script: (n: number) => ConnectionScript,
    overrides: Partial<SessionOptions> = {},
    whileRunning?: (source: string) => Promise<void>,
  ) {
    const data = randomBytes(size);
    const source = path.join(dir, 'source.bin');
    const dest = path.join(dir, 'dest.bin');
    await fsp.writeFile(source, data);
    const { options, ticket } = newTransfer({ chunkSizeBytes: MiB, windowChunks: 2, ...overrides });
    const receiverOutcome = record();
    const receiver = new ReceiveSession(
      [
        {
          index: 0,
          size,
          openSink: () =>
            PartialFileSink.open({
              finalPath: dest,
              mode: 'new',
              fileMode: 0o644,
              transferId: options.transferId,
              label: 'dest',
              size,
              chunkSize: options.chunkSizeBytes,
            }),
        },
      ],
      options,
      receiverOutcome.observer,
    );
    const senderOutcome = record();
    const sender = new SendSession([{ index: 0, size, open: () => FileChunkSource.open(source, size) }], options, senderOutcome.observer);
    const listener = await listenFor(() => receiver, ticket);
    const proxy = await startChaosProxy(listener.address, script);
    receiver.start();
    sender.start();
    for (let i = 0; i < streams; i++) {
      const conn = await dialData([proxy.address], options.transferId, ticket, { connectTimeoutMs: 2000, handshakeTimeoutMs: 2000 });
      sender.addConnection(conn);
    }
    await whileRunning?.(source);
    const [received, sent] = await Promise.all([receiverOutcome.done, senderOutcome.done]);
    await proxy.close();
    await listener.close();
    return { data, dest, received, sent, receiverFiles: receiverOutcome.files, upstream: proxy.upstreamBytes };
  }

  it('F6: a flipped bit on stream 2 is caught and the chunk re-sent; the file arrives intact', async () => {
    const r = await transfer(24 * MiB, 3, (n) => (n === 1 ? { flipAt: { offset: HANDSHAKE_UP_BYTES + 123_456 + 56, mask: 0x08 } } : {}));
    expect(r.received).toEqual({ ok: true, bytes: 24 * MiB });
    expect(r.receiverFiles.get(0)).toEqual({ ok: true });
    // The corrupted chunk crossed twice: once bad, once good.
    expect(r.upstream.reduce((a, b) => a + b, 0)).toBeGreaterThan(25 * MiB);
    expect(
      createHash('sha256')
        .update(await fsp.readFile(r.dest))
        .digest('hex'),
    ).toBe(createHash('sha256').update(r.data).digest('hex'));
  });

  it('F6: once a chunk has used up its attempts, the file fails with E_CHECKSUM and nothing is published', async () => {
    const r = await transfer(2 * MiB, 1, () => ({ flipAt: { offset: HANDSHAKE_UP_BYTES + 100, mask: 1 } }), { maxChunkAttempts: 1 });
    expect(r.receiverFiles.get(0)).toEqual({ ok: false, code: 'E_CHECKSUM' });
    await expect(fsp.stat(r.dest)).rejects.toThrow();
    expect((await fsp.readdir(dir)).sort()).toEqual(['source.bin']);
  });

  it('F7: a stream cut mid-transfer gives its chunks to the others; the file arrives intact', async () => {
    const r = await transfer(32 * MiB, 3, (n) => (n === 0 ? { cutAfterBytes: 3 * MiB } : {}));
    expect(r.received).toEqual({ ok: true, bytes: 32 * MiB });
    expect((await fsp.readFile(r.dest)).equals(r.data)).toBe(true);
  });

  it('F7: a black-holed stream times out, its chunks go to the others, and bytes re-sent stay bounded', async () => {
    const r = await transfer(32 * MiB, 3, (n) => (n === 1 ? { blackHoleAfterBytes: 5 * MiB } : {}), { idleTimeoutMs: 1000 });
    expect(r.received).toEqual({ ok: true, bytes: 32 * MiB });
    expect((await fsp.readFile(r.dest)).equals(r.data)).toBe(true);
    const sent = r.upstream.reduce((a, b) => a + b, 0);
    // At most the size plus what the dead stream held in flight (window x chunk) plus framing.
    expect(sent).toBeLessThan(32 * MiB + 2 * MiB + 5 * MiB + 64 * 1024);
  });

  it('F13: a source appended to while it is read fails with E_SOURCE_CHANGED and is not published', async () => {
    const r = await transfer(
      32 * MiB,
      2,
      () => ({}),
      {},
      (source) => fsp.appendFile(source, 'x'),
    );
    expect(r.receiverFiles.get(0)).toEqual({ ok: false, code: 'E_SOURCE_CHANGED' });
    await expect(fsp.stat(r.dest)).rejects.toThrow();
    expect((await fsp.readdir(dir)).sort()).toEqual(['source.bin']);
  });
});
