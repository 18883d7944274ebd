/**
 * A data port: accepts TCP connections, runs the listener's side of the ticket handshake, and
 * hands each proven connection to its transfer. Anything else is closed without a word.
 */
import net from 'node:net';
import type { HostPort } from '../common/host-port.js';
import { toEtxError } from '../common/errors.js';
import { acceptData } from '../transfer/data-connection.js';
import type { HandshakeGate } from './handshake-gate.js';
import type { Logger } from './logger.js';
import type { TransferRegistry } from './transfer-registry.js';

export interface DataListenerOptions {
  bind: HostPort;
  handshakeTimeoutMs: number;
  /** Caps the connections one address may have in their handshake (slow-loris). */
  gate: HandshakeGate;
  registry: TransferRegistry;
  logger: Logger;
}

export async function startDataListener(options: DataListenerOptions): Promise<net.Server> {
  const { registry, logger } = options;
  const server = net.createServer({ pauseOnConnect: false }, (socket) => {
    const peer = `${socket.remoteAddress}:${socket.remotePort}`;
    socket.on('error', () => {});
    const leave = options.gate.enter(socket.remoteAddress);
    if (!leave) {
      socket.destroy();
      return;
    }
    acceptData(socket, {
      handshakeTimeoutMs: options.handshakeTimeoutMs,
      ticketFor: (id) => registry.inbound(id)?.ticket,
    })
      .then(
        (conn) => {
          const transfer = registry.inbound(conn.transferId);
          if (!transfer) {
            socket.destroy();
            return;
          }
          if (transfer.session.streamCount >= transfer.streams) {
            // No more connections than the transfer was granted: each one costs a window of chunks.
            socket.destroy();
            return;
          }
          transfer.started = true;
          logger.debug({ transfer: conn.transferId, peer }, 'data connection accepted');
          transfer.session.addConnection(conn);
        },
        (err) => {
          const e = toEtxError(err);
          logger.debug({ peer, code: e.code, err: e.message }, 'data connection refused');
          socket.destroy();
        },
      )
      .finally(leave);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.bind.port, options.bind.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}
