/**
 * Users and keys on a real server (DESIGN section 3, issue 5): a client proves a user name by
 * signing its connection's nonce; the ACL then judges that user. A wrong key, an unknown user, a
 * replayed signature all get the same E_AUTH, and the connection ends.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ControlClient } from '../../src/client/control-client.js';
import { Acl } from '../../src/common/acl.js';
import { generateKeyPair, signAuthentication } from '../../src/common/auth-proof.js';
import { formatPublicKeyLine } from '../../src/common/ssh-keys.js';
import { copy } from '../helpers/copy.js';
import { type Scratch, type TestServer, makeScratch, startTestServer, writeRandomFile } from '../helpers/servers.js';

const alice = generateKeyPair('alice@laptop');
const aliceOther = generateKeyPair('alice@desktop');
const bob = generateKeyPair('bob@laptop');
const mallory = generateKeyPair('mallory');

describe('authentication', () => {
  let scratch: Scratch;
  let server: TestServer;
  let aliceDir: string;
  let shared: string;

  beforeAll(async () => {
    scratch = await makeScratch();
    aliceDir = path.join(scratch.pub, 'alice');
    shared = path.join(scratch.pub, 'shared');
    await fsp.mkdir(aliceDir);
    await fsp.mkdir(shared);
    const acl = Acl.parse(
      {
        users: {
          alice: [formatPublicKeyLine(alice.publicKey, 'a'), formatPublicKeyLine(aliceOther.publicKey, 'b')],
          bob: [formatPublicKeyLine(bob.publicKey, 'bob')],
        },
        rules: [
          { users: ['alice'], allow: ['list', 'read', 'write'], paths: [`${aliceDir}/**`] },
          { users: ['*'], allow: ['list', 'read'], paths: [`${shared}/**`] },
        ],
      },
      'test',
    );
    server = await startTestServer(acl);
  });

  afterAll(async () => {
    await server?.close();
    await scratch?.cleanup();
  });

  async function connect(): Promise<ControlClient> {
    return ControlClient.connect('127.0.0.1', server.port);
  }

  async function statAs(client: ControlClient, p: string) {
    const reply = await client.request({ type: 'statRequest', paths: [p], right: 'read' }, 'statReply');
    return reply.entries[0]!;
  }

  it("alice proves her name with either of her keys, and gets alice's rights", async () => {
    await writeRandomFile(path.join(aliceDir, 'x'), 100);
    for (const key of [alice, aliceOther]) {
      const client = await connect();
      try {
        await client.authenticate('alice', key);
        expect((await statAs(client, path.join(aliceDir, 'x'))).info?.size).toBe(100);
      } finally {
        client.close();
      }
    }
  });

  it('anonymous and bob do not get alice’s rights; `*` covers every authenticated user but not anonymous', async () => {
    await writeRandomFile(path.join(shared, 's'), 10);
    const anon = await connect();
    const asBob = await connect();
    try {
      await asBob.authenticate('bob', bob);
      expect((await statAs(anon, path.join(aliceDir, 'x'))).error?.code).toBe('E_ACL_DENIED');
      expect((await statAs(asBob, path.join(aliceDir, 'x'))).error?.code).toBe('E_ACL_DENIED');
      expect((await statAs(anon, path.join(shared, 's'))).error?.code).toBe('E_ACL_DENIED');
      expect((await statAs(asBob, path.join(shared, 's'))).info?.size).toBe(10);
    } finally {
      anon.close();
      asBob.close();
    }
  });

  it.each([
    ['a key that is not hers', 'alice', mallory],
    ["bob's key for alice", 'alice', bob],
    ['an unknown user', 'nobody', alice],
    ['the reserved name anonymous', 'anonymous', alice],
    ['the reserved name *', '*', alice],
  ])('%s: E_AUTH, the same message, and the connection ends', async (_name, user, key) => {
    const client = await connect();
    const closed = new Promise((resolve) => client.onClosed(resolve));
    try {
      await expect(client.authenticate(user, key)).rejects.toMatchObject({ code: 'E_AUTH' });
      await closed;
      await expect(statAs(client, path.join(shared, 's'))).rejects.toMatchObject({ code: 'E_PEER' });
    } finally {
      client.close();
    }
  });

  it("a signature replayed on another connection fails (the server's nonce differs)", async () => {
    const first = await connect();
    const second = await connect();
    try {
      expect(second.hello.nonce.equals(first.hello.nonce)).toBe(false);
      const signature = signAuthentication(alice, 'alice', first.hello.nonce);
      await expect(
        second.request({ type: 'authenticate', user: 'alice', publicKey: alice.publicKey, signature }, 'ack'),
      ).rejects.toMatchObject({ code: 'E_AUTH' });
      // The genuine one, on its own connection, still works.
      await first.request({ type: 'authenticate', user: 'alice', publicKey: alice.publicKey, signature }, 'ack');
    } finally {
      first.close();
      second.close();
    }
  });

  it('authenticate only as the first request: later it is a protocol error', async () => {
    const client = await connect();
    try {
      await statAs(client, path.join(shared, 's'));
      await expect(client.authenticate('alice', alice)).rejects.toMatchObject({ code: 'E_PROTOCOL' });
    } finally {
      client.close();
    }
  });

  it('a third-party copy as alice at both ends: her reads at the source, her writes at the destination', async () => {
    const source = path.join(aliceDir, 'big');
    await writeRandomFile(source, 3 * 1024 * 1024);
    const as = (p: string) => ({ ...server.at(p), user: 'alice' });
    const summary = await copy([as(source)], as(path.join(aliceDir, 'big.copy')), { identity: alice });
    expect(summary.files[0]?.status).toBe('done');
    // Anonymous may not write there: the same copy without a user fails on the ACL, not on auth.
    await expect(copy([as(source)], server.at(path.join(aliceDir, 'big.anon')), { identity: alice })).rejects.toMatchObject({
      code: 'E_ACL_DENIED',
    });
  });
});
