/**
 * Wires transfer-engine sessions together over real loopback sockets: a listener that runs the
 * accept side of the handshake and hands connections to a session, and a dialer for the other.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { fileTagKey } from '../../src/common/file-tags.js';
import { type AuthenticatedConnection, acceptData, dialData } from '../../src/transfer/data-connection.js';
import type { DataSession } from '../../src/transfer/data-session.js';
import { DEFAULT_SMALL_FILE_BYTES, type SessionObserver, type SessionOptions } from '../../src/transfer/session-types.js';

export interface Listener {
  address: string;
  close(): Promise<void>;
}

export async function listenFor(session: () => DataSession | undefined, ticket: Buffer): Promise<Listener> {
  const server = net.createServer((socket) => {
    socket.on('error', () => {});
    acceptData(socket, { handshakeTimeoutMs: 2000, ticketFor: () => ticket }).then(
      (conn) => session()?.addConnection(conn),
      () => socket.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function dial(listener: Listener, transferId: string, ticket: Buffer): Promise<AuthenticatedConnection> {
  return dialData([listener.address], transferId, ticket, { connectTimeoutMs: 2000, handshakeTimeoutMs: 2000 });
}

export function newTransfer(overrides: Partial<SessionOptions> = {}): { options: SessionOptions; ticket: Buffer } {
  const ticket = randomBytes(32);
  return {
    ticket,
    options: {
      transferId: randomBytes(16).toString('hex'),
      fileTagKey: fileTagKey(ticket),
      chunkSizeBytes: 1024 * 1024,
      windowChunks: 2,
      maxInflightBytes: 1024 * 1024 * 1024,
      idleTimeoutMs: 5000,
      inactiveTimeoutMs: 10000,
      maxMessageBytes: 1024,
      smallFileBytes: DEFAULT_SMALL_FILE_BYTES,
      maxChunkAttempts: 3,
      ...overrides,
    },
  };
}

export interface RecordedOutcome {
  done: Promise<{ ok: boolean; bytes?: number; code?: string }>;
  files: Map<number, { ok: boolean; code?: string }>;
  observer: SessionObserver;
}

export function record(): RecordedOutcome {
  const files = new Map<number, { ok: boolean; code?: string }>();
  let settle!: (v: { ok: boolean; bytes?: number; code?: string }) => void;
  const done = new Promise<{ ok: boolean; bytes?: number; code?: string }>((resolve) => {
    settle = resolve;
  });
  return {
    done,
    files,
    observer: {
      fileDone: (i) => files.set(i, { ok: true }),
      fileFailed: (i, e) => files.set(i, { ok: false, code: e.code }),
      done: (bytes) => settle({ ok: true, bytes }),
      failed: (e) => settle({ ok: false, code: e.code }),
    },
  };
}
