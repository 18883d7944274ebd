/**
 * DESIGN section 5 (direction and firewalls) with real processes behind real firewalls: three network
 * namespaces on one switch (test/helpers/netns.ts). Site `a` runs the source server, site `b` the
 * destination server, site `c` the user's client, which reaches both control ports and carries no
 * data. Each case builds its own topology, so firewall rules and servers never leak between cases.
 *
 * 1. both sites take inbound data connections: push, a dials b;
 * 2. b runs with --no-inbound (advertises no data port): pull, b dials a;
 * 3. b advertises a data port its firewall silently drops (only the control port is open): a's dial
 *    times out and the copy falls back to pull within a few seconds;
 * 4. both firewalls drop everything but the control ports: E_CONNECT saying no direction works, and
 *    nothing appears under the final name;
 * 5. b's firewall rejects (TCP reset) instead of dropping: the same fallback, without the wait;
 * 6. b's control port itself is firewalled: E_CONNECT at the start, exit 3.
 *
 * The copies run with --retries 0: a firewall does not open on a retry, and with the default 3 retries
 * case 4 takes four times as long.
 */
import { execFileSync } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireNetns, skipNetns, type Topology, withTopology } from '../helpers/netns.js';
import { BIN, type ServerProcess, startServerProcess } from '../helpers/processes.js';
import { makeScratch, type Scratch, sha256File, writeAclFile, writeRandomFile } from '../helpers/servers.js';

const skip = await skipNetns();

type SiteName = 'a' | 'b' | 'c';
const SITES: readonly SiteName[] = ['a', 'b', 'c'];
/** Each topology is its own L2 segment: every site may use the well-known ports. */
const CONTROL_PORT = 4004;
const DATA_PORT = 8008;
/** A few MiB plus an odd tail: several chunks over several streams, and a last chunk that is short. */
const SIZE = 5 * 1024 * 1024 + 4321;
/** The servers' dial timeout, where `serve` has the flag; otherwise its built-in default (5 s) applies. */
const SERVE_CONNECT_TIMEOUT_MS = 1_000;
const serveHasConnectTimeout = execFileSync(process.execPath, [BIN, 'serve', '--help'], { encoding: 'utf8' }).includes(
  '--connect-timeout-ms',
);
const serveTimeoutArgs = serveHasConnectTimeout ? ['--connect-timeout-ms', String(SERVE_CONNECT_TIMEOUT_MS)] : [];

/** The child environment: no proxy variables (the data must go where the firewall decides), an empty HOME (no keys, config or pins of the user running the tests). */
function childEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/_proxy$/i.test(key) || key.startsWith('ETRANSFER_')) continue;
    env[key] = value;
  }
  return { ...env, HOME: home };
}

interface JsonEvent {
  type: string;
  [field: string]: unknown;
}

interface CopyRun {
  code: number | null;
  stdout: string;
  stderr: string;
  events: JsonEvent[];
  ms: number;
}

describe.skipIf(skip)('direction through real firewalls (network namespaces, real processes)', () => {
  let scratchA: Scratch;
  let scratchB: Scratch;
  let aclA: string;
  let aclB: string;
  let env: NodeJS.ProcessEnv;
  let srcFile: string;
  let srcHash: string;

  beforeAll(async () => {
    await requireNetns();
    [scratchA, scratchB] = await Promise.all([makeScratch(), makeScratch()]);
    [aclA, aclB] = await Promise.all([writeAclFile(scratchA), writeAclFile(scratchB)]);
    const home = path.join(scratchA.root, 'home');
    await fsp.mkdir(home);
    env = childEnv(home);
    srcFile = path.join(scratchA.pub, 'recording.vdif');
    srcHash = await writeRandomFile(srcFile, SIZE);
  });

  afterAll(async () => {
    await Promise.all([scratchA?.cleanup(), scratchB?.cleanup()]);
  });

  /** `etransfer serve` inside `site`, listening on the site's address (no data port with --no-inbound). */
  function serveIn(t: Topology<SiteName>, site: 'a' | 'b', inbound: boolean, timeoutArgs: string[]): Promise<ServerProcess> {
    const acl = site === 'a' ? aclA : aclB;
    return startServerProcess(['--acl', acl, ...(inbound ? [] : ['--no-inbound']), ...timeoutArgs], CONTROL_PORT, env, {
      host: t.sites[site].address,
      dataPorts: inbound ? [DATA_PORT] : [],
      spawn: (cmd, args, opts) => t.spawn(site, cmd, args, opts),
    });
  }

  /**
   * The two servers, then `fn`; the topology (processes, namespaces) is destroyed however `fn` ends.
   * `defaultDialTimeout`: the servers keep their built-in dial timeout instead of the short one.
   */
  function scene(
    bInbound: boolean,
    fn: (t: Topology<SiteName>, a: ServerProcess, b: ServerProcess) => Promise<void>,
    opts: { defaultDialTimeout?: boolean } = {},
  ): Promise<void> {
    const timeoutArgs = opts.defaultDialTimeout ? [] : serveTimeoutArgs;
    return withTopology({ sites: SITES }, async (t) => {
      const [a, b] = await Promise.all([serveIn(t, 'a', true, timeoutArgs), serveIn(t, 'b', bInbound, timeoutArgs)]);
      expect(a.dataAddresses).toEqual([`${t.sites.a.address}:${DATA_PORT}`]);
      expect(b.dataAddresses).toEqual(bInbound ? [`${t.sites.b.address}:${DATA_PORT}`] : []);
      try {
        await fn(t, a, b);
      } catch (err) {
        // The servers' own account of the failure, and the firewalls, in the error vitest prints.
        const rules = await Promise.all([t.ruleset('a'), t.ruleset('b')]).catch(() => ['?', '?']);
        (err as Error).message +=
          `\n--- server a ---\n${a.log.join('\n')}\n--- server b ---\n${b.log.join('\n')}` +
          `\n--- nft a ---\n${rules[0]}\n--- nft b ---\n${rules[1]}`;
        throw err;
      }
    });
  }

  /** `etransfer copy` from site c, a's file to `dest` on b; no retries, so a failure shows at once. */
  async function copyFromC(t: Topology<SiteName>, dest: string, opts: { json?: boolean; args?: string[] } = {}): Promise<CopyRun> {
    const { a, b } = t.sites;
    const args = [BIN, 'copy', ...(opts.json === false ? [] : ['--json']), '--retries', '0', ...(opts.args ?? [])];
    args.push(`${a.address}#${CONTROL_PORT}:${srcFile}`, `${b.address}#${CONTROL_PORT}:${dest}`);
    const started = performance.now();
    const r = await t.exec('c', process.execPath, args, { env, timeoutMs: 40_000 });
    const ms = performance.now() - started;
    expect(r.timedOut, `copy hung:\n${r.stdout}\n${r.stderr}`).toBe(false);
    const events =
      opts.json === false
        ? []
        : r.stdout
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line) as JsonEvent);
    return { code: r.code, stdout: r.stdout, stderr: r.stderr, events, ms };
  }

  const of = (run: CopyRun, type: string): JsonEvent[] => run.events.filter((e) => e.type === type);
  const destination = (name: string): string => path.join(scratchB.pub, name);

  async function expectCopied(run: CopyRun, dest: string): Promise<void> {
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.code, output).toBe(0);
    expect(await sha256File(dest)).toBe(srcHash);
    if (run.events.length > 0) {
      expect(of(run, 'file_done'), output).toHaveLength(1);
      expect(of(run, 'summary')[0], output).toMatchObject({ done: 1, failed: 0, bytes: SIZE, exit_code: 0 });
    }
  }

  it('both sites open: push, the source dials the destination', async () => {
    await scene(true, async (t) => {
      const dest = destination('open.vdif');
      const run = await copyFromC(t, dest);
      await expectCopied(run, dest);
      expect(of(run, 'route')).toEqual([{ type: 'route', direction: 'push', dialer: expect.any(String), listener: expect.any(String) }]);
      const [route] = of(run, 'route');
      expect(route!.dialer).toContain(t.sites.a.address);
      expect(route!.listener).toContain(t.sites.b.address);
    });
  });

  it('destination with --no-inbound: pull, the destination dials the source; the text output says so too', async () => {
    await scene(false, async (t) => {
      const dest = destination('no-inbound.vdif');
      const run = await copyFromC(t, dest);
      await expectCopied(run, dest);
      const routes = of(run, 'route');
      expect(routes).toHaveLength(1);
      expect(routes[0]).toMatchObject({ direction: 'pull', reason: expect.stringMatching(/accepts no inbound data connections/) });
      expect(routes[0]!.dialer).toContain(t.sites.b.address);
      expect(routes[0]!.listener).toContain(t.sites.a.address);

      // The line a person reads (no --json, not a terminal).
      const textDest = destination('no-inbound-text.vdif');
      const text = await copyFromC(t, textDest, { json: false });
      await expectCopied(text, textDest);
      expect(`${text.stdout}${text.stderr}`).toMatch(/data: pull, \S*10\.213\.0\.2\S* dials \S*10\.213\.0\.1\S* \(.*no inbound/);
    });
  });

  it('destination advertises a data port its firewall drops: the push dial times out, the copy falls back to pull in seconds', async () => {
    await scene(true, async (t, _a, b) => {
      await t.blockInbound('b', { allowPorts: [b.controlPort] });
      // The firewall really does what the case is about: control open, data silently dropped.
      expect(await t.tcpConnect('a', t.sites.b.address, DATA_PORT, { timeoutMs: 500 })).toMatchObject({ status: 'timeout' });
      expect(await t.tcpConnect('c', t.sites.b.address, CONTROL_PORT)).toMatchObject({ status: 'connected' });

      const dest = destination('dropped.vdif');
      const run = await copyFromC(t, dest);
      await expectCopied(run, dest);
      const routes = of(run, 'route');
      expect(routes).toHaveLength(1);
      expect(routes[0]).toMatchObject({ direction: 'pull', reason: expect.stringMatching(/could not reach/) });
      expect(routes[0]!.dialer).toContain(t.sites.b.address);
      // One dial timeout (1 s with the flag, 5 s by default) plus a copy of a few MiB.
      expect(run.ms).toBeLessThan(serveHasConnectTimeout ? 8_000 : 15_000);
      expect(run.ms).toBeGreaterThan(serveHasConnectTimeout ? SERVE_CONNECT_TIMEOUT_MS : 1_000);
    });
  });

  it('both sites drop inbound data connections: E_CONNECT saying neither direction works, nothing under the final name', async () => {
    await scene(true, async (t, a, b) => {
      await Promise.all([t.blockInbound('a', { allowPorts: [a.controlPort] }), t.blockInbound('b', { allowPorts: [b.controlPort] })]);
      expect(await t.tcpConnect('b', t.sites.a.address, DATA_PORT, { timeoutMs: 500 })).toMatchObject({ status: 'timeout' });

      const dest = destination('nowhere.vdif');
      const run = await copyFromC(t, dest);
      const output = `${run.stdout}\n${run.stderr}`;
      // README's error table: E_CONNECT exits 3 at the start (a control port), else 1 (the files failed).
      expect(run.code, output).toBe(1);
      expect(of(run, 'route'), output).toEqual([]);
      const failed = of(run, 'file_failed');
      expect(failed, output).toHaveLength(1);
      expect(failed[0]).toMatchObject({ code: 'E_CONNECT', message: expect.stringMatching(/no direction works/) });
      // Both attempts are named: a could not reach b, and b could not reach a.
      expect(String(failed[0]!.message).match(/could not reach/g)).toHaveLength(2);
      expect(of(run, 'summary')[0]).toMatchObject({ done: 0, failed: 1, exit_code: 1 });
      // Two dial timeouts, one after the other.
      expect(run.ms).toBeLessThan(serveHasConnectTimeout ? 10_000 : 20_000);
      await expect(fsp.stat(dest)).rejects.toMatchObject({ code: 'ENOENT' });
      // Both servers let go of the transfer, and stay up for the next client.
      for (const site of ['a', 'b'] as const) {
        const status = await t.exec('c', process.execPath, [BIN, 'status', '--json', `${t.sites[site].address}#${CONTROL_PORT}`], { env });
        expect(status, site).toMatchObject({ code: 0, stdout: '' });
      }
    });
  });

  it('a firewall that rejects (TCP reset) instead of dropping: the copy falls back to pull at once', async () => {
    await scene(
      true,
      async (t, _a, b) => {
        await t.blockInbound('b', { allowPorts: [b.controlPort], reject: true });
        const dest = destination('rejected.vdif');
        const run = await copyFromC(t, dest);
        await expectCopied(run, dest);
        expect(of(run, 'route')).toMatchObject([{ direction: 'pull', reason: expect.stringMatching(/could not reach/) }]);
        // No timeout waited out: a refused dial fails at once, well within the built-in 5 s dial timeout.
        expect(run.ms).toBeLessThan(3_000);
      },
      { defaultDialTimeout: true },
    );
  });

  it('a control port behind the firewall: E_CONNECT at the start, exit 3, nothing moves', async () => {
    await scene(true, async (t) => {
      await t.blockInbound('b');
      const dest = destination('unreachable.vdif');
      const run = await copyFromC(t, dest, { args: ['--connect-timeout-ms', '1000'] });
      expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(3);
      expect(run.events).toEqual([expect.objectContaining({ type: 'error', code: 'E_CONNECT', exit_code: 3 })]);
      expect(String(run.events[0]!.message)).toContain(t.sites.b.address);
      expect(run.ms).toBeLessThan(5_000);
      await expect(fsp.stat(dest)).rejects.toMatchObject({ code: 'ENOENT' });
    });
  });
});
