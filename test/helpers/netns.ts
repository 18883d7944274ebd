/**
 * Real network namespaces for end-to-end firewall tests (DESIGN.md section 5: no-inbound servers, relays,
 * HTTP proxies). A topology is a private switch: one namespace holding a Linux bridge, and one namespace
 * per site with a veth whose other end is a bridge port, all on 10.213.0.0/24. Both ends of every veth
 * are created directly inside our namespaces, so the host's own namespace gains nothing but the
 * /run/netns entries `ip netns add` needs, and its interfaces, routes and firewall are never touched.
 * Because each topology is its own isolated L2 segment, addresses and ports never collide between
 * topologies, test files or concurrent runs: every site may listen on a fixed port.
 *
 * Cleanup is layered, because a leaked namespace outlives the test run:
 * - `destroy()` (idempotent) kills what was started in the topology and deletes its namespaces;
 *   `withTopology()` calls it in `finally`, so a failed assertion or thrown error cleans up too;
 * - while any topology is live, an `exit` hook and SIGINT/SIGTERM/SIGHUP handlers destroy them
 *   synchronously (a worker calling process.exit, a signal to the test process itself);
 * - a reaper process, told each namespace name before it is created, deletes what is left when our
 *   end of its stdin closes: that happens even when we are SIGKILLed, which is how vitest 5 stops its
 *   workers on Ctrl+C (its watchdog SIGKILLs them; no hook of ours runs);
 * - processes are started under `setpriv --pdeathsig KILL`, so they die with the test process even if
 *   the reaper is gone too;
 * - names carry the creating pid (`etx-<pid>-<n>-<role>`), and every probe first sweeps namespaces whose
 *   pid is dead: what survived all of the above (reaper killed, power loss) goes at the next run.
 */
import { type ChildProcess, execFileSync, type SpawnOptions, spawn as spawnProcess } from 'node:child_process';
import { accessSync, constants as fsConstants, readdirSync, readFileSync } from 'node:fs';
import { isIPv4 } from 'node:net';
import path from 'node:path';

/** What `exec` returns: a failing command is a result, not an exception (tests assert on it). */
export interface ExecResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True if the harness killed it at `timeoutMs`. */
  timedOut: boolean;
}

export interface ExecOptions {
  /** Killed (SIGKILL) after this long; default 15 s so a hung command cannot hang the suite. */
  timeoutMs?: number;
  /** Written to stdin, which is then closed. */
  input?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export interface Site {
  name: string;
  /** The namespace, for `ip netns exec` by hand while debugging. */
  ns: string;
  /** The site's IPv4 address on the topology's /24. */
  address: string;
}

export interface TopologySpec<S extends string> {
  /** Site names: letters, digits, `_` and `-`; each becomes a namespace with one address. */
  sites: readonly S[];
}

export interface BlockInboundOptions {
  /** TCP ports that still accept new connections (a server's control port, say). */
  allowPorts?: number[];
  /**
   * TCP ports that accept new connections only from these IPv4 addresses, and are blocked like the
   * rest for everyone else: `[{ port: 4004, from: [client.address] }]` opens a control port to the
   * client's site alone. A port in both lists is open to all (allowPorts wins).
   */
  allowFrom?: Array<{ port: number; from: readonly string[] }>;
  /** Answer with a TCP reset (connection refused) instead of dropping silently (connect times out), as most real firewalls do. */
  reject?: boolean;
}

export interface OutboundOptions {
  /** Reject (reset / ICMP) other outbound packets instead of dropping them (a local connect then fails at once instead of timing out). */
  reject?: boolean;
}

/** Outcome of a TCP connection attempt from inside a site, classified for assertions. */
export type TcpOutcome =
  | { status: 'connected'; reply: string; ms: number }
  | { status: 'refused' | 'timeout' | 'unreachable' | 'error'; code: string; ms: number };

export interface TcpServer {
  child: ChildProcess;
  port: number;
}

export interface Topology<S extends string = string> {
  /** `etx-<pid>-<n>`: the prefix of every namespace of this topology. */
  id: string;
  sites: Record<S, Site>;
  /** The namespace holding the bridge. */
  switchNs: string;
  /** Runs a command inside the site's namespace to completion. */
  exec(site: S, cmd: string, args?: readonly string[], opts?: ExecOptions): Promise<ExecResult>;
  /**
   * Starts a long-running command inside the site's namespace; it is killed at `destroy()`. stdout and
   * stderr are pipes unless `opts.stdio` says otherwise: read them (or pass 'ignore'), because a
   * chatty process stalls once 64 KiB sit unread in a pipe.
   */
  spawn(site: S, cmd: string, args?: readonly string[], opts?: SpawnOptions): ChildProcess;
  /** Drops (or rejects) new inbound TCP connections to the site; replaces an earlier blockInbound. */
  blockInbound(site: S, opts?: BlockInboundOptions): Promise<void>;
  /** The site can open connections only to `address:port` (its proxy); replies to inbound connections still flow. */
  allowOnlyOutboundTo(site: S, address: string, port: number, opts?: OutboundOptions): Promise<void>;
  /** Removes every rule this harness installed in the site. */
  clearFirewall(site: S): Promise<void>;
  /** The site's nftables ruleset as text, for failure messages. */
  ruleset(site: S): Promise<string>;
  /** Tries a TCP connection from `site`; with `send`, writes it and waits for the first reply bytes. */
  tcpConnect(site: S, host: string, port: number, opts?: { timeoutMs?: number; send?: string }): Promise<TcpOutcome>;
  /** An echo server on `port` (0: any) inside the site, resolved once it listens. */
  startTcpServer(site: S, port?: number): Promise<TcpServer>;
  /** Kills every process started here and deletes the namespaces; safe to call again. */
  destroy(): Promise<void>;
}

const SUBNET = '10.213.0';
/** Every name this harness creates, and the only ones the sweep may delete. */
const NAME_PATTERN = /^etx-(\d+)-(\d+)-(sw|\d+)$/;
const SITE_NAME = /^[A-Za-z0-9_-]{1,32}$/;
/** The nftables tables owned by the harness, one per concern so that blockInbound and allowOnlyOutboundTo compose. */
const INBOUND_TABLE = 'etx_inbound';
const OUTBOUND_TABLE = 'etx_outbound';

let counter = 0;
const live = new Set<TopologyImpl>();

/**
 * A command's absolute path. `ip` and `nft` live in /usr/sbin, which is not on every CI runner's PATH
 * for non-login shells; looking there too avoids a spurious "not available".
 */
function findCommand(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/sbin', '/usr/bin', '/bin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, fsConstants.X_OK);
      return candidate;
    } catch {}
  }
  return undefined;
}

interface Tools {
  ip: string;
  nft: string;
  /** util-linux's setpriv (Essential in Debian); without it processes merely lack the die-with-parent guard. */
  setpriv: string | undefined;
}
let tools: Tools | undefined;

function requireTools(): Tools {
  if (tools) return tools;
  const ip = findCommand('ip');
  const nft = findCommand('nft');
  if (!ip) throw new Error('`ip` (Debian package iproute2) is not installed');
  if (!nft) throw new Error('`nft` (Debian package nftables) is not installed');
  tools = { ip, nft, setpriv: findCommand('setpriv') };
  return tools;
}

/** Runs a command to completion, never rejecting for a non-zero exit (only if it cannot start). */
function run(cmd: string, args: readonly string[], opts: ExecOptions = {}, track?: (child: ChildProcess) => void): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawnProcess(cmd, args, {
      stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      env: opts.env ?? process.env,
      cwd: opts.cwd,
    });
    track?.(child);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 15_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
    if (opts.input !== undefined) child.stdin!.end(opts.input);
  });
}

/** Runs a setup command that must succeed; the error names the command and its stderr. */
async function must(cmd: string, args: readonly string[], input?: string): Promise<string> {
  const result = await run(cmd, args, { timeoutMs: 10_000, input });
  if (result.code !== 0) {
    throw new Error(`${path.basename(cmd)} ${args.join(' ')} failed (${result.code ?? result.signal}): ${result.stderr.trim()}`);
  }
  return result.stdout;
}

/**
 * The named namespaces: the entries of /run/netns, which is all `ip netns list` reads too, except that
 * it also asks the kernel for ids and prints "Peer netns reference is invalid" when a concurrent run
 * deletes one meanwhile.
 */
function listNamespaces(): string[] {
  try {
    return readdirSync('/run/netns');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/**
 * Kills whatever still runs inside a namespace (grandchildren the harness never saw, or survivors of a
 * crashed run), then deletes it. Synchronous so that exit and signal hooks can use it; a few ms each.
 */
function deleteNamespaceSync(ip: string, ns: string): void {
  try {
    const pids = execFileSync(ip, ['netns', 'pids', ns], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    for (const pid of pids.split('\n').filter(Boolean)) {
      try {
        process.kill(Number(pid), 'SIGKILL');
      } catch {}
    }
  } catch {}
  try {
    execFileSync(ip, ['netns', 'delete', ns], { stdio: 'ignore' });
  } catch {}
}

/**
 * Whether a process runs. A zombie counts as dead: an orphan is reaped only when PID 1 gets to it, and
 * in CI containers PID 1 is often a supervisor that reaps late (seen here: ~2 s) or never.
 */
export function processAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The state follows the command name, which is in parentheses and may itself contain ") ".
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/**
 * Deletes namespaces left by a harness process that no longer exists (SIGKILLed worker, power loss).
 * Only names matching this harness's pattern are considered; a live pid's namespaces belong to a
 * concurrent test file or run and are left alone. Our own pid counts as dead for names we did not
 * create: in a container, pids restart from 1, so a crashed earlier run may have had our pid.
 * Returns the names deleted.
 */
let sweptOnce = false;
export function sweepStaleNamespaces(): string[] {
  sweptOnce = true;
  const { ip } = requireTools();
  const ours = new Set([...live].flatMap((t) => t.namespaces()));
  const swept: string[] = [];
  for (const ns of listNamespaces()) {
    const match = NAME_PATTERN.exec(ns);
    if (!match || ours.has(ns)) continue;
    const pid = Number(match[1]);
    if (pid !== process.pid && processAlive(pid)) continue;
    deleteNamespaceSync(ip, ns);
    swept.push(ns);
  }
  return swept;
}

/**
 * The reaper: a small process that outlives us. Every namespace is announced to it ("+name") before it
 * is created and withdrawn ("-name") once deleted; when its stdin reaches end of file, which the kernel
 * causes whenever we die (even by SIGKILL, where no hook of ours runs), it deletes what is still
 * announced, killing what runs inside first. This is what cleans up after an interrupted vitest: on
 * SIGINT vitest 5's main process exits at once and its "vitest-watchdog" SIGKILLs the workers.
 * It ignores SIGINT/SIGTERM/SIGHUP, which Ctrl+C or a CI runner send to the whole process group, so
 * that it is still there to clean up when the worker dies.
 */
const REAPER_JS = `
const { execFileSync } = require('node:child_process');
const ip = process.argv[1];
const pattern = new RegExp(process.argv[2]);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => {});
const names = new Set();
let pending = '';
const reap = () => {
  for (const ns of names) {
    try {
      const pids = execFileSync(ip, ['netns', 'pids', ns], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      for (const pid of pids.split('\\n').filter(Boolean)) try { process.kill(Number(pid), 'SIGKILL'); } catch {}
    } catch {}
    try { execFileSync(ip, ['netns', 'delete', ns], { stdio: 'ignore' }); } catch {}
  }
  process.exit(0);
};
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  pending += chunk;
  const lines = pending.split('\\n');
  pending = lines.pop();
  for (const line of lines) {
    const ns = line.slice(1);
    if (!pattern.test(ns)) continue;
    if (line[0] === '+') names.add(ns);
    else if (line[0] === '-') names.delete(ns);
  }
});
process.stdin.on('end', reap);
process.stdin.on('error', reap);
`;

export interface Reaper {
  child: ChildProcess;
  announce(ns: string): void;
  withdraw(ns: string): void;
}

/** Starts a reaper (exported for its test; the harness keeps one per process). */
export function startReaper(): Reaper {
  const child = spawnProcess(process.execPath, ['-e', REAPER_JS, requireTools().ip, NAME_PATTERN.source], {
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  // Neither the process nor the pipe may keep our event loop (the vitest worker) alive.
  child.unref();
  const stdin = child.stdin as (NodeJS.WritableStream & { unref?: () => void }) | null;
  stdin?.unref?.();
  // A reaper that died (killed by hand) must not crash us with EPIPE; the sweep is the fallback then.
  child.stdin!.on('error', () => {});
  const send = (line: string): void => {
    if (child.exitCode === null && child.signalCode === null && child.stdin!.writable) child.stdin!.write(`${line}\n`);
  };
  return { child, announce: (ns) => send(`+${ns}`), withdraw: (ns) => send(`-${ns}`) };
}

let reaper: Reaper | undefined;
function theReaper(): Reaper {
  if (!reaper || reaper.child.exitCode !== null || reaper.child.signalCode !== null) reaper = startReaper();
  return reaper;
}

function destroyAllSync(): void {
  for (const topology of [...live]) topology.destroySync();
}

const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
function onSignal(signal: NodeJS.Signals): void {
  destroyAllSync();
  uninstallHooks();
  // Our listener replaced the default action (terminate); if nobody else handles the signal, let it
  // terminate the process as it would have without us.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}
let hooksInstalled = false;
/** Hooks exist only while a topology is live, so that importing the harness changes nothing. */
function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', destroyAllSync);
  for (const signal of signals) process.on(signal, onSignal);
}
function uninstallHooks(): void {
  if (!hooksInstalled) return;
  hooksInstalled = false;
  process.off('exit', destroyAllSync);
  for (const signal of signals) process.off(signal, onSignal);
}

/** `node -e` programs run inside sites; data reaches them as argv, never spliced into code. */
const TCP_CONNECT_JS = `
const net = require('node:net');
const [host, port, timeoutMs, send] = process.argv.slice(1);
const start = Date.now();
const done = (o) => { process.stdout.write(JSON.stringify({ ...o, ms: Date.now() - start })); process.exit(0); };
const socket = net.connect({ host, port: Number(port) });
const timer = setTimeout(() => done({ status: 'timeout', code: 'ETIMEDOUT' }), Number(timeoutMs));
socket.on('connect', () => {
  if (!send) return done({ status: 'connected', reply: '' });
  socket.write(send);
  socket.once('data', (d) => done({ status: 'connected', reply: d.toString() }));
  socket.once('end', () => done({ status: 'connected', reply: '' }));
});
socket.on('error', (e) => {
  clearTimeout(timer);
  const status = e.code === 'ECONNREFUSED' ? 'refused' : ['EHOSTUNREACH', 'ENETUNREACH'].includes(e.code) ? 'unreachable' : e.code === 'ETIMEDOUT' ? 'timeout' : 'error';
  done({ status, code: e.code || String(e) });
});
`;

const ECHO_SERVER_JS = `
const net = require('node:net');
const server = net.createServer((s) => { s.on('error', () => {}); s.pipe(s); });
server.listen(Number(process.argv[1]), '0.0.0.0', () => console.log('listening ' + server.address().port));
`;

function inboundRuleset(opts: BlockInboundOptions): string {
  const ports = (opts.allowPorts ?? []).map(checkPort);
  const fromRules = (opts.allowFrom ?? []).map(({ port, from }) => {
    // Validated because they become nftables source text.
    for (const address of from) if (!isIPv4(address)) throw new Error(`not an IPv4 address: ${address}`);
    if (from.length === 0) throw new Error(`allowFrom port ${port}: no address`);
    return `    ip saddr { ${from.join(', ')} } tcp dport ${checkPort(port)} accept`;
  });
  const verdict = opts.reject ? 'reject with tcp reset' : 'drop';
  return [
    `table inet ${INBOUND_TABLE} {`,
    '  chain input {',
    '    type filter hook input priority filter; policy accept;',
    // The site's own loopback (a server talking to itself) and replies to its outbound connections stay open.
    '    iifname "lo" accept',
    '    ct state established,related accept',
    ...(ports.length ? [`    tcp dport { ${ports.join(', ')} } accept`] : []),
    ...fromRules,
    // Only TCP, which is what the tests are about: ICMP still passes, and ARP is not in the inet family at all.
    `    meta l4proto tcp ${verdict}`,
    '  }',
    '}',
  ].join('\n');
}

function outboundRuleset(address: string, port: number, opts: OutboundOptions): string {
  return [
    `table inet ${OUTBOUND_TABLE} {`,
    '  chain output {',
    '    type filter hook output priority filter; policy accept;',
    '    oifname "lo" accept',
    // Replies on connections others opened to this site are outbound packets too.
    '    ct state established,related accept',
    `    ip daddr ${address} tcp dport ${port} accept`,
    // ARP (needed to reach the proxy) is not in the inet family, so this cannot cut the link layer.
    opts.reject ? '    meta l4proto tcp reject with tcp reset\n    reject' : '    drop',
    '  }',
    '}',
  ].join('\n');
}

/** Replaces one harness table atomically: `add` makes the `delete` valid even the first time, all in one transaction. */
function replaceTable(table: string, body: string): string {
  return `add table inet ${table}\ndelete table inet ${table}\n${body}\n`;
}

function checkPort(port: number): number {
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`bad port ${port}`);
  return port;
}

class TopologyImpl<S extends string = string> implements Topology<S> {
  readonly id: string;
  readonly switchNs: string;
  readonly sites: Record<S, Site>;
  private readonly children = new Set<ChildProcess>();
  private destroying: Promise<void> | undefined;
  private readonly tools: Tools;

  constructor(names: readonly S[]) {
    this.tools = requireTools();
    this.id = `etx-${process.pid}-${++counter}`;
    this.switchNs = `${this.id}-sw`;
    const sites = {} as Record<S, Site>;
    names.forEach((name, i) => {
      sites[name] = { name, ns: `${this.id}-${i}`, address: `${SUBNET}.${i + 1}` };
    });
    this.sites = sites;
  }

  namespaces(): string[] {
    return [...Object.values<Site>(this.sites).map((s) => s.ns), this.switchNs];
  }

  async build(): Promise<void> {
    const { ip } = this.tools;
    theReaper().announce(this.switchNs);
    await must(ip, ['netns', 'add', this.switchNs]);
    // In the switch only: STP off and no forwarding delay, so ports forward the moment they are up.
    await must(ip, ['-n', this.switchNs, 'link', 'add', 'br0', 'type', 'bridge', 'stp_state', '0', 'forward_delay', '0']);
    await must(ip, ['-n', this.switchNs, 'link', 'set', 'br0', 'up']);
    const sites = Object.values<Site>(this.sites);
    await Promise.all(
      sites.map(async (site, i) => {
        const port = `p${i}`;
        theReaper().announce(site.ns);
        await must(ip, ['netns', 'add', site.ns]);
        // `-batch -` runs several commands in one `ip` process; `peer ... netns` creates the bridge end
        // directly in the switch namespace, so no interface ever appears in the host's namespace.
        await must(
          ip,
          ['-n', site.ns, '-batch', '-'],
          [
            'link set lo up',
            `link add eth0 type veth peer name ${port} netns ${this.switchNs}`,
            `addr add ${site.address}/24 dev eth0`,
            'link set eth0 up',
          ].join('\n'),
        );
        await must(ip, ['-n', this.switchNs, '-batch', '-'], `link set ${port} master br0\nlink set ${port} up\n`);
      }),
    );
    // Carrier comes up asynchronously after both veth ends are up; poll (with a deadline) instead of
    // letting the first test connection race it.
    const deadline = Date.now() + 5_000;
    for (const site of sites) {
      while (!(await must(ip, ['-n', site.ns, '-o', 'link', 'show', 'eth0'])).includes('LOWER_UP')) {
        if (Date.now() > deadline) throw new Error(`${site.name}: eth0 has no carrier after 5 s`);
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  }

  private site(name: S): Site {
    const site = this.sites[name];
    if (!site) throw new Error(`no site ${String(name)} in ${this.id}`);
    if (this.destroying) throw new Error(`topology ${this.id} is destroyed`);
    return site;
  }

  /** `ip netns exec NS [setpriv --pdeathsig KILL --] cmd args`: both exec in place, so the pid is the command's own. */
  private wrap(site: S, cmd: string, args: readonly string[]): string[] {
    const guard = this.tools.setpriv ? [this.tools.setpriv, '--pdeathsig', 'KILL', '--'] : [];
    return ['netns', 'exec', this.site(site).ns, ...guard, cmd, ...args];
  }

  private track = (child: ChildProcess): void => {
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
  };

  async exec(site: S, cmd: string, args: readonly string[] = [], opts: ExecOptions = {}): Promise<ExecResult> {
    return run(this.tools.ip, this.wrap(site, cmd, args), opts, this.track);
  }

  spawn(site: S, cmd: string, args: readonly string[] = [], opts: SpawnOptions = {}): ChildProcess {
    const child = spawnProcess(this.tools.ip, this.wrap(site, cmd, args), { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    this.track(child);
    return child;
  }

  private async nft(site: S, script: string): Promise<void> {
    const { ip, nft } = this.tools;
    await must(ip, ['netns', 'exec', this.site(site).ns, nft, '-f', '-'], script);
  }

  async blockInbound(site: S, opts: BlockInboundOptions = {}): Promise<void> {
    return this.nft(site, replaceTable(INBOUND_TABLE, inboundRuleset(opts)));
  }

  allowOnlyOutboundTo(site: S, address: string, port: number, opts: OutboundOptions = {}): Promise<void> {
    // Validated because it becomes nftables source text.
    if (!isIPv4(address)) throw new Error(`not an IPv4 address: ${address}`);
    return this.nft(site, replaceTable(OUTBOUND_TABLE, outboundRuleset(address, checkPort(port), opts)));
  }

  clearFirewall(site: S): Promise<void> {
    return this.nft(site, [INBOUND_TABLE, OUTBOUND_TABLE].map((t) => `add table inet ${t}\ndelete table inet ${t}\n`).join(''));
  }

  ruleset(site: S): Promise<string> {
    const { ip, nft } = this.tools;
    return must(ip, ['netns', 'exec', this.site(site).ns, nft, 'list', 'ruleset']);
  }

  async tcpConnect(site: S, host: string, port: number, opts: { timeoutMs?: number; send?: string } = {}): Promise<TcpOutcome> {
    const timeoutMs = opts.timeoutMs ?? 2_000;
    const args = ['-e', TCP_CONNECT_JS, host, String(port), String(timeoutMs), ...(opts.send ? [opts.send] : [])];
    const result = await this.exec(site, process.execPath, args, { timeoutMs: timeoutMs + 10_000 });
    try {
      return JSON.parse(result.stdout) as TcpOutcome;
    } catch {
      throw new Error(`tcpConnect from ${String(site)} printed no outcome (${result.code ?? result.signal}): ${result.stderr}`);
    }
  }

  startTcpServer(site: S, port = 0): Promise<TcpServer> {
    const child = this.spawn(site, process.execPath, ['-e', ECHO_SERVER_JS, String(port)]);
    return new Promise((resolve, reject) => {
      let out = '';
      let err = '';
      const timer = setTimeout(() => fail(new Error(`echo server in ${String(site)} not listening after 10 s: ${err}`)), 10_000);
      const fail = (e: Error): void => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(e);
      };
      child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
      child.stdout!.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        const match = /listening (\d+)/.exec(out);
        if (!match) return;
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]) });
      });
      child.once('exit', (code) => fail(new Error(`echo server in ${String(site)} exited (${code}): ${err}`)));
    });
  }

  destroy(): Promise<void> {
    this.destroying ??= this.teardown();
    return this.destroying;
  }

  private async teardown(): Promise<void> {
    // SIGTERM first so that servers may flush; whatever still runs after a short grace is killed.
    const running = [...this.children].filter((c) => c.exitCode === null && c.signalCode === null);
    const exited = running.map(
      (c) => new Promise<void>((r) => (c.exitCode !== null || c.signalCode !== null ? r() : c.once('exit', () => r()))),
    );
    for (const child of running) child.kill('SIGTERM');
    const graceful = await Promise.race([
      Promise.all(exited).then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), 1_000).unref()),
    ]);
    if (!graceful) {
      for (const child of running) child.kill('SIGKILL');
      await Promise.race([Promise.all(exited), new Promise((r) => setTimeout(r, 2_000).unref())]);
    }
    this.destroySync();
  }

  /** Kills everything and deletes every namespace; synchronous for exit and signal hooks. */
  destroySync(): void {
    this.destroying ??= Promise.resolve();
    for (const child of this.children) child.kill('SIGKILL');
    // Sites first: deleting a site's namespace removes its veth and with it the bridge port.
    for (const ns of this.namespaces()) {
      deleteNamespaceSync(this.tools.ip, ns);
      reaper?.withdraw(ns);
    }
    live.delete(this as TopologyImpl);
    if (live.size === 0) uninstallHooks();
  }
}

/**
 * Builds the namespaces of `spec`. On a failure part way, what was built is deleted before the error
 * propagates. Call `destroy()` when done (or use `withTopology`).
 */
export async function createTopology<const S extends string>(spec: TopologySpec<S>): Promise<Topology<S>> {
  const names = spec.sites;
  if (names.length === 0 || names.length > 250) throw new Error('a topology has 1 to 250 sites');
  for (const name of names) if (!SITE_NAME.test(name)) throw new Error(`bad site name: ${name}`);
  if (new Set(names).size !== names.length) throw new Error('site names must be unique');
  // Normally done by probeNetns already; repeated here (once) for callers that build without probing.
  if (!sweptOnce) {
    sweptOnce = true;
    sweepStaleNamespaces();
  }
  const topology = new TopologyImpl<S>(names);
  // Registered before the first namespace exists, so that a signal during the build cleans up too.
  live.add(topology as TopologyImpl);
  installHooks();
  try {
    await topology.build();
  } catch (err) {
    await topology.destroy();
    throw err;
  }
  return topology;
}

/** Runs `fn` with a fresh topology and destroys it afterwards, however `fn` ends. */
export async function withTopology<const S extends string, T>(
  spec: TopologySpec<S>,
  fn: (topology: Topology<S>) => Promise<T>,
): Promise<T> {
  const topology = await createTopology(spec);
  try {
    return await fn(topology);
  } finally {
    await topology.destroy();
  }
}

export type NetnsProbe = { ok: true } | { ok: false; reason: string };
let probe: Promise<NetnsProbe> | undefined;

/**
 * Whether real namespaces work here: Linux, root, `ip` and `nft` installed, and a one-site topology with
 * both kinds of firewall rules can be built (which proves the kernel has veth, bridge, nf_tables and
 * conntrack, and that we may mount /run/netns: an unprivileged container cannot). Sweeps stale
 * namespaces first. Cached: the answer cannot change during a run.
 */
export function probeNetns(): Promise<NetnsProbe> {
  probe ??= (async (): Promise<NetnsProbe> => {
    if (process.platform !== 'linux') return { ok: false, reason: `network namespaces need Linux, not ${process.platform}` };
    if (process.getuid?.() !== 0) return { ok: false, reason: 'network namespaces need root' };
    try {
      requireTools();
      sweepStaleNamespaces();
      await withTopology({ sites: ['probe'] }, async (t) => {
        await t.blockInbound('probe', { allowPorts: [1], reject: true });
        await t.allowOnlyOutboundTo('probe', t.sites.probe.address, 1, { reject: true });
      });
      return { ok: true };
    } catch (err) {
      return { ok: false, reason: (err as Error).message };
    }
  })();
  return probe;
}

export async function netnsAvailable(): Promise<boolean> {
  return (await probeNetns()).ok;
}

/**
 * For `describe.skipIf(await skipNetns())`: skip where namespaces are unavailable, except in CI
 * (CI=true), where the suite runs and `requireNetns` (in beforeAll) fails it with the reason, so that a
 * CI image that lost root, `nft` or a kernel feature cannot silently skip the firewall tests.
 */
export async function skipNetns(): Promise<boolean> {
  return !(await netnsAvailable()) && process.env.CI !== 'true';
}

export async function requireNetns(): Promise<void> {
  const result = await probeNetns();
  if (!result.ok) throw new Error(`network namespace tests cannot run: ${result.reason}`);
}
