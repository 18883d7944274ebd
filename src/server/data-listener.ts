/**
 * A data port: accepts TCP connections (TLS ones when the server has a certificate), runs the
 * listener's side of the ticket handshake, and hands each proven connection to its transfer.
 * Anything else is closed without a word.
 */
import net from 'node:net';
import tls from 'node:tls';
import type { HostPort } from '../common/host-port.js';
import { toEtxError } from '../common/errors.js';
import { acceptDataOrRelay } from '../transfer/data-connection.js';
import type { RelayHub } from './relay-hub.js';
import type { PerAddressLimit } from './per-address-limit.js';
import type { Logger } from './logger.js';
import type { TransferRegistry } from './transfer-registry.js';

export interface DataListenerOptions {
  bind: HostPort;
  handshakeTimeoutMs: number;
  /** Caps the connections one address may have in their handshake (slow-loris). */
  gate: PerAddressLimit;
  registry: TransferRegistry;
  /** With `--allow-relay`: where ends of relayed transfers are spliced. */
  relays?: RelayHub | undefined;
  logger: Logger;
  /** With TLS: every connection is TLS (the ticket proof runs inside it); none is taken in plain text. */
  secureContext?: tls.SecureContext | undefined;
}

export async function startDataListener(options: DataListenerOptions): Promise<net.Server> {
  const { registry, logger } = options;
  const server = net.createServer({ pauseOnConnect: false }, (raw) => {
    const peer = `${raw.remoteAddress}:${raw.remotePort}`;
    raw.on('error', () => {});
    const leave = options.gate.enter(raw.remoteAddress);
    if (!leave) {
      raw.destroy();
      return;
    }
    // The TLS handshake counts as part of the data handshake: the same gate slot, and the
    // absolute deadline of acceptData (which waits for the hello through it) covers both.
    const socket = options.secureContext ? new tls.TLSSocket(raw, { isServer: true, secureContext: options.secureContext }) : raw;
    if (socket !== raw) socket.on('error', () => {});
    const relays = options.relays;
    acceptDataOrRelay(socket, {
      handshakeTimeoutMs: options.handshakeTimeoutMs,
      ticketFor: (id) => registry.inbound(id)?.ticket,
      relayKeyFor: relays ? (id) => relays.keyFor(id) : undefined,
    })
      .then(
        (conn) => {
          if (conn.kind === 'relay') {
            logger.debug({ transfer: conn.transferId, peer, side: conn.side }, 'relay connection accepted');
            relays?.join(conn);
            return;
          }
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
