/** The client end of a control connection. */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { ControlClient } from '../../src/client/control-client.js';
import { encodeEnvelope } from '../../src/common/control-codec.js';
import { PROTOCOL_VERSION } from '../../src/common/messages.js';

/** A server that greets properly and then never answers anything. */
async function silentServer(protocolVersion = PROTOCOL_VERSION): Promise<{ port: number; close(): Promise<void> }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => wss.once('listening', resolve));
  wss.on('connection', (ws) =>
    ws.send(
      encodeEnvelope({
        id: 0,
        msg: {
          type: 'serverHello',
          protocolVersion,
          serverVersion: 'x',
          nonce: randomBytes(32),
          dataAddresses: [],
          maxStreams: 4,
          chunkSizeBytes: 1 << 22,
        },
      }),
    ),
  );
  return { port: (wss.address() as AddressInfo).port, close: () => new Promise((resolve) => wss.close(() => resolve())) };
}

describe('ControlClient', () => {
  it('regression: closing the connection answers a request still waiting (it used to wait forever)', async () => {
    const server = await silentServer();
    try {
      const client = await ControlClient.connect('127.0.0.1', server.port);
      const pending = client.request({ type: 'listRequest', path: '/tmp' }, 'listReply');
      client.close();
      await expect(pending).rejects.toMatchObject({ code: 'E_CANCELLED' });
    } finally {
      await server.close();
    }
  });

  it('a server of another protocol version is refused at its greeting, saying so (E_PROTOCOL)', async () => {
    const server = await silentServer(PROTOCOL_VERSION - 1);
    try {
      await expect(ControlClient.connect('127.0.0.1', server.port)).rejects.toMatchObject({
        code: 'E_PROTOCOL',
        message: expect.stringContaining(`protocol ${PROTOCOL_VERSION - 1}, this client ${PROTOCOL_VERSION}`),
      });
    } finally {
      await server.close();
    }
  });
});
