/**
 * Many small files (issue 6): read whole at the source, several per FILES frame, written whole
 * at the destination, with the same guarantees as any file: verified before written, nothing
 * under a final name unless complete, a corrupted copy sent again, a changed source refused.
 */
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DIALER_HELLO_BYTES, DIALER_PROOF_BYTES } from '../../src/common/data-handshake.js';
import {
  type DataFrame,
  FILES_ENTRY_BYTES,
  FRAME_HEADER_BYTES,
  FrameDecoder,
  FrameType,
  encodeFiles,
} from '../../src/common/data-frames.js';
import { TAG_BYTES, fileTagKey } from '../../src/common/file-tags.js';
import { hashChunk } from '../../src/transfer/chunk-hash.js';
import { FileChunkSource, readWholeFile } from '../../src/transfer/chunk-source.js';
import type { FileSink } from '../../src/transfer/file-sink.js';
import { ReceiveSession } from '../../src/transfer/receiver.js';
import { type SendFile, SendSession } from '../../src/transfer/sender.js';
import type { SessionOptions } from '../../src/transfer/session-types.js';
import { planFileWrite } from '../../src/transfer/write-plan.js';
import { startChaosProxy } from '../helpers/chaos-proxy.js';
import { dial, listenFor, newTransfer, record } from '../helpers/engine.js';
import { expectEtx } from '../helpers/expect-etx.js';

const KiB = 1024;

describe('small files', () => {
  let dir: string;
  let src: string;
  let dst: string;

  beforeEach(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'etx-small-'));
    src = path.join(dir, 'src');
    dst = path.join(dir, 'dst');
    await fsp.mkdir(src);
    await fsp.mkdir(dst);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await fsp.rm(dir, { recursive: true, force: true });
  });

  /** Files of these sizes in src/, with distinct contents. */
  async function makeFiles(sizes: number[]): Promise<Array<{ name: string; size: number; data: Buffer }>> {
    return Promise.all(
      sizes.map(async (size, i) => {
        const data = Buffer.alloc(size);
        for (let b = 0; b < size; b++) data[b] = (i * 31 + b * 7) & 0xff;
        const name = `f${String(i).padStart(4, '0')}`;
        await fsp.writeFile(path.join(src, name), data);
        return { name, size, data };
      }),
    );
  }

  /** A real transfer of `files` from src/ to dst/ over `streams` connections (through `via`, if given). */
  async function transfer(
    files: Array<{ name: string; size: number }>,
    overrides: Partial<SessionOptions> = {},
    via?: (address: string) => Promise<{ address: string; close(): Promise<void> }>,
    sendFiles?: SendFile[],
  ) {
    const { options, ticket } = newTransfer(overrides);
    const receiverOutcome = record();
    const digests = { sent: new Map<number, string>(), received: new Map<number, string>() };
    const plans = await Promise.all(files.map((f) => planFileWrite(path.join(dst, f.name), f.name, 'new', 0o644, f.size)));
    const receiver = new ReceiveSession(
      files.map((f, index) => ({
        index,
        size: f.size,
        openSink: () => plans[index]!.openSink!(options.transferId, options.chunkSizeBytes, options.smallFileBytes),
      })),
      options,
      {
        ...receiverOutcome.observer,
        fileDone: (i, bytes, digest) => {
          digests.received.set(i, digest.toString('hex'));
          receiverOutcome.observer.fileDone(i, bytes, digest);
        },
      },
    );
    const senderOutcome = record();
    const sender = new SendSession(
      sendFiles ??
        files.map((f, index) => {
          const p = path.join(src, f.name);
          return { index, size: f.size, open: () => FileChunkSource.open(p, f.size), readWhole: () => readWholeFile(p, f.size) };
        }),
      options,
      {
        ...senderOutcome.observer,
        fileDone: (i, bytes, digest) => {
          digests.sent.set(i, digest.toString('hex'));
          senderOutcome.observer.fileDone(i, bytes, digest);
        },
      },
    );
    const listener = await listenFor(() => receiver, ticket);
    const proxy = via ? await via(listener.address) : undefined;
    receiver.start();
    sender.start();
    for (let s = 0; s < 3; s++) {
      sender.addConnection(await dial(proxy ?? listener, options.transferId, ticket));
    }
    const [sent, received] = await Promise.all([senderOutcome.done, receiverOutcome.done]);
    await proxy?.close();
    await listener.close();
    return { sent, received, senderOutcome, receiverOutcome, digests };
  }

  async function expectIdentical(files: Array<{ name: string; data: Buffer }>): Promise<void> {
    for (const f of files) expect((await fsp.readFile(path.join(dst, f.name))).equals(f.data), f.name).toBe(true);
    expect((await fsp.readdir(dst)).sort()).toEqual(files.map((f) => f.name).sort());
  }

  it('go whole, many per FILES frame, mixed with files too big for it; each arrives identical with its digest', async () => {
    const sizes = Array.from({ length: 600 }, (_, i) => [1, 100, 4096, 65536, 20_000][i % 5]!);
    sizes.push(0, 3 * 1024 * 1024 + 5, 65537);
    const files = await makeFiles(sizes);
    const batches = vi.spyOn(SendSession.prototype as unknown as { sendWholeFiles(...a: unknown[]): void }, 'sendWholeFiles');
    const { sent, received, digests } = await transfer(files);
    expect(sent.ok && received.ok).toBe(true);
    await expectIdentical(files);
    // Both ends agree on every file's digest (a whole file's is implied, not sent).
    expect(digests.received.size).toBe(files.length);
    for (const [i, d] of digests.sent) expect(digests.received.get(i)).toBe(d);
    // 600 small files (up to 64 KiB) in far fewer frames: at least ~15 per 1 MiB frame on average.
    const frames = batches.mock.calls.length;
    const wholeFiles = batches.mock.calls.reduce((n, call) => n + (call[1] as unknown[]).length, 0);
    expect(wholeFiles).toBe(600);
    expect(frames).toBeLessThan(600 / 5);
  });

  it('with smallFileBytes 0 take the general path (no FILES frame) and arrive the same', async () => {
    const files = await makeFiles(Array.from({ length: 50 }, (_, i) => 10 + i));
    const batches = vi.spyOn(SendSession.prototype as unknown as { sendWholeFiles(...a: unknown[]): void }, 'sendWholeFiles');
    const { sent, received } = await transfer(files, { smallFileBytes: 0 });
    expect(sent.ok && received.ok).toBe(true);
    expect(batches).not.toHaveBeenCalled();
    await expectIdentical(files);
  });

  it('a file corrupted in a FILES frame is refused by its hash and sent again, whole', async () => {
    const files = await makeFiles(Array.from({ length: 40 }, () => 1000));
    // Flip a byte inside the first file's bytes of the first FILES frame on the first connection.
    const handshake = DIALER_HELLO_BYTES + DIALER_PROOF_BYTES;
    const offset = handshake + FRAME_HEADER_BYTES + 40 * FILES_ENTRY_BYTES + TAG_BYTES + 10;
    const via = (address: string) => startChaosProxy(address, (n) => (n === 0 ? { flipAt: { offset, mask: 0x40 } } : {}));
    const { sent, received, receiverOutcome } = await transfer(files, {}, via);
    expect(sent.ok && received.ok).toBe(true);
    expect([...receiverOutcome.files.values()].every((f) => f.ok)).toBe(true);
    await expectIdentical(files);
  });

  it('a file changed since it was planned fails alone (E_SOURCE_CHANGED), leaving nothing; the rest arrive', async () => {
    const files = await makeFiles([100, 200, 300]);
    await fsp.appendFile(path.join(src, files[1]!.name), 'more');
    const { received, receiverOutcome } = await transfer(files);
    expect(received.ok).toBe(true);
    expect(receiverOutcome.files.get(1)).toEqual({ ok: false, code: 'E_SOURCE_CHANGED' });
    expect((await fsp.readdir(dst)).sort()).toEqual([files[0]!.name, files[2]!.name]);
  });

  it('a whole file is acknowledged only once published: the sender window bounds what waits in memory (regression: the last ACK was lost when its publish ended the session)', async () => {
    const { options, ticket } = newTransfer();
    const count = 300;
    let publishing = 0;
    let maxPublishing = 0;
    const slowSink = (): FileSink => ({
      async write() {},
      recordChunk() {},
      async complete() {
        publishing++;
        maxPublishing = Math.max(maxPublishing, publishing);
        await new Promise((r) => setTimeout(r, 5));
        publishing--;
      },
      async abort() {},
    });
    const data = Buffer.alloc(1000, 1);
    const receiverOutcome = record();
    const receiver = new ReceiveSession(
      Array.from({ length: count }, (_, index) => ({ index, size: data.length, openSink: async () => ({ sink: slowSink(), claims: [] }) })),
      options,
      receiverOutcome.observer,
    );
    const senderOutcome = record();
    const sender = new SendSession(
      Array.from({ length: count }, (_, index) => ({
        index,
        size: data.length,
        open: () => Promise.reject(new Error('not used')),
        readWhole: () => data,
      })),
      options,
      senderOutcome.observer,
    );
    const listener = await listenFor(() => receiver, ticket);
    receiver.start();
    sender.start();
    sender.addConnection(await dial(listener, options.transferId, ticket));
    expect((await senderOutcome.done).ok).toBe(true);
    expect((await receiverOutcome.done).ok).toBe(true);
    await listener.close();
    // One stream carries at most 128 unacknowledged chunks: more waiting to publish means the
    // receiver acknowledged before publishing, and memory would grow with the transfer.
    expect(maxPublishing).toBeGreaterThan(8);
    expect(maxPublishing).toBeLessThanOrEqual(128);
  });

  describe('the receiver refuses', () => {
    async function receiverFor(size: number) {
      const { options, ticket } = newTransfer();
      const plan = await planFileWrite(path.join(dst, 'x'), 'x', 'new', 0o644, size);
      const outcome = record();
      const receiver = new ReceiveSession(
        [{ index: 0, size, openSink: () => plan.openSink!(options.transferId, options.chunkSizeBytes, options.smallFileBytes) }],
        options,
        outcome.observer,
      );
      const listener = await listenFor(() => receiver, ticket);
      receiver.start();
      const conn = await dial(listener, options.transferId, ticket);
      conn.socket.on('error', () => {});
      const decoder = new FrameDecoder();
      const back: DataFrame[] = decoder.push(conn.leftover);
      conn.socket.on('data', (d: Buffer) => back.push(...decoder.push(d)));
      conn.socket.resume();
      return { conn, outcome, back, key: options.fileTagKey, close: () => listener.close() };
    }

    it('a whole file of another size than announced (E_PROTOCOL), and writes nothing', async () => {
      const { conn, outcome, key, close } = await receiverFor(5000);
      const data = Buffer.alloc(4000, 3);
      for (const part of encodeFiles([{ fileIndex: 0, data, hash: hashChunk(data) }], key)) conn.socket.write(part);
      expect(await outcome.done).toEqual({ ok: false, code: 'E_PROTOCOL' });
      expect(await fsp.readdir(dst)).toEqual([]);
      await close();
    });

    it('a whole file that is not in the transfer (E_PROTOCOL)', async () => {
      const { conn, outcome, key, close } = await receiverFor(10);
      const data = Buffer.alloc(10, 3);
      for (const part of encodeFiles([{ fileIndex: 5, data, hash: hashChunk(data) }], key)) conn.socket.write(part);
      expect(await outcome.done).toEqual({ ok: false, code: 'E_PROTOCOL' });
      expect(await fsp.readdir(dst)).toEqual([]);
      await close();
    });

    it('a FILES frame whose bytes and table were rewritten on the way (no key for the tag): E_CHECKSUM, nothing published', async () => {
      const { conn, outcome, close } = await receiverFor(10);
      const forged = Buffer.alloc(10, 6);
      const stranger = fileTagKey(Buffer.alloc(32, 2));
      for (const part of encodeFiles([{ fileIndex: 0, data: forged, hash: hashChunk(forged) }], stranger)) conn.socket.write(part);
      expect(await outcome.done).toEqual({ ok: false, code: 'E_CHECKSUM' });
      expect(await fsp.readdir(dst)).toEqual([]);
      await close();
    });

    it('a whole file whose bytes fail their hash: NACK, nothing published; a good copy then lands', async () => {
      const { conn, outcome, back, key, close } = await receiverFor(10);
      const good = Buffer.alloc(10, 3);
      const bad = Buffer.alloc(10, 4);
      for (const part of encodeFiles([{ fileIndex: 0, data: bad, hash: hashChunk(good) }], key)) conn.socket.write(part);
      await vi.waitFor(() => expect(back.map((f) => f.type)).toEqual([FrameType.READY, FrameType.NACK]));
      expect(await fsp.readdir(dst)).toEqual([]);
      for (const part of encodeFiles([{ fileIndex: 0, data: good, hash: hashChunk(good) }], key)) conn.socket.write(part);
      expect(await outcome.done).toEqual({ ok: true, bytes: 10 });
      expect(await fsp.readFile(path.join(dst, 'x'))).toEqual(good);
      // Acknowledged after it was published.
      await vi.waitFor(() => expect(back.map((f) => f.type)).toEqual([FrameType.READY, FrameType.NACK, FrameType.ACK]));
      await close();
    });
  });

  it('regression: a sender that ignores its window is paused, not buffered: whole files held in memory stay bounded', async () => {
    const { options, ticket } = newTransfer(); // 1 MiB chunks, window 2: the receiver pauses past 2 MiB held
    const count = 400;
    const size = 50_000;
    let held = 0;
    let maxHeld = 0;
    const slowSink = (): FileSink => {
      let mine = 0;
      return {
        async write(_offset, parts) {
          mine = parts.reduce((n, p) => n + p.length, 0);
          held += mine;
          maxHeld = Math.max(maxHeld, held);
        },
        recordChunk() {},
        async complete() {
          await new Promise((r) => setTimeout(r, 20));
          held -= mine;
        },
        async abort() {},
      };
    };
    const outcome = record();
    const receiver = new ReceiveSession(
      Array.from({ length: count }, (_, index) => ({ index, size, openSink: async () => ({ sink: slowSink(), claims: [] }) })),
      options,
      outcome.observer,
    );
    const listener = await listenFor(() => receiver, ticket);
    receiver.start();
    const conn = await dial(listener, options.transferId, ticket);
    conn.socket.on('error', () => {});
    conn.socket.resume();
    // 20 MB of whole files, as fast as the socket takes them, never waiting for an ACK.
    const data = Buffer.alloc(size, 7);
    const hash = hashChunk(data);
    for (let first = 0; first < count; first += 16) {
      const batch = Array.from({ length: 16 }, (_, i) => ({ fileIndex: first + i, data, hash }));
      for (const part of encodeFiles(batch, options.fileTagKey)) conn.socket.write(part);
    }
    expect(await outcome.done).toMatchObject({ ok: true });
    await listener.close();
    // The receiver's pause threshold (2 MiB), plus what one read from the socket can bring.
    expect(maxHeld).toBeLessThan(4 * 1024 * 1024);
  });

  describe('readWholeFile', () => {
    it('reads a file whole, and refuses one of another size, a folder, or a link (E_PATH)', async () => {
      const p = path.join(src, 'a');
      await fsp.writeFile(p, 'hello');
      expect(readWholeFile(p, 5).toString()).toBe('hello');
      expectEtx(() => readWholeFile(p, 4), 'E_SOURCE_CHANGED');
      expectEtx(() => readWholeFile(src, 0), 'E_IO');
      await fsp.symlink(p, path.join(src, 'link'));
      expectEtx(() => readWholeFile(path.join(src, 'link'), 5), 'E_PATH');
    });

    it('refuses a file replaced by another since it was planned (dev/ino)', async () => {
      const p = path.join(src, 'a');
      await fsp.writeFile(p, 'hello');
      const st = await fsp.stat(p);
      // Made while the first still exists, so it cannot reuse its inode number.
      await fsp.writeFile(path.join(src, 'b'), 'hello');
      await fsp.rename(path.join(src, 'b'), p);
      expectEtx(() => readWholeFile(p, 5, 'a', { dev: st.dev, ino: st.ino }), 'E_SOURCE_CHANGED', 'replaced');
    });
  });

  describe('a whole-file sink', () => {
    it('in mode new, loses to a file that appeared under the final name meanwhile (E_EXISTS), leaving no partial', async () => {
      const plan = await planFileWrite(path.join(dst, 'x'), 'x', 'new', 0o644, 5);
      const { sink } = await plan.openSink!('ab'.repeat(16), 1024 * 1024, 64 * KiB);
      await sink.write(0, [Buffer.from('hello')]);
      await fsp.writeFile(path.join(dst, 'x'), 'other');
      await expect(sink.complete()).rejects.toMatchObject({ code: 'E_EXISTS' });
      expect(await fsp.readdir(dst)).toEqual(['x']);
      expect(await fsp.readFile(path.join(dst, 'x'), 'utf8')).toBe('other');
    });

    it('gives the file its mode (masked) and mtime, and creates nothing before complete', async () => {
      const plan = await planFileWrite(path.join(dst, 'x'), 'x', 'overwrite', 0o4777, 5, undefined, undefined, 1_600_000_000_123);
      const { sink } = await plan.openSink!('cd'.repeat(16), 1024 * 1024, 64 * KiB);
      await sink.write(0, [Buffer.from('hel'), Buffer.from('lo')]);
      expect(await fsp.readdir(dst)).toEqual([]);
      await sink.complete();
      const st = await fsp.stat(path.join(dst, 'x'));
      expect(st.mode & 0o7777).toBe(0o755);
      expect(Math.floor(st.mtimeMs)).toBe(1_600_000_000_123);
      expect(await fsp.readFile(path.join(dst, 'x'), 'utf8')).toBe('hello');
    });

    it('aborted before complete leaves nothing', async () => {
      const plan = await planFileWrite(path.join(dst, 'x'), 'x', 'new', 0o644, 5);
      const { sink } = await plan.openSink!('ef'.repeat(16), 1024 * 1024, 64 * KiB);
      await sink.write(0, [Buffer.from('hello')]);
      await sink.abort(true);
      expect(await fsp.readdir(dst)).toEqual([]);
    });
  });
});
