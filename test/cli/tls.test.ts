/**
 * TLS from the command line (THREATS S10): `serve --tls-cert/--tls-key` (both or neither, PEM
 * that belongs together, else exit 2), and the client pinning certificates on first use in
 * ~/.config/etransfer/known_hosts: a changed certificate or a pinned server without TLS is
 * refused with E_HOST_KEY (exit 3) and a message saying how to accept it; nothing moves.
 */
import { execFileSync } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, runCli, startServerProcess } from '../helpers/processes.js';
import { type Scratch, makeScratch, sha256File, writeAclFile, writeRandomFile } from '../helpers/servers.js';
import { type TestCertificate, makeCertificate, writeCertificate } from '../helpers/tls.js';

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('etransfer with TLS', () => {
  let scratch: Scratch;
  let aclFile: string;
  let home: string;
  let env: NodeJS.ProcessEnv;
  let knownHosts: string;
  let certA: TestCertificate;
  let certB: TestCertificate;
  let filesA: { certFile: string; keyFile: string };
  let filesB: { certFile: string; keyFile: string };
  let a: ServerProcess;
  let b: ServerProcess;

  const tlsArgs = (f: { certFile: string; keyFile: string }) => ['--tls-cert', f.certFile, '--tls-key', f.keyFile];
  const at = (s: ServerProcess, p: string) => `127.0.0.1#${s.controlPort}:${p}`;
  const cli = (args: string[]) => runCli(args, 30_000, env);

  beforeAll(async () => {
    scratch = await makeScratch();
    aclFile = await writeAclFile(scratch);
    home = path.join(scratch.root, 'home');
    await fsp.mkdir(home);
    env = { ...process.env, HOME: home };
    knownHosts = path.join(home, '.config', 'etransfer', 'known_hosts');
    certA = makeCertificate();
    certB = makeCertificate();
    filesA = await writeCertificate(scratch.root, certA, 'a');
    filesB = await writeCertificate(scratch.root, certB, 'b');
    [a, b] = await Promise.all([
      startServerProcess(['--acl', aclFile, ...tlsArgs(filesA)]),
      startServerProcess(['--acl', aclFile, ...tlsArgs(filesB)]),
    ]);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await scratch?.cleanup();
  });

  it('exit 2: --tls-cert without --tls-key, unreadable files, files that are not PEM, a key of another certificate', async () => {
    const serve = ['serve', '--control', '127.0.0.1:0', '--data', '127.0.0.1:0', '--acl', aclFile];
    const garbage = path.join(scratch.root, 'garbage.pem');
    await fsp.writeFile(garbage, 'not a certificate\n');
    for (const [args, code, part] of [
      [['--tls-cert', filesA.certFile], 'E_USAGE', '--tls-key'],
      [['--tls-key', filesA.keyFile], 'E_USAGE', '--tls-cert'],
      [['--tls-cert', path.join(scratch.root, 'missing.pem'), '--tls-key', filesA.keyFile], 'E_CONFIG', 'missing.pem'],
      [['--tls-cert', garbage, '--tls-key', filesA.keyFile], 'E_CONFIG', '--tls-cert'],
      [['--tls-cert', filesA.certFile, '--tls-key', garbage], 'E_CONFIG', '--tls-key'],
      [['--tls-cert', filesA.certFile, '--tls-key', filesB.keyFile], 'E_CONFIG', 'not the private key'],
    ] as const) {
      const r = await cli([...serve, ...args]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(code);
      expect(r.stderr).toContain(part);
      expect(r.stderr).not.toContain('etransfer server listening');
    }
  });

  it('logs the certificate fingerprint clients will pin', () => {
    expect(a.certificate).toBe(certA.fingerprint);
    expect(b.certificate).toBe(certB.fingerprint);
  });

  it('pins both servers on first use (said once on stderr, 0600 file), then copies silently, pushing and pulling', async () => {
    const src = path.join(scratch.pub, 'first.bin');
    const hash = await writeRandomFile(src, 3 * 1024 * 1024 + 11);
    const first = await cli(['copy', at(a, src), at(b, `${src}.push`)]);
    expect(first.code, first.stderr).toBe(0);
    expect(await sha256File(`${src}.push`)).toBe(hash);
    expect(first.stderr).toContain(
      `etransfer: pinned the TLS certificate of 127.0.0.1:${a.controlPort} (${certA.fingerprint}) in ${knownHosts}`,
    );
    expect(first.stderr).toContain(
      `etransfer: pinned the TLS certificate of 127.0.0.1:${b.controlPort} (${certB.fingerprint}) in ${knownHosts}`,
    );
    expect(await fsp.readFile(knownHosts, 'utf8')).toBe(
      `127.0.0.1:${a.controlPort} ${certA.fingerprint}\n127.0.0.1:${b.controlPort} ${certB.fingerprint}\n`,
    );
    expect((await fsp.stat(knownHosts)).mode & 0o777).toBe(0o600);
    expect((await fsp.stat(path.dirname(knownHosts))).mode & 0o777).toBe(0o700);

    const second = await cli(['copy', '--pull', at(a, src), at(b, `${src}.pull`)]);
    expect(second.code, second.stderr).toBe(0);
    expect(await sha256File(`${src}.pull`)).toBe(hash);
    expect(second.stderr).not.toContain('pinned');
    const listed = await cli(['ls', at(a, `${scratch.pub}/`)]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('first.bin');
    expect(listed.stderr).toBe('');
  });

  it('exit 3 when the certificate changed, saying how to accept it; nothing moves; after removing the line it pins the new one', async () => {
    const src = path.join(scratch.pub, 'changed.bin');
    const hash = await writeRandomFile(src, 100_000);
    // Make sure a is pinned, then give it a new certificate on the same port.
    expect((await cli(['ls', at(a, `${scratch.pub}/`)])).code).toBe(0);
    const port = a.controlPort;
    await a.stop();
    const renewed = makeCertificate();
    const renewedFiles = await writeCertificate(scratch.root, renewed, 'renewed');
    a = await startServerProcess(['--acl', aclFile, ...tlsArgs(renewedFiles)], port);

    const refused = await cli(['copy', at(a, src), at(b, `${src}.copy`)]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('E_HOST_KEY');
    expect(refused.stderr).toContain(certA.fingerprint);
    expect(refused.stderr).toContain(renewed.fingerprint);
    expect(refused.stderr).toContain(`removing the 127.0.0.1:${port} line from ${knownHosts}`);
    await expect(fsp.stat(`${src}.copy`)).rejects.toThrow();
    expect((await cli(['ls', at(a, `${scratch.pub}/`)])).code).toBe(3);

    // Accept it as the message says.
    const kept = (await fsp.readFile(knownHosts, 'utf8')).split('\n').filter((l) => !l.startsWith(`127.0.0.1:${port} `));
    await fsp.writeFile(knownHosts, kept.join('\n'));
    const accepted = await cli(['copy', at(a, src), at(b, `${src}.copy`)]);
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stderr).toContain(`pinned the TLS certificate of 127.0.0.1:${port} (${renewed.fingerprint})`);
    expect(await sha256File(`${src}.copy`)).toBe(hash);
    expect(await fsp.readFile(knownHosts, 'utf8')).toContain(`127.0.0.1:${port} ${renewed.fingerprint}\n`);
  });

  it('exit 3 when a pinned server answers without TLS: no fall back to plain text', async () => {
    const src = path.join(scratch.pub, 'downgrade.bin');
    await writeRandomFile(src, 1000);
    expect((await cli(['ls', at(b, `${scratch.pub}/`)])).code).toBe(0);
    const port = b.controlPort;
    await b.stop();
    b = await startServerProcess(['--acl', aclFile], port);
    try {
      const refused = await cli(['copy', at(a, src), at(b, `${src}.copy`)]);
      expect(refused.code).toBe(3);
      expect(refused.stderr).toContain('E_HOST_KEY');
      expect(refused.stderr).toContain('answered without TLS');
      expect(refused.stderr).toContain('refusing to fall back to plain text');
      await expect(fsp.stat(`${src}.copy`)).rejects.toThrow();
    } finally {
      await b.stop();
      b = await startServerProcess(['--acl', aclFile, ...tlsArgs(filesB)], port);
    }
  });

  it.skipIf(!hasOpenssl())('serves a certificate made by openssl, and pins the fingerprint openssl shows', async () => {
    const dir = path.join(scratch.root, 'openssl');
    await fsp.mkdir(dir);
    const certFile = path.join(dir, 'cert.pem');
    const keyFile = path.join(dir, 'key.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'ignore' },
    );
    const shown = execFileSync('openssl', ['x509', '-noout', '-fingerprint', '-sha256', '-in', certFile], { encoding: 'utf8' });
    const fingerprint = `sha256:${shown.trim().split('=')[1]}`;
    const server = await startServerProcess(['--acl', aclFile, '--tls-cert', certFile, '--tls-key', keyFile]);
    try {
      expect(server.certificate).toBe(fingerprint);
      const listed = await cli(['ls', `127.0.0.1#${server.controlPort}:${scratch.pub}/`]);
      expect(listed.code, listed.stderr).toBe(0);
      expect(await fsp.readFile(knownHosts, 'utf8')).toContain(`127.0.0.1:${server.controlPort} ${fingerprint}\n`);
    } finally {
      await server.stop();
    }
  });
});
