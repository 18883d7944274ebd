/**
 * Joins two proven connections of one transfer into one byte stream (a relay server, or the
 * client relaying with --relay): what each sent past its handshake goes first, then each is piped
 * into the other with backpressure; one closing closes both. The frames inside are the ends'.
 */
import type { AuthenticatedConnection } from './data-connection.js';

export function spliceConnections(
  a: AuthenticatedConnection,
  b: AuthenticatedConnection,
  onBytes: (bytes: number) => void,
  onClosed: () => void,
): void {
  for (const s of [a.socket, b.socket]) s.on('error', () => {});
  if (a.leftover.length > 0) b.socket.write(a.leftover);
  if (b.leftover.length > 0) a.socket.write(b.leftover);
  const count = (data: Buffer): void => onBytes(data.length);
  a.socket.on('data', count);
  b.socket.on('data', count);
  a.socket.pipe(b.socket);
  b.socket.pipe(a.socket);
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    a.socket.destroy();
    b.socket.destroy();
    onClosed();
  };
  a.socket.once('close', close);
  b.socket.once('close', close);
  a.socket.resume();
  b.socket.resume();
}
