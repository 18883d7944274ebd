/**
 * `serve --allow-peer` (THREATS S1-S4): a server dials only peers inside its list. A refused
 * target opens no socket and fails like an unreachable one; a host name is resolved once and the
 * checked address is what the socket connects to.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ControlClient } from '../../src/client/control-client.js';
import { parseHostPort } from '../../src/common/host-port.js';
import type { TransferEvent } from '../../src/common/messages.js';
import { PeerAllowlist } from '../../src/common/peer-allowlist.js';
import { dialData } from '../../src/transfer/data-connection.js';
import { copy } from '../helpers/copy.js';
import { runCli } from '../helpers/processes.js';
import { type Scratch, type TestServer, makeScratch, pubAcl, sha256File, startTestServer, writeRandomFile } from '../helpers/servers.js';

interface Recorder {
  port: number;
  /** The local address each accepted connection arrived at. */
  connections: string[];
  received: Buffer[];
  close(): Promise<void>;
}

/** A plain TCP listener that records who connected where and what they sent. */
async function recorder(host = '127.0.0.1', port = 0): Promise<Recorder> {
  const connections: string[] = [];
  const received: Buffer[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((sock) => {
    sockets.add(sock);
    connections.push(sock.localAddress ?? '?');
    sock.on('data', (d) => received.push(d));
    sock.on('error', () => {});
    sock.on('close', () => sockets.delete(sock));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    connections,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function dataPortOf(server: TestServer): number {
  return parseHostPort(server.server.dataAddresses[0]!).port;
}

/** Resolves with the first transferDone or transferFailed event of a transfer. */
function outcomeOf(client: ControlClient, transferId: string): Promise<TransferEvent> {
  return new Promise((resolve) =>
    client.onTransferEvent(transferId, (ev) => {
      if (ev.kind === 'transferDone' || ev.kind === 'transferFailed') resolve(ev);
    }),
  );
}

const FAST = { handshakeTimeoutMs: 1000, connectTimeoutMs: 1000 };

describe('a server with --allow-peer', () => {
  let scratch: Scratch;
  let src: string;

  beforeAll(async () => {
    scratch = await makeScratch();
    src = path.join(scratch.pub, 'source.bin');
    await writeRandomFile(src, 200_000);
  });

  afterAll(async () => {
    await scratch?.cleanup();
  });

  /** Tells `server` to push `src` to `dialAddresses`; resolves with the sender's outcome. */
  async function pushTo(server: TestServer, dialAddresses: string[]): Promise<TransferEvent> {
    const client = await ControlClient.connect('127.0.0.1', server.port);
    try {
      const transferId = randomBytes(16).toString('hex');
      const outcome = outcomeOf(client, transferId);
      await client.request(
        {
          type: 'prepareSend',
          transferId,
          ticket: randomBytes(32),
          files: [{ path: src, size: 200_000, mode: 0o644 }],
          accepted: [0],
          streams: 2,
          chunkSizeBytes: 0,
          dialAddresses,
        },
        'sendReady',
      );
      return await outcome;
    } finally {
      client.close();
    }
  }

  /** Tells `server` to receive a file by dialing `dialAddresses` (pull); resolves with its outcome. */
  async function pullFrom(server: TestServer, dialAddresses: string[]): Promise<TransferEvent> {
    const client = await ControlClient.connect('127.0.0.1', server.port);
    try {
      const ready = await client.request(
        {
          type: 'prepareReceive',
          files: [{ path: path.join(scratch.pub, `pulled-${randomBytes(4).toString('hex')}`), size: 1000, mode: 0o644 }],
          mode: 'new',
          streams: 2,
          chunkSizeBytes: 0,
        },
        'receiveReady',
      );
      const outcome = outcomeOf(client, ready.transferId);
      await client.request({ type: 'connectData', transferId: ready.transferId, dialAddresses }, 'ack');
      return await outcome;
    } finally {
      client.close();
    }
  }

  it('refuses to push or pull to an address outside the list: no connection, the generic E_CONNECT (S1, S4)', async () => {
    const victim = await recorder('127.0.0.1');
    const s = await startTestServer(pubAcl(scratch), { ...FAST, allowPeers: PeerAllowlist.parse(['127.0.0.2/32']) });
    try {
      const pushed = await pushTo(s, [`127.0.0.1:${victim.port}`]);
      expect(pushed).toMatchObject({ kind: 'transferFailed', error: { code: 'E_CONNECT' } });
      const pulled = await pullFrom(s, [`127.0.0.1:${victim.port}`]);
      expect(pulled).toMatchObject({ kind: 'transferFailed', error: { code: 'E_CONNECT' } });
      expect(victim.connections).toEqual([]);
      expect(victim.received).toEqual([]);

      // Refused looks exactly like closed: same code, same message shape, nothing about the list.
      const closed = await recorder('127.0.0.2');
      await closed.close();
      const unreachable = await pushTo(s, [`127.0.0.2:${closed.port}`]);
      const refusedMessage = pushed.kind === 'transferFailed' ? pushed.error.message : '';
      const unreachableMessage = unreachable.kind === 'transferFailed' ? unreachable.error.message : '';
      expect(unreachable).toMatchObject({ kind: 'transferFailed', error: { code: 'E_CONNECT' } });
      expect(refusedMessage.replace(/\S+:\d+$/, 'ADDR')).toBe(unreachableMessage.replace(/\S+:\d+$/, 'ADDR'));
      expect(refusedMessage).not.toMatch(/allow|refused|denied|ECONN/i);
    } finally {
      await s.close();
      await victim.close();
    }
  });

  it('refuses every other spelling of a loopback address (S2)', async () => {
    const victim = await recorder('127.0.0.1');
    const s = await startTestServer(pubAcl(scratch), { ...FAST, allowPeers: PeerAllowlist.parse(['203.0.113.0/24']) });
    try {
      const p = victim.port;
      const spellings = [
        '127.1',
        '0x7f.1',
        '2130706433',
        '017700000001',
        '012.0.0.1',
        '[::ffff:127.0.0.1]',
        '[::1]',
        '0.0.0.0',
        'localhost.',
      ];
      const targets = [...spellings.map((h) => `${h}:${p}`), `localhost:${p}`, `127.0.0.1:${p}`];
      expect(await pushTo(s, targets)).toMatchObject({ kind: 'transferFailed', error: { code: 'E_CONNECT' } });
      expect(await pullFrom(s, targets)).toMatchObject({ kind: 'transferFailed', error: { code: 'E_CONNECT' } });
      expect(victim.connections).toEqual([]);
    } finally {
      await s.close();
      await victim.close();
    }
  });

  it('moves files between servers whose lists hold each other (push and pull)', async () => {
    const allowPeers = PeerAllowlist.parse(['127.0.0.1/32']);
    const a = await startTestServer(pubAcl(scratch), { ...FAST, allowPeers });
    const b = await startTestServer(pubAcl(scratch), { ...FAST, allowPeers });
    try {
      const hash = await sha256File(src);
      for (const direction of ['push', 'pull'] as const) {
        const dest = path.join(scratch.pub, `copy-${direction}.bin`);
        const summary = await copy([a.at(src)], b.at(dest), { direction, streams: 2, retries: 0 });
        expect(summary.files[0]!.status).toBe('done');
        expect(await sha256File(dest)).toBe(hash);
      }
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('dials a host name at the address it resolved to, and only when that address is in the list', async () => {
    const b = await startTestServer(pubAcl(scratch), FAST);
    const allowed = await startTestServer(pubAcl(scratch), { ...FAST, allowPeers: PeerAllowlist.parse(['127.0.0.1/32']) });
    const refused = await startTestServer(pubAcl(scratch), { ...FAST, allowPeers: PeerAllowlist.parse(['127.0.0.2/32']) });
    const victim = await recorder('127.0.0.1');
    try {
      // `localhost` resolves (the system resolver, /etc/hosts) to 127.0.0.1, which is in the list.
      const bClient = await ControlClient.connect('127.0.0.1', b.port);
      const dest = path.join(scratch.pub, 'by-name.bin');
      const ready = await bClient.request(
        { type: 'prepareReceive', files: [{ path: dest, size: 200_000, mode: 0o644 }], mode: 'new', streams: 2, chunkSizeBytes: 0 },
        'receiveReady',
      );
      const received = outcomeOf(bClient, ready.transferId);
      const aClient = await ControlClient.connect('127.0.0.1', allowed.port);
      await aClient.request(
        {
          type: 'prepareSend',
          transferId: ready.transferId,
          ticket: ready.ticket,
          files: [{ path: src, size: 200_000, mode: 0o644 }],
          accepted: [0],
          streams: ready.streams,
          chunkSizeBytes: ready.chunkSizeBytes,
          dialAddresses: [`localhost:${dataPortOf(b)}`],
        },
        'sendReady',
      );
      expect(await received).toMatchObject({ kind: 'transferDone', bytes: 200_000 });
      expect(await sha256File(dest)).toBe(await sha256File(src));
      aClient.close();
      bClient.close();

      // The same name under a list without 127.0.0.1: nothing is dialed.
      expect(await pushTo(refused, [`localhost:${victim.port}`])).toMatchObject({ kind: 'transferFailed', error: { code: 'E_CONNECT' } });
      expect(victim.connections).toEqual([]);
    } finally {
      await victim.close();
      await b.close();
      await allowed.close();
      await refused.close();
    }
  });
});

describe('dialData under an allowlist', () => {
  const ticket = randomBytes(32);
  const transferId = randomBytes(16).toString('hex');

  it('resolves a name once and connects to the checked address, not to a second answer (S3)', async () => {
    const checked = await recorder('127.0.0.3');
    let rebound: Recorder;
    try {
      rebound = await recorder('127.0.0.1', checked.port);
    } catch {
      await checked.close();
      return; // The same port is taken on 127.0.0.1: nothing to compare against.
    }
    const lookups: string[] = [];
    const answers = [['127.0.0.3'], ['127.0.0.1']];
    const resolveHost = async (host: string): Promise<string[]> => {
      lookups.push(host);
      return answers[Math.min(lookups.length - 1, 1)]!;
    };
    try {
      for (const allowPeers of [PeerAllowlist.parse(['127.0.0.3/32']), PeerAllowlist.parse(['peer.example.test'])]) {
        lookups.length = 0;
        checked.connections.length = 0;
        await expect(
          dialData([`peer.example.test:${checked.port}`], transferId, ticket, {
            connectTimeoutMs: 1000,
            handshakeTimeoutMs: 300,
            allowPeers,
            resolveHost,
          }),
        ).rejects.toMatchObject({ code: 'E_CONNECT' });
        expect(lookups).toEqual(['peer.example.test']);
        expect(checked.connections).toEqual(['127.0.0.3']);
        expect(rebound.connections).toEqual([]);
      }
    } finally {
      await checked.close();
      await rebound.close();
    }
  });

  it('dials only the resolved addresses inside the list, and none when none is', async () => {
    const victim = await recorder('127.0.0.1');
    const other = await recorder('127.0.0.4');
    let lookups = 0;
    const resolveHost = async (): Promise<string[]> => {
      lookups++;
      return ['127.0.0.1', '127.0.0.4', '::1', 'not-an-address'];
    };
    const dial = (port: number, entries: string[]) =>
      dialData([`peer.example.test:${port}`], transferId, ticket, {
        connectTimeoutMs: 1000,
        handshakeTimeoutMs: 300,
        allowPeers: PeerAllowlist.parse(entries),
        resolveHost,
      });
    try {
      await expect(dial(victim.port, ['203.0.113.0/24'])).rejects.toMatchObject({ code: 'E_CONNECT' });
      expect(lookups).toBe(1);
      expect(victim.connections).toEqual([]);
      await expect(dial(other.port, ['127.0.0.4/32'])).rejects.toMatchObject({ code: 'E_CONNECT' });
      expect(other.connections).toEqual(['127.0.0.4']);
      expect(victim.connections).toEqual([]);
    } finally {
      await victim.close();
      await other.close();
    }
  });

  it('opens no socket and asks no resolver for a refused literal or legacy spelling', async () => {
    const victim = await recorder('127.0.0.1');
    let lookups = 0;
    const resolveHost = async (): Promise<string[]> => {
      lookups++;
      return ['127.0.0.1'];
    };
    try {
      const targets = ['127.0.0.1', '127.1', '0x7f.1', '2130706433', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]'].map(
        (h) => `${h}:${victim.port}`,
      );
      await expect(
        dialData(targets, transferId, ticket, {
          connectTimeoutMs: 1000,
          handshakeTimeoutMs: 300,
          allowPeers: PeerAllowlist.parse(['203.0.113.0/24', '127.0.0.2']),
          resolveHost,
        }),
      ).rejects.toMatchObject({ code: 'E_CONNECT' });
      expect(lookups).toBe(0);
      expect(victim.connections).toEqual([]);
    } finally {
      await victim.close();
    }
  });
});

describe('etransfer serve --allow-peer', () => {
  it('refuses to start with a bad entry: exit 2, E_CONFIG', async () => {
    const r = await runCli(
      ['serve', '--control', '127.0.0.1:0', '--data', '127.0.0.1:0', '--allow-peer', '10.0.0.0/8', '--allow-peer', '127.1'],
      10_000,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E_CONFIG');
    expect(r.stderr).toContain('--allow-peer 127.1');
  });
});
