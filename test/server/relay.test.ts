/**
 * A relay (`serve --allow-relay`) stays healthy whatever dials its data port: garbage, a relay
 * hello for a transfer it does not relay, a wrong relay key, or one end whose partner never
 * comes. Each is closed (at once, or after --relay-pair-timeout-ms), nothing is left waiting,
 * a relay set up but never used is dropped after the ticket lifetime with its quota slot given
 * back, and a real relayed copy still works afterwards.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ControlClient, DEFAULT_CONTROL_CLIENT_OPTIONS } from '../../src/client/control-client.js';
import { Acl, compileUserList } from '../../src/common/acl.js';
import { generateKeyPair } from '../../src/common/auth-proof.js';
import { formatPublicKeyLine } from '../../src/common/ssh-keys.js';
import { newNonce } from '../../src/common/data-handshake.js';
import { RELAY_PROOF_BYTES, encodeEndProof, encodeRelayHello, relayKey, verifyRelayProof } from '../../src/common/relay-handshake.js';
import { copy } from '../helpers/copy.js';
import { type Scratch, type TestServer, makeScratch, pubAcl, sha256File, startTestServer, writeRandomFile } from '../helpers/servers.js';

/** Connects to `address`, sends `bytes`, and resolves with what came back once the relay closed it (or `waitMs` passed). */
function probe(address: string, bytes: Buffer, waitMs = 3000): Promise<{ closed: boolean; received: Buffer; ms: number }> {
  const [host, port] = [address.slice(0, address.lastIndexOf(':')), Number(address.slice(address.lastIndexOf(':') + 1))];
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect({ host, port }, () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', () => {});
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ closed: false, received: Buffer.concat(chunks), ms: Date.now() - started });
    }, waitMs);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ closed: true, received: Buffer.concat(chunks), ms: Date.now() - started });
    });
  });
}

describe('relay under hostile or half input', () => {
  let scratch: Scratch;
  let relay: TestServer;
  let a: TestServer;
  let b: TestServer;
  let control: ControlClient;
  const PAIR_TIMEOUT_MS = 600;
  const TICKET_LIFETIME_MS = 800;

  beforeAll(async () => {
    scratch = await makeScratch();
    const acl = pubAcl(scratch);
    relay = await startTestServer(acl, {
      relayUsers: compileUserList(['anonymous'], 'test'),
      relayPairTimeoutMs: PAIR_TIMEOUT_MS,
      ticketLifetimeMs: TICKET_LIFETIME_MS,
      handshakeTimeoutMs: 1000,
      maxTransfersPerUser: 2,
    });
    a = await startTestServer(acl, {}, undefined, undefined, { data: [] });
    b = await startTestServer(acl, {}, undefined, undefined, { data: [] });
    control = await ControlClient.connect('127.0.0.1', relay.port, DEFAULT_CONTROL_CLIENT_OPTIONS);
  });
  afterAll(async () => {
    control.close();
    for (const s of [relay, a, b]) await s.close();
    await scratch.cleanup();
  });

  const dataAddress = () => relay.server.dataAddresses[0]!;

  async function setUpRelay(ticket: Buffer): Promise<string> {
    const transferId = randomBytes(16).toString('hex');
    await control.request({ type: 'prepareRelay', transferId, relayKey: relayKey(ticket), streams: 2 }, 'relayReady');
    return transferId;
  }

  it('closes garbage at once, without a byte in answer', async () => {
    const r = await probe(dataAddress(), Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'.padEnd(56, ' ')));
    expect(r.closed).toBe(true);
    expect(r.received.length).toBe(0);
  });

  it('closes a relay hello for a transfer it does not relay, without proving anything', async () => {
    const hello = encodeRelayHello({ transferId: randomBytes(16).toString('hex'), side: 1, nonce: newNonce() });
    const r = await probe(dataAddress(), hello);
    expect(r.closed).toBe(true);
    expect(r.received.length).toBe(0);
  });

  it('closes an end that cannot prove the relay key (a wrong ticket)', async () => {
    const ticket = randomBytes(32);
    const transferId = await setUpRelay(ticket);
    const hello = { transferId, side: 1 as const, nonce: newNonce() };
    const [host, port] = dataAddress().split(':');
    const socket = net.connect({ host: host!, port: Number(port) });
    socket.on('error', () => {});
    socket.write(encodeRelayHello(hello));
    const proof = await new Promise<Buffer>((resolve) => socket.once('data', resolve));
    expect(proof.length).toBe(RELAY_PROOF_BYTES);
    // The relay proves it holds this transfer's key; we answer with another ticket's.
    const relayNonce = verifyRelayProof(proof, relayKey(ticket), hello);
    socket.write(encodeEndProof(relayKey(randomBytes(32)), hello, relayNonce));
    await new Promise((resolve) => socket.once('close', resolve));
    expect(relay.server.relays!.stats().waiting).toBe(0);
  });

  it('drops one end whose partner never comes after --relay-pair-timeout-ms, then the unused relay', async () => {
    const ticket = randomBytes(32);
    const transferId = await setUpRelay(ticket);
    const hello = { transferId, side: 2 as const, nonce: newNonce() };
    const [host, port] = dataAddress().split(':');
    const socket = net.connect({ host: host!, port: Number(port) });
    socket.on('error', () => {});
    socket.write(encodeRelayHello(hello));
    const proof = await new Promise<Buffer>((resolve) => socket.once('data', resolve));
    socket.write(encodeEndProof(relayKey(ticket), hello, verifyRelayProof(proof, relayKey(ticket), hello)));
    await vi.waitFor(() => expect(relay.server.relays!.stats().waiting).toBe(1));
    const started = Date.now();
    await new Promise((resolve) => socket.once('close', resolve));
    expect(Date.now() - started).toBeGreaterThanOrEqual(PAIR_TIMEOUT_MS - 200);
    expect(relay.server.relays!.stats().waiting).toBe(0);
    // Never paired: dropped after the ticket lifetime, and the quota slot is back.
    await vi.waitFor(() => expect(relay.server.relays!.stats().transfers).toBe(0), { timeout: 3000 });
  });

  it('after all that, a real relayed copy works, and nothing of it stays on the relay', async () => {
    const src = path.join(scratch.pub, 'after.bin');
    const hash = await writeRandomFile(src, 1024 * 1024 + 5);
    const dest = path.join(scratch.pub, 'after-copy.bin');
    const summary = await copy([a.at(src)], b.at(dest), { retries: 0, via: { host: '127.0.0.1', port: relay.port, user: undefined } });
    expect(summary.files[0]!.status, JSON.stringify(summary.files[0]!.error)).toBe('done');
    expect(await sha256File(dest)).toBe(hash);
    await vi.waitFor(() => expect(relay.server.relays!.stats()).toMatchObject({ transfers: 0, waiting: 0, splicedPairs: 0 }));
    expect(relay.server.relays!.stats().bytesRelayed).toBeGreaterThan(1024 * 1024);
  });

  it('a client that goes away takes its relays with it', async () => {
    const other = await ControlClient.connect('127.0.0.1', relay.port, DEFAULT_CONTROL_CLIENT_OPTIONS);
    await other.request(
      { type: 'prepareRelay', transferId: randomBytes(16).toString('hex'), relayKey: randomBytes(32), streams: 1 },
      'relayReady',
    );
    expect(relay.server.relays!.stats().transfers).toBe(1);
    other.close();
    await vi.waitFor(() => expect(relay.server.relays!.stats().transfers).toBe(0));
  });
});

describe('connectData is bounded per transfer', () => {
  it('regression (review, THREATS S4): a third connectData for one transfer is refused, so DIAL_FAILED timings cannot scan ports', async () => {
    const scratch = await makeScratch();
    const server = await startTestServer(pubAcl(scratch), { connectTimeoutMs: 200 });
    const client = await ControlClient.connect('127.0.0.1', server.port, DEFAULT_CONTROL_CLIENT_OPTIONS);
    try {
      const ready = await client.request(
        {
          type: 'prepareReceive',
          files: [{ path: path.join(scratch.pub, 'scan.bin'), size: 10, mode: 0o644 }],
          mode: 'new',
          streams: 1,
          chunkSizeBytes: 0,
        },
        'receiveReady',
      );
      const failures: string[] = [];
      client.onTransferEvent(ready.transferId, (ev) => {
        if (ev.kind === 'dialFailed') failures.push(ev.error.code);
      });
      const ask = () =>
        client.request({ type: 'connectData', transferId: ready.transferId, dialAddresses: ['127.0.0.1:1'], fallback: true }, 'ack');
      for (let i = 1; i <= 2; i++) {
        await ask();
        await vi.waitFor(() => expect(failures).toHaveLength(i), { timeout: 5000 });
      }
      await expect(ask()).rejects.toMatchObject({ code: 'E_PROTOCOL' });
    } finally {
      client.close();
      await server.close();
      await scratch.cleanup();
    }
  });
});

describe('who may use a relay (--allow-relay [USERS])', () => {
  const alice = generateKeyPair('alice@laptop');
  const bob = generateKeyPair('bob@laptop');
  let scratch: Scratch;
  const servers: TestServer[] = [];

  beforeAll(async () => {
    scratch = await makeScratch();
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await scratch.cleanup();
  });

  /** A relay whose ACL knows alice and bob, relaying for `users` (as `--allow-relay` would give them). */
  async function relayFor(users: string[]): Promise<TestServer> {
    const acl = Acl.parse(
      {
        users: { alice: [formatPublicKeyLine(alice.publicKey, 'a')], bob: [formatPublicKeyLine(bob.publicKey, 'b')] },
        rules: [{ users: ['anonymous', '*'], allow: ['list'], paths: ['/tmp/**'] }],
      },
      'test',
    );
    const relay = await startTestServer(acl, { relayUsers: compileUserList(users, '--allow-relay') });
    servers.push(relay);
    return relay;
  }

  async function askToRelay(relay: TestServer, as?: { user: string; key: typeof alice }) {
    const client = await ControlClient.connect('127.0.0.1', relay.port, DEFAULT_CONTROL_CLIENT_OPTIONS);
    try {
      if (as) await client.authenticate(as.user, as.key);
      const transferId = randomBytes(16).toString('hex');
      return await client.request({ type: 'prepareRelay', transferId, relayKey: randomBytes(32), streams: 1 }, 'relayReady');
    } finally {
      client.close();
    }
  }

  it('the flag alone (*) relays for authenticated users only: anonymous is E_ACL_DENIED, told how to authenticate', async () => {
    const relay = await relayFor(['*']);
    await expect(askToRelay(relay)).rejects.toMatchObject({
      code: 'E_ACL_DENIED',
      message: expect.stringMatching(/relays only for \*, not for an anonymous client.*--identity/),
    });
    await expect(askToRelay(relay, { user: 'alice', key: alice })).resolves.toMatchObject({ type: 'relayReady' });
    await expect(askToRelay(relay, { user: 'bob', key: bob })).resolves.toMatchObject({ type: 'relayReady' });
    await vi.waitFor(() => expect(relay.server.relays!.stats().transfers).toBe(0));
  });

  it('a list names who may: alice yes, bob and anonymous no; "anonymous" is only clients that do not authenticate', async () => {
    const forAlice = await relayFor(['alice']);
    await expect(askToRelay(forAlice, { user: 'alice', key: alice })).resolves.toMatchObject({ type: 'relayReady' });
    await expect(askToRelay(forAlice, { user: 'bob', key: bob })).rejects.toMatchObject({
      code: 'E_ACL_DENIED',
      message: expect.stringContaining('not for user bob'),
    });
    await expect(askToRelay(forAlice)).rejects.toMatchObject({ code: 'E_ACL_DENIED' });
    const anonymousOnly = await relayFor(['anonymous']);
    await expect(askToRelay(anonymousOnly)).resolves.toMatchObject({ type: 'relayReady' });
    await expect(askToRelay(anonymousOnly, { user: 'alice', key: alice })).rejects.toMatchObject({ code: 'E_ACL_DENIED' });
    const open = await relayFor(['anonymous', '*']);
    await expect(askToRelay(open)).resolves.toMatchObject({ type: 'relayReady' });
    await expect(askToRelay(open, { user: 'bob', key: bob })).resolves.toMatchObject({ type: 'relayReady' });
  });

  it('a copy --via an authenticated relay works end to end (alice@relay), and a refused one says why', async () => {
    const acl = pubAcl(scratch);
    const a = await startTestServer(acl, {}, undefined, undefined, { data: [] });
    const b = await startTestServer(acl, {}, undefined, undefined, { data: [] });
    servers.push(a, b);
    const relay = await relayFor(['alice']);
    const src = path.join(scratch.pub, 'via-alice.bin');
    const hash = await writeRandomFile(src, 1024 * 1024 + 3);
    const dest = path.join(scratch.pub, 'via-alice-copy.bin');
    const summary = await copy([a.at(src)], b.at(dest), {
      retries: 0,
      identity: alice,
      via: { host: '127.0.0.1', port: relay.port, user: 'alice' },
    });
    expect(summary.files[0]!.status, JSON.stringify(summary.files[0]!.error)).toBe('done');
    expect(await sha256File(dest)).toBe(hash);

    const refused = await copy([a.at(src)], b.at(path.join(scratch.pub, 'via-anon.bin')), {
      retries: 0,
      via: { host: '127.0.0.1', port: relay.port, user: undefined },
    });
    expect(refused.files[0]!.status).toBe('failed');
    expect(refused.files[0]!.error?.message).toContain('relays only for alice');
    await expect(fsp.stat(path.join(scratch.pub, 'via-anon.bin'))).rejects.toThrow();
  });
});
