/**
 * Tickets (THREATS S7, S9, F14): a ticket admits data connections for its own transfer, on the
 * server that minted it, only while fresh or once its transfer has begun, and never after the
 * transfer ends. Every refusal is silent (the dialer gets the generic E_CONNECT) and writes
 * nothing. Tickets never reach a log line, even at debug level.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ControlClient } from '../../src/client/control-client.js';
import type { MessageOf } from '../../src/common/messages.js';
import { createLogger } from '../../src/server/logger.js';
import { dialData } from '../../src/transfer/data-connection.js';
import { type Scratch, type TestServer, makeScratch, pubAcl, sha256File, startTestServer, writeRandomFile } from '../helpers/servers.js';
import { waitFor } from '../helpers/wait.js';

const DIAL = { connectTimeoutMs: 1000, handshakeTimeoutMs: 1000 };

/** Collects every log line a server writes. */
function capture(): { stream: Writable; text: () => string } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => lines.join('') };
}

describe('tickets', () => {
  let scratch: Scratch;
  let a: TestServer;
  let b: TestServer;
  let other: TestServer;
  const logA = capture();
  const logB = capture();

  beforeAll(async () => {
    scratch = await makeScratch();
    a = await startTestServer(pubAcl(scratch), { handshakeTimeoutMs: 1000 }, undefined, createLogger('debug', logA.stream));
    b = await startTestServer(
      pubAcl(scratch),
      { handshakeTimeoutMs: 1000, ticketLifetimeMs: 1500 },
      undefined,
      createLogger('debug', logB.stream),
    );
    other = await startTestServer(pubAcl(scratch));
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close(), other?.close()]);
    await scratch?.cleanup();
  });

  async function prepare(client: ControlClient, name: string, size: number): Promise<MessageOf<'receiveReady'>> {
    return client.request(
      {
        type: 'prepareReceive',
        files: [{ path: path.join(scratch.pub, name), size, mode: 0o644 }],
        mode: 'new',
        streams: 1,
        chunkSizeBytes: 0,
      },
      'receiveReady',
    );
  }

  it('S7: a ticket shown for another transfer, or to another server, is refused; nothing is written', async () => {
    const client = await ControlClient.connect('127.0.0.1', b.port);
    try {
      const first = await prepare(client, 'first.bin', 100);
      const second = await prepare(client, 'second.bin', 100);
      await expect(dialData(b.server.dataAddresses, first.transferId, second.ticket, DIAL)).rejects.toMatchObject({ code: 'E_CONNECT' });
      await expect(dialData(other.server.dataAddresses, first.transferId, first.ticket, DIAL)).rejects.toMatchObject({
        code: 'E_CONNECT',
      });
      // The genuine pairing is accepted (the proof passes), which shows the refusals were the ticket's.
      const conn = await dialData(b.server.dataAddresses, first.transferId, first.ticket, DIAL);
      conn.socket.destroy();
    } finally {
      client.close();
    }
    await expect(fsp.stat(path.join(scratch.pub, 'second.bin'))).rejects.toThrow();
  });

  it('S7: an expired ticket is refused (the lifetime bounds the start of a transfer)', async () => {
    const client = await ControlClient.connect('127.0.0.1', b.port);
    try {
      const ready = await prepare(client, 'late.bin', 100);
      await new Promise((r) => setTimeout(r, 1700));
      await expect(dialData(b.server.dataAddresses, ready.transferId, ready.ticket, DIAL)).rejects.toMatchObject({ code: 'E_CONNECT' });
    } finally {
      client.close();
    }
    await expect(fsp.stat(path.join(scratch.pub, 'late.bin'))).rejects.toThrow();
  });

  it('S7, S9: a used ticket is dead once its transfer ends, and no ticket reaches a debug log', async () => {
    const src = path.join(scratch.pub, 'logged.bin');
    const hash = await writeRandomFile(src, 1_500_000);
    const dest = path.join(scratch.pub, 'logged.copy');
    const toA = await ControlClient.connect('127.0.0.1', a.port);
    const toB = await ControlClient.connect('127.0.0.1', b.port);
    try {
      const ready = await prepare(toB, 'logged.copy', 1_500_000);
      const done = new Promise<string>((resolve) =>
        toB.onTransferEvent(ready.transferId, (ev) => {
          if (ev.kind === 'transferDone' || ev.kind === 'transferFailed') resolve(ev.kind);
        }),
      );
      // One failed proof in the log as well.
      await expect(dialData(b.server.dataAddresses, ready.transferId, randomBytes(32), DIAL)).rejects.toMatchObject({ code: 'E_CONNECT' });
      await toA.request(
        {
          type: 'prepareSend',
          transferId: ready.transferId,
          ticket: ready.ticket,
          files: [{ path: src, size: 1_500_000, mode: 0o644 }],
          accepted: [0],
          streams: 2,
          chunkSizeBytes: ready.chunkSizeBytes,
          dialAddresses: ready.dataAddresses,
        },
        'sendReady',
      );
      expect(await done).toBe('transferDone');
      expect(await sha256File(dest)).toBe(hash);
      // Used up: the same transfer id and ticket admit nothing any more.
      await waitFor(async () => {
        try {
          const again = await dialData(b.server.dataAddresses, ready.transferId, ready.ticket, DIAL);
          again.socket.destroy();
          return false;
        } catch {
          return true;
        }
      }, 5000);
      const logs = logA.text() + logB.text();
      expect(logs).toContain(ready.transferId); // the logs do talk about this transfer...
      for (const form of ['hex', 'base64', 'base64url'] as const) {
        expect(logs).not.toContain(ready.ticket.toString(form)); // ...but never show its ticket
      }
    } finally {
      toA.close();
      toB.close();
    }
  });
});
