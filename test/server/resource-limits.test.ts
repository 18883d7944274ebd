/**
 * Resource exhaustion (THREATS X1, X3): slow-loris connections on the control and data ports
 * are closed at an absolute handshake deadline and capped per address while a real client
 * still gets through; a user's concurrent transfers are capped with E_QUOTA.
 */
import { promises as fsp } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ControlClient } from '../../src/client/control-client.js';
import { parseHostPort } from '../../src/common/host-port.js';
import { copy } from '../helpers/copy.js';
import { type Scratch, type TestServer, makeScratch, pubAcl, sha256File, startTestServer, writeRandomFile } from '../helpers/servers.js';

const DEADLINE_MS = 1000;
const CAP = 8;

/**
 * A socket from 127.0.0.2 that trickles `text` one byte every 200 ms (then 'a's); resolves with
 * its lifetime once the server closed it.
 */
function trickler(port: number, text: string): Promise<number> {
  return new Promise((resolve) => {
    const started = Date.now();
    const s = net.connect({ host: '127.0.0.1', port, localAddress: '127.0.0.2' });
    let at = 0;
    const timer = setInterval(() => s.writable && s.write(text[at++] ?? 'a'), 200);
    s.on('error', () => {});
    s.on('data', () => {});
    s.on('close', () => {
      clearInterval(timer);
      resolve(Date.now() - started);
    });
  });
}

describe('resource limits', () => {
  let scratch: Scratch;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    scratch = await makeScratch();
    const limits = { handshakeTimeoutMs: DEADLINE_MS, maxHandshakesPerAddress: CAP, maxTransfersPerUser: 2 };
    a = await startTestServer(pubAcl(scratch), limits);
    b = await startTestServer(pubAcl(scratch), limits);
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await scratch?.cleanup();
  });

  it('X1: trickling sockets on both ports close at the deadline or at once past the cap; a real copy still works meanwhile', async () => {
    const dataPort = parseHostPort(b.server.dataAddresses[0]!).port;
    const lifetimes = Promise.all([
      // A valid upgrade request, slowly: the HTTP parser keeps waiting for the rest.
      ...Array.from({ length: 20 }, () => trickler(b.port, 'GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ')),
      ...Array.from({ length: 20 }, () => trickler(dataPort, 'ETXD')),
    ]);
    const src = path.join(scratch.pub, 'during.bin');
    const hash = await writeRandomFile(src, 500_000);
    const summary = await copy([a.at(src)], b.at(`${src}.copy`));
    expect(summary.files[0]?.status).toBe('done');
    expect(await sha256File(`${src}.copy`)).toBe(hash);
    const all = await lifetimes;
    for (const port of [all.slice(0, 20), all.slice(20)]) {
      const refusedAtOnce = port.filter((ms) => ms < 500).length;
      const heldToDeadline = port.filter((ms) => ms >= DEADLINE_MS - 100 && ms < DEADLINE_MS + 1500).length;
      expect(refusedAtOnce).toBe(20 - CAP);
      expect(heldToDeadline).toBe(CAP);
    }
  });

  it('X1: a WebSocket that upgrades and never asks anything is closed at the deadline', async () => {
    const started = Date.now();
    const ws = new WebSocket(`ws://127.0.0.1:${b.port}/`);
    ws.on('error', () => {});
    await new Promise((resolve) => ws.once('close', resolve));
    const lived = Date.now() - started;
    expect(lived).toBeGreaterThanOrEqual(DEADLINE_MS - 100);
    expect(lived).toBeLessThan(DEADLINE_MS + 1500);
  });

  it('X1: established control connections are capped per address too (a client past its handshake stays open otherwise)', async () => {
    const server = await startTestServer(pubAcl(scratch), { maxControlConnectionsPerAddress: 5 });
    try {
      const open = async (): Promise<WebSocket | undefined> => {
        const ws = new WebSocket(`ws://127.0.0.1:${server.port}/`, { localAddress: '127.0.0.2' });
        ws.on('error', () => {});
        const ok = await new Promise<boolean>((resolve) => {
          ws.once('message', () => resolve(true)); // the hello: admitted
          ws.once('close', () => resolve(false));
        });
        return ok ? ws : undefined;
      };
      const sockets = [];
      for (let i = 0; i < 8; i++) sockets.push(await open());
      expect(sockets.filter(Boolean)).toHaveLength(5);
      // Another address is not affected.
      const client = await ControlClient.connect('127.0.0.1', server.port);
      client.close();
      for (const ws of sockets) ws?.terminate();
    } finally {
      await server.close();
    }
  });

  it('X3: past the per-user cap a prepare gets E_QUOTA; a slot comes back when a transfer ends', async () => {
    const client = await ControlClient.connect('127.0.0.1', b.port);
    const prepare = (name: string) =>
      client.request(
        {
          type: 'prepareReceive',
          files: [{ path: path.join(scratch.pub, name), size: 10, mode: 0o644 }],
          mode: 'new',
          streams: 1,
          chunkSizeBytes: 0,
        },
        'receiveReady',
      );
    try {
      const first = await prepare('q1');
      await prepare('q2');
      await expect(prepare('q3')).rejects.toMatchObject({ code: 'E_QUOTA' });
      await client.request({ type: 'cancel', transferId: first.transferId }, 'ack');
      let third: Awaited<ReturnType<typeof prepare>> | undefined;
      for (let i = 0; i < 50 && !third; i++) {
        third = await prepare('q3').catch(() => undefined);
        if (!third) await new Promise((r) => setTimeout(r, 20));
      }
      expect(third?.transferId).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      client.close();
    }
    // Another client of the same anonymous address shares the quota until the first one's transfers end.
    await expect(fsp.stat(path.join(scratch.pub, 'q3'))).rejects.toThrow();
  });
});
