/**
 * `copy --relay`: the data of a third-party copy goes through this client (DESIGN section 5),
 * for sites that can reach neither each other nor a relay server, but that this client reaches.
 * The client holds the transfer's ticket, so it dials each server like a peer would: the source
 * as the destination would in a pull, the destination as the source would in a push (each at its
 * data ports, then its control port's WebSocket). Once both have proved the ticket it splices the
 * two connections, so the servers speak their own frames to each other, every check intact.
 */
import type net from 'node:net';
import { EtxError, toEtxError } from '../common/errors.js';
import type { ProxyChooser } from '../common/http-proxy.js';
import { type AuthenticatedConnection, dialData } from '../transfer/data-connection.js';
import { spliceConnections } from '../transfer/splice.js';
import { webSocketDataAddress } from '../transfer/websocket-data.js';
import type { ControlClient } from './control-client.js';

/** Longest wait for one address while relaying (the client's --connect-timeout-ms is for control). */
const RELAY_DIAL_TIMEOUT_MS = 3000;

export interface ClientRelayOptions {
  connectTimeoutMs: number;
  handshakeTimeoutMs: number;
  proxyFor?: ProxyChooser | undefined;
}

export interface ClientRelay {
  /** Settles once the first pair is spliced, or rejects (E_CONNECT) when no pair could be made. */
  connected: Promise<void>;
  /** File and frame bytes that went through this client, both ways. */
  bytes(): number;
  close(): void;
}

/** Where this client dials `server`: what it advertised, then its control port's WebSocket. */
function addressesOf(server: ControlClient, advertised: readonly string[]): string[] {
  const control = webSocketDataAddress(server.server, server.certificateSha256 !== undefined);
  return advertised.includes(control) ? [...advertised] : [...advertised, control];
}

export function relayThroughThisClient(
  src: { client: ControlClient; dataAddresses: readonly string[] },
  dst: { client: ControlClient; dataAddresses: readonly string[] },
  transferId: string,
  ticket: Buffer,
  streams: number,
  options: ClientRelayOptions,
): ClientRelay {
  const sockets = new Set<net.Socket>();
  let relayed = 0;
  let closed = false;
  const dial = (end: typeof src): Promise<AuthenticatedConnection> =>
    dialData(addressesOf(end.client, end.dataAddresses), transferId, ticket, {
      // Per address: a data port its firewall drops must not hold the control port's turn long.
      connectTimeoutMs: Math.min(options.connectTimeoutMs, RELAY_DIAL_TIMEOUT_MS),
      handshakeTimeoutMs: options.handshakeTimeoutMs,
      tls: end.client.certificateSha256 ? { certificateSha256: end.client.certificateSha256 } : undefined,
      proxyFor: options.proxyFor,
    });

  const splice = (a: AuthenticatedConnection, b: AuthenticatedConnection): void => {
    for (const s of [a.socket, b.socket]) sockets.add(s);
    spliceConnections(
      a,
      b,
      (bytes) => {
        relayed += bytes;
      },
      () => {
        sockets.delete(a.socket);
        sockets.delete(b.socket);
      },
    );
  };

  const pairs = Array.from({ length: streams }, async () => {
    const [a, b] = await Promise.allSettled([dial(src), dial(dst)]);
    if (a.status === 'fulfilled' && b.status === 'fulfilled' && !closed) {
      splice(a.value, b.value);
      return;
    }
    for (const r of [a, b]) if (r.status === 'fulfilled') r.value.socket.destroy();
    const failed = [a, b].find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
    throw failed ? toEtxError(failed.reason) : new EtxError('E_CANCELLED', 'the relay was closed');
  });
  const connected = Promise.any(pairs).catch((err: AggregateError) => {
    const first = err.errors[0];
    throw new EtxError('E_CONNECT', `this client could not relay: ${first instanceof Error ? first.message : String(first)}`);
  });
  connected.catch(() => {});

  return {
    connected,
    bytes: () => relayed,
    close() {
      closed = true;
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
  };
}
