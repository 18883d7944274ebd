/**
 * Regression (review): data over the control port (`/data` WebSocket) accepted 16 MiB messages
 * before the ticket proof, so 40 sockets from one address held ~600 MiB unauthenticated. Now a
 * message announcing more than MAX_DATA_WEBSOCKET_MESSAGE_BYTES closes its connection at once,
 * and the server's memory does not grow with such peers.
 */
import net from 'node:net';
import { expect, it } from 'vitest';
import { makeScratch, pubAcl, startTestServer } from '../helpers/servers.js';

/** A masked binary WebSocket frame header announcing `length` bytes (zero mask). */
function frameHeader(length: number): Buffer {
  const h = Buffer.alloc(14);
  h[0] = 0x82;
  h[1] = 0x80 | 127;
  h.writeBigUInt64BE(BigInt(length), 2);
  return h;
}

it('regression: unproven /data WebSocket peers cannot make the server hold big messages', async () => {
  const scratch = await makeScratch();
  const server = await startTestServer(pubAcl(scratch), {}, undefined, undefined, { data: [] });
  const before = process.memoryUsage().arrayBuffers;
  const body = Buffer.alloc(1024 * 1024);
  const closed = await Promise.all(
    Array.from(
      { length: 24 },
      () =>
        new Promise<boolean>((resolve) => {
          const s = net.connect(server.port, '127.0.0.1', () => {
            s.write(
              'GET /data HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
                'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
            );
            s.once('data', () => {
              s.write(frameHeader(16 * 1024 * 1024));
              for (let i = 0; i < 8; i++) s.write(body);
            });
          });
          s.on('error', () => {});
          s.on('close', () => resolve(true));
          setTimeout(() => {
            s.destroy();
            resolve(false);
          }, 5000);
        }),
    ),
  );
  const grew = process.memoryUsage().arrayBuffers - before;
  await server.close();
  await scratch.cleanup();
  expect(closed.every(Boolean)).toBe(true);
  expect(grew).toBeLessThan(64 * 1024 * 1024);
});
