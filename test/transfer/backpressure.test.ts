/**
 * A slow disk slows the sender instead of growing memory: the receiver pauses a stream while its
 * writes lag, and the sender never has more than streams x window chunks read but unacknowledged.
 */
import { describe, expect, it } from 'vitest';
import type { ChunkSource } from '../../src/transfer/chunk-source.js';
import type { FileSink } from '../../src/transfer/file-sink.js';
import { ReceiveSession } from '../../src/transfer/receiver.js';
import { SendSession } from '../../src/transfer/sender.js';
import { dial, listenFor, newTransfer, record } from '../helpers/engine.js';

describe('backpressure', () => {
  it('bounds chunks in flight by streams x window when the disk is slow', async () => {
    const MiB = 1024 * 1024;
    const size = 48 * MiB;
    const streams = 3;
    const { options, ticket } = newTransfer({ chunkSizeBytes: MiB, windowChunks: 2 });

    let reads = 0;
    let maxReadsOutstanding = 0; // chunks read by the sender and not yet acknowledged
    let writing = 0;
    let maxWriting = 0;
    let written = 0;

    const zeros = Buffer.alloc(MiB);
    const source: ChunkSource = {
      size,
      async read(_offset, length) {
        reads++;
        maxReadsOutstanding = Math.max(maxReadsOutstanding, reads - sender.acknowledgedBytes / MiB);
        return zeros.subarray(0, length);
      },
      async close() {},
    };
    const slowSink: FileSink = {
      async write(_offset, parts) {
        writing++;
        maxWriting = Math.max(maxWriting, writing);
        await new Promise((r) => setTimeout(r, 15));
        writing--;
        written += parts.reduce((n, p) => n + p.length, 0);
      },
      recordChunk() {},
      async complete() {},
      async abort() {},
    };

    const receiverOutcome = record();
    const receiver = new ReceiveSession(
      [{ index: 0, size, openSink: async () => ({ sink: slowSink, claims: [] }) }],
      options,
      receiverOutcome.observer,
    );
    const senderOutcome = record();
    const sender = new SendSession([{ index: 0, size, open: async () => source }], options, senderOutcome.observer);
    const listener = await listenFor(() => receiver, ticket);
    receiver.start();
    sender.start();
    const conns = await Promise.all(Array.from({ length: streams }, () => dial(listener, options.transferId, ticket)));
    for (const c of conns) sender.addConnection(c);

    const [r, s] = await Promise.all([receiverOutcome.done, senderOutcome.done]);
    await listener.close();
    expect(r).toEqual({ ok: true, bytes: size });
    expect(s.ok).toBe(true);
    expect(written).toBe(size);
    expect(maxReadsOutstanding).toBeLessThanOrEqual(streams * options.windowChunks);
    expect(maxWriting).toBeLessThanOrEqual(streams * options.windowChunks);
  });

  it('bounds chunks in flight by the in-flight budget however many streams there are', async () => {
    const MiB = 1024 * 1024;
    const size = 64 * MiB;
    const streams = 16;
    const { options, ticket } = newTransfer({ chunkSizeBytes: MiB, windowChunks: 4, maxInflightBytes: 4 * MiB });
    let reads = 0;
    let maxOutstanding = 0;
    const zeros = Buffer.alloc(MiB);
    const sender: SendSession = new SendSession(
      [
        {
          index: 0,
          size,
          open: async () => ({
            size,
            async read(_o: number, length: number) {
              reads++;
              maxOutstanding = Math.max(maxOutstanding, reads - sender.acknowledgedBytes / MiB);
              return zeros.subarray(0, length);
            },
            async close() {},
          }),
        },
      ],
      options,
      record().observer,
    );
    const receiverOutcome = record();
    const receiver = new ReceiveSession(
      [
        {
          index: 0,
          size,
          openSink: async () => ({ sink: { async write() {}, recordChunk() {}, async complete() {}, async abort() {} }, claims: [] }),
        },
      ],
      options,
      receiverOutcome.observer,
    );
    const listener = await listenFor(() => receiver, ticket);
    receiver.start();
    sender.start();
    const conns = await Promise.all(Array.from({ length: streams }, () => dial(listener, options.transferId, ticket)));
    for (const c of conns) sender.addConnection(c);
    expect((await receiverOutcome.done).ok).toBe(true);
    await listener.close();
    // About one chunk per stream (plus what the first streams took before the others joined),
    // never the 4 x 16 = 64 the per-stream window alone would allow.
    expect(maxOutstanding).toBeLessThanOrEqual(streams + options.windowChunks);
  });

  it('counts the window in bytes: a stream carries many small files at once, never more than 128', async () => {
    const MiB = 1024 * 1024;
    const fileSize = 4096;
    const files = 600;
    const streams = 2;
    const { options, ticket } = newTransfer({ chunkSizeBytes: MiB, windowChunks: 4 });
    let reads = 0;
    let maxOutstanding = 0;
    const sender: SendSession = new SendSession(
      Array.from({ length: files }, (_, index) => ({
        index,
        size: fileSize,
        open: async () => ({
          size: fileSize,
          async read(_o: number, length: number) {
            reads++;
            maxOutstanding = Math.max(maxOutstanding, reads - sender.acknowledgedBytes / fileSize);
            return Buffer.alloc(length);
          },
          async close() {},
        }),
      })),
      options,
      record().observer,
    );
    // A sink slow enough that the sender fills its window before the first acknowledgement.
    const sink = () => ({
      async write() {
        await new Promise((r) => setTimeout(r, 5));
      },
      recordChunk() {},
      async complete() {},
      async abort() {},
    });
    const receiverOutcome = record();
    const receiver = new ReceiveSession(
      Array.from({ length: files }, (_, index) => ({ index, size: fileSize, openSink: async () => ({ sink: sink(), claims: [] }) })),
      options,
      receiverOutcome.observer,
    );
    const listener = await listenFor(() => receiver, ticket);
    receiver.start();
    sender.start();
    const conns = await Promise.all(Array.from({ length: streams }, () => dial(listener, options.transferId, ticket)));
    for (const c of conns) sender.addConnection(c);
    expect((await receiverOutcome.done).ok).toBe(true);
    await listener.close();
    // A window of 4 chunks counted as chunks would allow 2 x 4 = 8 small files in flight.
    expect(maxOutstanding).toBeGreaterThan(streams * options.windowChunks * 4);
    expect(maxOutstanding).toBeLessThanOrEqual(streams * 128);
  });
});
