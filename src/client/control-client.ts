/**
 * The client's end of a control connection: connects (TLS with the certificate pinned on first
 * use, or plain for a server that never had TLS), waits for the server's hello, sends requests
 * with ids and matches replies, and routes transfer events to whoever listens.
 */
import net from 'node:net';
import tls from 'node:tls';
import WebSocket from 'ws';
import { decodeEnvelope, encodeEnvelope } from '../common/control-codec.js';
import { signAuthentication } from '../common/auth-proof.js';
import { EtxError, toEtxError } from '../common/errors.js';
import { formatHostPort } from '../common/host-port.js';
import { type ProxyChooser, type ProxyConfig, connectThroughProxy } from '../common/http-proxy.js';
import { type ControlMessage, type MessageOf, type MessageType, PROTOCOL_VERSION, type TransferEvent } from '../common/messages.js';
import type { Ed25519PrivateKey } from '../common/ssh-keys.js';
import { formatCertificateSha256, peerCertificateSha256 } from '../transfer/data-connection.js';
import { type Pin, addPin, defaultKnownHostsFile, knownHostKey, readPins } from './known-hosts.js';

export interface ControlClientOptions {
  connectTimeoutMs: number;
  maxMessageBytes: number;
  /** Where servers' certificates are pinned; default `~/.config/etransfer/known_hosts`. */
  knownHostsFile?: string | undefined;
  /** Told when a server's certificate was pinned for the first time (the CLI prints it on stderr). */
  onNotice?: ((message: string) => void) | undefined;
  /** Connects through an HTTP CONNECT proxy where this says so (`--proxy`, HTTPS_PROXY). */
  proxyFor?: ProxyChooser | undefined;
}

export const DEFAULT_CONTROL_CLIENT_OPTIONS: ControlClientOptions = {
  connectTimeoutMs: 10_000,
  maxMessageBytes: 16 * 1024 * 1024,
};

type Hello = MessageOf<'serverHello'>;

/** How long a closing control connection waits for the server's close frame (ws waits 30 s). */
const CLOSE_GRACE_MS = 500;
/** Events kept for transfers without a listener yet, per transfer and in all. */
const MAX_EARLY_EVENTS = 1024;
const MAX_EARLY_TRANSFERS = 16;

/** The E_CONNECT a failed TCP connection gets, saying what the error code means. */
function cannotConnect(server: string, err: NodeJS.ErrnoException): EtxError {
  const why =
    err.code === 'ECONNREFUSED'
      ? 'connection refused: is `etransfer serve` running there, on that control port?'
      : err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN'
        ? 'unknown host name'
        : err.message;
  return new EtxError('E_CONNECT', `cannot connect to etransfer at ${server}: ${why}`, { cause: err });
}

function noAnswer(server: string, timeoutMs: number): EtxError {
  return new EtxError('E_CONNECT', `${server} did not answer within ${timeoutMs} ms (is the host reachable and etransfer serving there?)`);
}

/** What a TLS attempt found: a verified-later TLS connection, or a server that does not speak TLS there. */
type TlsProbe = { kind: 'tls'; raw: net.Socket; secure: tls.TLSSocket; sha256: Buffer } | { kind: 'plain'; why: string };

/**
 * A TCP connection to `host:port`, straight or through the proxy: E_CONNECT (saying why) if it
 * cannot be made before the deadline. Proxy faults (unreachable, credentials refused) keep their
 * own message: they are about this client's setup, not the server.
 */
async function dialControl(
  host: string,
  port: number,
  server: string,
  timeoutMs: number,
  proxy: ProxyConfig | undefined,
): Promise<net.Socket> {
  if (proxy) {
    const { socket, leftover } = await connectThroughProxy(proxy, host, port, { timeoutMs });
    // The server waits for the upgrade request: nothing can be there yet, but keep it if it is.
    if (leftover.length > 0) socket.unshift(leftover);
    return socket;
  }
  return new Promise((resolve, reject) => {
    const raw = net.connect({ host, port });
    const timer = setTimeout(() => {
      raw.destroy();
      reject(noAnswer(server, timeoutMs));
    }, timeoutMs);
    raw.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(cannotConnect(server, err));
    });
    raw.once('connect', () => {
      clearTimeout(timer);
      raw.removeAllListeners('error');
      resolve(raw);
    });
  });
}

/**
 * Tries a TLS handshake on a connected socket (any certificate: the caller checks the pin). The
 * deadline is E_CONNECT; a server that fails the TLS handshake (a plain-text server answers a
 * ClientHello with an HTTP 400) is `plain`.
 */
function probeTls(raw: net.Socket, host: string, server: string, timeoutMs: number): Promise<TlsProbe> {
  return new Promise((resolve, reject) => {
    let secure: tls.TLSSocket | undefined;
    const timer = setTimeout(() => {
      secure?.destroy();
      raw.destroy();
      reject(noAnswer(server, timeoutMs));
    }, timeoutMs);
    raw.on('error', () => {}); // the TLS socket over it reports it
    // Self-signed certificates are the rule: the pin, not a CA, decides (rejectUnauthorized off).
    const tlsSocket = tls.connect({ socket: raw, rejectUnauthorized: false, ...(net.isIP(host) === 0 ? { servername: host } : {}) });
    secure = tlsSocket;
    const onError = (err: Error): void => {
      clearTimeout(timer);
      tlsSocket.destroy();
      raw.destroy();
      // OpenSSL's short reason ("wrong version number" for an HTTP answer), else Node's message.
      const reason = (err as Error & { reason?: unknown }).reason;
      resolve({ kind: 'plain', why: typeof reason === 'string' ? reason : err.message });
    };
    tlsSocket.on('error', onError);
    tlsSocket.once('secureConnect', () => {
      clearTimeout(timer);
      // From here the WebSocket reports errors; this one only keeps a late one from going unhandled.
      tlsSocket.off('error', onError).on('error', () => {});
      const sha256 = peerCertificateSha256(tlsSocket);
      if (sha256) resolve({ kind: 'tls', raw, secure: tlsSocket, sha256 });
      else onError(new Error('the server presented no certificate'));
    });
  });
}

function pinnedLines(pins: readonly Pin[]): string {
  return pins.length === 1 ? `line ${pins[0]!.line}` : `lines ${pins.map((p) => p.line).join(', ')}`;
}

export class ControlClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (m: ControlMessage) => void; reject: (e: EtxError) => void }>();
  private readonly eventHandlers = new Map<string, (event: TransferEvent) => void>();
  /**
   * Events of transfers nobody listens to yet: a fast transfer (an empty file into /dev/null) can
   * end on the server before the client has read the reply that names it. Bounded, oldest dropped.
   */
  private readonly earlyEvents = new Map<string, TransferEvent[]>();
  private closeError: EtxError | undefined;
  private readonly closeHandlers: Array<(err: EtxError) => void> = [];
  /**
   * With TLS: the SHA-256 of the server's certificate, checked against (or just now pinned in)
   * known_hosts. It is the certificate of the server's data ports too, so dialers are told to
   * expect it. Undefined: a plain-text server.
   */
  certificateSha256: Buffer | undefined;

  private constructor(
    private readonly ws: WebSocket,
    private readonly socket: net.Socket,
    readonly hello: Hello,
    readonly server: string,
    private readonly options: ControlClientOptions,
  ) {
    ws.on('message', (data: Buffer) => this.onMessage(data));
    ws.on('close', () => this.onClose(new EtxError('E_PEER', `the control connection to ${server} closed`)));
    ws.on('error', (err) => this.onClose(toEtxError(err, `control connection to ${server}`)));
  }

  /**
   * Opens the control connection to `host:port`. TLS first: a server pinned in known_hosts must
   * present that certificate (else E_HOST_KEY, saying how to accept a new one) and must speak
   * TLS (else E_HOST_KEY: never a fall back to plain text, THREATS S10); one not pinned yet is
   * pinned once its greeting proved it an etransfer server. A server never pinned that does not
   * speak TLS is reached over plain `ws://`, as before TLS existed.
   */
  static async connect(host: string, port: number, options: ControlClientOptions = DEFAULT_CONTROL_CLIENT_OPTIONS): Promise<ControlClient> {
    const server = formatHostPort(host, port);
    const started = Date.now();
    const remainingMs = (): number => Math.max(1, options.connectTimeoutMs - (Date.now() - started));
    const file = options.knownHostsFile ?? defaultKnownHostsFile();
    const key = knownHostKey(host, port);
    const pins = await readPins(file, key);
    const proxy = options.proxyFor?.(host, port);
    const probe = await probeTls(await dialControl(host, port, server, remainingMs(), proxy), host, server, remainingMs());

    if (probe.kind === 'plain') {
      if (pins.length > 0) {
        throw new EtxError(
          'E_HOST_KEY',
          `${server} answered without TLS (${probe.why}), but its certificate is pinned in ${file} (${pinnedLines(pins)}): ` +
            "refusing to fall back to plain text. If the server's admin confirms it no longer uses TLS, " +
            `remove the ${key} line from ${file}.`,
        );
      }
      // The probe's connection is spent (the server answered a ClientHello): a new one for ws://.
      const plain = await dialControl(host, port, server, remainingMs(), proxy);
      return ControlClient.open(`ws://${server}/`, server, options, remainingMs(), () => plain, plain);
    }

    const { raw, secure, sha256 } = probe;
    if (pins.length > 0 && !pins.some((p) => p.sha256.equals(sha256))) {
      secure.destroy();
      throw new EtxError(
        'E_HOST_KEY',
        `the TLS certificate of ${server} is not the one pinned for it\n` +
          `  pinned:    ${pins.map((p) => formatCertificateSha256(p.sha256)).join(', ')} (${file}, ${pinnedLines(pins)})\n` +
          `  presented: ${formatCertificateSha256(sha256)}\n` +
          "Someone may be intercepting the connection, or the server has a new certificate. If the server's admin " +
          'confirms the presented fingerprint (the server logs it at start-up), accept it by removing the ' +
          `${key} line from ${file}: the next connection pins the new certificate.`,
      );
    }
    const client = await ControlClient.open(`wss://${server}/`, server, options, remainingMs(), () => secure, raw);
    client.certificateSha256 = sha256;
    if (pins.length === 0) {
      try {
        await addPin(file, key, sha256);
        options.onNotice?.(`pinned the TLS certificate of ${server} (${formatCertificateSha256(sha256)}) in ${file}`);
      } catch (err) {
        options.onNotice?.(`could not pin the TLS certificate of ${server} in ${file}: ${(err as Error).message}`);
      }
    }
    return client;
  }

  /**
   * The WebSocket over a connection `createConnection` hands it (the one just verified for
   * TLS), up to the server's greeting. `wire` is the TCP socket whose bytes are counted.
   */
  private static open(
    url: string,
    server: string,
    options: ControlClientOptions,
    timeoutMs: number,
    createConnection: (opts: net.NetConnectOpts) => net.Socket,
    wire?: net.Socket,
  ): Promise<ControlClient> {
    return new Promise((resolve, reject) => {
      let socket = wire;
      const ws = new WebSocket(url, {
        // Kept so the client can account for every byte it moved (a third-party copy moves none of the data).
        createConnection: ((opts: net.NetConnectOpts) => {
          const made = createConnection(opts);
          socket ??= made;
          return made;
        }) as typeof net.createConnection,
        maxPayload: options.maxMessageBytes,
        perMessageDeflate: false,
        handshakeTimeout: timeoutMs,
      });
      const timer = setTimeout(() => {
        ws.terminate();
        reject(noAnswer(server, options.connectTimeoutMs));
      }, timeoutMs);
      const fail = (err: EtxError): void => {
        clearTimeout(timer);
        ws.terminate();
        reject(err);
      };
      ws.once('error', (err: NodeJS.ErrnoException) => fail(cannotConnect(server, err)));
      ws.once('unexpected-response', (_req, res) => {
        fail(new EtxError('E_CONNECT', `${server} answered HTTP ${res.statusCode}: not an etransfer control port`));
      });
      ws.once('message', (data: Buffer) => {
        clearTimeout(timer);
        try {
          const env = decodeEnvelope(data, options.maxMessageBytes);
          if (env.msg.type !== 'serverHello') throw new EtxError('E_PROTOCOL', 'the server did not greet first');
          // Servers of another protocol version would fail later, and less clearly (at the data handshake).
          if (env.msg.protocolVersion !== PROTOCOL_VERSION) {
            throw new EtxError(
              'E_PROTOCOL',
              `${server} speaks etransfer protocol ${env.msg.protocolVersion}, this client ${PROTOCOL_VERSION}: use the same etransfer version at every end`,
            );
          }
          ws.removeAllListeners('error');
          resolve(new ControlClient(ws, socket!, env.msg, server, options));
        } catch (err) {
          fail(toEtxError(err, `greeting from ${server}`));
        }
      });
    });
  }

  private onMessage(data: Buffer): void {
    let env: ReturnType<typeof decodeEnvelope>;
    try {
      env = decodeEnvelope(data, this.options.maxMessageBytes);
    } catch (err) {
      this.onClose(toEtxError(err, `message from ${this.server}`));
      this.ws.terminate();
      return;
    }
    if (env.id === 0) {
      if (env.msg.type === 'event') this.dispatchEvent(env.msg.event);
      return;
    }
    const waiter = this.pending.get(env.id);
    if (!waiter) return;
    this.pending.delete(env.id);
    if (env.msg.type === 'error') waiter.reject(new EtxError(env.msg.error.code, env.msg.error.message));
    else waiter.resolve(env.msg);
  }

  private onClose(err: EtxError): void {
    if (this.closeError) return;
    this.closeError = err;
    for (const waiter of this.pending.values()) waiter.reject(err);
    this.pending.clear();
    for (const handler of this.closeHandlers) handler(err);
  }

  /** Called once if the connection drops while in use. */
  onClosed(handler: (err: EtxError) => void): void {
    this.closeHandlers.push(handler);
  }

  /** Sends a request and resolves with its reply, which must be of type `expect`. */
  async request<T extends MessageType>(msg: ControlMessage, expect: T): Promise<MessageOf<T>> {
    if (this.closeError) throw this.closeError;
    const id = this.nextId++;
    const reply = await new Promise<ControlMessage>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.ws.send(encodeEnvelope({ id, msg }));
    });
    if (reply.type !== expect) throw new EtxError('E_PROTOCOL', `${this.server} answered ${reply.type} to ${msg.type}`);
    return reply as MessageOf<T>;
  }

  /** Proves `user` with `key` (signing this connection's nonce); E_AUTH if the server says no. */
  async authenticate(user: string, key: Ed25519PrivateKey): Promise<void> {
    const signature = signAuthentication(key, user, this.hello.nonce);
    try {
      await this.request({ type: 'authenticate', user, publicKey: key.publicKey, signature }, 'ack');
    } catch (err) {
      const e = toEtxError(err);
      if (e.code === 'E_AUTH')
        throw new EtxError('E_AUTH', `${this.server} refused ${user}'s key (is its public key in that server's ACL?)`);
      throw e;
    }
  }

  private dispatchEvent(event: TransferEvent): void {
    const handler = this.eventHandlers.get(event.transferId);
    if (handler) {
      handler(event);
      return;
    }
    let early = this.earlyEvents.get(event.transferId);
    if (!early) {
      if (this.earlyEvents.size >= MAX_EARLY_TRANSFERS) this.earlyEvents.delete(this.earlyEvents.keys().next().value!);
      early = [];
      this.earlyEvents.set(event.transferId, early);
    }
    // Progress can be dropped; an end (file or transfer) must not be.
    if (early.length >= MAX_EARLY_EVENTS) {
      const i = early.findIndex((e) => e.kind === 'progress');
      if (i < 0) return;
      early.splice(i, 1);
    }
    early.push(event);
  }

  onTransferEvent(transferId: string, handler: (event: TransferEvent) => void): void {
    this.eventHandlers.set(transferId, handler);
    const early = this.earlyEvents.get(transferId);
    this.earlyEvents.delete(transferId);
    for (const event of early ?? []) handler(event);
  }

  /** Bytes this connection carried both ways so far. */
  get bytesOnWire(): number {
    return this.socket.bytesRead + this.socket.bytesWritten;
  }

  /** Closes politely, but does not wait more than a moment for a server that stopped answering. */
  close(): void {
    // Requests still waiting get an answer (E_CANCELLED) instead of waiting forever.
    this.onClose(new EtxError('E_CANCELLED', `the control connection to ${this.server} was closed`));
    if (this.ws.readyState === this.ws.CLOSED) return;
    const timer = setTimeout(() => this.ws.terminate(), CLOSE_GRACE_MS);
    this.ws.once('close', () => clearTimeout(timer));
    this.ws.close();
  }
}
