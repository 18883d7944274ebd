/**
 * Every knob of `etransfer serve`, resolved once at the edge (the CLI) and passed down. Each
 * limit carries its unit in its name.
 */
import type { Acl, UserList } from '../common/acl.js';
import type { HostPort } from '../common/host-port.js';
import type { ProxyConfig } from '../common/http-proxy.js';
import { PeerAllowlist } from '../common/peer-allowlist.js';
import { DEFAULT_SMALL_FILE_BYTES } from '../transfer/session-types.js';
import type { Logger } from './logger.js';

export interface ServerLimits {
  /** Largest control message accepted (ws maxPayload). */
  maxControlMessageBytes: number;
  /** Most WebSocket fragments per control message. */
  maxControlFragments: number;
  /** Data chunk size offered to clients, and the largest accepted. */
  chunkSizeBytes: number;
  maxChunkSizeBytes: number;
  /** Streams granted per transfer; requests above are clamped. */
  maxStreamsPerTransfer: number;
  /** Unacknowledged chunks per data stream. */
  windowChunks: number;
  /** Bytes a sending transfer may have in flight over all its streams (bounds memory). */
  maxInflightBytes: number;
  /** Times a chunk may fail its hash check before its file fails with E_CHECKSUM. */
  maxChunkAttempts: number;
  /** Files up to this size are read and written whole, many per FILES frame (SessionOptions.smallFileBytes). */
  smallFileBytes: number;
  /** Files in one prepare request. */
  maxFilesPerRequest: number;
  /** Entries in one listing reply. */
  maxListEntries: number;
  /**
   * Absolute deadline of every handshake: a data connection's ticket proof, and a control
   * connection's HTTP upgrade plus its first request (a trickle of bytes does not extend it).
   */
  handshakeTimeoutMs: number;
  /** Connections one address may have in their handshake at once, per port kind (slow-loris). */
  maxHandshakesPerAddress: number;
  /** Control connections one address may hold open at once (handshaking or established). */
  maxControlConnectionsPerAddress: number;
  /** Transfers one user (or, for anonymous, one address) may have at once on this server. */
  maxTransfersPerUser: number;
  connectTimeoutMs: number;
  /** A data connection silent this long is closed (its chunks go back to the queue). */
  idleTimeoutMs: number;
  /** A transfer without any data connection this long is abandoned and freed (its partial kept). */
  inactiveTimeoutMs: number;
  /** How long a ticket may wait for its first data connection. */
  ticketLifetimeMs: number;
  /** Control connections that stop answering pings are closed after this. */
  controlPingIntervalMs: number;
  /** Free space kept in reserve beyond a transfer's size when accepting writes. */
  freeSpaceMarginBytes: number;
  /** Progress events per transfer are sent at most this often. */
  progressIntervalMs: number;
  /** At start-up, partials this old that no transfer resumed are removed (needs --state-dir). */
  orphanGraceMs: number;
  /**
   * `--allow-peer`: the only addresses this server dials (pushing, or pulling when told to), so a
   * client cannot aim it at internal services (THREATS S1). Undefined: any address may be dialed.
   * It bounds what the server does, like the limits above, hence its place among them.
   */
  allowPeers: PeerAllowlist | undefined;
  /**
   * `serve --proxy URL`: this server's own data dials go out through this HTTP CONNECT proxy (a
   * site whose only way out is a proxy). Only the option: never the daemon's inherited environment.
   */
  proxy: ProxyConfig | undefined;
  /**
   * `--allow-relay [USERS]`: for whom this server splices the two ends of other servers' transfers
   * (`copy --via`); undefined: for nobody. A relay carries anyone's bytes, hence a list of users.
   */
  relayUsers: UserList | undefined;
  /** A relayed connection whose partner from the other end has not come within this is closed. */
  relayPairTimeoutMs: number;
  /** `--metrics-allow`: who may read `GET /metrics` and `/healthz` on the control port (default loopback). */
  metricsAllow: PeerAllowlist;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  maxControlMessageBytes: 1024 * 1024,
  maxControlFragments: 64,
  chunkSizeBytes: 4 * 1024 * 1024,
  maxChunkSizeBytes: 16 * 1024 * 1024,
  maxStreamsPerTransfer: 16,
  windowChunks: 4,
  maxInflightBytes: 64 * 1024 * 1024,
  maxChunkAttempts: 3,
  smallFileBytes: DEFAULT_SMALL_FILE_BYTES,
  maxFilesPerRequest: 10_000,
  maxListEntries: 100_000,
  handshakeTimeoutMs: 10_000,
  maxHandshakesPerAddress: 32,
  maxControlConnectionsPerAddress: 256,
  maxTransfersPerUser: 64,
  connectTimeoutMs: 5_000,
  idleTimeoutMs: 60_000,
  inactiveTimeoutMs: 120_000,
  ticketLifetimeMs: 60_000,
  controlPingIntervalMs: 30_000,
  freeSpaceMarginBytes: 16 * 1024 * 1024,
  progressIntervalMs: 250,
  orphanGraceMs: 7 * 24 * 3600 * 1000,
  allowPeers: undefined,
  proxy: undefined,
  relayUsers: undefined,
  relayPairTimeoutMs: 30_000,
  metricsAllow: PeerAllowlist.parse(['127.0.0.0/8', '::1'], '--metrics-allow'),
};

/**
 * `--tls-cert/--tls-key`, read once at the edge: the PEM certificate (chain, leaf first) and
 * its private key. One certificate serves the control channel and every data port, so a client
 * that pinned it on the control channel can tell the other end of a copy what to expect.
 */
export interface ServerTls {
  cert: Buffer;
  key: Buffer;
}

export interface ServerOptions {
  control: HostPort;
  /** Data listeners, advertised in this order. Empty: accepts no inbound data connections. */
  data: HostPort[];
  /** Host advertised to peers in place of each data listener's bind address. */
  advertiseHost: string | undefined;
  acl: Acl;
  stateDir: string | undefined;
  limits: ServerLimits;
  logger: Logger;
  /** With TLS, the control channel is `wss://` and every data port TLS; nothing listens in plain text. */
  tls?: ServerTls | undefined;
}
