/**
 * The server's own checks, driven by a scripted client that sends paths as-is: every path is
 * validated before any fs call, judged by the ACL after symlinks are resolved, and a refused
 * write creates nothing.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ControlClient } from '../../src/client/control-client.js';
import { copy } from '../helpers/copy.js';
import { type Scratch, type TestServer, makeScratch, pubAcl, sentinelState, startTestServer, writeRandomFile } from '../helpers/servers.js';

describe('ACL and path enforcement on the server', () => {
  let scratch: Scratch;
  let server: TestServer;
  let client: ControlClient;
  let sentinel: string;

  beforeAll(async () => {
    scratch = await makeScratch();
    sentinel = await sentinelState(scratch);
    server = await startTestServer(pubAcl(scratch));
    client = await ControlClient.connect('127.0.0.1', server.port);
    await fsp.symlink(scratch.outside, path.join(scratch.pub, 'link-out'));
    await fsp.mkdir(path.join(scratch.pub, 'real'));
    await fsp.symlink(path.join(scratch.pub, 'real'), path.join(scratch.pub, 'link-in'));
  });

  afterAll(async () => {
    expect(await sentinelState(scratch)).toBe(sentinel);
    expect((await fsp.readdir(scratch.outside)).sort()).toEqual(['sentinel']);
    client?.close();
    await server?.close();
    await scratch?.cleanup();
  });

  async function receive(p: string) {
    const reply = await client.request(
      { type: 'prepareReceive', files: [{ path: p, size: 10, mode: 0o644 }], mode: 'new', streams: 1, chunkSizeBytes: 0 },
      'receiveReady',
    );
    return reply.files[0]!;
  }

  async function statRead(p: string) {
    const reply = await client.request({ type: 'statRequest', paths: [p], right: 'read' }, 'statReply');
    return reply.entries[0]!;
  }

  const hostile = (pub: string) => [
    `${pub}/../outside/sentinel`,
    `${pub}/a/../../outside/x`,
    '/..',
    `${pub}//x`,
    `${pub}/./x`,
    `${pub}/x/`,
    `${pub}/a\u0000.txt`,
    `${pub}/a\n.txt`,
    `${pub}/\u001b[2J`,
    `${pub}/cafe\u0301`,
    'relative/x',
    '',
    `${pub}/${'a'.repeat(256)}`,
  ];

  it('refuses malformed paths with E_PATH, for reads and writes, creating nothing', async () => {
    for (const p of hostile(scratch.pub)) {
      const w = await receive(p);
      expect(w.state === 'failed' && w.error.code, JSON.stringify(p)).toBe('E_PATH');
      const r = await statRead(p);
      expect(r.error?.code, JSON.stringify(p)).toBe('E_PATH');
    }
    expect((await fsp.readdir(scratch.pub)).sort()).toEqual(['link-in', 'link-out', 'real']);
  });

  it('denies a write outside the ACL, naming the right and the path, and creates nothing', async () => {
    const target = path.join(scratch.outside, 'evil');
    const w = await receive(target);
    expect(w.state).toBe('failed');
    if (w.state === 'failed') {
      expect(w.error.code).toBe('E_ACL_DENIED');
      expect(w.error.message).toContain('write');
      expect(w.error.message).toContain(target);
    }
  });

  it('judges a path through a symlink by where it leads', async () => {
    const w = await receive(path.join(scratch.pub, 'link-out', 'planted'));
    expect(w.state === 'failed' && w.error.code).toBe('E_ACL_DENIED');
    const r = await statRead(path.join(scratch.pub, 'link-out', 'sentinel'));
    expect(r.error?.code).toBe('E_ACL_DENIED');
    // A link to an allowed place is fine.
    expect((await receive(path.join(scratch.pub, 'link-in', 'ok'))).state).toBe('accepted');
  });

  it('refuses reading a file outside the served tree end to end (copy fails, no bytes)', async () => {
    const dest = path.join(scratch.pub, 'stolen');
    const summary = await copy([server.at(scratch.sentinel)], server.at(dest));
    expect(summary.files[0]!.error?.code).toBe('E_ACL_DENIED');
    await expect(fsp.stat(dest)).rejects.toThrow();
  });

  it('denies /dev/zero and /dev/null without their own rules (G6), and /dev/sda:1GiB is a plain name', async () => {
    const strict = await startTestServer(
      (await import('../../src/common/acl.js')).Acl.parse(
        { users: {}, rules: [{ users: ['anonymous'], allow: ['list', 'read', 'write'], paths: [`${scratch.pub}/**`] }] },
        'strict',
      ),
    );
    try {
      const c = await ControlClient.connect('127.0.0.1', strict.port);
      const r = await c.request({ type: 'statRequest', paths: ['/dev/zero:1GiB', '/dev/sda:1GiB'], right: 'read' }, 'statReply');
      expect(r.entries.map((e) => e.error?.code)).toEqual(['E_ACL_DENIED', 'E_ACL_DENIED']);
      const w = await c.request(
        { type: 'prepareReceive', files: [{ path: '/dev/null', size: 1, mode: 0o644 }], mode: 'new', streams: 1, chunkSizeBytes: 0 },
        'receiveReady',
      );
      expect(w.files[0]!.state === 'failed' && w.files[0]!.error.code).toBe('E_ACL_DENIED');
      c.close();
    } finally {
      await strict.close();
    }
  });

  it('lists a folder without our partial files, and refuses listing outside', async () => {
    await writeRandomFile(path.join(scratch.pub, 'real', 'visible'), 10);
    await fsp.writeFile(path.join(scratch.pub, 'real', '.visible.etx-0123456789abcdef.part'), 'partial');
    const listing = await client.request({ type: 'listRequest', path: path.join(scratch.pub, 'real') }, 'listReply');
    expect(listing.entries.map((e) => e.name)).toEqual(['visible']);
    await expect(client.request({ type: 'listRequest', path: scratch.outside }, 'listReply')).rejects.toMatchObject({
      code: 'E_ACL_DENIED',
    });
  });
});
