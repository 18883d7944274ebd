/**
 * Pinning servers' certificates on first use (THREATS S10): the known_hosts file itself, and
 * the control connection's decisions: pin a new TLS server, accept it again silently, refuse a
 * changed certificate or a pinned server that answers without TLS (E_HOST_KEY, never a plain
 * connection), and keep reaching servers that never had TLS over plain ws://.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ControlClient, DEFAULT_CONTROL_CLIENT_OPTIONS } from '../../src/client/control-client.js';
import { addPin, defaultKnownHostsFile, knownHostKey, parseCertificateSha256, readPins } from '../../src/client/known-hosts.js';
import { EtxError } from '../../src/common/errors.js';
import { formatCertificateSha256 } from '../../src/transfer/data-connection.js';
import { copy } from '../helpers/copy.js';
import { type Scratch, type TestServer, makeScratch, pubAcl, startTestServer, writeRandomFile } from '../helpers/servers.js';
import { type TestCertificate, makeCertificate } from '../helpers/tls.js';

describe('known_hosts file', () => {
  let scratch: Scratch;

  beforeAll(async () => {
    scratch = await makeScratch();
  });

  afterAll(async () => {
    await scratch?.cleanup();
  });

  it('lives in ~/.config/etransfer', () => {
    expect(defaultKnownHostsFile('/home/alice')).toBe('/home/alice/.config/etransfer/known_hosts');
  });

  it('names a server by host:port as typed, host names in lower case, IPv6 in brackets', () => {
    expect(knownHostKey('HostA.Example.org', 4004)).toBe('hosta.example.org:4004');
    expect(knownHostKey('::1', 4005)).toBe('[::1]:4005');
    expect(knownHostKey('127.0.0.1', 4004)).toBe('127.0.0.1:4004');
  });

  it('reads a fingerprint as colon hex (as written), plain hex or base64, and nothing else', () => {
    const sha = randomBytes(32);
    const written = formatCertificateSha256(sha);
    expect(written).toMatch(/^sha256:([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    for (const text of [
      written,
      written.toLowerCase(),
      `sha256:${sha.toString('hex')}`,
      `SHA256:${sha.toString('base64')}`,
      `sha256:${sha.toString('base64').replace(/=$/, '')}`,
    ]) {
      expect(parseCertificateSha256(text)).toEqual(sha);
    }
    for (const text of [
      sha.toString('hex'),
      `md5:${sha.toString('hex')}`,
      `sha256:${sha.toString('hex').slice(2)}`,
      `sha256:${sha.toString('hex')}00`,
      `sha256:${written.slice(7, -1)}`,
      `sha256:${randomBytes(31).toString('base64')}`,
      'sha256:',
    ]) {
      expect(parseCertificateSha256(text)).toBeUndefined();
    }
  });

  it('appends pins (folder 0700, file 0600) and keeps every other line as it was', async () => {
    const file = path.join(scratch.root, 'home', '.config', 'etransfer', 'known_hosts');
    const first = randomBytes(32);
    expect(await readPins(file, 'a:1')).toEqual([]);
    await addPin(file, 'a:1', first);
    expect((await fsp.stat(path.dirname(file))).mode & 0o777).toBe(0o700);
    expect((await fsp.stat(file)).mode & 0o777).toBe(0o600);
    // Hand-edited lines: a comment, something unknown, a line without its final newline.
    await fsp.appendFile(file, `# my servers\nsome other format line\nb:2 sha256:${'ab'.repeat(32)}`);
    const second = randomBytes(32);
    await addPin(file, 'c:3', second);
    const text = await fsp.readFile(file, 'utf8');
    expect(text).toBe(
      `a:1 ${formatCertificateSha256(first)}\n# my servers\nsome other format line\nb:2 sha256:${'ab'.repeat(32)}\n` +
        `c:3 ${formatCertificateSha256(second)}\n`,
    );
    expect(await readPins(file, 'a:1')).toEqual([{ sha256: first, line: 1 }]);
    expect(await readPins(file, 'b:2')).toEqual([{ sha256: Buffer.alloc(32, 0xab), line: 4 }]);
    expect(await readPins(file, 'c:3')).toEqual([{ sha256: second, line: 5 }]);
    expect(await readPins(file, 'a:11')).toEqual([]);
  });

  it('a damaged line for the server is E_CONFIG, not "never seen"', async () => {
    const file = path.join(scratch.root, 'damaged');
    await fsp.writeFile(file, `x:1 sha256:${'00'.repeat(31)}\ny:2 sha256:${'00'.repeat(32)} extra\nz:3\n`);
    for (const key of ['x:1', 'y:2', 'z:3']) {
      await expect(readPins(file, key)).rejects.toMatchObject({ code: 'E_CONFIG', message: expect.stringContaining(key) });
    }
  });
});

/** A plain TCP server that records the first bytes of every connection and answers like an HTTP server that got garbage. */
async function recordingPlainServer(port: number): Promise<{ firstBytes: number[]; close(): Promise<void> }> {
  const firstBytes: number[] = [];
  const server = net.createServer((socket) => {
    socket.on('error', () => {});
    socket.once('data', (d: Buffer) => {
      firstBytes.push(d[0]!);
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { firstBytes, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('pinning on the control connection', () => {
  let scratch: Scratch;
  let knownHosts: string;
  const servers: TestServer[] = [];

  beforeAll(async () => {
    scratch = await makeScratch();
  });

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  afterAll(async () => {
    await scratch?.cleanup();
  });

  async function serve(tls: TestCertificate | undefined, controlPort?: number): Promise<TestServer> {
    const server = await startTestServer(pubAcl(scratch), {}, undefined, undefined, { tls, controlPort });
    servers.push(server);
    return server;
  }

  async function restart(old: TestServer, tls: TestCertificate | undefined): Promise<TestServer> {
    await old.close();
    servers.splice(servers.indexOf(old), 1);
    return serve(tls, old.port);
  }

  function connect(server: { port: number }, notices: string[] = []): Promise<ControlClient> {
    return ControlClient.connect('127.0.0.1', server.port, {
      ...DEFAULT_CONTROL_CLIENT_OPTIONS,
      connectTimeoutMs: 3000,
      knownHostsFile: knownHosts,
      onNotice: (m) => notices.push(m),
    });
  }

  async function refusal(server: { port: number }): Promise<EtxError> {
    const err = await connect(server).then(
      (c) => {
        c.close();
        return undefined;
      },
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(EtxError);
    return err as EtxError;
  }

  it('pins a TLS server on first use, once, and says so; the same certificate is then accepted silently', async () => {
    knownHosts = path.join(scratch.root, 'first-use', 'known_hosts');
    const cert = makeCertificate();
    const server = await serve(cert);
    const notices: string[] = [];
    const first = await connect(server, notices);
    first.close();
    expect(first.certificateSha256).toEqual(cert.sha256);
    expect(await fsp.readFile(knownHosts, 'utf8')).toBe(`127.0.0.1:${server.port} ${cert.fingerprint}\n`);
    expect((await fsp.stat(knownHosts)).mode & 0o777).toBe(0o600);
    expect(notices).toEqual([`pinned the TLS certificate of 127.0.0.1:${server.port} (${cert.fingerprint}) in ${knownHosts}`]);

    const again: string[] = [];
    const second = await connect(server, again);
    second.close();
    expect(second.certificateSha256).toEqual(cert.sha256);
    expect(again).toEqual([]);
    expect(await fsp.readFile(knownHosts, 'utf8')).toBe(`127.0.0.1:${server.port} ${cert.fingerprint}\n`);
  });

  it('refuses a server whose certificate changed, saying how to accept it; once the line is removed it pins the new one', async () => {
    knownHosts = path.join(scratch.root, 'changed', 'known_hosts');
    const old = makeCertificate();
    const server = await serve(old);
    (await connect(server)).close();
    const renewed = makeCertificate();
    const restarted = await restart(server, renewed);

    const err = await refusal(restarted);
    expect(err.code).toBe('E_HOST_KEY');
    expect(err.message).toContain(old.fingerprint);
    expect(err.message).toContain(renewed.fingerprint);
    expect(err.message).toContain(`removing the 127.0.0.1:${server.port} line from ${knownHosts}`);
    expect(await fsp.readFile(knownHosts, 'utf8')).toBe(`127.0.0.1:${server.port} ${old.fingerprint}\n`);

    // Nothing is transferred to it either.
    const src = path.join(scratch.pub, 'changed.bin');
    await writeRandomFile(src, 1000);
    await expect(copy([restarted.at(src)], restarted.at(`${src}.copy`), { knownHostsFile: knownHosts })).rejects.toMatchObject({
      code: 'E_HOST_KEY',
    });
    await expect(fsp.stat(`${src}.copy`)).rejects.toThrow();

    // Accepting it, as the message says: remove the line.
    await fsp.writeFile(knownHosts, '');
    const notices: string[] = [];
    const client = await connect(restarted, notices);
    client.close();
    expect(client.certificateSha256).toEqual(renewed.sha256);
    expect(notices).toHaveLength(1);
    expect(await fsp.readFile(knownHosts, 'utf8')).toBe(`127.0.0.1:${server.port} ${renewed.fingerprint}\n`);
  });

  it('accepts any of several pinned certificates (a new one announced before the switch)', async () => {
    knownHosts = path.join(scratch.root, 'several', 'known_hosts');
    const cert = makeCertificate();
    const server = await serve(cert);
    await addPin(knownHosts, `127.0.0.1:${server.port}`, randomBytes(32));
    await addPin(knownHosts, `127.0.0.1:${server.port}`, cert.sha256);
    const notices: string[] = [];
    const client = await connect(server, notices);
    client.close();
    expect(client.certificateSha256).toEqual(cert.sha256);
    expect(notices).toEqual([]);
  });

  it('refuses a pinned server that answers without TLS, and makes no plain-text connection to it', async () => {
    knownHosts = path.join(scratch.root, 'downgrade', 'known_hosts');
    const server = await serve(makeCertificate());
    (await connect(server)).close();
    const port = server.port;

    // The same port, now a real etransfer server without TLS.
    const plain = await restart(server, undefined);
    const err = await refusal(plain);
    expect(err.code).toBe('E_HOST_KEY');
    expect(err.message).toContain('answered without TLS');
    expect(err.message).toContain('refusing to fall back to plain text');
    expect(err.message).toContain(knownHosts);
    await plain.close();
    servers.splice(servers.indexOf(plain), 1);

    // A recording server there shows what the client sent: one TLS ClientHello, no HTTP request after it.
    const recorder = await recordingPlainServer(port);
    try {
      expect((await refusal({ port })).code).toBe('E_HOST_KEY');
      expect(recorder.firstBytes).toEqual([0x16]);
    } finally {
      await recorder.close();
    }
  });

  it('reaches a server that never had TLS over plain ws://, and pins nothing', async () => {
    knownHosts = path.join(scratch.root, 'plain', 'known_hosts');
    const server = await serve(undefined);
    const notices: string[] = [];
    const client = await connect(server, notices);
    try {
      expect(client.certificateSha256).toBeUndefined();
      const reply = await client.request({ type: 'listRequest', path: scratch.pub }, 'listReply');
      expect(reply.self.type).toBe('directory');
    } finally {
      client.close();
    }
    expect(notices).toEqual([]);
    await expect(fsp.stat(knownHosts)).rejects.toThrow();
  });

  it('still says E_CONNECT for nothing listening, pinned or not', async () => {
    knownHosts = path.join(scratch.root, 'unreachable', 'known_hosts');
    const server = await serve(makeCertificate());
    (await connect(server)).close();
    const port = server.port;
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    const err = await refusal({ port });
    expect(err.code).toBe('E_CONNECT');
    expect(err.message).toContain('connection refused');
  });
});
