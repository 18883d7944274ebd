/**
 * Users and keys from the command line: `etransfer keygen`, then copies and listings as
 * `user@host:/path` with that key, by real processes against real servers.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, runCli, startServerProcess } from '../helpers/processes.js';
import { type Scratch, makeScratch, sha256File, writeRandomFile } from '../helpers/servers.js';

describe('etransfer keygen and user@host', () => {
  let scratch: Scratch;
  let server: ServerProcess;
  let home: string;
  let aliceKey: string;
  let aliceDir: string;
  const env = () => ({ ...process.env, HOME: home });

  beforeAll(async () => {
    scratch = await makeScratch();
    home = path.join(scratch.root, 'home');
    aliceDir = path.join(scratch.pub, 'alice');
    await fsp.mkdir(home);
    await fsp.mkdir(aliceDir);
    aliceKey = path.join(scratch.root, 'keys', 'alice');
    const made = await runCli(['keygen', '-C', 'alice@test', aliceKey], 30_000, env());
    expect(made.code, made.stderr).toBe(0);
    const aclFile = path.join(scratch.root, 'acl.json');
    const publicLine = (await fsp.readFile(`${aliceKey}.pub`, 'utf8')).trim();
    await fsp.writeFile(
      aclFile,
      JSON.stringify({
        users: { alice: [publicLine] },
        rules: [{ users: ['alice'], allow: ['list', 'read', 'write'], paths: [`${aliceDir}/**`] }],
      }),
    );
    server = await startServerProcess(['--acl', aclFile, '--log-level', 'debug']);
  });

  afterAll(async () => {
    await server?.stop();
    await scratch?.cleanup();
  });

  const at = (p: string, user = 'alice') => `${user}@127.0.0.1#${server.controlPort}:${p}`;

  it('keygen writes a 0600 private key and a 0644 .pub line, and never overwrites', async () => {
    expect((await fsp.stat(aliceKey)).mode & 0o777).toBe(0o600);
    expect((await fsp.stat(`${aliceKey}.pub`)).mode & 0o777).toBe(0o644);
    expect(await fsp.readFile(`${aliceKey}.pub`, 'utf8')).toMatch(/^ssh-ed25519 AAAA[A-Za-z0-9+/=]+ alice@test\n$/);
    const before = await fsp.readFile(aliceKey, 'utf8');
    const again = await runCli(['keygen', aliceKey], 30_000, env());
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('E_EXISTS');
    expect(await fsp.readFile(aliceKey, 'utf8')).toBe(before);
  });

  it('keygen with no FILE writes ~/.config/etransfer/id_ed25519 in a 0700 folder', async () => {
    const r = await runCli(['keygen'], 30_000, env());
    expect(r.code, r.stderr).toBe(0);
    const file = path.join(home, '.config', 'etransfer', 'id_ed25519');
    expect((await fsp.stat(file)).mode & 0o777).toBe(0o600);
    expect((await fsp.stat(path.dirname(file))).mode & 0o777).toBe(0o700);
    expect(r.stdout).toContain(file);
  });

  it('copy and ls as alice with --identity', async () => {
    const src = path.join(aliceDir, 'data.bin');
    const hash = await writeRandomFile(src, 2 * 1024 * 1024);
    const r = await runCli(['copy', '--identity', aliceKey, at(src), at(path.join(aliceDir, 'data.copy'))], 60_000, env());
    expect(r.code, r.stderr).toBe(0);
    expect(await sha256File(path.join(aliceDir, 'data.copy'))).toBe(hash);
    const ls = await runCli(['ls', '--identity', aliceKey, at(`${aliceDir}/`)], 30_000, env());
    expect(ls.code, ls.stderr).toBe(0);
    expect(ls.stdout).toContain('data.copy');
  });

  it('exit 3 with E_AUTH for a key the server does not know (the default key here)', async () => {
    const r = await runCli(['ls', at(`${aliceDir}/`)], 30_000, env());
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('E_AUTH');
  });

  it('exit 2 with a hint when a user is named and there is no key at all', async () => {
    const empty = path.join(scratch.root, 'empty-home');
    await fsp.mkdir(empty);
    const r = await runCli(['ls', at(`${aliceDir}/`)], 30_000, { ...process.env, HOME: empty });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('etransfer keygen');
  });

  it('exit 1 (E_ACL_DENIED) for anonymous on alice’s folder: no user, no rights', async () => {
    const r = await runCli(['ls', `127.0.0.1#${server.controlPort}:${aliceDir}/`], 30_000, env());
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_ACL_DENIED');
  });

  it('copy --via alice@relay: a relay run with --allow-relay (any authenticated user) relays for alice, not for anonymous', async () => {
    // Both sites take no inbound data connections, so only the relay can join them.
    const pub = path.join(scratch.root, 'pub-acl.json');
    await fsp.writeFile(
      pub,
      JSON.stringify({ users: {}, rules: [{ users: ['anonymous'], allow: ['list', 'read', 'write'], paths: [`${scratch.pub}/**`] }] }),
    );
    const relayAcl = path.join(scratch.root, 'acl.json'); // knows alice
    const [a, b, relay] = await Promise.all([
      startServerProcess(['--acl', pub, '--no-inbound'], 0, process.env, { dataPorts: [] }),
      startServerProcess(['--acl', pub, '--no-inbound'], 0, process.env, { dataPorts: [] }),
      startServerProcess(['--acl', relayAcl, '--allow-relay']),
    ]);
    try {
      const src = path.join(scratch.pub, 'relayed.bin');
      const hash = await writeRandomFile(src, 3 * 1024 * 1024);
      const on = (s: ServerProcess, p: string) => `127.0.0.1#${s.controlPort}:${p}`;
      const ok = await runCli(
        [
          'copy',
          '--retries',
          '0',
          '--identity',
          aliceKey,
          '--via',
          `alice@127.0.0.1#${relay.controlPort}`,
          on(a, src),
          on(b, `${src}.copy`),
        ],
        60_000,
        env(),
      );
      expect(ok.code, ok.stdout + ok.stderr).toBe(0);
      expect(ok.stdout + ok.stderr).toMatch(/relay/);
      expect(await sha256File(`${src}.copy`)).toBe(hash);

      const anonymous = await runCli(
        ['copy', '--retries', '0', '--via', `127.0.0.1#${relay.controlPort}`, on(a, src), on(b, `${src}.anon`)],
        60_000,
        env(),
      );
      expect(anonymous.code).toBe(1);
      expect(anonymous.stdout + anonymous.stderr).toContain('relays only for *, not for an anonymous client');
      await expect(fsp.stat(`${src}.anon`)).rejects.toThrow();
    } finally {
      await Promise.all([a.stop(), b.stop(), relay.stop()]);
    }
  });

  it('the private key never reaches the server log, even at debug level', async () => {
    const secret = (await fsp.readFile(aliceKey, 'utf8')).split('\n').filter((l) => l && !l.startsWith('-----'));
    const log = server.log.join('\n');
    expect(log).toContain('authenticated');
    for (const line of secret) expect(log).not.toContain(line);
  });
});
