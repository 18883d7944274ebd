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
import { listenError } from './listen-error.js';
import type { ServerMetrics } from './metrics.js';
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
  /** Counts the data connections placed. */
  metrics?: ServerMetrics | undefined;
  logger: Logger;
  /** With TLS: every connection is TLS (the ticket proof runs inside it); none is taken in plain text. */
  secureContext?: tls.SecureContext | undefined;
}

export async function startDataListener(options: DataListenerOptions): Promise<net.Server> {
  const server = net.createServer({ pauseOnConnect: false }, (raw) => {
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
    void admitDataConnection(socket, `${raw.remoteAddress}:${raw.remotePort}`, options).finally(leave);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => reject(listenError(err, options.bind, 'data')));
    server.listen(options.bind.port, options.bind.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

/**
 * Runs the listener's side of the handshake on a data connection (from a data port, or a
 * WebSocket on the control port) and hands it to its transfer, or to the relay; anything else
 * is closed without a word. Settles when the connection is placed or refused.
 */
export async function admitDataConnection(
  socket: net.Socket,
  peer: string,
  options: Pick<DataListenerOptions, 'handshakeTimeoutMs' | 'registry' | 'relays' | 'metrics' | 'logger'>,
): Promise<void> {
  const { registry, logger, relays } = options;
  try {
    const conn = await acceptDataOrRelay(socket, {
      handshakeTimeoutMs: options.handshakeTimeoutMs,
      ticketFor: (id) => registry.inbound(id)?.ticket,
      relayKeyFor: relays ? (id) => relays.keyFor(id) : undefined,
    });
    if (conn.kind === 'relay') {
      logger.debug({ transfer: conn.transferId, peer, side: conn.side }, 'relay connection accepted');
      relays?.join(conn);
      return;
    }
    const transfer = registry.inbound(conn.transferId);
    if (!transfer || transfer.session.streamCount >= transfer.streams) {
      // No more connections than the transfer was granted: each one costs a window of chunks.
      socket.destroy();
      return;
    }
    transfer.started = true;
    options.metrics?.connectionAccepted('data');
    logger.debug({ transfer: conn.transferId, peer }, 'data connection accepted');
    transfer.session.addConnection(conn);
  } catch (err) {
    const e = toEtxError(err);
    logger.debug({ peer, code: e.code, err: e.message }, 'data connection refused');
    socket.destroy();
  }
}
