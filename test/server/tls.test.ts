/**
 * TLS on the control channel and the data ports (THREATS S10): copies between TLS servers and
 * with a laptop, nothing answered in plain text on either port, the handshake deadline covering
 * the TLS handshake, and a dialer that meets another certificate than the one the client pinned
 * sending nothing at all (not even its hello).
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ControlClient, DEFAULT_CONTROL_CLIENT_OPTIONS } from '../../src/client/control-client.js';
import { DIALER_HELLO_BYTES, encodeDialerHello, newNonce } from '../../src/common/data-handshake.js';
import { EtxError } from '../../src/common/errors.js';
import { parseHostPort } from '../../src/common/host-port.js';
import type { MessageOf, TransferEvent } from '../../src/common/messages.js';
import { silentLogger } from '../../src/server/logger.js';
import { DEFAULT_SERVER_LIMITS } from '../../src/server/options.js';
import { startServer } from '../../src/server/server.js';
import { dialData } from '../../src/transfer/data-connection.js';
import { copy, local } from '../helpers/copy.js';
import {
  type Scratch,
  type TestServer,
  makeScratch,
  pubAcl,
  sentinelState,
  sha256File,
  startTestServer,
  writeRandomFile,
} from '../helpers/servers.js';
import { type TestCertificate, makeCertificate } from '../helpers/tls.js';
import { waitFor } from '../helpers/wait.js';

const MiB = 1024 * 1024;

/** Connects over plain TCP, sends `bytes`, and resolves with everything received until the server closed. */
function plainExchange(port: number, bytes: Buffer): Promise<Buffer> {
  return new Promise((resolve) => {
    const received: Buffer[] = [];
    const socket = net.connect({ host: '127.0.0.1', port }, () => socket.write(bytes));
    socket.on('data', (d) => received.push(d));
    socket.on('error', () => {});
    socket.on('close', () => resolve(Buffer.concat(received)));
  });
}

/** At most a TLS alert record (content type 21): never a plain-text answer. */
function expectNoPlainAnswer(reply: Buffer): void {
  if (reply.length > 0) expect(reply[0]).toBe(0x15);
  expect(reply.toString('latin1')).not.toContain('HTTP/');
}

/**
 * A TLS listener with its own certificate that never answers: it records, per connection, every
 * application byte the dialer sent through TLS.
 */
async function captureListener(cert: TestCertificate): Promise<{
  address: string;
  connections: Array<{ bytes: Buffer }>;
  close(): Promise<void>;
}> {
  const context = tls.createSecureContext({ cert: cert.cert, key: cert.key });
  const connections: Array<{ bytes: Buffer }> = [];
  const sockets: net.Socket[] = [];
  const server = net.createServer((raw) => {
    sockets.push(raw);
    const seen = { bytes: Buffer.alloc(0) };
    connections.push(seen);
    const socket = new tls.TLSSocket(raw, { isServer: true, secureContext: context });
    socket.on('data', (d: Buffer) => {
      seen.bytes = Buffer.concat([seen.bytes, d]);
    });
    socket.on('error', () => {});
    raw.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    connections,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

describe('TLS servers', () => {
  let scratch: Scratch;
  let certA: TestCertificate;
  let certB: TestCertificate;
  let a: TestServer;
  let b: TestServer;
  let knownHosts: string;
  let sentinel: string;

  beforeAll(async () => {
    scratch = await makeScratch();
    sentinel = await sentinelState(scratch);
    certA = makeCertificate();
    certB = makeCertificate();
    a = await startTestServer(pubAcl(scratch), {}, undefined, undefined, { tls: certA });
    b = await startTestServer(pubAcl(scratch), { handshakeTimeoutMs: 1000 }, undefined, undefined, { tls: certB });
    knownHosts = path.join(scratch.root, 'known_hosts');
  });

  afterAll(async () => {
    expect(await sentinelState(scratch)).toBe(sentinel);
    await Promise.all([a?.close(), b?.close()]);
    await scratch?.cleanup();
  });

  function connect(server: TestServer): Promise<ControlClient> {
    return ControlClient.connect('127.0.0.1', server.port, { ...DEFAULT_CONTROL_CLIENT_OPTIONS, knownHostsFile: knownHosts });
  }

  it('reports the certificate each server pins', () => {
    expect(a.certificateSha256).toEqual(certA.sha256);
    expect(b.certificateSha256).toEqual(certB.sha256);
  });

  it('copies third party between two TLS servers, pushing and pulling, over TLS data connections', async () => {
    const src = path.join(scratch.pub, 'third.bin');
    const hash = await writeRandomFile(src, 12 * MiB + 5);
    for (const direction of ['push', 'pull'] as const) {
      const dest = path.join(scratch.pub, `third.${direction}`);
      const summary = await copy([a.at(src)], b.at(dest), { direction, streams: 4, chunkSizeBytes: MiB, knownHostsFile: knownHosts });
      expect(summary.files.map((f) => [f.status, f.error?.code])).toEqual([['done', undefined]]);
      expect(summary.viaClient).toBe(false);
      expect(await sha256File(dest)).toBe(hash);
    }
    // Both servers were pinned on the way, with the certificates they really have.
    const lines = (await fsp.readFile(knownHosts, 'utf8')).trim().split('\n').sort();
    expect(lines).toEqual([`127.0.0.1:${a.port} ${certA.fingerprint}`, `127.0.0.1:${b.port} ${certB.fingerprint}`].sort());
  });

  it('pulls to and pushes from a laptop, over TLS', async () => {
    const laptop = path.join(scratch.root, 'laptop');
    await fsp.mkdir(laptop, { recursive: true });
    const remote = path.join(scratch.pub, 'laptop-pull.bin');
    const hash = await writeRandomFile(remote, 9 * MiB + 1);
    const pulled = await copy([a.at(remote)], local(path.join(laptop, 'pulled.bin')), {
      streams: 3,
      chunkSizeBytes: MiB,
      knownHostsFile: knownHosts,
    });
    expect(pulled.files.map((f) => [f.status, f.error?.code])).toEqual([['done', undefined]]);
    expect(await sha256File(path.join(laptop, 'pulled.bin'))).toBe(hash);

    const pushedTo = path.join(scratch.pub, 'laptop-push.bin');
    const pushed = await copy([local(path.join(laptop, 'pulled.bin'))], b.at(pushedTo), {
      streams: 3,
      chunkSizeBytes: MiB,
      knownHostsFile: knownHosts,
    });
    expect(pushed.files.map((f) => [f.status, f.error?.code])).toEqual([['done', undefined]]);
    expect(await sha256File(pushedTo)).toBe(hash);
  });

  it('answers a plain-text WebSocket client on the control port with nothing', async () => {
    const upgrade = Buffer.from(
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${a.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
    expectNoPlainAnswer(await plainExchange(a.port, upgrade));
    const ws = new WebSocket(`ws://127.0.0.1:${a.port}/`);
    const outcome = await new Promise<string>((resolve) => {
      ws.once('open', () => resolve('open'));
      ws.once('message', () => resolve('message'));
      ws.once('error', () => resolve('error'));
    });
    expect(outcome).toBe('error');
  });

  it('closes a plain TCP dial to a TLS data port without a ticket proof', async () => {
    const client = await connect(b);
    try {
      const ready = await client.request(
        {
          type: 'prepareReceive',
          files: [{ path: path.join(scratch.pub, 'never.bin'), size: 10, mode: 0o644 }],
          mode: 'new',
          streams: 2,
          chunkSizeBytes: 0,
        },
        'receiveReady',
      );
      const dataPort = parseHostPort(ready.dataAddresses[0]!).port;
      // A hello for this very transfer, in plain text: no listener proof comes back.
      const hello = encodeDialerHello({ transferId: ready.transferId, nonce: newNonce() });
      expectNoPlainAnswer(await plainExchange(dataPort, hello));
      const dial = { connectTimeoutMs: 1000, handshakeTimeoutMs: 1000 };
      await expect(dialData(ready.dataAddresses, ready.transferId, ready.ticket, dial)).rejects.toMatchObject({ code: 'E_CONNECT' });
      // The same ticket over TLS with the pinned certificate is accepted: the refusal was the plain text.
      const conn = await dialData(ready.dataAddresses, ready.transferId, ready.ticket, {
        ...dial,
        tls: { certificateSha256: client.certificateSha256! },
      });
      expect(conn.socket).toBeInstanceOf(tls.TLSSocket);
      conn.socket.destroy();
      await client.request({ type: 'cancel', transferId: ready.transferId }, 'ack');
    } finally {
      client.close();
    }
    await expect(fsp.stat(path.join(scratch.pub, 'never.bin'))).rejects.toThrow();
  });

  it('a dialer meeting another certificate than the pinned one sends nothing, not even its hello', async () => {
    const impostor = makeCertificate();
    const capture = await captureListener(impostor);
    try {
      const transferId = randomBytes(16).toString('hex');
      const ticket = randomBytes(32);
      const dial = { connectTimeoutMs: 1000, handshakeTimeoutMs: 500 };
      // Directly: the TLS handshake completes, the pin does not match (E_HOST_KEY, folded into the
      // generic E_CONNECT), the socket is closed.
      let caught: unknown;
      await dialData([capture.address], transferId, ticket, { ...dial, tls: { certificateSha256: certB.sha256 } }).catch((err) => {
        caught = err;
      });
      expect(caught).toBeInstanceOf(EtxError);
      expect((caught as EtxError).code).toBe('E_CONNECT');
      expect((caught as EtxError).message).not.toContain('certificate');
      const causes = ((caught as EtxError).cause as AggregateError).errors as EtxError[];
      expect(causes.map((c) => c.code)).toEqual(['E_HOST_KEY']);
      expect(capture.connections.length).toBe(1);
      expect(capture.connections[0]!.bytes.length).toBe(0);

      // Through a server: told (by a client) to push to an address whose certificate is not the
      // destination's. Its transfer fails with the generic E_CONNECT, and nothing was sent.
      const client = await connect(a);
      try {
        const events: TransferEvent[] = [];
        client.onTransferEvent(transferId, (ev) => events.push(ev));
        const source = path.join(scratch.pub, 'to-impostor.bin');
        await writeRandomFile(source, 1000);
        const prepare: MessageOf<'prepareSend'> = {
          type: 'prepareSend',
          transferId,
          ticket,
          files: [{ path: source, size: 1000, mode: 0o644 }],
          accepted: [0],
          streams: 2,
          chunkSizeBytes: 0,
          dialAddresses: [capture.address],
          peerCertificateSha256: certB.sha256,
        };
        await client.request(prepare, 'sendReady');
        await waitFor(() => events.some((e) => e.kind === 'transferFailed'), 5000);
        const failed = events.find((e) => e.kind === 'transferFailed');
        expect(failed).toMatchObject({ error: { code: 'E_CONNECT' } });
      } finally {
        client.close();
      }
      expect(capture.connections.length).toBe(3);
      expect(capture.connections.every((c) => c.bytes.length === 0)).toBe(true);

      // The control: with the impostor's own certificate pinned, the capture does see the hello.
      await expect(
        dialData([capture.address], transferId, ticket, { ...dial, tls: { certificateSha256: impostor.sha256 } }),
      ).rejects.toMatchObject({ code: 'E_CONNECT' });
      expect(capture.connections[3]!.bytes.length).toBe(DIALER_HELLO_BYTES);
    } finally {
      await capture.close();
    }
  });

  it('the control handshake deadline covers the TLS handshake, and ends at the first request', async () => {
    // b's deadline is 1000 ms. A TCP connection that never starts TLS is closed at it.
    const started = Date.now();
    await plainExchange(b.port, Buffer.alloc(0));
    const lived = Date.now() - started;
    expect(lived).toBeGreaterThanOrEqual(900);
    expect(lived).toBeLessThan(2500);
    // A TLS client that asked something in time keeps its connection past the deadline.
    const client = await connect(b);
    try {
      await client.request({ type: 'listRequest', path: scratch.pub }, 'listReply');
      await new Promise((resolve) => setTimeout(resolve, 1300));
      const reply = await client.request({ type: 'listRequest', path: scratch.pub }, 'listReply');
      expect(reply.self.type).toBe('directory');
    } finally {
      client.close();
    }
  });

  it("refuses to start with a key that is not the certificate's, or with files that are not PEM", async () => {
    const base = {
      control: { host: '127.0.0.1', port: 0 },
      data: [{ host: '127.0.0.1', port: 0 }],
      advertiseHost: undefined,
      acl: pubAcl(scratch),
      stateDir: undefined,
      limits: DEFAULT_SERVER_LIMITS,
      logger: silentLogger(),
    };
    const other = makeCertificate();
    for (const [tlsFiles, part] of [
      [{ cert: certA.cert, key: other.key }, 'not the private key'],
      [{ cert: Buffer.from('not a certificate'), key: certA.key }, '--tls-cert'],
      [{ cert: certA.cert, key: Buffer.from('not a key') }, '--tls-key'],
      [{ cert: certA.key, key: certA.key }, '--tls-cert'],
    ] as const) {
      await expect(startServer({ ...base, tls: tlsFiles })).rejects.toMatchObject({
        code: 'E_CONFIG',
        message: expect.stringContaining(part),
      });
    }
  });
});
