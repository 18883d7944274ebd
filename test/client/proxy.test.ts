/**
 * Issue 7 item 4: every dialing side can go out through an HTTP CONNECT proxy. A server's own
 * data dials with `serve --proxy`, the client's control connections and its own data dials with
 * `copy --proxy` (or HTTPS_PROXY / ALL_PROXY less NO_PROXY), with Basic credentials from the URL.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DataRoute, silentReporter } from '../../src/client/reporter.js';
import { chooseProxy, parseProxyUrl } from '../../src/common/http-proxy.js';
import { type ConnectProxy, startConnectProxy } from '../helpers/connect-proxy.js';
import { copy, local } from '../helpers/copy.js';
import { runCli } from '../helpers/processes.js';
import { type Scratch, type TestServer, makeScratch, pubAcl, sha256File, startTestServer, writeRandomFile } from '../helpers/servers.js';

const SIZE = 2 * 1024 * 1024 + 3;

describe('HTTP CONNECT proxies', () => {
  let scratch: Scratch;
  let proxy: ConnectProxy;
  let open: TestServer;
  let proxied: TestServer;
  let srcFile: string;
  let srcHash: string;
  const proxyUrl = () => `http://etx%20user:p%40ss@127.0.0.1:${proxy.port}`;

  beforeAll(async () => {
    scratch = await makeScratch();
    proxy = await startConnectProxy({ credentials: { username: 'etx user', password: 'p@ss' } });
    const acl = pubAcl(scratch);
    open = await startTestServer(acl);
    // A site whose only way out is the proxy: it takes no inbound data and dials through it.
    proxied = await startTestServer(acl, { proxy: parseProxyUrl(proxyUrl()) }, undefined, undefined, { data: [] });
    srcFile = path.join(scratch.pub, 'src.bin');
    srcHash = await writeRandomFile(srcFile, SIZE);
  });
  afterAll(async () => {
    await proxied.close();
    await open.close();
    await proxy.close();
    await scratch.cleanup();
  });

  it('a server behind a proxy pushes through it (serve --proxy); the copy is identical', async () => {
    const before = { tunnels: proxy.tunnels, up: proxy.bytesUp };
    const routes: DataRoute[] = [];
    const dest = path.join(scratch.pub, 'pushed.bin');
    const summary = await copy([proxied.at(srcFile)], open.at(dest), { reporter: { ...silentReporter, route: (r) => routes.push(r) } });
    expect(summary.files[0]!.status, JSON.stringify(summary.files[0]!.error)).toBe('done');
    expect(await sha256File(dest)).toBe(srcHash);
    expect(routes.map((r) => r.direction)).toEqual(['push']);
    // Every data stream went through the proxy, and with it the whole file.
    expect(proxy.tunnels - before.tunnels).toBe(4);
    expect(proxy.bytesUp - before.up).toBeGreaterThan(SIZE);
  });

  it('a server behind a proxy pulls through it when it is the destination', async () => {
    const before = proxy.bytesDown;
    const dest = path.join(scratch.pub, 'pulled.bin');
    const summary = await copy([open.at(srcFile)], proxied.at(dest));
    expect(summary.files[0]!.status).toBe('done');
    expect(await sha256File(dest)).toBe(srcHash);
    expect(proxy.bytesDown - before).toBeGreaterThan(SIZE);
  });

  it("the client's control connections and its own data dials go through copy --proxy", async () => {
    const before = { tunnels: proxy.tunnels, down: proxy.bytesDown };
    const dest = path.join(scratch.root, 'laptop-copy.bin');
    const summary = await copy([open.at(srcFile)], local(dest), { proxyFor: chooseProxy(parseProxyUrl(proxyUrl()), undefined) });
    expect(summary.files[0]!.status).toBe('done');
    expect(await sha256File(dest)).toBe(srcHash);
    // One control connection (the TLS probe finds plain text and reconnects: two tunnels) and 4 data streams.
    expect(proxy.tunnels - before.tunnels).toBeGreaterThanOrEqual(5);
    expect(proxy.targets).toContain(`127.0.0.1:${open.port}`);
    expect(proxy.bytesDown - before.down).toBeGreaterThan(SIZE);
  });

  it('HTTPS_PROXY is used by the CLI, NO_PROXY exempts a host, and a wrong password says so without showing it', async () => {
    const env = { ...process.env, HTTPS_PROXY: proxyUrl(), NO_PROXY: '' };
    const before = proxy.requests;
    const listed = await runCli(['ls', open.url(scratch.pub)], 30_000, env);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('src.bin');
    expect(proxy.requests).toBeGreaterThan(before);

    const exempt = proxy.requests;
    const direct = await runCli(['ls', open.url(scratch.pub)], 30_000, { ...env, NO_PROXY: '127.0.0.1' });
    expect(direct.code, direct.stderr).toBe(0);
    expect(proxy.requests).toBe(exempt);

    const wrong = await runCli(
      ['ls', '--proxy', `http://etx%20user:wrong-secret@127.0.0.1:${proxy.port}`, open.url(scratch.pub)],
      30_000,
      env,
    );
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/proxy/i);
    expect(wrong.stderr).toMatch(/credentials|authentication/i);
    expect(wrong.stderr + wrong.stdout).not.toContain('wrong-secret');
  });

  it('a bad --proxy URL is a usage error (exit 2), naming the option', async () => {
    const r = await runCli(['ls', '--proxy', 'socks5://x:1', open.url(scratch.pub)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--proxy');
    await expect(fsp.stat(scratch.pub)).resolves.toBeTruthy();
  });
});
