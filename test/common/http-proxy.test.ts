/**
 * HTTP CONNECT proxy support: URL parsing and redaction, NO_PROXY and the proxy environment
 * variables, and CONNECT itself against a real proxy (test/helpers/connect-proxy.ts) and against
 * raw sockets that misbehave on purpose. Real sockets on 127.0.0.1 throughout.
 */
import fc from 'fast-check';
import net from 'node:net';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { EtxError } from '../../src/common/errors.js';
import {
  MAX_PROXY_RESPONSE_HEAD_BYTES,
  ProxyConfig,
  connectThroughProxy,
  noProxyMatches,
  parseProxyUrl,
  proxyFromEnvironment,
  redactProxyUrl,
} from '../../src/common/http-proxy.js';
import { type ConnectProxy, startConnectProxy } from '../helpers/connect-proxy.js';
import { expectEtx } from '../helpers/expect-etx.js';
import { waitFor } from '../helpers/wait.js';

/** A password with every character that needs percent-encoding in user info. */
const PASSWORD = 'p@ss:w/rd%?#é';
const ENCODED_PASSWORD = encodeURIComponent(PASSWORD);
const USER = 'al ice';
const ENCODED_USER = encodeURIComponent(USER);

/** Every error thrown in this file is checked: no password, in any spelling, in anything it shows. */
function assertNoPassword(err: unknown): void {
  const shown = [String(err), (err as Error).message, inspect(err, { depth: 10 }), JSON.stringify(err)].join('\n');
  for (const secret of [PASSWORD, ENCODED_PASSWORD, 'secret', 'hunter2']) expect(shown).not.toContain(secret);
}

async function rejection(promise: Promise<unknown>): Promise<EtxError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(EtxError);
    assertNoPassword(err);
    return err as EtxError;
  }
  throw new Error('expected a rejection');
}

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const sockets = new Set<net.Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('error', () => {});
    s.on('close', () => sockets.delete(s));
  });
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  );
  return (server.address() as net.AddressInfo).port;
}

/** A port on 127.0.0.1 that nothing listens on (any more). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** An echo server; with `greeting`, it speaks first (so the tunnel carries data before we write). */
function startEcho(greeting?: string): Promise<number> {
  return listen(
    net.createServer((socket) => {
      if (greeting) socket.write(greeting);
      socket.pipe(socket);
    }),
  );
}

/** A fake proxy: `behave` gets each accepted socket and the first bytes of the request. */
function startRawProxy(behave: (socket: net.Socket, request: string) => void): Promise<number> {
  return listen(
    net.createServer((socket) => {
      socket.once('data', (data: Buffer) => behave(socket, data.toString('latin1')));
    }),
  );
}

async function startProxy(options?: Parameters<typeof startConnectProxy>[0]): Promise<ConnectProxy> {
  const proxy = await startConnectProxy(options);
  cleanups.push(() => proxy.close());
  return proxy;
}

function readExactly(socket: net.Socket, bytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let got = 0;
    const onData = (data: Buffer): void => {
      chunks.push(data);
      got += data.length;
      if (got >= bytes) {
        socket.off('data', onData);
        socket.pause();
        resolve(Buffer.concat(chunks));
      }
    };
    socket.on('data', onData);
    socket.once('error', reject);
  });
}

const local = (port: number): ProxyConfig => new ProxyConfig('127.0.0.1', port);

describe('parseProxyUrl', () => {
  it.each([
    ['http://proxy.example:3128', 'proxy.example', 3128, undefined],
    ['http://proxy.example', 'proxy.example', 80, undefined],
    ['http://proxy.example/', 'proxy.example', 80, undefined],
    ['http://proxy.example:80', 'proxy.example', 80, undefined],
    ['HTTP://Proxy.Example:3128', 'proxy.example', 3128, undefined],
    ['proxy.example:3128', 'proxy.example', 3128, undefined],
    ['http://10.0.0.1:8080', '10.0.0.1', 8080, undefined],
    ['http://[::1]:3128', '::1', 3128, undefined],
    ['http://[2001:DB8::1]', '2001:db8::1', 80, undefined],
    ['http://@proxy.example:1', 'proxy.example', 1, undefined],
    ['http://user@proxy.example:1', 'proxy.example', 1, 'user'],
    [`http://${ENCODED_USER}:${ENCODED_PASSWORD}@proxy.example:1`, 'proxy.example', 1, USER],
  ])('reads %s', (url, host, port, username) => {
    const proxy = parseProxyUrl(url);
    expect(proxy.host).toBe(host);
    expect(proxy.port).toBe(port);
    expect(proxy.username).toBe(username);
  });

  it('percent-decodes the credentials into the Basic header', () => {
    const proxy = parseProxyUrl(`http://${ENCODED_USER}:${ENCODED_PASSWORD}@proxy.example:3128`);
    expect(Buffer.from(proxy.authorization()!.replace(/^Basic /, ''), 'base64').toString('utf8')).toBe(`${USER}:${PASSWORD}`);
    expect(parseProxyUrl('http://user@h').authorization()).toBe(`Basic ${Buffer.from('user:').toString('base64')}`);
    expect(parseProxyUrl('http://user:@h').authorization()).toBe(`Basic ${Buffer.from('user:').toString('base64')}`);
    expect(parseProxyUrl('http://h').authorization()).toBeUndefined();
    // An unencoded `@` in the password: the user info ends at the last `@`, as in URL parsers.
    const raw = parseProxyUrl('http://user:p@ss@h:1');
    expect(raw.host).toBe('h');
    expect(Buffer.from(raw.authorization()!.slice(6), 'base64').toString()).toBe('user:p@ss');
  });

  it('never shows the password: display, String, JSON, inspect', () => {
    const proxy = parseProxyUrl(`http://${ENCODED_USER}:${ENCODED_PASSWORD}@[::1]:3128`);
    expect(proxy.display).toBe('http://al%20ice:***@[::1]:3128');
    expect(String(proxy)).toBe(proxy.display);
    expect(JSON.stringify({ proxy })).toBe(JSON.stringify({ proxy: proxy.display }));
    assertNoPassword(proxy);
    expect(inspect(proxy, { showHidden: true, depth: 5 })).not.toContain('ss:w');
    expect(parseProxyUrl('http://user@h').display).toBe('http://user@h:80');
    expect(parseProxyUrl('h:1').display).toBe('http://h:1');
  });

  it.each([
    ['https://proxy.example:3128', /only http:\/\/ proxies are supported/],
    ['socks5://proxy.example:1080', /scheme socks5: is not supported/],
    ['ftp://proxy.example', /scheme ftp: is not supported/],
    ['http://proxy.example/path', /no path, query or fragment/],
    ['http://proxy.example/?x=1', /no path, query or fragment/],
    ['http://proxy.example/#f', /no path, query or fragment/],
    ['http://', /not a valid URL/],
    ['http://:3128', /not a valid URL/],
    ['http://user:secret@:3128', /not a valid URL/],
    ['http://proxy.example:99999', /not a valid URL/],
    ['http://user:secret@proxy.example:99999', /not a valid URL/],
    ['http://proxy.example:0', /port 0/],
    ['http://proxy.example:port', /not a valid URL/],
    ['http://user:%zz@proxy.example', /percent-encoding/],
    ['http://a%3Ab:secret@proxy.example', /cannot contain ":"/],
    ['http://proxy.exa\nmple', /white space or control/],
    ['http://proxy.example\t', /white space or control/],
    [' http://proxy.example', /white space or control/],
    ['', /empty/],
  ])('refuses %j with E_USAGE', (url, why) => {
    const err = expectEtx(() => parseProxyUrl(url), 'E_USAGE');
    expect(err.message).toMatch(why);
    expect(err.message).toContain('--proxy');
    expect(err.cause).toBeUndefined();
    assertNoPassword(err);
  });

  it('names the URL redacted in its errors', () => {
    const err = expectEtx(() => parseProxyUrl(`https://${ENCODED_USER}:${ENCODED_PASSWORD}@proxy.example`, 'HTTPS_PROXY'), 'E_USAGE');
    expect(err.message).toContain(`HTTPS_PROXY "https://${ENCODED_USER}:***@proxy.example"`);
    assertNoPassword(err);
  });
});

describe('redactProxyUrl', () => {
  it.each([
    ['http://u:secret@h:1', 'http://u:***@h:1'],
    ['http://u@h:1', 'http://u@h:1'],
    ['http://h:1', 'http://h:1'],
    ['http://u:@h', 'http://u:***@h'],
    ['u:secret@h:1', 'u:***@h:1'],
    ['http://u:sec/ret@h', 'http://u:***@h'],
    ['http://u:sec@ret@h', 'http://u:***@h'],
    ['http://u:sec:ret@h', 'http://u:***@h'],
    [`http://u:${ENCODED_PASSWORD}@h`, 'http://u:***@h'],
    ['not a url: u:secret@', 'not a url:***@'],
    ['', ''],
  ])('%j shows as %j', (url, shown) => {
    expect(redactProxyUrl(url)).toBe(shown);
  });

  it('never keeps a password, whatever surrounds it', () => {
    const safe = fc.string({ unit: fc.constantFrom('a', 'b', '.', '/', ':', '?', '#', '1') });
    fc.assert(
      fc.property(safe, safe, safe, (user, host, scheme) => {
        const url = `${scheme}://${user.replace(/:/g, '')}:hunter2@${host}`;
        expect(redactProxyUrl(url)).not.toContain('hunter2');
      }),
    );
  });
});

describe('noProxyMatches', () => {
  it.each<[string, string, number, boolean]>([
    ['*', 'anything.example', 1, true],
    ['foo.example, *', '10.1.2.3', 1, true],
    ['example.org', 'example.org', 443, true],
    ['example.org', 'a.example.org', 443, true],
    ['example.org', 'a.b.EXAMPLE.org', 443, true],
    ['.example.org', 'example.org', 443, true],
    ['.example.org', 'a.example.org', 443, true],
    ['*.example.org', 'a.example.org', 443, true],
    ['Example.ORG.', 'example.org', 443, true],
    ['example.org', 'example.org.', 443, true],
    ['org', 'example.org', 443, true],
    ['example.org', 'badexample.org', 443, false],
    ['example.org', 'example.org.evil', 443, false],
    ['a.example.org', 'example.org', 443, false],
    ['example.org:8008', 'example.org', 8008, true],
    ['example.org:8008', 'x.example.org', 8008, true],
    ['example.org:8008', 'example.org', 4004, false],
    ['10.1.2.3', '10.1.2.3', 1, true],
    ['10.1.2.3', '10.1.2.30', 1, false],
    ['10.1.2.3:22', '10.1.2.3', 22, true],
    ['10.1.2.3:22', '10.1.2.3', 23, false],
    ['2.3', '10.1.2.3', 1, false],
    ['10.0.0.0/8', '10.200.1.1', 1, true],
    ['10.0.0.0/8', '11.0.0.1', 1, false],
    ['10.0.0.0/8', 'ten.example', 1, false],
    ['10.0.0.0/8:22', '10.1.1.1', 22, true],
    ['10.0.0.0/8:22', '10.1.1.1', 23, false],
    ['0.0.0.0/0', '192.0.2.1', 1, true],
    ['10.0.0.0/8', '::ffff:10.1.2.3', 1, true],
    ['::1', '::1', 1, true],
    ['::1', '0:0:0:0:0:0:0:1', 1, true],
    ['::1', '[::1]', 1, true],
    ['[::1]', '::1', 1, true],
    ['[::1]:8008', '::1', 8008, true],
    ['[::1]:8008', '::1', 8009, false],
    ['::1/128', '::1', 1, true],
    ['::1/128', '::2', 1, false],
    ['fd00::/8', 'fd12:3456::1', 1, true],
    ['fd00::/8', 'fe80::1', 1, false],
    ['[fd00::]/8', 'fd12::1', 1, true],
    ['[fd00::]/8:22', 'fd12::1', 22, true],
    ['[fd00::]/8:22', 'fd12::1', 23, false],
    ['2001:db8::/32', '2001:DB8:1::1', 1, true],
    ['fe80::1', 'fe80::1%eth0', 1, true],
    // Names are never resolved, and loopback is not exempt by itself.
    ['localhost', '127.0.0.1', 1, false],
    ['127.0.0.1', 'localhost', 1, false],
    ['1.2.3.4', '1.2.3.4.example', 1, false],
    ['', '127.0.0.1', 1, false],
    ['foo.example,  example.org\tbar.example', 'x.example.org', 1, true],
    ['foo.example,,, ,bar.example', 'example.org', 1, false],
    // Entries that do not parse are skipped, not errors and not wildcards.
    ['10.0.0.0/99', '10.0.0.1', 1, false],
    ['10.0.0.0/x', '10.0.0.1', 1, false],
    ['example.org:99999', 'example.org', 1, false],
    ['example.org:0', 'example.org', 1, false],
    ['example.org:http', 'example.org', 80, false],
    ['.', 'example.org', 1, false],
  ])('NO_PROXY=%j, %s:%d: %s', (noProxy, host, port, expected) => {
    expect(noProxyMatches(noProxy, host, port)).toBe(expected);
  });

  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
  // A last label that is all digits would make an IPv4 literal (`1.2.3` + `4`), not a name.
  const domain = fc
    .tuple(
      fc.array(label, { maxLength: 3 }),
      label.filter((l) => /[a-z]/.test(l)),
    )
    .map(([labels, last]) => [...labels, last].join('.'));

  it('a name matches itself and its subdomains, only on a label boundary', () => {
    fc.assert(
      fc.property(domain, label, fc.constantFrom('', '.', '*.'), (name, sub, lead) => {
        expect(noProxyMatches(`${lead}${name}`, name, 1)).toBe(true);
        expect(noProxyMatches(`${lead}${name}`, `${sub}.${name}`, 1)).toBe(true);
        expect(noProxyMatches(`${lead}${name}`, `${sub}${name}`, 1)).toBe(false);
      }),
    );
  });

  it('an IPv4 CIDR matches exactly the addresses sharing its prefix', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.ipV4(), fc.integer({ min: 0, max: 32 }), (network, target, prefix) => {
        const toInt = (ip: string): number => ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
        const high = (ip: string): number => Math.floor(toInt(ip) / 2 ** (32 - prefix));
        const same = high(network) === high(target);
        expect(noProxyMatches(`${network}/${prefix}`, target, 1)).toBe(same);
      }),
    );
  });
});

describe('proxyFromEnvironment', () => {
  const A = 'http://a.proxy:1';
  const B = 'http://b.proxy:2';
  const C = 'http://c.proxy:3';
  const hostOf = (env: NodeJS.ProcessEnv, host = 'target.example', port = 8008): string | undefined =>
    proxyFromEnvironment(env, host, port)?.host;

  it('reads https_proxy, HTTPS_PROXY, all_proxy, ALL_PROXY in that order', () => {
    expect(hostOf({})).toBeUndefined();
    expect(hostOf({ HTTPS_PROXY: A })).toBe('a.proxy');
    expect(hostOf({ https_proxy: B, HTTPS_PROXY: A })).toBe('b.proxy');
    expect(hostOf({ ALL_PROXY: C })).toBe('c.proxy');
    expect(hostOf({ all_proxy: B, ALL_PROXY: C })).toBe('b.proxy');
    expect(hostOf({ HTTPS_PROXY: A, all_proxy: C })).toBe('a.proxy');
    expect(hostOf({ https_proxy: '', HTTPS_PROXY: A })).toBe('a.proxy');
    expect(hostOf({ https_proxy: '  ', all_proxy: C })).toBe('c.proxy');
    // Plain-http proxies are not for CONNECT to arbitrary ports (and HTTP_PROXY is httpoxy-prone).
    expect(hostOf({ HTTP_PROXY: A, http_proxy: A })).toBeUndefined();
  });

  it('honours no_proxy before NO_PROXY, and does not exempt loopback by itself', () => {
    expect(hostOf({ HTTPS_PROXY: A, NO_PROXY: 'target.example' })).toBeUndefined();
    expect(hostOf({ HTTPS_PROXY: A, no_proxy: 'other.example', NO_PROXY: '*' })).toBe('a.proxy');
    expect(hostOf({ HTTPS_PROXY: A, no_proxy: '', NO_PROXY: '*' })).toBeUndefined();
    expect(hostOf({ HTTPS_PROXY: A, NO_PROXY: 'target.example:4004' })).toBe('a.proxy');
    expect(hostOf({ HTTPS_PROXY: A }, '127.0.0.1')).toBe('a.proxy');
    expect(hostOf({ HTTPS_PROXY: A }, 'localhost')).toBe('a.proxy');
    expect(hostOf({ HTTPS_PROXY: A, NO_PROXY: '127.0.0.0/8' }, '127.0.0.1')).toBeUndefined();
  });

  it('refuses a bad proxy URL naming the variable, password hidden', () => {
    const err = expectEtx(() => proxyFromEnvironment({ https_proxy: 'socks5://u:hunter2@p:1' }, 't', 1), 'E_USAGE', 'https_proxy');
    expect(err.message).toContain('socks5://u:***@p:1');
    assertNoPassword(err);
    // An exempt target never looks at the URL.
    expect(proxyFromEnvironment({ https_proxy: 'socks5://p', NO_PROXY: '*' }, 't', 1)).toBeUndefined();
  });
});

describe('connectThroughProxy, through a real proxy', () => {
  it('tunnels to an echo server without credentials', async () => {
    const echo = await startEcho();
    const proxy = await startProxy();
    const { socket, leftover } = await connectThroughProxy(parseProxyUrl(proxy.url), '127.0.0.1', echo, { timeoutMs: 2000 });
    cleanups.push(() => socket.destroy());
    socket.on('error', () => {});
    expect(leftover.length).toBe(0);
    const payload = Buffer.alloc(256 * 1024, 7);
    socket.write(payload);
    expect((await readExactly(socket, payload.length)).equals(payload)).toBe(true);
    expect(proxy.targets).toEqual([`127.0.0.1:${echo}`]);
    expect(proxy.tunnels).toBe(1);
    await waitFor(() => proxy.bytesUp === payload.length && proxy.bytesDown === payload.length, 2000);
  });

  it('tunnels with percent-encoded Basic credentials', async () => {
    const echo = await startEcho();
    const proxy = await startProxy({ credentials: { username: USER, password: PASSWORD }, allowedPorts: [echo] });
    const config = parseProxyUrl(`http://${ENCODED_USER}:${ENCODED_PASSWORD}@127.0.0.1:${proxy.port}`);
    const { socket } = await connectThroughProxy(config, '127.0.0.1', echo, { timeoutMs: 2000 });
    cleanups.push(() => socket.destroy());
    socket.on('error', () => {});
    socket.write('ping');
    expect((await readExactly(socket, 4)).toString()).toBe('ping');
    expect(proxy.statuses).toEqual([200]);
  });

  it('says authentication is required (407) when no credentials were given', async () => {
    const proxy = await startProxy({ credentials: { username: USER, password: PASSWORD } });
    const err = await rejection(connectThroughProxy(parseProxyUrl(proxy.url), '127.0.0.1', 9, { timeoutMs: 2000 }));
    expect(err.code).toBe('E_CONNECT');
    expect(err.message).toMatch(/requires authentication/);
    expect(err.message).toContain('407');
    expect(proxy.tunnels).toBe(0);
  });

  it('says the credentials were rejected (407), without showing them', async () => {
    const proxy = await startProxy({ credentials: { username: USER, password: 'the right one' } });
    const config = parseProxyUrl(`http://${ENCODED_USER}:${ENCODED_PASSWORD}@127.0.0.1:${proxy.port}`);
    const err = await rejection(connectThroughProxy(config, '127.0.0.1', 9, { timeoutMs: 2000 }));
    expect(err.code).toBe('E_CONNECT');
    expect(err.message).toBe(
      `the proxy http://al%20ice:***@127.0.0.1:${proxy.port} rejected the credentials: HTTP/1.1 407 Proxy Authentication Required`,
    );
  });

  it('reports a refusal (403) with the status line and the proxy', async () => {
    const proxy = await startProxy({ allowedPorts: [443] });
    const err = await rejection(connectThroughProxy(parseProxyUrl(proxy.url), '127.0.0.1', 8008, { timeoutMs: 2000 }));
    expect(err.code).toBe('E_CONNECT');
    expect(err.message).toBe(`the proxy http://127.0.0.1:${proxy.port} refused CONNECT 127.0.0.1:8008: HTTP/1.1 403 Forbidden`);
  });

  it('reports a target the proxy cannot reach (502) as E_CONNECT', async () => {
    const closed = await closedPort();
    const proxy = await startProxy();
    const err = await rejection(connectThroughProxy(parseProxyUrl(proxy.url), '127.0.0.1', closed, { timeoutMs: 2000 }));
    expect(err.code).toBe('E_CONNECT');
    expect(err.message).toContain('502');
  });

  it('delivers what the target sends first: leftover, then the socket', async () => {
    const greeting = 'hello from the target\n';
    const echo = await startEcho(greeting);
    const proxy = await startProxy();
    const { socket, leftover } = await connectThroughProxy(parseProxyUrl(proxy.url), '127.0.0.1', echo, { timeoutMs: 2000 });
    cleanups.push(() => socket.destroy());
    socket.on('error', () => {});
    // The greeting may ride with the proxy's answer (leftover) or come after: together, it is whole.
    const rest = greeting.length - leftover.length;
    const after = rest > 0 ? await readExactly(socket, rest) : Buffer.alloc(0);
    expect(Buffer.concat([leftover, after]).toString()).toBe(greeting);
  });

  it('hands a WebSocket client the tunnel (how the control connection can use it)', async () => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.once('listening', resolve));
    cleanups.push(() => new Promise<void>((resolve) => wss.close(() => resolve())));
    wss.on('connection', (ws) => ws.on('message', (data, binary) => ws.send(data, { binary })));
    const wsPort = (wss.address() as net.AddressInfo).port;
    const proxy = await startProxy({ credentials: { username: USER, password: PASSWORD } });
    const config = parseProxyUrl(`http://${ENCODED_USER}:${ENCODED_PASSWORD}@127.0.0.1:${proxy.port}`);

    // The integration pattern: open the tunnel first (it has its own deadline), then let ws run
    // its HTTP upgrade over it. Leftover is empty here (a WebSocket server waits for the request).
    const { socket, leftover } = await connectThroughProxy(config, '127.0.0.1', wsPort, { timeoutMs: 2000 });
    if (leftover.length > 0) socket.unshift(leftover);
    const ws = new WebSocket(`ws://127.0.0.1:${wsPort}/`, {
      createConnection: (() => socket) as unknown as typeof net.createConnection,
      perMessageDeflate: false,
    });
    cleanups.push(() => ws.terminate());
    const echoed = await new Promise<string>((resolve, reject) => {
      ws.once('error', reject);
      ws.once('open', () => ws.send('over the proxy'));
      ws.once('message', (data: Buffer) => resolve(data.toString()));
    });
    expect(echoed).toBe('over the proxy');
    expect(proxy.tunnels).toBe(1);
  });

  it('leaves the socket as a fresh one: no listeners of ours, not paused, nothing lost', async () => {
    const echo = await startEcho();
    const proxy = await startProxy();
    const plain = net.connect({ host: '127.0.0.1', port: echo });
    cleanups.push(() => plain.destroy());
    await new Promise((resolve) => plain.once('connect', resolve));
    const { socket } = await connectThroughProxy(parseProxyUrl(proxy.url), '127.0.0.1', echo, { timeoutMs: 2000 });
    cleanups.push(() => socket.destroy());
    await new Promise<void>((resolve) => process.nextTick(resolve));
    for (const event of ['data', 'readable', 'end', 'close', 'error', 'connect', 'timeout']) {
      expect([event, socket.listenerCount(event)]).toEqual([event, plain.listenerCount(event)]);
    }
    expect(socket.readableFlowing).toBeNull();
    // Written before anyone listens: buffered, then delivered to a plain 'data' listener.
    socket.write('early');
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.on('error', () => {});
    expect((await readExactly(socket, 5)).toString()).toBe('early');
  });
});

describe('connectThroughProxy, against misbehaving proxies', () => {
  it('sends CONNECT with Host and Proxy-Authorization, brackets an IPv6 target', async () => {
    const requests: string[] = [];
    const port = await startRawProxy((socket, request) => {
      requests.push(request);
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
    const config = parseProxyUrl(`http://${ENCODED_USER}:${ENCODED_PASSWORD}@127.0.0.1:${port}`);
    await rejection(connectThroughProxy(config, '::1', 8008, { timeoutMs: 2000 }));
    await rejection(connectThroughProxy(config, '[2001:db8::7]', 8008, { timeoutMs: 2000 }));
    await rejection(connectThroughProxy(local(port), 'Data.Example', 443, { timeoutMs: 2000 }));
    const auth = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
    expect(requests).toEqual([
      `CONNECT [::1]:8008 HTTP/1.1\r\nHost: [::1]:8008\r\nProxy-Authorization: ${auth}\r\n\r\n`,
      `CONNECT [2001:db8::7]:8008 HTTP/1.1\r\nHost: [2001:db8::7]:8008\r\nProxy-Authorization: ${auth}\r\n\r\n`,
      'CONNECT Data.Example:443 HTTP/1.1\r\nHost: Data.Example:443\r\n\r\n',
    ]);
  });

  it.each([
    ['127.0.0.1\r\nX-Evil: 1', 80],
    ['host name', 80],
    ['a/b', 80],
    ['user@host', 80],
    ['fe80::1%eth0', 80],
    ['', 80],
    ['127.0.0.1', 0],
    ['127.0.0.1', 65536],
    ['127.0.0.1', 1.5],
  ])('refuses the target %j port %d before dialing (E_USAGE)', async (host, port) => {
    let dialed = 0;
    const proxyPort = await listen(net.createServer(() => dialed++));
    const err = await rejection(connectThroughProxy(local(proxyPort), host, port, { timeoutMs: 2000 }));
    expect(err.code).toBe('E_USAGE');
    expect(dialed).toBe(0);
  });

  it('returns the bytes that came with the answer as leftover, the rest on the socket', async () => {
    const port = await startRawProxy((socket) => {
      // One write: the 200, a body length a CONNECT answer must ignore, and tunnel bytes.
      socket.write('HTTP/1.0 200 Connection established\r\nContent-Length: 3\r\n\r\nHELLO');
      setTimeout(() => socket.write('WORLD'), 50);
    });
    const { socket, leftover } = await connectThroughProxy(local(port), 'target.example', 1, { timeoutMs: 2000 });
    cleanups.push(() => socket.destroy());
    socket.on('error', () => {});
    expect(leftover.toString()).toBe('HELLO');
    // A consumer that reads the socket itself can put the leftover back in front.
    socket.unshift(leftover);
    expect((await readExactly(socket, 10)).toString()).toBe('HELLOWORLD');
  });

  it('accepts bare LF line ends and an answer split into single bytes', async () => {
    const port = await startRawProxy(async (socket) => {
      for (const byte of 'HTTP/1.1 200 OK\nVia: test\n\nX') {
        socket.write(byte);
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    });
    const { socket, leftover } = await connectThroughProxy(local(port), 'target.example', 1, { timeoutMs: 5000 });
    cleanups.push(() => socket.destroy());
    socket.on('error', () => {});
    const rest = leftover.length === 0 ? await readExactly(socket, 1) : leftover;
    expect(rest.toString()).toBe('X');
  });

  it('holds the deadline against a proxy that never answers (E_TIMEOUT)', async () => {
    const port = await startRawProxy(() => {});
    const started = Date.now();
    const err = await rejection(connectThroughProxy(local(port), 'target.example', 1, { timeoutMs: 300 }));
    const elapsed = Date.now() - started;
    expect(err.code).toBe('E_TIMEOUT');
    expect(err.message).toContain('300 ms');
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1500);
  });

  it('holds the deadline against a proxy trickling its answer (absolute, not idle)', async () => {
    const port = await startRawProxy((socket) => {
      const timer = setInterval(() => socket.write('X'), 20);
      socket.on('close', () => clearInterval(timer));
      socket.write('HTTP/1.1 200 OK\r\nX-Slow: ');
    });
    const started = Date.now();
    const err = await rejection(connectThroughProxy(local(port), 'target.example', 1, { timeoutMs: 300 }));
    expect(err.code).toBe('E_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('holds the deadline when the proxy address does not answer SYNs', async () => {
    // 192.0.2.0/24 (TEST-NET-1) is not routed: the connect hangs or fails at once, never succeeds.
    const started = Date.now();
    const err = await rejection(connectThroughProxy(new ProxyConfig('192.0.2.1', 3128), 'target.example', 1, { timeoutMs: 300 }));
    expect(['E_TIMEOUT', 'E_CONNECT']).toContain(err.code);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('gives up on an endless answer head at the cap (E_PROTOCOL), however it is sent', async () => {
    let sent = 0;
    const port = await startRawProxy((socket) => {
      socket.write('HTTP/1.1 200 OK\r\n');
      const line = Buffer.from(`X-Pad: ${'a'.repeat(1000)}\r\n`);
      const pump = (): void => {
        while (!socket.destroyed && socket.write(line)) sent += line.length;
        if (!socket.destroyed) socket.once('drain', pump);
      };
      socket.on('error', () => {});
      pump();
    });
    const err = await rejection(connectThroughProxy(local(port), 'target.example', 1, { timeoutMs: 5000 }));
    expect(err.code).toBe('E_PROTOCOL');
    expect(err.message).toContain(`${MAX_PROXY_RESPONSE_HEAD_BYTES} bytes`);
    expect(sent).toBeGreaterThan(MAX_PROXY_RESPONSE_HEAD_BYTES);

    // One huge status line with no line end at all, in a single write.
    const port2 = await startRawProxy((socket) => {
      socket.on('error', () => {});
      socket.write(`HTTP/1.1 200 ${'b'.repeat(4 * MAX_PROXY_RESPONSE_HEAD_BYTES)}`);
    });
    expect((await rejection(connectThroughProxy(local(port2), 'target.example', 1, { timeoutMs: 5000 }))).code).toBe('E_PROTOCOL');

    // A complete head that is itself too long is refused too, even with a 200.
    const port3 = await startRawProxy((socket) => {
      socket.on('error', () => {});
      socket.write(`HTTP/1.1 200 OK\r\nX-Pad: ${'c'.repeat(MAX_PROXY_RESPONSE_HEAD_BYTES)}\r\n\r\n`);
    });
    expect((await rejection(connectThroughProxy(local(port3), 'target.example', 1, { timeoutMs: 5000 }))).code).toBe('E_PROTOCOL');
  });

  it('refuses an answer that is not HTTP (E_PROTOCOL), showing it printable', async () => {
    const port = await startRawProxy((socket) => socket.write('SSH-2.0-OpenSSH_9.6\x1b[31m\r\n\r\n'));
    const err = await rejection(connectThroughProxy(local(port), 'target.example', 1, { timeoutMs: 2000 }));
    expect(err.code).toBe('E_PROTOCOL');
    expect(err.message).toContain('"SSH-2.0-OpenSSH_9.6?[31m"');
  });

  it('reports a proxy that closes before or in the middle of its answer (E_CONNECT)', async () => {
    const before = await startRawProxy((socket) => socket.end());
    const err1 = await rejection(connectThroughProxy(local(before), 'target.example', 1, { timeoutMs: 2000 }));
    expect(err1.code).toBe('E_CONNECT');
    expect(err1.message).toContain('before answering');

    const middle = await startRawProxy((socket) => socket.end('HTTP/1.1 200 Connection est'));
    const err2 = await rejection(connectThroughProxy(local(middle), 'target.example', 1, { timeoutMs: 2000 }));
    expect(err2.code).toBe('E_CONNECT');
    expect(err2.message).toContain('in the middle of its answer');

    const reset = await startRawProxy((socket) => {
      socket.write('HTTP/1.1 2');
      setTimeout(() => socket.resetAndDestroy(), 20);
    });
    expect((await rejection(connectThroughProxy(local(reset), 'target.example', 1, { timeoutMs: 2000 }))).code).toBe('E_CONNECT');
  });

  it('reports an unreachable proxy (E_CONNECT), password hidden', async () => {
    const closed = await closedPort();
    const config = parseProxyUrl(`http://u:${ENCODED_PASSWORD}@127.0.0.1:${closed}`);
    const err = await rejection(connectThroughProxy(config, 'target.example', 1, { timeoutMs: 2000 }));
    expect(err.code).toBe('E_CONNECT');
    expect(err.message).toBe(`cannot reach the proxy http://u:***@127.0.0.1:${closed} (ECONNREFUSED)`);
  });

  it('stops at once when the signal aborts (E_CANCELLED), and destroys the socket', async () => {
    let closedByClient = false;
    const port = await startRawProxy((socket) => socket.on('close', () => (closedByClient = true)));
    const controller = new AbortController();
    const pending = connectThroughProxy(local(port), 'target.example', 1, { timeoutMs: 5000, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const err = await rejection(pending);
    expect(err.code).toBe('E_CANCELLED');
    expect(Date.now() - started).toBeLessThan(1000);
    await waitFor(() => closedByClient, 2000);

    const aborted = AbortSignal.abort();
    expect((await rejection(connectThroughProxy(local(port), 'target.example', 1, { timeoutMs: 5000, signal: aborted }))).code).toBe(
      'E_CANCELLED',
    );
  });
});
