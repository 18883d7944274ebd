/**
 * Test harness: real etransfer servers in this process on 127.0.0.1 port 0, each with its own
 * scratch folder and ACL, and a sentinel file outside the served tree that must never change.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Acl } from '../../src/common/acl.js';
import type { Endpoint } from '../../src/common/endpoint.js';
import { type Logger, silentLogger } from '../../src/server/logger.js';
import { DEFAULT_SERVER_LIMITS, type ServerLimits, type ServerTls } from '../../src/server/options.js';
import { type RunningServer, startServer } from '../../src/server/server.js';

export interface Scratch {
  root: string;
  /** Served and writable by anyone: `${root}/pub`. */
  pub: string;
  /** Not in any rule: `${root}/outside`, holding `sentinel`. */
  outside: string;
  sentinel: string;
  cleanup(): Promise<void>;
}

export async function makeScratch(): Promise<Scratch> {
  const root = await fsp.realpath(await fsp.mkdtemp(path.join(os.tmpdir(), 'etx-test-')));
  const pub = path.join(root, 'pub');
  const outside = path.join(root, 'outside');
  await fsp.mkdir(pub);
  await fsp.mkdir(outside);
  const sentinel = path.join(outside, 'sentinel');
  await fsp.writeFile(sentinel, 'do not touch\n');
  return { root, pub, outside, sentinel, cleanup: () => fsp.rm(root, { recursive: true, force: true }) };
}

/** An ACL allowing anyone everything under `pub` (and the test endpoints), nothing else. */
export function pubAcl(scratch: Scratch): Acl {
  return Acl.parse(
    {
      users: {},
      rules: [{ users: ['anonymous', '*'], allow: ['list', 'read', 'write'], paths: [`${scratch.pub}/**`, '/dev/zero', '/dev/null'] }],
    },
    'test',
  );
}

export interface TestServer {
  server: RunningServer;
  port: number;
  /** With TLS: the SHA-256 of the server's certificate. */
  certificateSha256: Buffer | undefined;
  /** `127.0.0.1#port:/path` as an endpoint. */
  at(p: string): Endpoint;
  url(p: string): string;
  close(): Promise<void>;
}

export interface TestServerExtras {
  /** `--tls-cert/--tls-key` (e.g. from makeCertificate in tls.ts). */
  tls?: ServerTls;
  /** A fixed control port (to restart a server where clients know it); default: any free one. */
  controlPort?: number;
  /** Data listeners (`[]`: --no-inbound); default one on 127.0.0.1, any free port. */
  data?: Array<{ host: string; port: number }>;
  /** `--advertise`: e.g. 127.0.0.3, where nothing listens, for a site whose firewall refuses inbound. */
  advertiseHost?: string;
}

export async function startTestServer(
  acl: Acl,
  limits: Partial<ServerLimits> = {},
  stateDir?: string,
  logger: Logger = silentLogger(),
  extras: TestServerExtras = {},
): Promise<TestServer> {
  const server = await startServer({
    control: { host: '127.0.0.1', port: extras.controlPort ?? 0 },
    data: extras.data ?? [{ host: '127.0.0.1', port: 0 }],
    advertiseHost: extras.advertiseHost,
    acl,
    stateDir,
    limits: { ...DEFAULT_SERVER_LIMITS, ...limits },
    logger,
    tls: extras.tls,
  });
  const port = server.control.port;
  return {
    server,
    port,
    certificateSha256: server.certificateSha256,
    at: (p) => ({ kind: 'remote', user: undefined, host: '127.0.0.1', port, path: p }),
    url: (p) => `127.0.0.1#${port}:${p}`,
    close: () => server.close(),
  };
}

export async function writeRandomFile(file: string, bytes: number): Promise<string> {
  const data = randomBytes(bytes);
  await fsp.writeFile(file, data);
  return createHash('sha256').update(data).digest('hex');
}

export async function sha256File(file: string): Promise<string> {
  return createHash('sha256')
    .update(await fsp.readFile(file))
    .digest('hex');
}

/** Content, mode and mtime of the sentinel: compare before and after. */
export async function sentinelState(scratch: Scratch): Promise<string> {
  const st = await fsp.stat(scratch.sentinel);
  return `${await fsp.readFile(scratch.sentinel, 'utf8')}|${st.mode}|${st.mtimeMs}`;
}

export async function listNames(dir: string): Promise<string[]> {
  return (await fsp.readdir(dir)).sort();
}

/** Writes an ACL file letting anonymous clients list, read and write under `pub` (and `extraPaths`). */
export async function writeAclFile(scratch: Scratch, extraPaths: string[] = []): Promise<string> {
  const file = path.join(scratch.root, 'acl.json');
  const rules = [{ users: ['anonymous'], allow: ['list', 'read', 'write'], paths: [`${scratch.pub}/**`, ...extraPaths] }];
  await fsp.writeFile(file, JSON.stringify({ users: {}, rules }));
  return file;
}
