/**
 * The receiver decides what it gets (THREATS R1, R4, D9): only the files it agreed to, only at
 * chunk boundaries inside the announced size, only chunks whose SHA-256 matches; a file is
 * published only when complete, and a failure leaves no partial behind.
 */
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DataFrame, FrameDecoder, FrameType, encodeChunkHeader, encodeDigest } from '../../src/common/data-frames.js';
import { fileTagKey } from '../../src/common/file-tags.js';
import { ChunkHashes, hashChunk } from '../../src/transfer/chunk-hash.js';
import { PartialFileSink } from '../../src/transfer/file-sink.js';
import { ReceiveSession } from '../../src/transfer/receiver.js';
import { type Listener, dial, listenFor, newTransfer, record } from '../helpers/engine.js';

const KiB = 1024;

describe('receiver', () => {
  let dir: string;
  let listener: Listener | undefined;

  beforeEach(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'etx-recv-'));
  });
  afterEach(async () => {
    await listener?.close();
    await fsp.rm(dir, { recursive: true, force: true });
  });

  async function setup(size: number) {
    const { options, ticket } = newTransfer({ chunkSizeBytes: 64 * KiB });
    const finalPath = path.join(dir, 'target.bin');
    const outcome = record();
    const session = new ReceiveSession(
      [
        {
          index: 0,
          size,
          openSink: () =>
            PartialFileSink.open({
              finalPath,
              mode: 'new',
              fileMode: 0o644,
              transferId: options.transferId,
              label: 'target.bin',
              size,
              chunkSize: options.chunkSizeBytes,
            }),
        },
      ],
      options,
      outcome.observer,
    );
    listener = await listenFor(() => session, ticket);
    session.start();
    const conn = await dial(listener, options.transferId, ticket);
    return { conn, outcome, finalPath, key: options.fileTagKey };
  }

  function chunk(fileIndex: number, offset: number, payload: Buffer, hash = hashChunk(payload)): Buffer {
    return Buffer.concat([encodeChunkHeader(fileIndex, offset, payload.length, hash), payload]);
  }

  function treeDigest(data: Buffer, chunkSize = 64 * KiB): Buffer {
    const hashes = new ChunkHashes(data.length, chunkSize);
    for (let i = 0; i * chunkSize < data.length; i++) hashes.set(i, hashChunk(data.subarray(i * chunkSize, (i + 1) * chunkSize)));
    return hashes.digest();
  }

  /** Collects the frames the receiver sends back. */
  function replies(socket: import('node:net').Socket): DataFrame[] {
    const decoder = new FrameDecoder();
    const frames: DataFrame[] = [];
    socket.on('data', (d: Buffer) => frames.push(...decoder.push(d)));
    socket.resume();
    return frames;
  }

  it('publishes a file sent in chunks out of order, only once complete and its digest checked', async () => {
    const data = Buffer.alloc(150 * KiB, 7);
    const { conn, outcome, finalPath, key } = await setup(data.length);
    conn.socket.write(chunk(0, 128 * KiB, data.subarray(128 * KiB)));
    conn.socket.write(chunk(0, 0, data.subarray(0, 64 * KiB)));
    conn.socket.write(chunk(0, 64 * KiB, data.subarray(64 * KiB, 128 * KiB)));
    await new Promise((r) => setTimeout(r, 100));
    // Every chunk is in, but the source's digest is not: nothing under the final name yet.
    await expect(fsp.stat(finalPath)).rejects.toThrow();
    conn.socket.write(encodeDigest(0, treeDigest(data), key));
    expect(await outcome.done).toEqual({ ok: true, bytes: data.length });
    expect((await fsp.readFile(finalPath)).equals(data)).toBe(true);
    conn.socket.destroy();
  });

  it('refuses to publish when the source digest differs (E_CHECKSUM)', async () => {
    const data = Buffer.alloc(100 * KiB, 9);
    const { conn, outcome, finalPath, key } = await setup(data.length);
    conn.socket.write(chunk(0, 0, data.subarray(0, 64 * KiB)));
    conn.socket.write(chunk(0, 64 * KiB, data.subarray(64 * KiB)));
    conn.socket.write(encodeDigest(0, treeDigest(Buffer.alloc(100 * KiB, 8)), key));
    await outcome.done;
    expect(outcome.files.get(0)).toEqual({ ok: false, code: 'E_CHECKSUM' });
    await expect(fsp.stat(finalPath)).rejects.toThrow();
    expect(await fsp.readdir(dir)).toEqual([]);
    conn.socket.destroy();
  });

  it('a man in the middle who rewrites chunks with their hashes, and the digest, is caught by the tag: E_CHECKSUM, nothing published', async () => {
    // Without TLS, a relay or router can change a chunk and recompute its BLAKE3, and the file's
    // digest too; it cannot make the digest's tag, which needs the ticket.
    const data = Buffer.alloc(100 * KiB, 5);
    const forged = Buffer.from(data);
    forged[70 * KiB]! ^= 0xff;
    const { conn, outcome, finalPath } = await setup(data.length);
    conn.socket.on('error', () => {});
    conn.socket.write(chunk(0, 0, forged.subarray(0, 64 * KiB)));
    conn.socket.write(chunk(0, 64 * KiB, forged.subarray(64 * KiB)));
    conn.socket.write(encodeDigest(0, treeDigest(forged), fileTagKey(Buffer.alloc(32, 1))));
    const result = await outcome.done;
    expect(result).toEqual({ ok: false, code: 'E_CHECKSUM' });
    await new Promise((r) => setTimeout(r, 20));
    await expect(fsp.stat(finalPath)).rejects.toThrow();
    expect(await fsp.readdir(dir)).toEqual([]);
  });

  it.each([
    ['past the announced size (R4)', 0, 128 * KiB, 32 * KiB, 'E_TOO_LARGE'],
    ['at offset 2^50 (R4)', 0, 2 ** 50, 16, 'E_TOO_LARGE'],
    ['for a file not in the transfer (R1, D9)', 7, 0, 16, 'E_PROTOCOL'],
    ['off a chunk boundary', 0, 100, 16, 'E_PROTOCOL'],
  ])('aborts the transfer on a chunk %s, leaving nothing', async (_name, fileIndex, offset, length, code) => {
    const { conn, outcome, finalPath } = await setup(100 * KiB);
    conn.socket.write(chunk(0, 0, Buffer.alloc(64 * KiB, 1))); // a good first chunk makes a partial
    conn.socket.on('error', () => {});
    conn.socket.write(chunk(fileIndex, offset, Buffer.alloc(length, 2)));
    const result = await outcome.done;
    expect(result).toEqual({ ok: false, code });
    await new Promise((r) => setTimeout(r, 20));
    expect(await fsp.readdir(dir)).toEqual([]);
    await expect(fsp.stat(finalPath)).rejects.toThrow();
  });

  it('asks again for a chunk that fails its hash, and fails the file after 3 bad copies', async () => {
    const good = Buffer.alloc(64 * KiB, 3);
    const { conn, outcome, finalPath } = await setup(good.length);
    const back = replies(conn.socket);
    const bad = Buffer.from(good);
    bad[1234]! ^= 0x08;
    conn.socket.write(chunk(0, 0, bad, hashChunk(good)));
    await new Promise((r) => setTimeout(r, 100));
    expect(back.map((f) => f.type)).toEqual([FrameType.READY, FrameType.NACK]);
    conn.socket.write(chunk(0, 0, bad, hashChunk(good)));
    conn.socket.write(chunk(0, 0, bad, hashChunk(good)));
    await outcome.done;
    expect(outcome.files.get(0)).toEqual({ ok: false, code: 'E_CHECKSUM' });
    await expect(fsp.stat(finalPath)).rejects.toThrow();
    expect(await fsp.readdir(dir)).toEqual([]);
    conn.socket.destroy();
  });

  it('accepts a good copy after a corrupted one', async () => {
    const good = Buffer.alloc(64 * KiB, 4);
    const { conn, outcome, finalPath, key } = await setup(good.length);
    const bad = Buffer.from(good);
    bad[0]! ^= 1;
    conn.socket.write(chunk(0, 0, bad, hashChunk(good)));
    conn.socket.write(chunk(0, 0, good));
    conn.socket.write(encodeDigest(0, treeDigest(good), key));
    expect(await outcome.done).toEqual({ ok: true, bytes: good.length });
    expect((await fsp.readFile(finalPath)).equals(good)).toBe(true);
    conn.socket.destroy();
  });
});
