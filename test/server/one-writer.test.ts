/** One writer per destination path (E_BUSY), freed as soon as the writing transfer ends. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ControlClient } from '../../src/client/control-client.js';
import { type Scratch, type TestServer, makeScratch, pubAcl, startTestServer } from '../helpers/servers.js';

describe('one writer per destination path', () => {
  let scratch: Scratch;
  let server: TestServer;

  beforeAll(async () => {
    scratch = await makeScratch();
    server = await startTestServer(pubAcl(scratch));
  });
  afterAll(async () => {
    await server?.close();
    await scratch?.cleanup();
  });

  async function prepare(client: ControlClient, p: string) {
    const reply = await client.request(
      { type: 'prepareReceive', files: [{ path: p, size: 1000, mode: 0o644 }], mode: 'overwrite', streams: 1, chunkSizeBytes: 0 },
      'receiveReady',
    );
    return reply.files[0]!;
  }

  it('refuses a second writer with E_BUSY until the first transfer ends', async () => {
    const target = path.join(scratch.pub, 'contended.bin');
    const first = await ControlClient.connect('127.0.0.1', server.port);
    const second = await ControlClient.connect('127.0.0.1', server.port);
    expect((await prepare(first, target)).state).toBe('accepted');
    const refused = await prepare(second, target);
    expect(refused.state === 'failed' && refused.error.code).toBe('E_BUSY');
    // Another path is not affected.
    expect((await prepare(second, path.join(scratch.pub, 'other.bin'))).state).toBe('accepted');
    first.close(); // its transfer is cancelled and the path freed
    await new Promise((r) => setTimeout(r, 100));
    expect((await prepare(second, target)).state).toBe('accepted');
    second.close();
  });

  it('regression: two requests for one path at the same moment cannot both be accepted', async () => {
    const target = path.join(scratch.pub, 'simultaneous.bin');
    const clients = await Promise.all([0, 1, 2].map(() => ControlClient.connect('127.0.0.1', server.port)));
    const outcomes = await Promise.all(clients.map((c) => prepare(c, target)));
    expect(outcomes.filter((o) => o.state === 'accepted')).toHaveLength(1);
    expect(outcomes.filter((o) => o.state === 'failed' && o.error.code === 'E_BUSY')).toHaveLength(2);
    for (const c of clients) c.close();
  });

  it('regression: a transfer takes no more inbound data connections than it was granted', async () => {
    const { dialData } = await import('../../src/transfer/data-connection.js');
    const client = await ControlClient.connect('127.0.0.1', server.port);
    const ready = await client.request(
      {
        type: 'prepareReceive',
        files: [{ path: path.join(scratch.pub, 'capped.bin'), size: 1000, mode: 0o644 }],
        mode: 'new',
        streams: 1,
        chunkSizeBytes: 0,
      },
      'receiveReady',
    );
    expect(ready.streams).toBe(1);
    const options = { connectTimeoutMs: 1000, handshakeTimeoutMs: 1000 };
    const conns = await Promise.all([0, 1, 2].map(() => dialData(ready.dataAddresses, ready.transferId, ready.ticket, options)));
    await new Promise((r) => setTimeout(r, 100));
    const transfer = server.server.registry.get(ready.transferId, 'receive');
    expect(transfer?.session.streamCount).toBe(1);
    for (const c of conns) c.socket.destroy();
    client.close();
  });
});
