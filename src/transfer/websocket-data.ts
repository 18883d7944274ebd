/**
 * Data connections over WebSocket, to a server's control port (`ws[s]://host:port/data`): for
 * sites where no data port is reachable but the control port is (one open port, or a reverse
 * proxy in front of it). The WebSocket carries the same byte stream a TCP data connection does
 * (the same handshake, frames and checks); this module only makes one look like the other.
 */
import type net from 'node:net';
import type { Duplex } from 'node:stream';
import WebSocket, { createWebSocketStream } from 'ws';
import { EtxError } from '../common/errors.js';

/** The path of the control port where data connections are upgraded. */
export const DATA_WEBSOCKET_PATH = '/data';

/**
 * Largest WebSocket message on a data connection. A message is buffered whole before anything
 * reads it, and the first ones arrive before the ticket proof: so writes are cut to this size
 * (a 4 MiB chunk is 16 messages), and an unproven peer can make the server hold at most this
 * per connection (review finding: 16 MiB messages let 40 sockets hold 600 MiB unauthenticated).
 */
export const MAX_DATA_WEBSOCKET_MESSAGE_BYTES = 256 * 1024;

/** Whether a data address is a WebSocket URL rather than `host:port`. */
export function isWebSocketDataAddress(address: string): boolean {
  return /^wss?:\/\//i.test(address);
}

/** `ws[s]://host:port/data` of a control port, as advertised after the TCP data addresses. */
export function webSocketDataAddress(hostPort: string, secure: boolean): string {
  return `${secure ? 'wss' : 'ws'}://${hostPort}${DATA_WEBSOCKET_PATH}`;
}

/**
 * The WebSocket `ws` as a socket for the data path: a Duplex over its messages, with the few
 * socket calls the data path makes answered by `raw`, the TCP connection under it (idle timeout,
 * addresses; Nagle and keep-alive are set on it once).
 */
export function webSocketAsSocket(ws: WebSocket, raw: net.Socket): net.Socket {
  const duplex: Duplex = createWebSocketStream(ws, { allowHalfOpen: true });
  // One message per write would let a chunk exceed what the peer accepts: cut writes to size.
  const sendWhole = duplex._write.bind(duplex);
  duplex._write = (chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void): void => {
    if (chunk.length <= MAX_DATA_WEBSOCKET_MESSAGE_BYTES) {
      sendWhole(chunk, encoding, callback);
      return;
    }
    let at = 0;
    const next = (error?: Error | null): void => {
      if (error || at >= chunk.length) {
        callback(error);
        return;
      }
      const piece = chunk.subarray(at, at + MAX_DATA_WEBSOCKET_MESSAGE_BYTES);
      at += piece.length;
      sendWhole(piece, encoding, next);
    };
    next();
  };
  const extras = {
    setTimeout(ms: number, callback?: () => void) {
      raw.setTimeout(ms, callback);
      return duplex;
    },
    setNoDelay() {
      return duplex;
    },
    setKeepAlive() {
      return duplex;
    },
    remoteAddress: raw.remoteAddress,
    remotePort: raw.remotePort,
  };
  // The data path uses only these and the Duplex interface of a socket.
  return Object.assign(duplex, extras) as unknown as net.Socket;
}

/**
 * Upgrades `base` (a connected TCP socket, or a TLS socket over it whose certificate the caller
 * checked) to a data WebSocket at `url`'s path. `raw` is the TCP socket under it.
 */
export function upgradeToDataWebSocket(base: net.Socket, raw: net.Socket, url: URL, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, {
      createConnection: (() => base) as unknown as typeof net.createConnection,
      perMessageDeflate: false,
      maxPayload: MAX_DATA_WEBSOCKET_MESSAGE_BYTES,
      handshakeTimeout: timeoutMs,
    });
    const fail = (err: Error): void => {
      ws.terminate();
      reject(err instanceof EtxError ? err : new EtxError('E_CONNECT', `data WebSocket: ${err.message}`));
    };
    ws.once('error', fail);
    ws.once('unexpected-response', (_req, res) => fail(new EtxError('E_CONNECT', `data WebSocket refused: HTTP ${res.statusCode}`)));
    ws.once('open', () => {
      ws.off('error', fail);
      resolve(webSocketAsSocket(ws, raw));
    });
  });
}
