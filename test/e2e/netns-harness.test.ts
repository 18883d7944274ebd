/**
 * The network namespace harness itself (test/helpers/netns.ts), with real namespaces, veths and
 * nftables: later firewall tests trust it to block what it says and to leave nothing behind.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createTopology,
  processAlive,
  requireNetns,
  skipNetns,
  startReaper,
  sweepStaleNamespaces,
  type Topology,
  withTopology,
} from '../helpers/netns.js';
import { waitFor } from '../helpers/wait.js';

const skip = await skipNetns();

/** Names of all namespaces on the host. */
function namespaces(): string[] {
  // stderr ignored: a concurrent run deleting a namespace meanwhile makes `ip` complain about its id.
  return execFileSync('ip', ['netns', 'list'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    .split('\n')
    .map((line) => line.split(' ')[0]!)
    .filter(Boolean);
}

/** The host namespace's interface names: the harness must never add or remove one. */
function hostLinks(): string[] {
  return execFileSync('ip', ['-o', 'link', 'show'], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(':')[1]!.trim())
    .sort();
}

// A dropped SYN shows up as this timeout; half a second is ample on a veth where a real answer takes
// well under a millisecond.
const BLOCKED_MS = 500;

describe.skipIf(skip)('network namespace harness', () => {
  let topology: Topology<'a' | 'b' | 'c'> | undefined;
  beforeAll(requireNetns);
  afterEach(async () => {
    await topology?.destroy();
    topology = undefined;
  });

  it('two sites reach each other over TCP, both ways', async () => {
    topology = await createTopology({ sites: ['a', 'b', 'c'] });
    const { a, b } = topology.sites;
    expect(new Set([a.address, b.address, topology.sites.c.address]).size).toBe(3);
    const inB = await topology.startTcpServer('b', 7000);
    const inA = await topology.startTcpServer('a', 7000);
    expect(await topology.tcpConnect('a', b.address, inB.port, { send: 'ping' })).toMatchObject({ status: 'connected', reply: 'ping' });
    expect(await topology.tcpConnect('b', a.address, inA.port, { send: 'pong' })).toMatchObject({ status: 'connected', reply: 'pong' });
    // Nothing listens on 7001: refused at once, which shows a later timeout really is the firewall.
    expect(await topology.tcpConnect('a', b.address, 7001)).toMatchObject({ status: 'refused' });
    // exec reports a failing command as a result.
    const failed = await topology.exec('a', process.execPath, ['-e', 'process.stderr.write("no"); process.exit(3)']);
    expect(failed).toMatchObject({ code: 3, stderr: 'no', timedOut: false });
  });

  it('blockInbound drops (or rejects) new inbound connections while outbound ones still work', async () => {
    topology = await createTopology({ sites: ['a', 'b', 'c'] });
    const { a, b } = topology.sites;
    const control = await topology.startTcpServer('b', 7000);
    const data = await topology.startTcpServer('b', 7001);
    const inA = await topology.startTcpServer('a', 7000);

    await topology.blockInbound('b');
    const dropped = await topology.tcpConnect('a', b.address, data.port, { timeoutMs: BLOCKED_MS });
    expect(dropped.status, await topology.ruleset('b')).toBe('timeout');
    expect(await topology.tcpConnect('b', a.address, inA.port, { send: 'out' })).toMatchObject({ status: 'connected', reply: 'out' });
    // Loopback inside the blocked site is untouched.
    expect(await topology.tcpConnect('b', '127.0.0.1', data.port)).toMatchObject({ status: 'connected' });

    // Replacing the rules: reject answers with a reset, and allowed ports stay open.
    await topology.blockInbound('b', { reject: true, allowPorts: [control.port] });
    expect(await topology.tcpConnect('a', b.address, data.port, { timeoutMs: BLOCKED_MS })).toMatchObject({ status: 'refused' });
    expect(await topology.tcpConnect('a', b.address, control.port, { send: 'ctl' })).toMatchObject({ status: 'connected', reply: 'ctl' });

    await topology.clearFirewall('b');
    expect(await topology.tcpConnect('a', b.address, data.port)).toMatchObject({ status: 'connected' });
  });

  it('allowOnlyOutboundTo leaves one way out, and inbound connections still get replies', async () => {
    topology = await createTopology({ sites: ['a', 'b', 'c'] });
    const { a, b, c } = topology.sites;
    const proxy = await topology.startTcpServer('c', 3128);
    const other = await topology.startTcpServer('c', 3129);
    const inB = await topology.startTcpServer('b', 7000);
    const inA = await topology.startTcpServer('a', 7000);

    await topology.allowOnlyOutboundTo('a', c.address, proxy.port);
    expect(await topology.tcpConnect('a', c.address, proxy.port, { send: 'CONNECT' })).toMatchObject({
      status: 'connected',
      reply: 'CONNECT',
    });
    expect(await topology.tcpConnect('a', c.address, other.port, { timeoutMs: BLOCKED_MS })).toMatchObject({ status: 'timeout' });
    expect(await topology.tcpConnect('a', b.address, inB.port, { timeoutMs: BLOCKED_MS })).toMatchObject({ status: 'timeout' });
    expect(await topology.tcpConnect('b', a.address, inA.port, { send: 'in' })).toMatchObject({ status: 'connected', reply: 'in' });

    // The reject variant fails fast instead, and composes with blockInbound (separate tables).
    await topology.allowOnlyOutboundTo('a', c.address, proxy.port, { reject: true });
    await topology.blockInbound('a');
    expect(await topology.tcpConnect('a', b.address, inB.port, { timeoutMs: BLOCKED_MS })).toMatchObject({ status: 'refused' });
    expect(await topology.tcpConnect('b', a.address, inA.port, { timeoutMs: BLOCKED_MS })).toMatchObject({ status: 'timeout' });
    expect(await topology.tcpConnect('a', c.address, proxy.port)).toMatchObject({ status: 'connected' });
  });

  it('destroy kills processes and leaves no namespace or link behind, and may be called again', async () => {
    const linksBefore = hostLinks();
    const t = await createTopology({ sites: ['a', 'b'] });
    topology = t as Topology<'a' | 'b' | 'c'>;
    const server = await t.startTcpServer('a', 7000);
    // A grandchild the harness never saw: destroy must find it through the namespace itself.
    const parent = t.spawn('a', process.execPath, [
      '-e',
      `const c = require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore', detached: true });
       console.log(c.pid); c.unref();`,
    ]);
    const grandchild = await new Promise<number>((resolve) => parent.stdout!.once('data', (d) => resolve(Number(String(d).trim()))));
    expect(processAlive(grandchild)).toBe(true);
    expect(namespaces().filter((ns) => ns.startsWith(`${t.id}-`))).toHaveLength(3);
    expect(hostLinks()).toEqual(linksBefore);

    await t.destroy();
    await t.destroy();
    expect(namespaces().filter((ns) => ns.startsWith(`${t.id}-`))).toEqual([]);
    expect(hostLinks()).toEqual(linksBefore);
    expect(server.child.exitCode !== null || server.child.signalCode !== null).toBe(true);
    await waitFor(() => !processAlive(grandchild), 2_000);
    await expect(t.exec('a', 'true')).rejects.toThrow(/destroyed/);
  });

  it('an error thrown inside withTopology still cleans up', async () => {
    let id = '';
    let pid = 0;
    await expect(
      withTopology({ sites: ['x', 'y'] }, async (t) => {
        id = t.id;
        pid = (await t.startTcpServer('y', 7000)).child.pid!;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(id).not.toBe('');
    expect(namespaces().filter((ns) => ns.startsWith(`${id}-`))).toEqual([]);
    await waitFor(() => !processAlive(pid), 2_000);
  });

  it('the sweep removes namespaces of dead harness processes only', async () => {
    // A pid that just exited stands for a crashed run, our parent (alive) for a concurrent one. Our own
    // pid counts as dead for names we did not create (pids restart in containers).
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = `etx-${deadPid}-1-sw`;
    const reusedPid = `etx-${process.pid}-900002-3`;
    const concurrent = `etx-${process.ppid}-1-sw`;
    const foreign = `etxother-${process.pid}-sweep`;
    const created = [stale, reusedPid, concurrent, foreign];
    try {
      for (const ns of created) execFileSync('ip', ['netns', 'add', ns]);
      const swept = sweepStaleNamespaces();
      // `stale` may have been swept by a concurrent run instead (rightly so); only we may sweep `reusedPid`.
      expect(swept).toContain(reusedPid);
      expect(swept).not.toContain(concurrent);
      expect(namespaces()).not.toContain(stale);
      expect(namespaces()).not.toContain(reusedPid);
      expect(namespaces()).toEqual(expect.arrayContaining([concurrent, foreign]));
    } finally {
      for (const ns of created) spawnSync('ip', ['netns', 'delete', ns], { stdio: 'ignore' });
    }
  });

  it('the reaper deletes announced namespaces, and kills what runs in them, when our end of its pipe closes', async () => {
    // Closing its stdin by hand is what the kernel does when the test process dies, however it dies.
    const ours = `etx-${process.pid}-900001-sw`;
    const foreign = `etxother-${process.pid}-reaper`;
    const created = [ours, foreign];
    let inhabitant: ChildProcess | undefined;
    try {
      for (const ns of created) execFileSync('ip', ['netns', 'add', ns]);
      inhabitant = spawn('ip', ['netns', 'exec', ours, process.execPath, '-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      await waitFor(() => execFileSync('ip', ['netns', 'pids', ours], { encoding: 'utf8' }).includes(String(inhabitant!.pid)), 5_000);
      const reaper = startReaper();
      reaper.announce(ours);
      reaper.announce(foreign); // not a harness name: refused
      reaper.announce('etx-1-1-sw');
      reaper.withdraw('etx-1-1-sw');
      const exited = new Promise((r) => reaper.child.once('exit', r));
      reaper.child.stdin!.end();
      expect(await exited).toBe(0);
      expect(namespaces()).not.toContain(ours);
      expect(namespaces()).toContain(foreign);
      await waitFor(() => inhabitant!.exitCode !== null || inhabitant!.signalCode !== null, 2_000);
      expect(inhabitant.signalCode).toBe('SIGKILL');
    } finally {
      inhabitant?.kill('SIGKILL');
      for (const ns of created) spawnSync('ip', ['netns', 'delete', ns], { stdio: 'ignore' });
    }
  });
});
