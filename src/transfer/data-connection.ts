/**
 * Opening an authenticated data connection, from either end: the dialer's side (try each
 * advertised address in turn, prove the ticket) and the listener's side (read the hello, find the
 * transfer, prove, check the dialer's proof). No file byte moves before both proofs pass.
 */
import { createHash } from 'node:crypto';
import { promises as dns } from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';
import {
  DIALER_HELLO_BYTES,
  DIALER_PROOF_BYTES,
  LISTENER_PROOF_BYTES,
  decodeDialerHello,
  encodeDialerHello,
  encodeDialerProof,
  encodeListenerProof,
  newNonce,
  verifyDialerProof,
  verifyListenerProof,
} from '../common/data-handshake.js';
import { EtxError } from '../common/errors.js';
import { formatHostPort, parseHostPort } from '../common/host-port.js';
import { type ProxyChooser, type ProxyConfig, connectThroughProxy } from '../common/http-proxy.js';
import { DATA_WEBSOCKET_PATH, isWebSocketDataAddress, upgradeToDataWebSocket } from './websocket-data.js';
import { type PeerAllowlist, classifyPeerHost } from '../common/peer-allowlist.js';
import {
  RELAY_PROOF_BYTES,
  END_PROOF_BYTES,
  type RelayHello,
  type RelaySide,
  decodeRelayHello,
  encodeEndProof,
  encodeRelayHello,
  encodeRelayProof,
  isRelayHello,
  relayKey,
  verifyEndProof,
  verifyRelayProof,
} from '../common/relay-handshake.js';

export interface AuthenticatedConnection {
  socket: net.Socket;
  /** Bytes that arrived after the handshake, to be fed to the frame decoder first. */
  leftover: Buffer;
}

/** The most a peer may send before the handshake completes; anything more is hostile. */
const MAX_HANDSHAKE_BUFFER_BYTES = 64 * 1024;

/**
 * Collects a socket's bytes during the handshake and hands out exact-size reads. The deadline
 * is absolute: a peer trickling one byte at a time does not extend it.
 */
class HandshakeReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private failure: Error | undefined;
  private waiter: { bytes: number; resolve: (b: Buffer) => void; reject: (e: Error) => void } | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly socket: net.Socket,
    deadlineMs: number,
  ) {
    this.timer = setTimeout(() => this.fail(new EtxError('E_TIMEOUT', 'data handshake timed out')), deadlineMs);
    socket.on('data', this.onData);
    socket.on('error', this.onError);
    socket.on('close', this.onClose);
    // A reader of an earlier phase (the relay's) paused it on leaving.
    socket.resume();
  }

  private readonly onData = (data: Buffer): void => {
    this.chunks.push(data);
    this.buffered += data.length;
    if (this.buffered > MAX_HANDSHAKE_BUFFER_BYTES) this.fail(new EtxError('E_PROTOCOL', 'data handshake: too much data'));
    else this.serve();
  };

  private readonly onError = (err: Error): void => this.fail(err);
  private readonly onClose = (): void => this.fail(new EtxError('E_PEER', 'data connection closed during the handshake'));

  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.reject(err);
  }

  private serve(): void {
    const waiter = this.waiter;
    if (!waiter || this.buffered < waiter.bytes) return;
    this.waiter = undefined;
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    const rest = all.subarray(waiter.bytes);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    waiter.resolve(all.subarray(0, waiter.bytes));
  }

  read(bytes: number): Promise<Buffer> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiter = { bytes, resolve, reject };
      this.serve();
    });
  }

  /** Stops listening; returns whatever arrived past the handshake. */
  detach(): Buffer {
    clearTimeout(this.timer);
    this.socket.off('data', this.onData);
    this.socket.off('error', this.onError);
    this.socket.off('close', this.onClose);
    this.socket.pause();
    const rest = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    this.chunks = [];
    return rest;
  }
}

/** Resolves a host name to its addresses (literals), in the order to try them. */
export type HostResolver = (host: string) => Promise<string[]>;

export interface DialOptions {
  connectTimeoutMs: number;
  handshakeTimeoutMs: number;
  /**
   * `serve --allow-peer`: when set, only addresses inside it are dialed; a refused target opens no
   * socket and ends in the same generic error as an unreachable one. Undefined: any address.
   */
  allowPeers?: PeerAllowlist | undefined;
  /** How host names are resolved under `allowPeers` (tests inject a stub); default: the system resolver. */
  resolveHost?: HostResolver | undefined;
  /**
   * TLS: each connection is TLS, and the listener must present the certificate whose SHA-256 (of
   * its DER encoding) is `certificateSha256`, as the client verified it on its own control
   * connection to that server. Certificates are typically self-signed, so this pin is the whole
   * check. Another certificate ends the connection before a single byte of the handshake (not
   * even the hello) is sent. Undefined: plain TCP.
   */
  tls?: { certificateSha256: Buffer } | undefined;
  /** Dials through an HTTP CONNECT proxy where this says so (`--proxy`, HTTPS_PROXY for a client). */
  proxyFor?: ProxyChooser | undefined;
  /**
   * The addresses are a relay's (`copy --via`): join it as `side`, then run the data handshake
   * with the other end through it. Side 1 dials end to end (with `tls`, it checks the other end's
   * certificate); side 2 answers (with `listenerTls`, as the TLS server, its own certificate).
   * `hopCertificateSha256`: the relay's own data port is TLS, with this certificate.
   */
  relay?: RelayDial | undefined;
}

export interface RelayDial {
  side: RelaySide;
  hopCertificateSha256?: Buffer | undefined;
  listenerTls?: tls.SecureContext | undefined;
}

/**
 * How long an end joined to a relay waits for the other end's handshake through it: the other
 * end may still be connecting (or timing out on a direct attempt) when this one arrives.
 */
export const RELAY_PAIR_TIMEOUT_MS = 30_000;

/** The SHA-256 of the certificate a TLS peer presented (over its DER encoding), or undefined if none. */
export function peerCertificateSha256(socket: tls.TLSSocket): Buffer | undefined {
  const cert = socket.getPeerX509Certificate();
  return cert ? createHash('sha256').update(cert.raw).digest() : undefined;
}

/** `sha256:AB:CD:...`: how OpenSSL (`openssl x509 -fingerprint -sha256`) and Node show a certificate's SHA-256. */
export function formatCertificateSha256(sha256: Buffer): string {
  return `sha256:${(sha256.toString('hex').toUpperCase().match(/../g) ?? []).join(':')}`;
}

const systemResolver: HostResolver = async (host) => (await dns.lookup(host, { all: true, order: 'verbatim' })).map((a) => a.address);

/** Gives up on `promise` after `ms` (a resolver can hang as long as the system lets it). */
function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new EtxError('E_TIMEOUT', `${what} timed out`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/**
 * The addresses the allowlist lets this host be dialed at. A name is resolved here, once, and the
 * addresses judged are the very ones returned for `net.connect`: the name never reaches the
 * socket, so a second lookup cannot answer differently (DNS rebinding, THREATS S3). A name that
 * is itself an entry admits whatever it resolves to. Throws (to be folded into the generic error)
 * with the reason, for the debug log only.
 */
async function admittedAddresses(host: string, allow: PeerAllowlist, options: DialOptions): Promise<string[]> {
  const target = classifyPeerHost(host);
  if (target.kind === 'ip') {
    if (allow.allowsAddress(host)) return [host];
    throw new EtxError('E_ACL_DENIED', `${host} (judged as ${target.address}) is outside --allow-peer`);
  }
  if (target.kind === 'invalid') throw new EtxError('E_ACL_DENIED', `${host} is neither a canonical IP address nor a host name`);
  const resolve = options.resolveHost ?? systemResolver;
  const resolved = await withDeadline(resolve(host), options.connectTimeoutMs, `resolving ${host}`);
  const byName = allow.allowsName(target.name);
  const admitted = resolved.filter((address) => net.isIP(address) !== 0 && (byName || allow.allowsAddress(address)));
  if (admitted.length === 0) {
    throw new EtxError('E_ACL_DENIED', `${host} resolves to ${resolved.join(', ') || 'nothing'}, none inside --allow-peer`);
  }
  return admitted;
}

function connectTcp(host: string, port: number, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new EtxError('E_TIMEOUT', `connecting to ${formatHostPort(host, port)} timed out`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/**
 * A tunnel to `host:port` through `proxy`. The dialer speaks first on a data connection (and so
 * does a TLS client), so an honest peer has sent nothing yet: bytes already there are refused.
 */
async function connectViaProxy(proxy: ProxyConfig, host: string, port: number, timeoutMs: number): Promise<net.Socket> {
  const { socket, leftover } = await connectThroughProxy(proxy, host, port, { timeoutMs });
  if (leftover.length > 0) {
    socket.destroy();
    throw new EtxError('E_PROTOCOL', `${formatHostPort(host, port)} spoke before the data handshake (through ${proxy.display})`);
  }
  return socket;
}

/**
 * Runs a TLS client handshake on a connected socket and checks the pin. Whatever goes wrong, the
 * socket is destroyed before anything of ours was written on it.
 */
function startTls(socket: net.Socket, host: string, expected: Buffer, timeoutMs: number): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    // Self-signed certificates are the rule: the pin, not a CA, decides (rejectUnauthorized off).
    const secure = tls.connect({ socket, rejectUnauthorized: false, ...(net.isIP(host) === 0 ? { servername: host } : {}) });
    let timer: NodeJS.Timeout | undefined;
    const fail = (err: Error): void => {
      clearTimeout(timer);
      secure.destroy();
      socket.destroy();
      reject(err);
    };
    timer = setTimeout(() => fail(new EtxError('E_TIMEOUT', 'the TLS handshake timed out')), timeoutMs);
    secure.on('error', fail);
    secure.once('secureConnect', () => {
      const presented = peerCertificateSha256(secure);
      if (!presented?.equals(expected)) {
        const shown = presented ? formatCertificateSha256(presented) : 'none';
        fail(new EtxError('E_HOST_KEY', `the data port presented the certificate ${shown}, not ${formatCertificateSha256(expected)}`));
        return;
      }
      clearTimeout(timer);
      secure.removeListener('error', fail);
      resolve(secure);
    });
  });
}

export function tuneDataSocket(socket: net.Socket): void {
  socket.setNoDelay(true);
  socket.setKeepAlive(true, 30_000);
}

/** The dialer's side of the handshake on one connected socket. */
async function proveAsDialer(socket: net.Socket, transferId: string, ticket: Buffer, handshakeTimeoutMs: number): Promise<Buffer> {
  const reader = new HandshakeReader(socket, handshakeTimeoutMs);
  try {
    const dialerNonce = newNonce();
    socket.write(encodeDialerHello({ transferId, nonce: dialerNonce }));
    const listenerNonce = verifyListenerProof(await reader.read(LISTENER_PROOF_BYTES), ticket, transferId, dialerNonce);
    socket.write(encodeDialerProof({ ticket, transferId, dialerNonce, listenerNonce }));
    return reader.detach();
  } catch (err) {
    reader.detach();
    throw err;
  }
}

/** A `ws[s]://host:port/data` address, checked: the path is fixed, and nothing else may ride along. */
function parseWebSocketAddress(address: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new EtxError('E_PROTOCOL', 'a malformed data WebSocket address');
  }
  if (url.pathname !== DATA_WEBSOCKET_PATH || url.search || url.hash || url.username || url.password || !url.port) {
    throw new EtxError('E_PROTOCOL', 'a data WebSocket address must be ws[s]://host:port/data');
  }
  return url;
}

/**
 * Joins a relay as one end of the transfer: RelayHello, check the relay's proof, EndProof. The
 * relay has nothing to say after its proof until it splices us to the other end, and the other
 * end speaks only after we do (side 1) or after the splice (side 2): anything already there
 * breaks the protocol.
 */
async function joinRelay(socket: net.Socket, transferId: string, ticket: Buffer, side: RelaySide, timeoutMs: number): Promise<void> {
  const reader = new HandshakeReader(socket, timeoutMs);
  let leftover: Buffer;
  try {
    const key = relayKey(ticket);
    const hello: RelayHello = { transferId, side, nonce: newNonce() };
    socket.write(encodeRelayHello(hello));
    const relayNonce = verifyRelayProof(await reader.read(RELAY_PROOF_BYTES), key, hello);
    socket.write(encodeEndProof(key, hello, relayNonce));
  } finally {
    leftover = reader.detach();
  }
  if (leftover.length > 0) throw new EtxError('E_PROTOCOL', 'the relay sent data before it joined the other end');
}

/** The listener's side of the data handshake on a connection this end made (through a relay). */
async function proveAsListener(socket: net.Socket, transferId: string, ticket: Buffer, timeoutMs: number): Promise<Buffer> {
  const reader = new HandshakeReader(socket, timeoutMs);
  try {
    const hello = decodeDialerHello(await reader.read(DIALER_HELLO_BYTES));
    if (hello.transferId !== transferId) throw new EtxError('E_TICKET', 'the other end names another transfer');
    const proof = { ticket, transferId, dialerNonce: hello.nonce, listenerNonce: newNonce() };
    socket.write(encodeListenerProof(proof));
    verifyDialerProof(await reader.read(DIALER_PROOF_BYTES), proof);
    return reader.detach();
  } catch (err) {
    reader.detach();
    throw err;
  }
}

/** A TLS server handshake on a connection this end made (side 2 through a relay). */
function answerTls(socket: net.Socket, context: tls.SecureContext, timeoutMs: number): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const secure = new tls.TLSSocket(socket, { isServer: true, secureContext: context });
    const fail = (err: Error): void => {
      clearTimeout(timer);
      secure.destroy();
      socket.destroy();
      reject(err);
    };
    const timer = setTimeout(() => fail(new EtxError('E_TIMEOUT', 'the TLS handshake through the relay timed out')), timeoutMs);
    secure.on('error', fail);
    secure.once('secure', () => {
      clearTimeout(timer);
      secure.removeListener('error', fail);
      resolve(secure);
    });
  });
}

/** After the TCP (and relay hop TLS) connection: the ends' own handshake, straight or through a relay. */
async function handshake(
  socket: net.Socket,
  host: string,
  transferId: string,
  ticket: Buffer,
  options: DialOptions,
): Promise<{ socket: net.Socket; leftover: Buffer }> {
  const { relay } = options;
  if (!relay) {
    // One absolute deadline for the TLS handshake and the ticket proof together.
    const deadline = Date.now() + options.handshakeTimeoutMs;
    const s = options.tls ? await startTls(socket, host, options.tls.certificateSha256, options.handshakeTimeoutMs) : socket;
    return { socket: s, leftover: await proveAsDialer(s, transferId, ticket, Math.max(1, deadline - Date.now())) };
  }
  let s = socket;
  if (relay.hopCertificateSha256) s = await startTls(s, host, relay.hopCertificateSha256, options.handshakeTimeoutMs);
  await joinRelay(s, transferId, ticket, relay.side, options.handshakeTimeoutMs);
  // From here the other end may still be on its way to the relay.
  const deadline = Date.now() + RELAY_PAIR_TIMEOUT_MS;
  const left = (): number => Math.max(1, deadline - Date.now());
  if (relay.side === 1) {
    if (options.tls) s = await startTls(s, host, options.tls.certificateSha256, left());
    return { socket: s, leftover: await proveAsDialer(s, transferId, ticket, left()) };
  }
  if (relay.listenerTls) s = await answerTls(s, relay.listenerTls, left());
  return { socket: s, leftover: await proveAsListener(s, transferId, ticket, left()) };
}

/**
 * Dials the addresses in the order given and returns the first connection whose listener
 * proves the ticket. Whatever went wrong, the caller gets one generic error: the dialer must
 * not become a port scanner that reports refused vs filtered vs "some other service", nor
 * tell which targets `allowPeers` refused (those are skipped before any socket is opened).
 */
export async function dialData(
  addresses: readonly string[],
  transferId: string,
  ticket: Buffer,
  options: DialOptions,
): Promise<AuthenticatedConnection & { address: string }> {
  const causes: unknown[] = [];
  /**
   * Why this end's own HTTP proxy failed (unreachable, credentials refused): about this end's
   * setup, not the target, so it is told (the reasons about targets stay folded, see above).
   */
  let proxyProblem: string | undefined;
  for (const address of addresses) {
    let hosts: string[];
    let port: number;
    // A control port's WebSocket (`ws[s]://host:port/data`): tried in its turn, after the data ports.
    let url: URL | undefined;
    try {
      url = isWebSocketDataAddress(address) ? parseWebSocketAddress(address) : undefined;
      const target = url ? { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port) } : parseHostPort(address);
      port = target.port;
      hosts = options.allowPeers ? await admittedAddresses(target.host, options.allowPeers, options) : [target.host];
    } catch (err) {
      causes.push(err);
      continue;
    }
    for (const host of hosts) {
      let socket: net.Socket | undefined;
      try {
        const proxy = options.proxyFor?.(host, port);
        if (proxy) {
          socket = await connectViaProxy(proxy, host, port, options.connectTimeoutMs).catch((err: unknown) => {
            const message = err instanceof Error ? err.message : String(err);
            if (/cannot reach the proxy|requires authentication|rejected the credentials/.test(message)) proxyProblem ??= message;
            throw err;
          });
        } else {
          socket = await connectTcp(host, port, options.connectTimeoutMs);
        }
        tuneDataSocket(socket);
        if (url) {
          // wss: TLS to the control port, with the same certificate pin as a data port; the data
          // handshake then runs inside it (no second TLS layer).
          const raw = socket;
          const base = options.tls ? await startTls(raw, host, options.tls.certificateSha256, options.handshakeTimeoutMs) : raw;
          const ws = await upgradeToDataWebSocket(base, raw, url, options.handshakeTimeoutMs);
          const done = await handshake(ws, host, transferId, ticket, { ...options, tls: undefined });
          return { socket: done.socket, leftover: done.leftover, address };
        }
        const done = await handshake(socket, host, transferId, ticket, options);
        return { socket: done.socket, leftover: done.leftover, address };
      } catch (err) {
        socket?.destroy();
        causes.push(err);
      }
    }
  }
  const viaProxy = proxyProblem ? ` (the HTTP proxy: ${proxyProblem})` : '';
  throw new EtxError(
    'E_CONNECT',
    `no etransfer data port for this transfer answered at ${addresses.join(', ') || '(no address)'}${viaProxy}`,
    {
      cause: new AggregateError(causes),
    },
  );
}

export interface AcceptOptions {
  handshakeTimeoutMs: number;
  /** The ticket of a live transfer that accepts inbound connections, or undefined. */
  ticketFor(transferId: string): Buffer | undefined;
  /** On a relay (`serve --allow-relay`): the relay key of a transfer set up here, or undefined. */
  relayKeyFor?(transferId: string): Buffer | undefined;
}

/** An end of a relayed transfer, proven: to be spliced to the other side's connection. */
export interface RelayedConnection extends AuthenticatedConnection {
  transferId: string;
  side: RelaySide;
}

/** The listener's side: returns the transfer the dialer proved it belongs to. */
export async function acceptData(socket: net.Socket, options: AcceptOptions): Promise<AuthenticatedConnection & { transferId: string }> {
  const accepted = await acceptDataOrRelay(socket, { ...options, relayKeyFor: undefined });
  if (accepted.kind !== 'data') throw new EtxError('E_PROTOCOL', 'a relay hello where no relay is set up');
  return accepted;
}

/**
 * A data port's side of whatever arrives: a data connection for a transfer here (DialerHello), or,
 * where `relayKeyFor` is given, an end of a transfer relayed here (RelayHello, same length).
 */
export async function acceptDataOrRelay(
  socket: net.Socket,
  options: AcceptOptions,
): Promise<({ kind: 'data' } & AuthenticatedConnection & { transferId: string }) | ({ kind: 'relay' } & RelayedConnection)> {
  tuneDataSocket(socket);
  const reader = new HandshakeReader(socket, options.handshakeTimeoutMs);
  try {
    const first = await reader.read(DIALER_HELLO_BYTES);
    if (options.relayKeyFor && isRelayHello(first)) {
      const hello = decodeRelayHello(first);
      const key = options.relayKeyFor(hello.transferId);
      if (!key) throw new EtxError('E_TICKET', 'relay connection for a transfer not set up here');
      const relayNonce = newNonce();
      socket.write(encodeRelayProof(key, hello, relayNonce));
      verifyEndProof(await reader.read(END_PROOF_BYTES), key, hello, relayNonce);
      return { kind: 'relay', socket, leftover: reader.detach(), transferId: hello.transferId, side: hello.side };
    }
    const hello = decodeDialerHello(first);
    const ticket = options.ticketFor(hello.transferId);
    if (!ticket) throw new EtxError('E_TICKET', 'data connection for an unknown transfer');
    const proof = { ticket, transferId: hello.transferId, dialerNonce: hello.nonce, listenerNonce: newNonce() };
    socket.write(encodeListenerProof(proof));
    verifyDialerProof(await reader.read(DIALER_PROOF_BYTES), proof);
    return { kind: 'data', socket, leftover: reader.detach(), transferId: hello.transferId };
  } catch (err) {
    reader.detach();
    throw err;
  }
}
