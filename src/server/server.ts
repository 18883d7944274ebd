/**
 * `etransfer serve`: the control channel (WebSocket + protobuf) and the data ports, wired to the
 * file-system policy and the transfer registry.
 */
import { VERSION } from '../common/version.js';
import { X509Certificate, createHash, createPrivateKey } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import os from 'node:os';
import tls from 'node:tls';
import { WebSocketServer } from 'ws';
import { ANONYMOUS, type Acl } from '../common/acl.js';
import { EtxError } from '../common/errors.js';
import { type HostPort, formatHostPort } from '../common/host-port.js';
import { formatCertificateSha256 } from '../transfer/data-connection.js';
import { ControlSession, type ServerContext } from './control-session.js';
import { admitDataConnection, startDataListener } from './data-listener.js';
import {
  DATA_WEBSOCKET_PATH,
  MAX_DATA_WEBSOCKET_MESSAGE_BYTES,
  webSocketAsSocket,
  webSocketDataAddress,
} from '../transfer/websocket-data.js';
import { listenError } from './listen-error.js';
import { ServerMetrics } from './metrics.js';
import { RelayHub } from './relay-hub.js';
import { PerAddressLimit } from './per-address-limit.js';
import { FsAccess } from './fs-access.js';
import { PartialRegistry } from './orphan-partials.js';
import type { ServerOptions, ServerTls } from './options.js';
import { TransferRegistry } from './transfer-registry.js';

export const SERVER_VERSION = VERSION;

/**
 * After a drain's last transfer: how long its clients have to collect their results (the
 * destination may still be fsyncing a large file) and hang up. Within --drain-timeout-ms.
 */
const DRAIN_HANG_UP_GRACE_MS = 30_000;
/** How long a control connection's closing handshake may take before the socket is dropped. */
const CLOSE_HANDSHAKE_MS = 1_000;

export interface RunningServer {
  /** Where the control channel listens (the real port when 0 was asked). */
  control: HostPort;
  /** Data addresses advertised to peers, in order. */
  dataAddresses: string[];
  registry: TransferRegistry;
  /** With `--allow-relay`: the transfers it splices (for status and tests). */
  relays: RelayHub | undefined;
  /** With TLS: the SHA-256 of the certificate (its DER encoding) that clients pin. */
  certificateSha256: Buffer | undefined;
  /** Replaces the ACL used for new requests. */
  setAcl(acl: Acl): void;
  /**
   * SIGTERM: stops taking control connections and new transfers, lets the running ones finish
   * (at most `timeoutMs`), then closes. Resolves with the transfers it had to cut short.
   */
  drain(timeoutMs: number): Promise<number>;
  close(): Promise<void>;
}

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::';
}

interface TlsIdentity {
  context: tls.SecureContext;
  certificateSha256: Buffer;
}

/**
 * Checks the certificate and key before anything listens: a PEM certificate, an unencrypted PEM
 * private key that belongs to it. Anything else is E_CONFIG (the server refuses to start).
 */
export function loadTlsIdentity(identity: ServerTls): TlsIdentity {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(identity.cert);
  } catch (err) {
    throw new EtxError('E_CONFIG', `--tls-cert does not hold a PEM certificate (${(err as Error).message})`, { cause: err });
  }
  let key: ReturnType<typeof createPrivateKey>;
  try {
    key = createPrivateKey(identity.key);
  } catch (err) {
    throw new EtxError('E_CONFIG', `--tls-key does not hold an unencrypted PEM private key (${(err as Error).message})`, { cause: err });
  }
  if (!cert.checkPrivateKey(key)) throw new EtxError('E_CONFIG', '--tls-key is not the private key of the certificate in --tls-cert');
  let context: tls.SecureContext;
  try {
    context = tls.createSecureContext({ cert: identity.cert, key: identity.key });
  } catch (err) {
    throw new EtxError('E_CONFIG', `--tls-cert/--tls-key: ${(err as Error).message}`, { cause: err });
  }
  return { context, certificateSha256: createHash('sha256').update(cert.raw).digest() };
}

/** Names a TCP connection by its four addresses, the same whether seen as the raw socket or the TLS socket over it. */
function connectionKey(socket: net.Socket): string {
  return `${socket.localAddress}|${socket.localPort}|${socket.remoteAddress}|${socket.remotePort}`;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { limits, logger } = options;
  let acl = options.acl;
  const registry = new TransferRegistry();
  const dataServers: net.Server[] = [];
  const advertised: string[] = [];
  const dataGate = new PerAddressLimit(limits.maxHandshakesPerAddress);
  // Checked first: a server asked for TLS never starts without it.
  const identity = options.tls ? loadTlsIdentity(options.tls) : undefined;

  const relays = limits.relayUsers
    ? new RelayHub({ pairTimeoutMs: limits.relayPairTimeoutMs, idleTimeoutMs: limits.idleTimeoutMs, logger })
    : undefined;
  // What this server did since it started: for GET /metrics and `etransfer status`.
  const metrics = new ServerMetrics({
    transfers: () => registry.size,
    dataStreams: () => [...registry.all()].reduce((n, t) => n + t.session.streamCount, 0),
    controlConnections: () => wss.clients.size,
    relayedTransfers: () => relays?.stats().transfers ?? 0,
  });
  for (const bind of options.data) {
    const server = await startDataListener({
      bind,
      handshakeTimeoutMs: limits.handshakeTimeoutMs,
      gate: dataGate,
      registry,
      relays,
      metrics,
      logger,
      secureContext: identity?.context,
    });
    dataServers.push(server);
    const port = (server.address() as net.AddressInfo).port;
    const host = options.advertiseHost ?? (isWildcard(bind.host) ? os.hostname() : bind.host);
    advertised.push(formatHostPort(host, port));
  }

  const partials = options.stateDir ? new PartialRegistry(options.stateDir) : undefined;
  if (partials) {
    const swept = await partials.sweep(limits.orphanGraceMs, logger);
    if (swept.removed > 0) logger.info(swept, 'swept abandoned partial files');
  }
  let draining = false;
  const ctx: ServerContext = {
    draining: () => draining,
    limits,
    acl: () => acl,
    fs: new FsAccess(() => acl, undefined, partials ? (p) => partials.record(p) : undefined),
    registry,
    dataAddresses: () => advertised,
    relays,
    metrics,
    secureContext: identity?.context,
    logger,
    version: SERVER_VERSION,
  };

  // Operators' endpoints on the control port: Prometheus metrics and a liveness check, for the
  // addresses --metrics-allow admits (loopback by default); anything else gets the plain refusal.
  const refuseBrowsers: http.RequestListener = (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const admitted = limits.metricsAllow.allowsAddress(req.socket.remoteAddress ?? '');
    if (req.method === 'GET' && admitted && path === '/healthz') {
      res.writeHead(draining ? 503 : 200, { 'content-type': 'text/plain' }).end(draining ? 'draining\n' : 'ok\n');
      return;
    }
    if (req.method === 'GET' && admitted && path === '/metrics') {
      metrics.registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
        () => res.writeHead(500).end(),
      );
      return;
    }
    res.writeHead(426, { 'content-type': 'text/plain' }).end('etransfer control channel: connect with the etransfer client\n');
  };
  // With TLS the control channel is wss:// only: a plain-text request fails the TLS handshake and
  // gets nothing back (no fallback, THREATS S10).
  const httpServer: http.Server = options.tls
    ? https.createServer({ cert: options.tls.cert, key: options.tls.key, handshakeTimeout: limits.handshakeTimeoutMs }, refuseBrowsers)
    : http.createServer(refuseBrowsers);
  httpServer.headersTimeout = limits.handshakeTimeoutMs;
  httpServer.requestTimeout = limits.handshakeTimeoutMs;
  if (options.tls) {
    httpServer.on('tlsClientError', (err: Error, socket: tls.TLSSocket) => {
      logger.debug({ peer: socket.remoteAddress, err: err.message }, 'control connection failed its TLS handshake');
      socket.destroy();
    });
  }

  // A control connection has one absolute deadline for its TLS handshake, upgrade and first
  // request, and one address may have only so many connections at that stage (THREATS X1).
  // 'connection' gives the raw TCP socket (with TLS too: destroying it ends the TLS socket over
  // it); the WebSocket layer later sees the TLS socket, hence the lookup by the four addresses.
  const controlGate = new PerAddressLimit(limits.maxHandshakesPerAddress);
  // Established connections too: past the handshake, an idle client is kept alive by pings, so
  // without this one address could hold any number of them.
  const connectionCap = new PerAddressLimit(limits.maxControlConnectionsPerAddress);
  const handshakeDone = new Map<string, () => void>();
  httpServer.on('connection', (socket: net.Socket) => {
    metrics.connectionAccepted('control');
    const disconnect = connectionCap.enter(socket.remoteAddress);
    if (!disconnect) {
      logger.debug({ peer: socket.remoteAddress }, 'too many control connections from one address');
      socket.destroy();
      return;
    }
    socket.once('close', disconnect);
    const leave = controlGate.enter(socket.remoteAddress);
    if (!leave) {
      logger.debug({ peer: socket.remoteAddress }, 'too many control handshakes from one address');
      socket.destroy();
      return;
    }
    const key = connectionKey(socket);
    const deadline = setTimeout(() => socket.destroy(), limits.handshakeTimeoutMs);
    const done = (): void => {
      clearTimeout(deadline);
      leave();
    };
    socket.once('close', () => {
      done();
      handshakeDone.delete(key);
    });
    handshakeDone.set(key, done);
  });
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxControlMessageBytes,
    maxFragments: limits.maxControlFragments,
    maxBufferedChunks: 256,
    perMessageDeflate: false,
  } as ConstructorParameters<typeof WebSocketServer>[0]);
  // Data connections riding the control port (`/data`): for sites where only this port is open.
  const dataWss = new WebSocketServer({ noServer: true, maxPayload: MAX_DATA_WEBSOCKET_MESSAGE_BYTES, perMessageDeflate: false });
  httpServer.on('upgrade', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    // Browsers always send Origin, our client never does: refuse cross-site WebSocket hijacking.
    if (req.headers.origin !== undefined) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    const path = (req.url ?? '/').split('?')[0];
    // Taken even with --no-inbound (advertised to no peer then): the control port is open anyway,
    // and a client relaying a copy (--relay) dials here; every data connection proves its ticket.
    if (path === DATA_WEBSOCKET_PATH) {
      dataWss.handleUpgrade(req, socket, head, (ws) => {
        const peer = `${req.socket.remoteAddress}:${req.socket.remotePort}`;
        const raw = req.socket;
        raw.setNoDelay(true);
        // The connection keeps its per-address handshake slot (and deadline) until the ticket is
        // proved, as on a data port: unproven peers hold at most that many at once.
        void admitDataConnection(webSocketAsSocket(ws, raw), peer, {
          handshakeTimeoutMs: limits.handshakeTimeoutMs,
          registry,
          relays,
          metrics,
          logger,
        }).finally(() => handshakeDone.get(connectionKey(req.socket))?.());
      });
      return;
    }
    if (path !== '/') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  const alive = new WeakMap<object, boolean>();
  wss.on('connection', (ws, req) => {
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    const peer = `${req.socket.remoteAddress}:${req.socket.remotePort}`;
    new ControlSession(ws, ctx, peer, req.socket.remoteAddress ?? '?', handshakeDone.get(connectionKey(req.socket)) ?? (() => {}));
  });
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.get(ws)) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, limits.controlPingIntervalMs);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', (err) => {
      // The data ports opened already: give them back, then say which port and why.
      for (const s of dataServers) s.close();
      reject(listenError(err, options.control, 'control'));
    });
    httpServer.listen(options.control.port, options.control.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const controlPort = (httpServer.address() as net.AddressInfo).port;
  const control = { host: options.control.host, port: controlPort };
  // Last in the list: the control port's WebSocket, for peers that reach no data port. A server
  // taking no inbound data (--no-inbound) advertises none.
  if (advertised.length > 0) {
    const host = options.advertiseHost ?? (isWildcard(control.host) ? os.hostname() : control.host);
    advertised.push(webSocketDataAddress(formatHostPort(host, controlPort), options.tls !== undefined));
  }

  const beyondLoopback = !['127.0.0.1', '::1', 'localhost'].includes(options.control.host);
  if (beyondLoopback && acl.anonymousMay('write')) {
    logger.warn(
      { control: formatHostPort(control.host, control.port) },
      'the ACL lets anonymous clients write, and the server listens beyond loopback',
    );
  }
  if (beyondLoopback && limits.relayUsers?.includes(ANONYMOUS)) {
    logger.warn(
      { control: formatHostPort(control.host, control.port), relayFor: limits.relayUsers.shown },
      'anyone who reaches this server may relay through it (--allow-relay names anonymous), and it listens beyond loopback',
    );
  }
  // With TLS, `certificate` is what clients pin: admins can tell their users what to expect.
  const certificate = identity ? { certificate: formatCertificateSha256(identity.certificateSha256) } : {};
  const relaying = limits.relayUsers ? { relayFor: limits.relayUsers.shown } : {};
  logger.info(
    { control: formatHostPort(control.host, control.port), data: advertised, ...certificate, ...relaying },
    'etransfer server listening',
  );

  const running: RunningServer = {
    control,
    dataAddresses: advertised,
    registry,
    relays,
    certificateSha256: identity?.certificateSha256,
    setAcl(next: Acl) {
      acl = next;
    },
    async drain(timeoutMs: number) {
      draining = true;
      httpServer.close(); // no new control connections; the open ones (running copies) stay
      const deadline = Date.now() + timeoutMs;
      while (registry.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const cut = registry.size;
      // A sender is done before its client has heard the destination publish the file: give the
      // clients a moment to collect their results and hang up, rather than cut them off mid-copy.
      const graceEnd = Math.min(deadline, Date.now() + DRAIN_HANG_UP_GRACE_MS);
      while (cut === 0 && wss.clients.size > 0 && Date.now() < graceEnd) await new Promise((r) => setTimeout(r, 50));
      await running.close();
      return cut;
    },
    async close() {
      clearInterval(heartbeat);
      for (const t of [...registry.all()]) t.session.cancel('the server is shutting down');
      relays?.endAll('the server is shutting down');
      // A closing handshake delivers what is queued (a cancellation, say); terminate whoever stalls it.
      await Promise.all(
        [...wss.clients].map(
          (ws) =>
            new Promise<void>((resolve) => {
              const stall = setTimeout(() => ws.terminate(), CLOSE_HANDSHAKE_MS);
              ws.once('close', () => {
                clearTimeout(stall);
                resolve();
              });
              ws.close(1001, 'the server is shutting down');
            }),
        ),
      );
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      for (const ws of dataWss.clients) ws.terminate();
      await new Promise<void>((resolve) => dataWss.close(() => resolve()));
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeAllConnections();
      await Promise.all(dataServers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
  return running;
}
