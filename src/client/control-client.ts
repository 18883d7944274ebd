/**
 * The client's end of a control connection: connects, waits for the server's hello, sends
 * requests with ids and matches replies, and routes transfer events to whoever listens.
 */
import net from 'node:net';
import WebSocket from 'ws';
import { decodeEnvelope, encodeEnvelope } from '../common/control-codec.js';
import { signAuthentication } from '../common/auth-proof.js';
import { EtxError, toEtxError } from '../common/errors.js';
import { formatHostPort } from '../common/host-port.js';
import type { ControlMessage, MessageOf, MessageType, TransferEvent } from '../common/messages.js';
import type { Ed25519PrivateKey } from '../common/ssh-keys.js';

export interface ControlClientOptions {
  connectTimeoutMs: number;
  maxMessageBytes: number;
}

export const DEFAULT_CONTROL_CLIENT_OPTIONS: ControlClientOptions = {
  connectTimeoutMs: 10_000,
  maxMessageBytes: 16 * 1024 * 1024,
};

type Hello = MessageOf<'serverHello'>;

/** How long a closing control connection waits for the server's close frame (ws waits 30 s). */
const CLOSE_GRACE_MS = 500;

export class ControlClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (m: ControlMessage) => void; reject: (e: EtxError) => void }>();
  private readonly eventHandlers = new Map<string, (event: TransferEvent) => void>();
  private closeError: EtxError | undefined;
  private readonly closeHandlers: Array<(err: EtxError) => void> = [];

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

  static connect(host: string, port: number, options: ControlClientOptions = DEFAULT_CONTROL_CLIENT_OPTIONS): Promise<ControlClient> {
    const server = formatHostPort(host, port);
    return new Promise((resolve, reject) => {
      let socket: net.Socket | undefined;
      const ws = new WebSocket(`ws://${server}/`, {
        // Kept so the client can account for every byte it moved (a third-party copy moves none of the data).
        createConnection: ((opts: net.NetConnectOpts) => {
          socket = net.createConnection(opts);
          return socket;
        }) as typeof net.createConnection,
        maxPayload: options.maxMessageBytes,
        perMessageDeflate: false,
        handshakeTimeout: options.connectTimeoutMs,
      });
      const timer = setTimeout(() => {
        ws.terminate();
        reject(
          new EtxError(
            'E_CONNECT',
            `${server} did not answer within ${options.connectTimeoutMs} ms (is the host reachable and etransfer serving there?)`,
          ),
        );
      }, options.connectTimeoutMs);
      const fail = (err: EtxError): void => {
        clearTimeout(timer);
        ws.terminate();
        reject(err);
      };
      ws.once('error', (err: NodeJS.ErrnoException) => {
        const why =
          err.code === 'ECONNREFUSED'
            ? 'connection refused: is `etransfer serve` running there, on that control port?'
            : err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN'
              ? 'unknown host name'
              : err.message;
        fail(new EtxError('E_CONNECT', `cannot connect to etransfer at ${server}: ${why}`, { cause: err }));
      });
      ws.once('unexpected-response', (_req, res) => {
        fail(new EtxError('E_CONNECT', `${server} answered HTTP ${res.statusCode}: not an etransfer control port`));
      });
      ws.once('message', (data: Buffer) => {
        clearTimeout(timer);
        try {
          const env = decodeEnvelope(data, options.maxMessageBytes);
          if (env.msg.type !== 'serverHello') throw new EtxError('E_PROTOCOL', 'the server did not greet first');
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
      if (env.msg.type === 'event') this.eventHandlers.get(env.msg.event.transferId)?.(env.msg.event);
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

  onTransferEvent(transferId: string, handler: (event: TransferEvent) => void): void {
    this.eventHandlers.set(transferId, handler);
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
