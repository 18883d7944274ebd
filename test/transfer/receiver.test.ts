/**
 * The receiver decides what it gets (THREATS R1, R4, D9): only the files it agreed to, only at
 * chunk boundaries inside the announced size, only chunks whose crc32 matches; a file is
 * published only when complete, and a failure leaves no partial behind.
 */
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeChunkHeader } from '../../src/common/data-frames.js';
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
          createSink: () =>
            PartialFileSink.create({ finalPath, mode: 'new', fileMode: 0o644, transferId: options.transferId, label: 'target.bin' }),
        },
      ],
      options,
      outcome.observer,
    );
    listener = await listenFor(() => session, ticket);
    session.start();
    const conn = await dial(listener, options.transferId, ticket);
    return { conn, outcome, finalPath };
  }

  function chunk(fileIndex: number, offset: number, payload: Buffer, crc = zlib.crc32(payload)): Buffer {
    return Buffer.concat([encodeChunkHeader(fileIndex, offset, payload.length, crc), payload]);
  }

  it('publishes a file sent in chunks out of order, and only once complete', async () => {
    const data = Buffer.alloc(150 * KiB, 7);
    const { conn, outcome, finalPath } = await setup(data.length);
    conn.socket.write(chunk(0, 128 * KiB, data.subarray(128 * KiB)));
    conn.socket.write(chunk(0, 0, data.subarray(0, 64 * KiB)));
    await new Promise((r) => setTimeout(r, 50));
    await expect(fsp.stat(finalPath)).rejects.toThrow(); // not complete: nothing under the final name
    conn.socket.write(chunk(0, 64 * KiB, data.subarray(64 * KiB, 128 * KiB)));
    expect(await outcome.done).toEqual({ ok: true, bytes: data.length });
    expect((await fsp.readFile(finalPath)).equals(data)).toBe(true);
    conn.socket.destroy();
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

  it('fails a file whose chunk does not match its crc32, and does not publish it', async () => {
    const { conn, outcome, finalPath } = await setup(64 * KiB);
    conn.socket.write(chunk(0, 0, Buffer.alloc(64 * KiB, 3), 12345));
    expect(await outcome.done).toEqual({ ok: true, bytes: 0 });
    expect(outcome.files.get(0)).toEqual({ ok: false, code: 'E_CHECKSUM' });
    await expect(fsp.stat(finalPath)).rejects.toThrow();
    expect(await fsp.readdir(dir)).toEqual([]);
    conn.socket.destroy();
  });
});
