/**
 * Regression tests for bugs a review of the data path found; each is named after its bug.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DataFrame, FrameDecoder, FrameType, encodeAck, encodeChunkHeader, encodeReady } from '../../src/common/data-frames.js';
import type { ChunkSource } from '../../src/transfer/chunk-source.js';
import { acceptData } from '../../src/transfer/data-connection.js';
import { DataStream } from '../../src/transfer/data-stream.js';
import { PartialFileSink } from '../../src/transfer/file-sink.js';
import { encodeJournalHeader } from '../../src/transfer/journal.js';
import { ReceiveSession } from '../../src/transfer/receiver.js';
import { SendSession } from '../../src/transfer/sender.js';
import { dial, listenFor, newTransfer, record } from '../helpers/engine.js';
import { hashChunk } from '../../src/transfer/chunk-hash.js';

const MiB = 1024 * 1024;

function frames(socket: net.Socket): DataFrame[] {
  const decoder = new FrameDecoder();
  const out: DataFrame[] = [];
  socket.on('data', (d: Buffer) => out.push(...decoder.push(d)));
  socket.resume();
  return out;
}

describe('review regressions', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'etx-review-'));
  });
  afterEach(async () => {
    await fsp.rm(dir, { recursive: true, force: true });
  });

  it('regression: ACKs for chunks never sent cannot drive the sender to read without bound', async () => {
    const { options, ticket } = newTransfer({ chunkSizeBytes: MiB, windowChunks: 2 });
    let reads = 0;
    const source: ChunkSource = {
      size: 400 * MiB,
      async read(_o, length) {
        reads++;
        await new Promise((r) => setTimeout(r, 20)); // slow enough for the ACKs to arrive first
        return Buffer.alloc(length);
      },
      async close() {},
    };
    const outcome = record();
    const sender = new SendSession([{ index: 0, size: 400 * MiB, open: async () => source }], options, outcome.observer);
    // A hostile receiver: READY, then acknowledgements for chunks it was never sent.
    const server = net.createServer((socket) => {
      socket.on('error', () => {});
      acceptData(socket, { handshakeTimeoutMs: 2000, ticketFor: () => ticket }).then(
        (conn) => {
          conn.socket.write(encodeReady());
          for (let i = 0; i < 400; i++) conn.socket.write(encodeAck(0, i * MiB, MiB));
        },
        () => socket.destroy(),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { dialData } = await import('../../src/transfer/data-connection.js');
    sender.start();
    sender.addConnection(
      await dialData([`127.0.0.1:${(server.address() as net.AddressInfo).port}`], options.transferId, ticket, {
        connectTimeoutMs: 1000,
        handshakeTimeoutMs: 1000,
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(reads).toBeLessThanOrEqual(options.windowChunks + 1);
    sender.cancel();
    await outcome.done;
    server.close();
  });

  it('regression: a file whose partial cannot be opened before any stream exists does not stall the others', async () => {
    const { options, ticket } = newTransfer({ chunkSizeBytes: MiB });
    const good = randomBytes(3 * MiB);
    const dest = path.join(dir, 'good.bin');
    const outcome = record();
    const receiver = new ReceiveSession(
      [
        {
          index: 0,
          size: 2 * MiB,
          mayResume: true,
          openSink: () => Promise.reject(Object.assign(new Error('permission denied'), { code: 'EACCES' })),
        },
        {
          index: 1,
          size: good.length,
          openSink: () =>
            PartialFileSink.open({
              finalPath: dest,
              mode: 'new',
              fileMode: 0o644,
              transferId: options.transferId,
              label: 'good',
              size: good.length,
              chunkSize: MiB,
            }),
        },
      ],
      options,
      outcome.observer,
    );
    const failedEarly = await receiver.prepare();
    expect(failedEarly.get(0)?.code).toBe('E_IO');
    const senderOutcome = record();
    const sender = new SendSession(
      [
        { index: 0, size: 2 * MiB, open: async () => zeroSource(2 * MiB) },
        { index: 1, size: good.length, open: async () => bufferSource(good) },
      ],
      options,
      senderOutcome.observer,
    );
    const listener = await listenFor(() => receiver, ticket);
    receiver.start();
    sender.start();
    sender.addConnection(await dial(listener, options.transferId, ticket));
    const [r] = await Promise.all([outcome.done, senderOutcome.done]);
    await listener.close();
    expect(r.ok).toBe(true);
    expect(outcome.files.get(1)).toEqual({ ok: true });
    expect((await fsp.readFile(dest)).equals(good)).toBe(true);
  });

  it('regression: an ABORT for a file the sender finished does not end the sender before the others', async () => {
    const { options, ticket } = newTransfer({ chunkSizeBytes: MiB });
    const first = randomBytes(MiB);
    const second = randomBytes(24 * MiB);
    const finals = [path.join(dir, 'first.bin'), path.join(dir, 'second.bin')];
    const outcome = record();
    const receiver = new ReceiveSession(
      [first, second].map((data, index) => ({
        index,
        size: data.length,
        openSink: async () => {
          const opened = await PartialFileSink.open({
            finalPath: finals[index]!,
            mode: 'new',
            fileMode: 0o644,
            transferId: options.transferId,
            label: `f${index}`,
            size: data.length,
            chunkSize: MiB,
          });
          // Someone else creates the first file meanwhile: its publish fails with E_EXISTS.
          if (index === 0) await fsp.writeFile(finals[0]!, 'someone else');
          return opened;
        },
      })),
      options,
      outcome.observer,
    );
    const senderOutcome = record();
    const sender = new SendSession(
      [first, second].map((data, index) => ({ index, size: data.length, open: async () => bufferSource(data) })),
      options,
      senderOutcome.observer,
    );
    const listener = await listenFor(() => receiver, ticket);
    receiver.start();
    sender.start();
    for (let i = 0; i < 2; i++) sender.addConnection(await dial(listener, options.transferId, ticket));
    await Promise.all([outcome.done, senderOutcome.done]);
    await listener.close();
    expect(outcome.files.get(0)).toEqual({ ok: false, code: 'E_EXISTS' });
    expect(outcome.files.get(1)).toEqual({ ok: true });
    expect((await fsp.readFile(finals[1]!)).equals(second)).toBe(true);
  });

  it('regression: a resend racing the first copy of a chunk is still acknowledged', async () => {
    const { options, ticket } = newTransfer({ chunkSizeBytes: MiB });
    const data = randomBytes(2 * MiB);
    const receiver = new ReceiveSession(
      [
        {
          index: 0,
          size: data.length,
          openSink: () =>
            PartialFileSink.open({
              finalPath: path.join(dir, 'dup.bin'),
              mode: 'new',
              fileMode: 0o644,
              transferId: options.transferId,
              label: 'dup',
              size: data.length,
              chunkSize: MiB,
            }),
        },
      ],
      options,
      record().observer,
    );
    const listener = await listenFor(() => receiver, ticket);
    receiver.start();
    const conn = await dial(listener, options.transferId, ticket);
    const back = frames(conn.socket);
    const chunk = Buffer.concat([encodeChunkHeader(0, 0, MiB, hashChunk(data.subarray(0, MiB))), data.subarray(0, MiB)]);
    conn.socket.write(chunk);
    conn.socket.write(chunk); // arrives while the first copy is being hashed and written
    await new Promise((r) => setTimeout(r, 300));
    expect(back.filter((f) => f.type === FrameType.ACK)).toHaveLength(2);
    receiver.cancel();
    conn.socket.destroy();
    await listener.close();
  });

  it('regression: a connection that goes idle is dropped without an ERROR frame (which would fail the whole transfer)', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const peer = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
    const socket = await new Promise<net.Socket>((resolve) => server.once('connection', resolve));
    const received: Buffer[] = [];
    peer.on('data', (d) => received.push(d));
    const peerClosed = new Promise((resolve) => peer.on('close', resolve));
    new DataStream(
      { socket, leftover: Buffer.alloc(0) },
      { limits: { maxChunkBytes: MiB, maxMessageBytes: 1024 }, idleTimeoutMs: 100 },
      { frame() {}, closed() {} },
    );
    await peerClosed;
    expect(Buffer.concat(received).length).toBe(0);
    server.close();
  });

  it('regression: a partial that is also the published file (crash between link and unlink) is never resumed into', async () => {
    const finalPath = path.join(dir, 'published.bin');
    const content = randomBytes(2 * MiB);
    await fsp.writeFile(finalPath, content);
    const partial = path.join(dir, '.published.bin.etx-0123456789abcdef.part');
    await fsp.link(finalPath, partial);
    await fsp.writeFile(partial.replace(/\.part$/, '.journal'), encodeJournalHeader(MiB));
    const { sink, claims } = await PartialFileSink.open({
      finalPath,
      mode: 'overwrite',
      fileMode: 0o644,
      transferId: 'ab'.repeat(16),
      label: 'p',
      size: 2 * MiB,
      chunkSize: MiB,
    });
    expect(claims).toEqual([]);
    await sink.write(0, [Buffer.alloc(MiB, 1)]);
    expect((await fsp.readFile(finalPath)).equals(content)).toBe(true); // untouched
    await sink.abort(false);
  });

  it('regression: skip-existing never replaces a file that appeared during the transfer', async () => {
    const finalPath = path.join(dir, 'appeared.bin');
    const { sink } = await PartialFileSink.open({
      finalPath,
      mode: 'skip-existing',
      fileMode: 0o644,
      transferId: 'cd'.repeat(16),
      label: 'a',
      size: 10,
      chunkSize: MiB,
    });
    await sink.write(0, [Buffer.from('0123456789')]);
    await fsp.writeFile(finalPath, 'theirs');
    await expect(sink.complete()).rejects.toMatchObject({ code: 'E_EXISTS' });
    expect(await fsp.readFile(finalPath, 'utf8')).toBe('theirs');
  });
});

function bufferSource(data: Buffer): ChunkSource {
  return {
    size: data.length,
    async read(offset, length) {
      return data.subarray(offset, offset + length);
    },
    async close() {},
  };
}

function zeroSource(size: number): ChunkSource {
  return bufferSource(Buffer.alloc(size));
}
