/**
 * Issue 7: the direction of a third-party copy is found by trying (DESIGN section 5): push when
 * the source can reach the destination's data ports, else pull, else a clear E_CONNECT. Every
 * combination of sites that take inbound data connections, take none (--no-inbound), or
 * advertise one their firewall refuses (127.0.0.3, where nothing listens).
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DataRoute, silentReporter } from '../../src/client/reporter.js';
import { compileUserList } from '../../src/common/acl.js';
import { copy } from '../helpers/copy.js';
import { makeCertificate } from '../helpers/tls.js';
import { type Scratch, type TestServer, makeScratch, pubAcl, sha256File, startTestServer, writeRandomFile } from '../helpers/servers.js';

type Site = 'inbound' | 'no-inbound' | 'refused';

const SIZE = 3 * 1024 * 1024 + 17;
/** `--allow-relay anonymous`: these copies run unauthenticated (test/server/relay.test.ts covers users). */
const ANYONE = compileUserList(['anonymous'], 'test');

/** A copy that records the routes it reports (the reporter is otherwise silent). */
async function routedCopy(
  sources: Parameters<typeof copy>[0],
  destination: Parameters<typeof copy>[1],
  options: Parameters<typeof copy>[2] = {},
): Promise<{ summary: Awaited<ReturnType<typeof copy>>; routes: DataRoute[] }> {
  const routes: DataRoute[] = [];
  const summary = await copy(sources, destination, { ...options, reporter: { ...silentReporter, route: (r) => routes.push(r) } });
  return { summary, routes };
}

describe('automatic direction', () => {
  let scratch: Scratch;
  const servers = new Map<Site, TestServer>();
  let srcFile: string;
  let srcHash: string;

  beforeAll(async () => {
    scratch = await makeScratch();
    const acl = pubAcl(scratch);
    servers.set('inbound', await startTestServer(acl));
    servers.set('no-inbound', await startTestServer(acl, {}, undefined, undefined, { data: [] }));
    // Its data port listens on 127.0.0.1 only; peers are told 127.0.0.3: every dial is refused.
    servers.set('refused', await startTestServer(acl, { connectTimeoutMs: 1000 }, undefined, undefined, { advertiseHost: '127.0.0.3' }));
    srcFile = path.join(scratch.pub, 'src.bin');
    srcHash = await writeRandomFile(srcFile, SIZE);
  });
  afterAll(async () => {
    for (const s of servers.values()) await s.close();
    await scratch.cleanup();
  });

  async function run(source: Site, destination: Site, direction: 'auto' | 'push' | 'pull' = 'auto') {
    const dest = path.join(scratch.pub, `out-${source}-${destination}-${direction}-${Math.random().toString(16).slice(2)}.bin`);
    const { summary, routes } = await routedCopy([servers.get(source)!.at(srcFile)], servers.get(destination)!.at(dest), {
      direction,
      retries: 0,
    });
    return { summary, routes, dest };
  }

  it('a route that failed by dialing is retried (a network fault may pass); one that cannot exist is not', async () => {
    let retries = 0;
    const counting = { ...silentReporter, retrying: () => void retries++ };
    const dialed = await copy([servers.get('no-inbound')!.at(srcFile)], servers.get('refused')!.at(path.join(scratch.pub, 'dialed.bin')), {
      retries: 1,
      retryDelayMs: 10,
      reporter: counting,
    });
    expect(dialed.files[0]!.error?.code).toBe('E_CONNECT');
    expect(retries).toBe(1);
    retries = 0;
    const none = await copy([servers.get('no-inbound')!.at(srcFile)], servers.get('no-inbound')!.at(path.join(scratch.pub, 'none.bin')), {
      retries: 1,
      retryDelayMs: 10,
      reporter: counting,
    });
    expect(none.files[0]!.error?.code).toBe('E_CONNECT');
    expect(retries).toBe(0);
  });

  it.each([
    ['inbound', 'inbound', 'push'],
    ['no-inbound', 'inbound', 'push'],
    ['inbound', 'no-inbound', 'pull'],
    ['refused', 'inbound', 'push'],
    ['inbound', 'refused', 'pull'],
    ['no-inbound', 'refused', 'none'],
    ['refused', 'no-inbound', 'none'],
    ['refused', 'refused', 'none'],
    ['no-inbound', 'no-inbound', 'none'],
  ] as Array<[Site, Site, 'push' | 'pull' | 'none']>)('source %s, destination %s: %s', async (source, destination, expected) => {
    const { summary, routes, dest } = await run(source, destination);
    const file = summary.files[0]!;
    if (expected === 'none') {
      expect(file.status).toBe('failed');
      expect(file.error?.code).toBe('E_CONNECT');
      expect(file.error?.message).toMatch(/inbound data connections|could not reach/);
      expect(routes).toEqual([]);
      await expect(fsp.stat(dest)).rejects.toThrow();
      return;
    }
    expect(file.status, JSON.stringify(file.error)).toBe('done');
    expect(await sha256File(dest)).toBe(srcHash);
    expect(routes).toHaveLength(1);
    expect(routes[0]!.direction).toBe(expected);
    if (expected === 'pull') expect(routes[0]!.reason).toMatch(destination === 'refused' ? /could not reach/ : /accepts no inbound/);
    // Nothing of the file went through this client: only the control messages did.
    expect(summary.viaClient).toBe(false);
    expect(summary.controlBytes).toBeLessThan(SIZE / 100);
  });

  it('--push to a destination that takes no inbound connections: E_CONNECT saying to use --pull', async () => {
    const { summary } = await run('inbound', 'no-inbound', 'push');
    expect(summary.files[0]!.error?.code).toBe('E_CONNECT');
    expect(summary.files[0]!.error?.message).toContain('--pull');
  });

  it('--pull from a source that takes no inbound connections: E_CONNECT saying to use --push', async () => {
    const { summary } = await run('no-inbound', 'inbound', 'pull');
    expect(summary.files[0]!.error?.code).toBe('E_CONNECT');
    expect(summary.files[0]!.error?.message).toContain('--push');
  });

  it('forced --pull where the pull works', async () => {
    const { summary, routes } = await run('inbound', 'inbound', 'pull');
    expect(summary.files[0]!.status).toBe('done');
    expect(routes.map((r) => r.direction)).toEqual(['pull']);
  });
});

describe('relay (--via)', () => {
  let scratch: Scratch;
  let a: TestServer;
  let b: TestServer;
  let relay: TestServer;
  let closedRelay: TestServer;
  let srcFile: string;
  let srcHash: string;

  beforeAll(async () => {
    scratch = await makeScratch();
    const acl = pubAcl(scratch);
    // Both sites refuse inbound data connections; the relay takes them.
    a = await startTestServer(acl, {}, undefined, undefined, { data: [] });
    b = await startTestServer(acl, {}, undefined, undefined, { data: [] });
    relay = await startTestServer(acl, { relayUsers: ANYONE });
    closedRelay = await startTestServer(acl);
    srcFile = path.join(scratch.pub, 'src.bin');
    srcHash = await writeRandomFile(srcFile, SIZE);
  });
  afterAll(async () => {
    for (const s of [a, b, relay, closedRelay]) await s.close();
    await scratch.cleanup();
  });

  it('both ends dial out to the relay, which splices them: the copy is identical, nothing through the client', async () => {
    const dest = path.join(scratch.pub, 'relayed.bin');
    const { summary, routes } = await routedCopy([a.at(srcFile)], b.at(dest), {
      retries: 0,
      via: { host: '127.0.0.1', port: relay.port, user: undefined },
    });
    expect(summary.files[0]!.status, JSON.stringify(summary.files[0]!.error)).toBe('done');
    expect(await sha256File(dest)).toBe(srcHash);
    expect(routes).toHaveLength(1);
    expect(routes[0]).toMatchObject({ direction: 'relay', via: `127.0.0.1:${relay.port}` });
    expect(routes[0]!.reason).toMatch(/inbound/);
    expect(summary.viaClient).toBe(false);
    expect(summary.controlBytes).toBeLessThan(SIZE / 100);
  });

  it('a server without --allow-relay refuses: E_CONNECT saying so, nothing written', async () => {
    const dest = path.join(scratch.pub, 'not-relayed.bin');
    const summary = await copy([a.at(srcFile)], b.at(dest), {
      retries: 0,
      via: { host: '127.0.0.1', port: closedRelay.port, user: undefined },
    });
    expect(summary.files[0]!.error?.code).toBe('E_CONNECT');
    expect(summary.files[0]!.error?.message).toContain('--allow-relay');
    await expect(fsp.stat(dest)).rejects.toThrow();
  });

  it('without --via, the error names the way out', async () => {
    const summary = await copy([a.at(srcFile)], b.at(path.join(scratch.pub, 'x.bin')), { retries: 0 });
    expect(summary.files[0]!.error?.message).toContain('--via');
  });

  it('regression: no route is not retried (it was, three times with back-off, to print the same error)', async () => {
    let retries = 0;
    const started = Date.now();
    const summary = await copy([a.at(srcFile)], b.at(path.join(scratch.pub, 'no-route.bin')), {
      retries: 3,
      retryDelayMs: 1000,
      reporter: { ...silentReporter, retrying: () => void retries++ },
    });
    expect(summary.files[0]!.error?.code).toBe('E_CONNECT');
    expect(retries).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000); // well under the 7 s of three retries with back-off
    // Forcing a direction the ends cannot take is no passing fault either.
    const forced = await copy([a.at(srcFile)], b.at(path.join(scratch.pub, 'no-push.bin')), {
      retries: 3,
      direction: 'push',
      reporter: { ...silentReporter, retrying: () => void retries++ },
    });
    expect(forced.files[0]!.error?.message).toContain('use --pull');
    expect(retries).toBe(0);
  });
});

describe('relay (--via) with TLS everywhere', () => {
  let scratch: Scratch;
  const servers: TestServer[] = [];

  beforeAll(async () => {
    scratch = await makeScratch();
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await scratch.cleanup();
  });

  it('the ends run TLS with each other inside the relay hop TLS: the copy is identical', async () => {
    const acl = pubAcl(scratch);
    const [a, b, relay] = await Promise.all([
      startTestServer(acl, {}, undefined, undefined, { data: [], tls: makeCertificate() }),
      startTestServer(acl, {}, undefined, undefined, { data: [], tls: makeCertificate() }),
      startTestServer(acl, { relayUsers: ANYONE }, undefined, undefined, { tls: makeCertificate() }),
    ]);
    servers.push(a!, b!, relay!);
    const srcFile = path.join(scratch.pub, 'tls-src.bin');
    const hash = await writeRandomFile(srcFile, SIZE);
    const dest = path.join(scratch.pub, 'tls-relayed.bin');
    const { summary, routes } = await routedCopy([a!.at(srcFile)], b!.at(dest), {
      retries: 0,
      via: { host: '127.0.0.1', port: relay!.port, user: undefined },
      knownHostsFile: path.join(scratch.root, 'known_hosts'),
    });
    expect(summary.files[0]!.status, JSON.stringify(summary.files[0]!.error)).toBe('done');
    expect(await sha256File(dest)).toBe(hash);
    expect(routes.map((r) => r.direction)).toEqual(['relay']);
  });
});

describe('data over the control port (WebSocket), when no data port is reachable', () => {
  let scratch: Scratch;
  const servers: TestServer[] = [];

  beforeAll(async () => {
    scratch = await makeScratch();
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await scratch.cleanup();
  });

  /** A site whose data port peers cannot reach (it listens on 127.0.0.2, peers are told 127.0.0.1), but whose control port they can. */
  async function controlOnly(tls?: ReturnType<typeof makeCertificate>): Promise<TestServer> {
    const s = await startTestServer(pubAcl(scratch), {}, undefined, undefined, {
      data: [{ host: '127.0.0.2', port: 0 }],
      advertiseHost: '127.0.0.1',
      ...(tls ? { tls } : {}),
    });
    servers.push(s);
    return s;
  }

  it.each([
    ['push to a destination with only its control port open', 'push'],
    ['pull from a source with only its control port open', 'pull'],
  ])('%s', async (_name, direction) => {
    const acl = pubAcl(scratch);
    const open = direction === 'push' ? await startTestServer(acl) : await startTestServer(acl, {}, undefined, undefined, { data: [] });
    servers.push(open);
    const closed = await controlOnly();
    const [src, dst] = direction === 'push' ? [open, closed] : [closed, open];
    const srcFile = path.join(scratch.pub, `ws-${direction}.bin`);
    const hash = await writeRandomFile(srcFile, SIZE);
    const dest = path.join(scratch.pub, `ws-${direction}-copy.bin`);
    const { summary, routes } = await routedCopy([src.at(srcFile)], dst.at(dest), {
      retries: 0,
    });
    expect(summary.files[0]!.status, JSON.stringify(summary.files[0]!.error)).toBe('done');
    expect(await sha256File(dest)).toBe(hash);
    expect(routes).toHaveLength(1);
    expect(routes[0]).toMatchObject({ direction, overControlPort: true });
  });

  it('with TLS: wss to the control port, the certificate pinned as for a data port', async () => {
    const a = await controlOnly(makeCertificate());
    const b = await controlOnly(makeCertificate());
    const srcFile = path.join(scratch.pub, 'wss.bin');
    const hash = await writeRandomFile(srcFile, SIZE);
    const dest = path.join(scratch.pub, 'wss-copy.bin');
    const { summary, routes } = await routedCopy([a.at(srcFile)], b.at(dest), {
      retries: 0,
      knownHostsFile: path.join(scratch.root, 'known_hosts'),
    });
    expect(summary.files[0]!.status, JSON.stringify(summary.files[0]!.error)).toBe('done');
    expect(await sha256File(dest)).toBe(hash);
    expect(routes[0]).toMatchObject({ direction: 'push', overControlPort: true });
  });
});

describe('relay through this client (--relay)', () => {
  let scratch: Scratch;
  const servers: TestServer[] = [];

  beforeAll(async () => {
    scratch = await makeScratch();
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await scratch.cleanup();
  });

  it.each([
    ['plain', false],
    ['TLS', true],
  ])(
    'both sites --no-inbound (%s): the client dials both control ports and splices them; it says the data passes through it',
    async (_name, tls) => {
      const acl = pubAcl(scratch);
      const extras = (cert: boolean) => ({ data: [], ...(cert ? { tls: makeCertificate() } : {}) });
      const a = await startTestServer(acl, {}, undefined, undefined, extras(tls));
      const b = await startTestServer(acl, {}, undefined, undefined, extras(tls));
      servers.push(a, b);
      const srcFile = path.join(scratch.pub, `client-relay-${tls}.bin`);
      const hash = await writeRandomFile(srcFile, SIZE);
      const dest = path.join(scratch.pub, `client-relay-${tls}-copy.bin`);
      const { summary, routes } = await routedCopy([a.at(srcFile)], b.at(dest), {
        retries: 0,
        direction: 'relay',
        knownHostsFile: path.join(scratch.root, 'known_hosts'),
      });
      expect(summary.files[0]!.status, JSON.stringify(summary.files[0]!.error)).toBe('done');
      expect(await sha256File(dest)).toBe(hash);
      expect(routes).toEqual([expect.objectContaining({ direction: 'relay', via: 'this client' })]);
      expect(summary.viaClient).toBe(true);
    },
  );
});
