/**
 * Garbage and strangers on the control and data ports: each offending connection is closed,
 * nothing is written, and the server goes on serving everyone else.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ControlClient } from '../../src/client/control-client.js';
import { encodeChunkHeader } from '../../src/common/data-frames.js';
import { encodeDialerHello, newNonce } from '../../src/common/data-handshake.js';
import { parseHostPort } from '../../src/common/host-port.js';
import { dialData } from '../../src/transfer/data-connection.js';
import { copy } from '../helpers/copy.js';
import { type Scratch, type TestServer, makeScratch, pubAcl, sha256File, startTestServer, writeRandomFile } from '../helpers/servers.js';

function rawConnect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host: '127.0.0.1', port }, () => resolve(s));
    s.once('error', reject);
  });
}

/** Resolves with what the server sent before it closed the socket. */
function untilClosed(socket: net.Socket): Promise<Buffer> {
  const chunks: Buffer[] = [];
  socket.on('data', (d) => chunks.push(d));
  socket.on('error', () => {});
  return new Promise((resolve) => socket.on('close', () => resolve(Buffer.concat(chunks))));
}

describe('hostile peers', () => {
  let scratch: Scratch;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    scratch = await makeScratch();
    a = await startTestServer(pubAcl(scratch), { handshakeTimeoutMs: 1000 });
    b = await startTestServer(pubAcl(scratch), { handshakeTimeoutMs: 1000 });
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await scratch?.cleanup();
  });

  async function stillServes(): Promise<void> {
    const src = path.join(scratch.pub, `ok-${randomBytes(4).toString('hex')}`);
    const hash = await writeRandomFile(src, 300_000);
    const summary = await copy([a.at(src)], b.at(`${src}.copy`));
    expect(summary.files[0]!.status).toBe('done');
    expect(await sha256File(`${src}.copy`)).toBe(hash);
  }

  it('closes a control connection that sends garbage, and keeps serving', async () => {
    const junk = await rawConnect(b.port);
    const closed = untilClosed(junk);
    junk.write(randomBytes(4096));
    await closed;
    const ws = new WebSocket(`ws://127.0.0.1:${b.port}/`);
    await new Promise((resolve) => ws.once('message', resolve)); // the hello
    const wsClosed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(randomBytes(2000));
    expect(await wsClosed).toBe(1002);
    await stillServes();
  });

  it('refuses a WebSocket upgrade from a foreign Origin (S11)', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${b.port}/`, { origin: 'https://evil.example' });
    const status = await new Promise<number>((resolve) => {
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('error', () => resolve(-1));
    });
    expect(status).toBe(403);
  });

  it('closes a data connection that sends garbage or frames without the handshake', async () => {
    const dataPort = parseHostPort(b.server.dataAddresses[0]!).port;
    const junk = await rawConnect(dataPort);
    const got = untilClosed(junk);
    junk.write(randomBytes(1000));
    expect((await got).length).toBe(0);
    // Valid framing, no handshake (S8).
    const framed = await rawConnect(dataPort);
    const got2 = untilClosed(framed);
    framed.write(encodeChunkHeader(0, 0, 16, Buffer.alloc(32)));
    framed.write(Buffer.alloc(16));
    expect((await got2).length).toBe(0);
    await stillServes();
  });

  it('says nothing to a hello for an unknown transfer', async () => {
    const dataPort = parseHostPort(b.server.dataAddresses[0]!).port;
    const s = await rawConnect(dataPort);
    const got = untilClosed(s);
    s.write(encodeDialerHello({ transferId: randomBytes(16).toString('hex'), nonce: newNonce() }));
    expect((await got).length).toBe(0);
  });

  it('rejects a dialer with the wrong ticket for a live transfer, and the real transfer still completes', async () => {
    const client = await ControlClient.connect('127.0.0.1', b.port);
    const dest = path.join(scratch.pub, 'guarded.bin');
    const ready = await client.request(
      { type: 'prepareReceive', files: [{ path: dest, size: 1000, mode: 0o644 }], mode: 'new', streams: 1, chunkSizeBytes: 0 },
      'receiveReady',
    );
    await expect(
      dialData(b.server.dataAddresses, ready.transferId, randomBytes(32), { connectTimeoutMs: 1000, handshakeTimeoutMs: 1000 }),
    ).rejects.toMatchObject({ code: 'E_CONNECT' });
    client.close();
    await expect(fsp.stat(dest)).rejects.toThrow();
    await stillServes();
  });

  it('closes a slow-loris data connection at the handshake deadline', async () => {
    const dataPort = parseHostPort(b.server.dataAddresses[0]!).port;
    const s = await rawConnect(dataPort);
    const started = Date.now();
    const got = untilClosed(s);
    const trickle = setInterval(() => s.writable && s.write('E'), 200);
    await got;
    clearInterval(trickle);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(3000);
  });
});

describe('a server told to dial something that is not an etransfer data port', () => {
  it('sends only its fixed hello and reports one generic error (the FTP bounce, S1)', async () => {
    const scratch = await makeScratch();
    const s = await startTestServer(pubAcl(scratch), { handshakeTimeoutMs: 500, connectTimeoutMs: 500 });
    const received: Buffer[] = [];
    const victim = net.createServer((sock) => {
      sock.on('data', (d) => received.push(d));
      sock.on('error', () => {});
      // Answer like a chatty service would.
      sock.write('220 smtp.example ESMTP ready\r\n');
    });
    await new Promise<void>((resolve) => victim.listen(0, '127.0.0.1', resolve));
    const victimPort = (victim.address() as net.AddressInfo).port;
    try {
      const src = path.join(scratch.pub, 'secret.bin');
      await writeRandomFile(src, 100_000);
      const client = await ControlClient.connect('127.0.0.1', s.port);
      const events: string[] = [];
      const transferId = randomBytes(16).toString('hex');
      const failed = new Promise<string>((resolve) =>
        client.onTransferEvent(transferId, (ev) => {
          events.push(ev.kind);
          if (ev.kind === 'transferFailed') resolve(ev.error.code);
        }),
      );
      await client.request(
        {
          type: 'prepareSend',
          transferId,
          ticket: randomBytes(32),
          files: [{ path: src, size: 100_000, mode: 0o644 }],
          accepted: [0],
          streams: 2,
          chunkSizeBytes: 0,
          dialAddresses: [`127.0.0.1:${victimPort}`],
        },
        'sendReady',
      );
      expect(await failed).toBe('E_CONNECT');
      client.close();
      const all = Buffer.concat(received);
      // Two streams, each exactly one 56-byte hello, and nothing of the file.
      expect(all.length).toBe(2 * 56);
      expect(all.subarray(0, 4).toString()).toBe('ETXD');
    } finally {
      victim.close();
      await s.close();
      await scratch.cleanup();
    }
  });
});
