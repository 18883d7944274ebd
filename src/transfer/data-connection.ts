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
import { type PeerAllowlist, classifyPeerHost } from '../common/peer-allowlist.js';

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
}

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
  for (const address of addresses) {
    let hosts: string[];
    let port: number;
    try {
      const target = parseHostPort(address);
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
        socket = proxy
          ? await connectViaProxy(proxy, host, port, options.connectTimeoutMs)
          : await connectTcp(host, port, options.connectTimeoutMs);
        tuneDataSocket(socket);
        // One absolute deadline for the TLS handshake and the ticket proof together.
        const deadline = Date.now() + options.handshakeTimeoutMs;
        if (options.tls) socket = await startTls(socket, host, options.tls.certificateSha256, options.handshakeTimeoutMs);
        const leftover = await proveAsDialer(socket, transferId, ticket, Math.max(1, deadline - Date.now()));
        return { socket, leftover, address };
      } catch (err) {
        socket?.destroy();
        causes.push(err);
      }
    }
  }
  throw new EtxError('E_CONNECT', `no etransfer data port for this transfer answered at ${addresses.join(', ') || '(no address)'}`, {
    cause: new AggregateError(causes),
  });
}

export interface AcceptOptions {
  handshakeTimeoutMs: number;
  /** The ticket of a live transfer that accepts inbound connections, or undefined. */
  ticketFor(transferId: string): Buffer | undefined;
}

/** The listener's side: returns the transfer the dialer proved it belongs to. */
export async function acceptData(socket: net.Socket, options: AcceptOptions): Promise<AuthenticatedConnection & { transferId: string }> {
  tuneDataSocket(socket);
  const reader = new HandshakeReader(socket, options.handshakeTimeoutMs);
  try {
    const hello = decodeDialerHello(await reader.read(DIALER_HELLO_BYTES));
    const ticket = options.ticketFor(hello.transferId);
    if (!ticket) throw new EtxError('E_TICKET', 'data connection for an unknown transfer');
    const proof = { ticket, transferId: hello.transferId, dialerNonce: hello.nonce, listenerNonce: newNonce() };
    socket.write(encodeListenerProof(proof));
    verifyDialerProof(await reader.read(DIALER_PROOF_BYTES), proof);
    return { socket, leftover: reader.detach(), transferId: hello.transferId };
  } catch (err) {
    reader.detach();
    throw err;
  }
}
