/**
 * `npm run bench`: etransfer third-party copies on loopback, each scenario beside baselines
 * measured in the same run, as ratios.
 *
 *   mem1 mem4 mem8 mem16  /dev/zero:SIZE-MEM -> /dev/null, -p 1/4/8/16
 *                         vs the raw Node TCP pipe (bench/raw-pipe.mjs), same streams and bytes,
 *                         and iperf3 (loopback, -P N -n SIZE) when it is installed (never installed)
 *   disk4                 a SIZE-DISK file -> another folder (--overwrite, fsync'd), -p 4
 *                         vs the raw pipe writing to a file (fsync'd), cp, local rsync, scp and
 *                         rsync -e ssh to the bench's own sshd; each baseline followed by
 *                         `sync FILE` (coreutils: fsync of that file) inside the timed span;
 *                         before each run (each tool alike) an untimed page-cache warm-up
 *                         (see warmPageCache)
 *   wan1 wan4 wan8 wan16  /dev/zero:(N x SIZE-WAN) -> /dev/null, -p N, through the delay line
 *                         (bench/wan-emulator.mjs, W = 256 KiB in flight per connection and
 *                         direction, D = 20 ms: one connection ≈ 13 MB/s) in front of the data
 *                         port of server W (data on 127.0.0.2:P, advertised as 127.0.0.3, where the
 *                         emulator listens on P): A pushes to W through it; vs scp of a
 *                         SIZE-WAN-SCP file through the same emulator placed in front of sshd, and
 *                         (wan4..16) vs wan1
 *   small                 N files of 4 KiB -> an empty folder on server B, -p 4, every file a
 *                         source argument of one command (split only if ARG_MAX requires)
 *                         vs `rsync -a` (local folder to folder) and `scp -r` through sshd, each
 *                         followed by `sync -f` (syncfs) inside the timed span; before every run
 *                         (each tool alike) an untimed `cp -a` of the same files warms the file
 *                         system (see runSmallScenario)
 *
 * Servers are started afresh for each scenario and warmed up by one untimed copy. For every
 * etransfer run: each server's CPU seconds (/proc/PID/stat) and peak RSS (VmHWM, reset before the
 * run through /proc/PID/clear_refs where the kernel allows, else the peak since the scenario's
 * servers started: the output says which).
 *
 * Tools: rsync and openssh-server are installed with apt-get when missing and running as root
 * (else those baselines are skipped, with the reason in the table); iperf3 never is. sshd is the
 * bench's own (bench/sshd.mjs): loopback port, throwaway keys in the scratch folder, torn down at
 * the end, like the servers, the emulator and the scratch folder (also on failure and on SIGINT).
 *
 * Flags: --only NAME[,NAME]  --repeat N  --size-mem 2GiB  --size-disk 2GiB  --size-wan 128MiB
 *        (per stream)  --size-wan-scp 256MiB  --wan-window 256KiB  --wan-delay-ms 20
 *        --small-files 10000  --small-size 4KiB  --json FILE (default bench/results/latest.json)
 *
 * The etransfer time is the copy's own timer (its summary line): from connecting to the servers
 * to the last file published, Node's start-up left out (the JSON also has the wall clock); the pipe
 * time runs from the sender starting to connect until the receiver has every byte (and, for the
 * file, has fsync'd it); cp, rsync, scp and iperf3 are timed by the wall clock of their processes
 * (plus the sync after them), start-up and ssh handshake included.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  freePortOnHosts,
  freePorts,
  killAllChildren,
  readCpuSeconds,
  readMemory,
  resetPeakRss,
  runCommand,
  startChild,
  stopChild,
  tail,
  waitForEvent,
  waitForPort,
  waitWithTimeout,
} from './proc.mjs';

// The project's own size parsing and formatting (npm run bench builds dist/ first).
import { formatBytes as formatSize, parseSize } from '../dist/common/units.js';
import { formatHashes, measureHashes } from './hashes.mjs';
import { startSshd } from './sshd.mjs';
import { ensureTool, toolVersion, which } from './tools.mjs';

/** MB/s with MB = 10^6 bytes. */
const mbPerSecond = (bytes, seconds) => bytes / 1e6 / seconds;
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH_DIR);
const CLI = path.join(ROOT, 'bin', 'etransfer');
const RAW_PIPE = path.join(BENCH_DIR, 'raw-pipe.mjs');
const WAN_EMULATOR = path.join(BENCH_DIR, 'wan-emulator.mjs');
const NODE = process.execPath;

const BLOCK = 16 * 1024 * 1024;
const VERIFY_WINDOW = 64 * 1024;
/** A run slower than this (plus a fixed allowance) is killed and counted as failed. */
const FLOOR_BYTES_PER_SECOND = 20e6;
/** Through the delay line: a floor per stream well under its ≈ 13 MB/s cap. */
const WAN_FLOOR_BYTES_PER_SECOND_PER_STREAM = 4e6;
const FIXED_ALLOWANCE_MS = 30_000;
/** The issue's RSS target, per server, with 16 streams. */
const RSS_TARGET_MIB = 200;

/** Loopback addresses of the long-fat-link set-up: server W binds DATA_HOST, peers dial ADVERTISED_HOST (the emulator). */
const WAN_DATA_HOST = '127.0.0.2';
const WAN_ADVERTISED_HOST = '127.0.0.3';

const SCENARIOS = {
  mem1: { kind: 'mem', streams: 1, title: 'mem→mem /dev/zero→/dev/null -p 1' },
  mem4: { kind: 'mem', streams: 4, title: 'mem→mem /dev/zero→/dev/null -p 4' },
  mem8: { kind: 'mem', streams: 8, title: 'mem→mem /dev/zero→/dev/null -p 8' },
  mem16: { kind: 'mem', streams: 16, title: 'mem→mem /dev/zero→/dev/null -p 16' },
  disk4: { kind: 'disk', streams: 4, title: 'disk→disk file, fsync, -p 4' },
  wan1: { kind: 'wan', streams: 1, title: 'long fat link (delay line) /dev/zero→/dev/null -p 1' },
  wan4: { kind: 'wan', streams: 4, title: 'long fat link (delay line) /dev/zero→/dev/null -p 4' },
  wan8: { kind: 'wan', streams: 8, title: 'long fat link (delay line) /dev/zero→/dev/null -p 8' },
  wan16: { kind: 'wan', streams: 16, title: 'long fat link (delay line) /dev/zero→/dev/null -p 16' },
  small: { kind: 'small', streams: 4, title: 'many small files → empty folder, -p 4' },
  relay4: { kind: 'relay', streams: 4, title: 'mem→mem between two --no-inbound sites through a relay server (--via), -p 4' },
};

// ---------------------------------------------------------------------------------------------
// Arguments

const USAGE = `usage: node bench/run.mjs [--only ${Object.keys(SCENARIOS).join(',')}] [--repeat N]
       [--size-mem 2GiB] [--size-disk 2GiB] [--size-wan 128MiB (per stream)] [--size-wan-scp 256MiB]
       [--wan-window 256KiB] [--wan-delay-ms 20] [--small-files 10000] [--small-size 4KiB] [--json FILE]
`;

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string', multiple: true },
      repeat: { type: 'string', default: '1' },
      'size-mem': { type: 'string', default: '2GiB' },
      'size-disk': { type: 'string', default: '2GiB' },
      'size-wan': { type: 'string', default: '128MiB' },
      'size-wan-scp': { type: 'string', default: '256MiB' },
      'wan-window': { type: 'string', default: '256KiB' },
      'wan-delay-ms': { type: 'string', default: '20' },
      'small-files': { type: 'string', default: '10000' },
      'small-size': { type: 'string', default: '4KiB' },
      json: { type: 'string', default: path.join(BENCH_DIR, 'results', 'latest.json') },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const only = (values.only ?? Object.keys(SCENARIOS)).flatMap((s) => s.split(',')).filter(Boolean);
  for (const name of only) {
    if (!(name in SCENARIOS)) throw new Error(`--only: unknown scenario "${name}" (choose from ${Object.keys(SCENARIOS).join(', ')})`);
  }
  const whole = (flag, min) => {
    const n = Number(values[flag]);
    if (!Number.isSafeInteger(n) || n < min) throw new Error(`--${flag} must be a whole number >= ${min}, not "${values[flag]}"`);
    return n;
  };
  const positiveSize = (flag) => {
    const n = parseSize(values[flag]);
    if (n <= 0) throw new Error(`--${flag} must be more than 0`);
    return n;
  };
  const wanDelayMs = Number(values['wan-delay-ms']);
  if (!(wanDelayMs >= 0)) throw new Error('--wan-delay-ms must be zero or more');
  return {
    only: Object.keys(SCENARIOS).filter((name) => only.includes(name)),
    repeat: whole('repeat', 1),
    sizeMem: positiveSize('size-mem'),
    sizeDisk: positiveSize('size-disk'),
    sizeWan: positiveSize('size-wan'),
    sizeWanScp: positiveSize('size-wan-scp'),
    wanWindow: positiveSize('wan-window'),
    wanDelayMs,
    smallFiles: whole('small-files', 1),
    smallSize: parseSize(values['small-size']),
    json: path.resolve(values.json),
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers

const log = (text) => process.stderr.write(`${text}\n`);
const seconds = (startNs, endNs) => Number(endNs - startNs) / 1e9;
const timeoutFor = (bytes) => FIXED_ALLOWANCE_MS + Math.ceil((bytes / FLOOR_BYTES_PER_SECOND) * 1000);
const wanTimeoutFor = (bytes, streams) =>
  FIXED_ALLOWANCE_MS + Math.ceil((bytes / (WAN_FLOOR_BYTES_PER_SECOND_PER_STREAM * streams)) * 1000);
const smallTimeoutFor = (files) => FIXED_ALLOWANCE_MS + files * 20;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function stats(values) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

function gitInfo() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return { commit, dirty };
  } catch {
    return undefined;
  }
}

/** Flushes whatever earlier runs left dirty (deleted copies, ...), so a timed run starts clean. Not timed. */
function settle() {
  spawnSync('sync', [], { stdio: 'ignore' });
}

/**
 * Untimed, before every disk run (each tool alike): fills `bytes` of page cache in `dir` and
 * deletes it unsynced, so the run's writes get page-cache pages the hypervisor already backs.
 * Measured on this VM: writing 2 GiB into never-used guest pages cost 5.2-5.6 s of kernel time
 * (copy_folio_from_iter_atomic, host faults), into just-freed pages 0.56 s; without this the
 * disk rows swung 2x at random, depending on which tool drew the fresh pages.
 */
function warmPageCache(dir, bytes) {
  const file = path.join(dir, 'page-cache-warm-up');
  const block = Buffer.alloc(BLOCK, 1);
  const fd = fs.openSync(file, 'w');
  try {
    for (let pos = 0; pos < bytes; pos += BLOCK) fs.writeSync(fd, block, 0, Math.min(BLOCK, bytes - pos), pos);
  } finally {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
  }
}

/** Writes `bytes` of random-ish data: one random 16 MiB block, each copy stamped with its index. */
function createSourceFile(file, bytes) {
  const block = randomBytes(BLOCK);
  const fd = fs.openSync(file, 'w');
  try {
    for (let i = 0, pos = 0; pos < bytes; i++, pos += BLOCK) {
      const n = Math.min(BLOCK, bytes - pos);
      block.writeBigUInt64BE(BigInt(i), 0);
      block.writeBigUInt64BE(BigInt(i), Math.max(0, n - 8));
      let done = 0;
      while (done < n) done += fs.writeSync(fd, block, done, n - done, pos + done);
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Size check, then compares a few 64 KiB windows (start, two in the middle, end) with the source. */
function verifyCopy(source, copy, bytes) {
  const size = fs.statSync(copy).size;
  if (size !== bytes) throw new Error(`${copy}: size ${size}, expected ${bytes}`);
  const a = Buffer.alloc(VERIFY_WINDOW);
  const b = Buffer.alloc(VERIFY_WINDOW);
  const fa = fs.openSync(source, 'r');
  const fb = fs.openSync(copy, 'r');
  try {
    const last = Math.max(0, bytes - VERIFY_WINDOW);
    for (const pos of [0, Math.floor(bytes / 3), Math.floor((2 * bytes) / 3), last]) {
      const n = Math.min(VERIFY_WINDOW, bytes - pos);
      fs.readSync(fa, a, 0, n, pos);
      fs.readSync(fb, b, 0, n, pos);
      if (!a.subarray(0, n).equals(b.subarray(0, n))) throw new Error(`${copy}: content differs from the source near offset ${pos}`);
    }
  } finally {
    fs.closeSync(fa);
    fs.closeSync(fb);
  }
}

/** Every small file arrived with the right size, and a few (first, middle, last) with the right bytes. */
function verifySmallCopy(srcDir, dstDir, names, size) {
  const got = new Set(fs.readdirSync(dstDir));
  const missing = names.filter((n) => !got.has(n));
  if (missing.length > 0) throw new Error(`${dstDir}: ${missing.length} of ${names.length} files missing (e.g. ${missing[0]})`);
  if (got.size !== names.length) throw new Error(`${dstDir}: ${got.size} entries, expected ${names.length}`);
  for (const n of names) {
    const s = fs.statSync(path.join(dstDir, n)).size;
    if (s !== size) throw new Error(`${dstDir}/${n}: size ${s}, expected ${size}`);
  }
  for (const n of [names[0], names[Math.floor(names.length / 2)], names[names.length - 1]]) {
    if (!fs.readFileSync(path.join(srcDir, n)).equals(fs.readFileSync(path.join(dstDir, n))))
      throw new Error(`${dstDir}/${n}: content differs`);
  }
}

/** Runs `check`; turns an ok run into a failed one when it throws. */
function verified(run, label, check) {
  if (!run.ok) return run;
  try {
    check();
  } catch (err) {
    Object.assign(run, { ok: false, error: `${label} verification: ${err.message}` });
  }
  return run;
}

// ---------------------------------------------------------------------------------------------
// etransfer copies

/**
 * One `etransfer copy` (or several, when `argGroups` has more than one: the sources split to fit
 * ARG_MAX). `servers` are the servers taking part: their CPU seconds and peak RSS are read around
 * the copy. `perSecond / seconds` is the run's value (MB/s, or files/s).
 */
async function runEtransferCopy(argGroups, { timeoutMs, servers, bytes, perSecond }) {
  const reset = servers.map((s) => resetPeakRss(s.pid));
  const cpuBefore = servers.map((s) => readCpuSeconds(s.pid));
  let secs = 0;
  let wallSeconds = 0;
  let stdoutTail = '';
  for (const args of argGroups) {
    const startNs = process.hrtime.bigint();
    const proc = startChild('etransfer copy', NODE, [CLI, 'copy', ...args], { cwd: ROOT });
    const result = await waitWithTimeout(proc, timeoutMs);
    const wall = seconds(startNs, result.endNs);
    wallSeconds += wall;
    // The copy's own timer (its summary line, "N done: SIZE in X s"): from its first connect to the
    // last file published. Node's start-up, which the raw pipe does not pay either, is left out.
    const own = /(\d+) done: .* in ([\d.]+) s/.exec(proc.stdout);
    secs += own ? Number(own[2]) : wall;
    stdoutTail = tail(proc.stdout, 600);
    if (result.code !== 0 || result.timedOut) {
      const why = result.timedOut ? `timed out after ${timeoutMs} ms` : `exit code ${result.code}, signal ${result.signal}`;
      const shown = args.length > 8 ? [...args.slice(0, 4), `... (${args.length} arguments)`, ...args.slice(-2)] : args;
      const detail = [
        `etransfer copy ${shown.join(' ')}: ${why}`,
        `--- copy stdout ---\n${tail(proc.stdout)}`,
        `--- copy stderr ---\n${tail(proc.stderr)}`,
        ...servers.map((s) => `--- server ${s.name} stderr ---\n${tail(s.stderr)}`),
      ].join('\n');
      return { ok: false, seconds: secs, wallSeconds, error: detail, exitCode: result.code };
    }
  }
  const cpuAfter = servers.map((s) => readCpuSeconds(s.pid));
  const serverStats = Object.fromEntries(
    servers.map((s, i) => [
      s.name,
      {
        cpuSeconds: cpuBefore[i] === undefined || cpuAfter[i] === undefined ? null : +(cpuAfter[i] - cpuBefore[i]).toFixed(2),
        peakRssKiB: readMemory(s.pid).vmHWMKiB ?? null,
        peakRssScope: reset[i] ? 'run' : 'since server start',
      },
    ]),
  );
  return {
    ok: true,
    seconds: secs,
    wallSeconds,
    commands: argGroups.length,
    value: perSecond / secs,
    mbps: mbPerSecond(bytes, secs),
    servers: serverStats,
    summary: stdoutTail.trim().split('\n').pop(),
  };
}

// ---------------------------------------------------------------------------------------------
// Baselines

async function runRawPipe(bytes, streams, { sourceFile, destFile } = {}) {
  const fileArgs = (f) => (f ? ['--file', f] : []);
  const common = ['--size', String(bytes), '--streams', String(streams)];
  const recv = startChild('raw-pipe recv', NODE, [RAW_PIPE, 'recv', ...common, ...fileArgs(destFile)]);
  let send;
  try {
    const listening = await waitForEvent(recv, 'listening', 10_000);
    const done = waitForEvent(recv, 'done', timeoutFor(bytes));
    send = startChild('raw-pipe send', NODE, [RAW_PIPE, 'send', '--port', String(listening.port), ...common, ...fileArgs(sourceFile)]);
    const started = waitForEvent(send, 'started', 10_000);
    const sent = waitForEvent(send, 'sent', timeoutFor(bytes));
    const [s, d, t] = await Promise.all([started, done, sent]);
    await Promise.all([recv.exited, send.exited]);
    const secs = seconds(BigInt(s.startNs), BigInt(d.doneNs));
    return {
      ok: true,
      seconds: secs,
      value: mbPerSecond(bytes, secs),
      receiver: { cpuSeconds: d.cpuMs / 1000, maxRssKiB: d.maxRssKiB },
      sender: { cpuSeconds: t.cpuMs / 1000, maxRssKiB: t.maxRssKiB },
    };
  } catch (err) {
    const detail = [
      `raw pipe (${formatSize(bytes)}, ${streams} streams): ${err.message}`,
      `--- receiver stderr ---\n${tail(recv.stderr)}`,
      send ? `--- sender stderr ---\n${tail(send.stderr)}` : '',
    ].join('\n');
    return { ok: false, error: detail };
  } finally {
    await stopChild(recv, 1000);
    if (send) await stopChild(send, 1000);
  }
}

/** iperf3 on loopback: -P streams, -n bytes in all; the receiver's bytes and seconds. */
async function runIperf3(ctx, bytes, streams) {
  const [port] = await freePorts(1);
  const server = startChild('iperf3 -s', ctx.tools.iperf3, ['-s', '-B', '127.0.0.1', '-p', String(port)]);
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('iperf3 -s: not listening within 10 s')), 10_000);
      server.onLine((line) => {
        if (/listening/i.test(line)) {
          clearTimeout(timer);
          resolve();
        }
      });
      server.exited.then(() => reject(new Error(`iperf3 -s exited: ${tail(server.stderr)}`)));
    });
    const r = await runCommand(
      'iperf3 -c',
      ctx.tools.iperf3,
      ['-c', '127.0.0.1', '-p', String(port), '-P', String(streams), '-n', String(bytes), '-J'],
      { timeoutMs: timeoutFor(bytes) },
    );
    if (!r.ok) return { ok: false, error: `${r.error}\n--- stdout ---\n${tail(r.stdout)}` };
    const sum = JSON.parse(r.stdout)?.end?.sum_received;
    if (!sum?.seconds) return { ok: false, error: `iperf3: no end.sum_received in its JSON:\n${tail(r.stdout)}` };
    return { ok: true, seconds: sum.seconds, bytes: sum.bytes, value: mbPerSecond(sum.bytes, sum.seconds), wallSeconds: r.seconds };
  } catch (err) {
    return { ok: false, error: `iperf3: ${err.message}` };
  } finally {
    await stopChild(server, 1000);
  }
}

/** A command, then `sync ARGS`, both timed; `amount / seconds` is the value (MB or files). */
async function runWithSync(label, command, args, syncArgs, { timeoutMs, perSecond }) {
  const t = await runCommand(label, command, args, { timeoutMs });
  if (!t.ok) return { ok: false, error: t.error };
  const s = await runCommand('sync', 'sync', syncArgs, { timeoutMs });
  if (!s.ok) return { ok: false, error: s.error };
  const secs = t.seconds + s.seconds;
  return {
    ok: true,
    seconds: secs,
    toolSeconds: t.seconds,
    syncSeconds: s.seconds,
    value: perSecond / secs,
    noSyncValue: perSecond / t.seconds,
  };
}

/** A baseline that could not run here: kept in the results with its reason. */
const skipped = (key, label, reason) => ({ key, label, skip: reason });

// ---------------------------------------------------------------------------------------------
// Scenario plumbing

/**
 * Runs the etransfer side and each baseline `repeat` times, alternating the order (etransfer
 * first on odd rounds, last on even ones) so nobody always inherits the others' after-effects.
 * `baselines`: [{ key, label, run, skip }]; a skipped one keeps its place and its reason.
 */
async function runRounds(out, etransfer, baselines, opts) {
  const active = baselines.filter((b) => !b.skip);
  out.baselines = baselines.map((b) => ({ key: b.key, label: b.label, skip: b.skip, runs: [] }));
  const sideOf = (key) => out.baselines.find((b) => b.key === key);
  for (let i = 1; i <= opts.repeat; i++) {
    const order = [{ key: 'etransfer', run: etransfer }, ...active];
    if (i % 2 === 0) order.reverse();
    const parts = [];
    for (const [position, step] of order.entries()) {
      const r = await step.run();
      r.order = position + 1;
      (step.key === 'etransfer' ? out.etransfer.runs : sideOf(step.key).runs).push(r);
      if (!r.ok) log(r.error);
      parts.push(
        `${step.key === 'etransfer' ? 'etransfer' : step.label} ${r.ok ? `${r.seconds.toFixed(2)} s ${fmt(r.value)} ${out.unit}` : 'FAILED'}`,
      );
    }
    log(`  ${out.name} #${i}: ${parts.join(' | ')}`);
  }
}

function summarise(out) {
  const ok = (runs) => runs.filter((r) => r.ok);
  out.etransfer.value = stats(ok(out.etransfer.runs).map((r) => r.value));
  out.etransfer.failures = out.etransfer.runs.filter((r) => !r.ok).length;
  for (const b of out.baselines) {
    b.value = stats(ok(b.runs).map((r) => r.value));
    const noSync = ok(b.runs).filter((r) => r.noSyncValue !== undefined);
    b.noSyncValue = noSync.length > 0 ? stats(noSync.map((r) => r.noSyncValue)) : undefined;
    b.failures = b.runs.filter((r) => !r.ok).length;
    b.ratio = out.etransfer.value && b.value ? out.etransfer.value.median / b.value.median : null;
  }
  // Resources per server: the highest peak RSS of the runs, median CPU seconds, and per GiB moved.
  const servers = {};
  for (const r of ok(out.etransfer.runs)) {
    for (const [name, s] of Object.entries(r.servers ?? {})) {
      servers[name] ??= { role: out.serverRoles?.[name], peakRssKiB: [], cpuSeconds: [], peakRssScope: s.peakRssScope };
      if (s.peakRssKiB !== null) servers[name].peakRssKiB.push(s.peakRssKiB);
      if (s.cpuSeconds !== null) servers[name].cpuSeconds.push(s.cpuSeconds);
    }
  }
  out.resources = Object.fromEntries(
    Object.entries(servers).map(([name, s]) => {
      const cpu = stats(s.cpuSeconds)?.median;
      return [
        name,
        {
          role: s.role,
          peakRssKiB: s.peakRssKiB.length > 0 ? Math.max(...s.peakRssKiB) : null,
          peakRssScope: s.peakRssScope,
          cpuSeconds: cpu ?? null,
          cpuSecondsPerGiB: cpu === undefined ? null : cpu / (out.bytes / GiB),
        },
      ];
    }),
  );
  return out;
}

function newResult(name, extra) {
  const sc = SCENARIOS[name];
  return { name, title: sc.title, kind: sc.kind, streams: sc.streams, unit: 'MB/s', etransfer: { runs: [] }, ...extra };
}

// ---------------------------------------------------------------------------------------------
// Scenarios

async function runMemScenario(ctx, name, opts) {
  const sc = SCENARIOS[name];
  const bytes = opts.sizeMem;
  const { A, B } = ctx.servers;
  const out = newResult(name, { bytes, serverRoles: { A: 'source', B: 'destination' } });
  const args = ['-p', String(sc.streams), `127.0.0.1#${A.controlPort}:/dev/zero:${bytes}`, `127.0.0.1#${B.controlPort}:/dev/null`];
  const etransfer = () => runEtransferCopy([args], { timeoutMs: timeoutFor(bytes), servers: [A, B], bytes, perSecond: bytes / 1e6 });
  const baselines = [{ key: 'pipe', label: 'raw pipe', run: () => runRawPipe(bytes, sc.streams) }];
  baselines.push(
    ctx.tools.iperf3
      ? { key: 'iperf3', label: `iperf3 -P ${sc.streams}`, run: () => runIperf3(ctx, bytes, sc.streams) }
      : skipped('iperf3', 'iperf3', 'not installed (the bench does not install it)'),
  );
  await runRounds(out, etransfer, baselines, opts);
  return summarise(out);
}

/**
 * Relayed against direct, memory to memory: two more sites that take no inbound data
 * (--no-inbound) copy through a relay server R (--allow-relay, `copy --via R`); the baselines,
 * in the same run, are the direct copy between A and B (the same /dev/zero to /dev/null),
 * the same two sites relayed through the client (`copy --relay`), and a push that rides the
 * destination's control port (its data port unreachable: data over WebSocket). All on one host:
 * a relay's cost here is the CPU of one more process splicing every byte.
 */
async function runRelayScenario(ctx, name, opts) {
  const sc = SCENARIOS[name];
  const bytes = opts.sizeMem;
  const { A, B } = ctx.servers;
  const [ctlR, dataR, ctlA2, ctlB2, ctlC, dataC] = await freePorts(6);
  const [R, A2, B2, C] = await Promise.all([
    startServer(ctx, { name: 'R', controlPort: ctlR, dataPort: dataR, extraArgs: ['--allow-relay', 'anonymous'] }),
    startServer(ctx, { name: 'A2', controlPort: ctlA2 }),
    startServer(ctx, { name: 'B2', controlPort: ctlB2 }),
    // Its data port listens on 127.0.0.2 but is advertised as 127.0.0.1: only the control port answers.
    startServer(ctx, { name: 'C', controlPort: ctlC, dataHost: '127.0.0.2', dataPort: dataC, advertise: '127.0.0.1' }),
  ]);
  const out = newResult(name, { bytes, serverRoles: { A2: 'source', B2: 'destination', R: 'relay' } });
  const p = ['-p', String(sc.streams)];
  const zero = (s) => `127.0.0.1#${s.controlPort}:/dev/zero:${bytes}`;
  const nul = (s) => `127.0.0.1#${s.controlPort}:/dev/null`;
  const timeoutMs = timeoutFor(bytes) * 2;
  const run = (args, servers) => () => runEtransferCopy([args], { timeoutMs, servers, bytes, perSecond: bytes / 1e6 });
  const etransfer = run([...p, '--via', `127.0.0.1#${R.controlPort}`, zero(A2), nul(B2)], [A2, B2, R]);
  const baselines = [
    { key: 'direct', label: 'direct push A → B (same run)', run: run([...p, zero(A), nul(B)], [A, B]) },
    { key: 'client', label: 'relayed through the client (--relay)', run: run([...p, '--relay', zero(A2), nul(B2)], [A2, B2]) },
    { key: 'ws', label: 'push over the control port (WebSocket)', run: run([...p, zero(A), nul(C)], [A, C]) },
  ];
  await runRounds(out, etransfer, baselines, opts);
  return summarise(out);
}

async function runDiskScenario(ctx, name, opts) {
  const sc = SCENARIOS[name];
  const bytes = opts.sizeDisk;
  const { A, B } = ctx.servers;
  const out = newResult(name, { bytes, serverRoles: { A: 'source', B: 'destination' } });
  const source = ensureSourceFile(ctx, 'data.bin', bytes);
  const dst = (who) => {
    const dir = path.join(ctx.scratch, `${who}-dst`);
    fs.mkdirSync(dir, { recursive: true });
    return path.join(dir, 'data.bin');
  };
  const timeoutMs = timeoutFor(bytes);
  const perSecond = bytes / 1e6;
  // Each side: clean start, the timed run, a content check, the copy removed.
  const step = (key, file, run) => async () => {
    fs.rmSync(file, { force: true });
    warmPageCache(path.dirname(file), bytes);
    settle();
    const r = verified(await run(), key, () => verifyCopy(source, file, bytes));
    fs.rmSync(file, { force: true });
    return r;
  };

  const etDest = dst('etransfer');
  const etArgs = ['-p', String(sc.streams), '--overwrite', `127.0.0.1#${A.controlPort}:${source}`, `127.0.0.1#${B.controlPort}:${etDest}`];
  const etransfer = step('etransfer', etDest, () => runEtransferCopy([etArgs], { timeoutMs, servers: [A, B], bytes, perSecond }));

  const baselines = [];
  const pipeDest = dst('pipe');
  baselines.push({
    key: 'pipe',
    label: 'raw pipe → file (fsync)',
    run: step('pipe', pipeDest, () => runRawPipe(bytes, sc.streams, { sourceFile: source, destFile: pipeDest })),
  });
  const cpDest = dst('cp');
  baselines.push({
    key: 'cp',
    label: 'cp + sync FILE',
    run: step('cp', cpDest, () => runWithSync('cp', 'cp', [source, cpDest], [cpDest], { timeoutMs, perSecond })),
  });
  const rsyncDest = dst('rsync');
  baselines.push(
    ctx.tools.rsync
      ? {
          key: 'rsync',
          label: 'rsync (local) + sync FILE',
          run: step('rsync', rsyncDest, () =>
            runWithSync('rsync', ctx.tools.rsync, ['-a', source, rsyncDest], [rsyncDest], { timeoutMs, perSecond }),
          ),
        }
      : skipped('rsync', 'rsync (local)', ctx.notes.rsync),
  );
  const ssh = ctx.sshd;
  const scpDest = dst('scp');
  const rsshDest = dst('rsync-ssh');
  if (ssh) {
    baselines.push({
      key: 'scp',
      label: 'scp localhost + sync FILE',
      run: step('scp', scpDest, () =>
        runWithSync('scp', 'scp', [...ssh.scpArgs(), source, `root@${ssh.host}:${scpDest}`], [scpDest], { timeoutMs, perSecond }),
      ),
    });
    baselines.push(
      ctx.tools.rsync
        ? {
            key: 'rsync-ssh',
            label: 'rsync -e ssh + sync FILE',
            run: step('rsync-ssh', rsshDest, () =>
              runWithSync(
                'rsync -e ssh',
                ctx.tools.rsync,
                ['-a', '-e', ssh.rsyncRsh(), source, `root@${ssh.host}:${rsshDest}`],
                [rsshDest],
                {
                  timeoutMs,
                  perSecond,
                },
              ),
            ),
          }
        : skipped('rsync-ssh', 'rsync -e ssh', ctx.notes.rsync),
    );
  } else {
    baselines.push(skipped('scp', 'scp localhost', ctx.notes.sshd), skipped('rsync-ssh', 'rsync -e ssh', ctx.notes.sshd));
  }
  await runRounds(out, etransfer, baselines, opts);
  return summarise(out);
}

/**
 * The long-fat-link set-up: the delay line in front of server W's data port (W itself is started
 * per scenario, always on the same data port) and in front of sshd.
 */
async function setUpWan(ctx, opts) {
  const dataPort = await freePortOnHosts([WAN_DATA_HOST, WAN_ADVERTISED_HOST]);
  const forwards = [`${WAN_ADVERTISED_HOST}:${dataPort}=${WAN_DATA_HOST}:${dataPort}`];
  let sshPort;
  if (ctx.sshd) {
    sshPort = await freePortOnHosts([WAN_ADVERTISED_HOST]);
    forwards.push(`${WAN_ADVERTISED_HOST}:${sshPort}=${ctx.sshd.host}:${ctx.sshd.port}`);
  }
  const emulator = startChild('wan-emulator', NODE, [
    WAN_EMULATOR,
    ...forwards.flatMap((f) => ['--forward', f]),
    '--window',
    String(opts.wanWindow),
    '--delay-ms',
    String(opts.wanDelayMs),
  ]);
  emulator.events = [];
  let listening = 0;
  const allListening = new Promise((resolve, reject) => {
    emulator.onLine((line) => {
      let msg;
      try {
        msg = JSON.parse(line);
      } catch {
        return;
      }
      if (msg.event === 'listening' && ++listening === forwards.length) resolve();
      if (msg.event === 'closed') emulator.events.push(msg);
    });
    emulator.exited.then(() => reject(new Error(`wan emulator exited:\n${tail(emulator.stderr)}`)));
  });
  let timer;
  const tooLate = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('wan emulator: not listening within 10 s')), 10_000);
  });
  try {
    await Promise.race([allListening, tooLate]);
  } finally {
    clearTimeout(timer);
  }
  ctx.wan = {
    emulator,
    dataPort,
    dataListen: `${WAN_ADVERTISED_HOST}:${dataPort}`,
    sshListen: sshPort && `${WAN_ADVERTISED_HOST}:${sshPort}`,
    sshPort,
  };
  log(
    `  wan: emulator (pid ${emulator.pid}) ${forwards.join(', ')}, ${opts.wanWindow} B in flight, ${opts.wanDelayMs} ms; server W data ${WAN_DATA_HOST}:${dataPort}, advertised as ${WAN_ADVERTISED_HOST}`,
  );
}

/** Bytes the emulator carried towards `listen` in connections that closed after event index `from`. */
async function emulatorTraffic(ctx, listen, from, minConnections) {
  const deadline = Date.now() + 2000;
  const pick = () => ctx.wan.emulator.events.slice(from).filter((e) => e.listen === listen);
  while (pick().length < minConnections && Date.now() < deadline) await sleep(50);
  const events = pick();
  return { connections: events.length, up: events.reduce((n, e) => n + e.up, 0) };
}

/** scp of a SIZE-WAN-SCP file through the emulator, `repeat` times: the baseline of every wan scenario. */
async function runWanScp(ctx, opts) {
  const out = { key: 'scp-wan', label: 'scp via emulator', runs: [] };
  if (!ctx.sshd) return { ...out, skip: ctx.notes.sshd };
  const bytes = opts.sizeWanScp;
  const source = ensureSourceFile(ctx, 'wan-scp.bin', bytes);
  const dest = path.join(ctx.scratch, 'scp-wan-dst', 'data.bin');
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  out.bytes = bytes;
  for (let i = 1; i <= opts.repeat; i++) {
    fs.rmSync(dest, { force: true });
    const from = ctx.wan.emulator.events.length;
    const r = await runCommand('scp (wan)', 'scp', [...ctx.sshd.scpArgs(ctx.wan.sshPort), source, `root@${WAN_ADVERTISED_HOST}:${dest}`], {
      timeoutMs: wanTimeoutFor(bytes, 1),
    });
    let run = r.ok ? { ok: true, seconds: r.seconds, value: mbPerSecond(bytes, r.seconds) } : { ok: false, error: r.error };
    run = verified(run, 'scp via emulator', () => {
      const size = fs.statSync(dest).size;
      if (size !== bytes) throw new Error(`${dest}: size ${size}, expected ${bytes}`);
    });
    if (run.ok) run.emulator = await emulatorTraffic(ctx, ctx.wan.sshListen, from, 1);
    if (run.ok && run.emulator.up < bytes)
      Object.assign(run, { ok: false, error: `scp via emulator: only ${run.emulator.up} bytes went through the emulator` });
    fs.rmSync(dest, { force: true });
    out.runs.push(run);
    log(`  scp via emulator #${i}: ${run.ok ? `${run.seconds.toFixed(2)} s ${fmt(run.value)} MB/s` : 'FAILED'}`);
    if (!run.ok) log(run.error);
  }
  return out;
}

async function runWanScenario(ctx, name, opts, scpWan) {
  const sc = SCENARIOS[name];
  const bytes = opts.sizeWan * sc.streams;
  const { A, W } = ctx.servers;
  const out = newResult(name, { bytes, serverRoles: { A: 'source', W: 'destination (behind the emulator)' } });
  const args = ['-p', String(sc.streams), `127.0.0.1#${A.controlPort}:/dev/zero:${bytes}`, `127.0.0.1#${W.controlPort}:/dev/null`];
  for (let i = 1; i <= opts.repeat; i++) {
    const from = ctx.wan.emulator.events.length;
    const emulatorCpu = readCpuSeconds(ctx.wan.emulator.pid);
    const r = await runEtransferCopy([args], {
      timeoutMs: wanTimeoutFor(bytes, sc.streams),
      servers: [A, W],
      bytes,
      perSecond: bytes / 1e6,
    });
    if (r.ok) {
      // Proof that the data took the delay line: the emulator carried at least the payload.
      r.emulator = await emulatorTraffic(ctx, ctx.wan.dataListen, from, sc.streams);
      r.emulator.cpuSeconds = +(readCpuSeconds(ctx.wan.emulator.pid) - emulatorCpu).toFixed(2);
      if (r.emulator.up < bytes)
        Object.assign(r, { ok: false, error: `${name}: only ${r.emulator.up} of ${bytes} bytes went through the emulator` });
    }
    out.etransfer.runs.push(r);
    log(
      `  ${name} #${i}: etransfer ${r.ok ? `${r.seconds.toFixed(2)} s ${fmt(r.value)} MB/s, ${r.emulator.connections} connections through the emulator` : 'FAILED'}`,
    );
    if (!r.ok) log(r.error);
  }
  // Shared: measured once per round for all the wan scenarios (counted once in the failures).
  out.baselines = [{ ...scpWan, runs: scpWan.runs ?? [], shared: true }];
  summarise(out);
  out.emulatorCpuSeconds = stats(out.etransfer.runs.filter((r) => r.ok).map((r) => r.emulator.cpuSeconds))?.median;
  return out;
}

/** wan4..16 beside wan1: the scaling with streams, as a derived baseline row. */
function addWanScaling(results) {
  const wan1 = results.find((r) => r.name === 'wan1');
  if (!wan1?.etransfer.value) return;
  for (const r of results) {
    if (r.kind !== 'wan' || r.name === 'wan1') continue;
    r.baselines.push({
      key: 'wan1',
      label: 'etransfer -p 1 (wan1)',
      runs: [],
      derived: 'wan1 median',
      value: wan1.etransfer.value,
      ratio: r.etransfer.value ? r.etransfer.value.median / wan1.etransfer.value.median : null,
      failures: 0,
    });
  }
}

async function runSmallScenario(ctx, name, opts) {
  const sc = SCENARIOS[name];
  const { A, B } = ctx.servers;
  const files = opts.smallFiles;
  const size = opts.smallSize;
  const bytes = files * size;
  const out = newResult(name, { bytes, files, fileSize: size, unit: 'files/s', serverRoles: { A: 'source', B: 'destination' } });
  const { dir: srcDir, names } = ensureSmallFiles(ctx, files, size);
  const timeoutMs = smallTimeoutFor(files);
  // Every run's copies are kept until the scenario ends, then deleted together: on this ext4
  // (no journal), creating files soon after deleting many makes the kernel skip the recently
  // freed inodes one by one (perf: `recently_deleted`, `find_inode_bit`), which cost whichever
  // tool ran next seconds of kernel time (rsync measured 2,045-11,354 files/s in one run).
  const leftovers = [];
  let runNumber = 0;
  const step =
    (key, dstDir, { create }, run) =>
    async () => {
      fs.rmSync(dstDir, { recursive: true, force: true });
      if (create) fs.mkdirSync(dstDir, { recursive: true });
      settle();
      // Untimed: create as many files as the run will, first. On this VM the first burst of file
      // creations after a pause costs seconds of kernel time (10,000 files: 0.35 s or 3-5 s with
      // cp -a, at random); each tool gets the same warm-up.
      const warm = path.join(ctx.scratch, `small-warm-up-${runNumber++}`);
      spawnSync('cp', ['-a', srcDir, warm], { stdio: 'ignore' });
      leftovers.push(warm);
      const r = verified(await run(), key, () => verifySmallCopy(srcDir, dstDir, names, size));
      const kept = `${dstDir}-run-${runNumber}`;
      fs.renameSync(dstDir, kept);
      leftovers.push(kept);
      return r;
    };

  // Every file a source argument; as few commands as ARG_MAX allows (one, here, for 10,000).
  const etDir = path.join(ctx.scratch, 'small-etransfer');
  const sources = names.map((n) => `127.0.0.1#${A.controlPort}:${path.join(srcDir, n)}`);
  const groups = splitForArgMax(sources, [CLI, 'copy', '-p', String(sc.streams), `127.0.0.1#${B.controlPort}:${etDir}/`]).map((g) => [
    '-p',
    String(sc.streams),
    ...g,
    `127.0.0.1#${B.controlPort}:${etDir}/`,
  ]);
  out.commands = groups.length;
  out.argumentBytes = sources.reduce((n, s) => n + s.length + 1, 0);
  const etransfer = step('etransfer', etDir, { create: true }, () =>
    runEtransferCopy(groups, { timeoutMs, servers: [A, B], bytes, perSecond: files }),
  );

  const baselines = [];
  const rsyncDir = path.join(ctx.scratch, 'small-rsync');
  baselines.push(
    ctx.tools.rsync
      ? {
          key: 'rsync',
          label: 'rsync -a (local) + sync -f',
          run: step('rsync', rsyncDir, { create: false }, () =>
            runWithSync('rsync -a', ctx.tools.rsync, ['-a', `${srcDir}/`, `${rsyncDir}/`], ['-f', ctx.scratch], {
              timeoutMs,
              perSecond: files,
            }),
          ),
        }
      : skipped('rsync', 'rsync -a (local)', ctx.notes.rsync),
  );
  const scpDir = path.join(ctx.scratch, 'small-scp');
  baselines.push(
    ctx.sshd
      ? {
          key: 'scp',
          label: 'scp -r localhost + sync -f',
          run: step('scp', scpDir, { create: false }, () =>
            runWithSync('scp -r', 'scp', [...ctx.sshd.scpArgs(), '-r', srcDir, `root@${ctx.sshd.host}:${scpDir}`], ['-f', ctx.scratch], {
              timeoutMs,
              perSecond: files,
            }),
          ),
        }
      : skipped('scp', 'scp -r localhost', ctx.notes.sshd),
  );
  try {
    await runRounds(out, etransfer, baselines, opts);
  } finally {
    for (const dir of leftovers) fs.rmSync(dir, { recursive: true, force: true });
  }
  return summarise(out);
}

/**
 * Splits `args` into groups that fit the kernel's limit on a command line (ARG_MAX bytes for
 * arguments plus environment, each string counting its NUL and its pointer), keeping a half
 * margin. `fixed` are the arguments every command repeats.
 */
function splitForArgMax(args, fixed) {
  let argMax = 2 * 1024 * 1024;
  try {
    argMax = Number(execFileSync('getconf', ['ARG_MAX'], { encoding: 'utf8' }).trim()) || argMax;
  } catch {
    // keep the Linux default
  }
  const cost = (s) => Buffer.byteLength(s) + 1 + 8;
  const envBytes = Object.entries(process.env).reduce((n, [k, v]) => n + cost(`${k}=${v}`), 0);
  const budget = Math.floor(argMax / 2) - envBytes - fixed.reduce((n, s) => n + cost(s), 0) - cost(NODE);
  const groups = [[]];
  let used = 0;
  for (const a of args) {
    if (used + cost(a) > budget && groups.at(-1).length > 0) {
      groups.push([]);
      used = 0;
    }
    groups.at(-1).push(a);
    used += cost(a);
  }
  return groups;
}

function ensureSourceFile(ctx, name, bytes) {
  const file = path.join(ctx.scratch, 'src', name);
  if (ctx.sources[file] === bytes) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const start = process.hrtime.bigint();
  createSourceFile(file, bytes);
  log(
    `  created ${formatSize(bytes)} source file in ${seconds(start, process.hrtime.bigint()).toFixed(1)} s (fsync'd; stays in the page cache)`,
  );
  ctx.sources[file] = bytes;
  return file;
}

/** N files of `size` random bytes (each different), fsync'd by a sync at the end. */
function ensureSmallFiles(ctx, files, size) {
  const dir = path.join(ctx.scratch, 'small-src');
  fs.mkdirSync(dir, { recursive: true });
  const start = process.hrtime.bigint();
  const digits = String(files - 1).length;
  const names = [];
  const pool = randomBytes(Math.min(files * size, 64 * MiB) + size);
  for (let i = 0; i < files; i++) {
    const name = `f${String(i).padStart(digits, '0')}.bin`;
    const at = (i * size) % (pool.length - size);
    const data = Buffer.from(pool.subarray(at, at + size));
    if (size >= 8) data.writeUInt32BE(i, 0);
    fs.writeFileSync(path.join(dir, name), data);
    names.push(name);
  }
  settle();
  log(`  created ${files} files of ${formatSize(size)} in ${seconds(start, process.hrtime.bigint()).toFixed(1)} s (synced)`);
  return { dir, names };
}

// ---------------------------------------------------------------------------------------------
// Servers

async function startServer(ctx, { name, controlPort, dataHost = '127.0.0.1', dataPort, advertise, extraArgs = [] }) {
  const proc = startChild(
    `server ${name}`,
    NODE,
    [
      CLI,
      'serve',
      '--control',
      `127.0.0.1:${controlPort}`,
      ...(dataPort === undefined ? ['--no-inbound'] : ['--data', `${dataHost}:${dataPort}`]),
      ...(advertise ? ['--advertise', advertise] : []),
      ...extraArgs,
      '--acl',
      ctx.aclFile,
      '--log-level',
      'warn',
    ],
    { cwd: ROOT },
  );
  Object.assign(proc, { name, controlPort, dataPort, dataHost, advertise });
  ctx.serverList.push(proc);
  await waitForPort(proc, controlPort, 15_000);
  return proc;
}

/**
 * Fresh servers for one scenario, so its peak RSS owes nothing to the scenarios before it: A (the
 * source) and B, or, for the long fat link, A and W (data on 127.0.0.2, advertised as 127.0.0.3:
 * the emulator). Then one untimed warm-up copy with the scenario's stream count (/dev/zero to
 * /dev/null: 256 MiB, or 4 MiB a stream through the emulator), so the runs meet servers in the
 * state a long-running daemon is in (JIT-compiled, buffers allocated).
 */
async function startScenarioServers(ctx, sc) {
  const [ctlA, dataA, ctlB, dataB] = await freePorts(4);
  const second =
    sc.kind === 'wan'
      ? { name: 'W', controlPort: ctlB, dataHost: WAN_DATA_HOST, dataPort: ctx.wan.dataPort, advertise: WAN_ADVERTISED_HOST }
      : { name: 'B', controlPort: ctlB, dataPort: dataB };
  const [A, D] = await Promise.all([startServer(ctx, { name: 'A', controlPort: ctlA, dataPort: dataA }), startServer(ctx, second)]);
  ctx.servers = { A, [D.name]: D };
  const warmBytes = sc.kind === 'wan' ? sc.streams * 4 * MiB : 256 * MiB;
  const warm = await runCommand(
    'warm-up copy',
    NODE,
    [CLI, 'copy', '-p', String(sc.streams), `127.0.0.1#${A.controlPort}:/dev/zero:${warmBytes}`, `127.0.0.1#${D.controlPort}:/dev/null`],
    { cwd: ROOT, timeoutMs: sc.kind === 'wan' ? wanTimeoutFor(warmBytes, sc.streams) : timeoutFor(warmBytes) },
  );
  if (!warm.ok) log(`  warm-up copy failed: ${warm.error}`);
  log(
    `  servers: A control ${A.controlPort} (pid ${A.pid}), ${D.name} control ${D.controlPort} (pid ${D.pid}); warm-up ${warm.ok ? 'done' : 'FAILED'}`,
  );
}

/** Stops the scenario's servers; returns their VmHWM / VmRSS since they started (warm-up included). */
async function stopScenarioServers(ctx) {
  const memory = Object.fromEntries(ctx.serverList.map((s) => [s.name, { pid: s.pid, ...readMemory(s.pid) }]));
  for (const s of ctx.serverList) {
    const r = await stopChild(s);
    if (r.code !== 0 && r.signal !== 'SIGTERM') log(`server ${s.name} exited with code ${r.code}, signal ${r.signal}\n${tail(s.stderr)}`);
  }
  ctx.serverList = [];
  ctx.servers = {};
  return memory;
}

/** `etransfer --version`, retried for up to a minute (dist/ may be in the middle of a rebuild). */
async function waitForCli() {
  for (let i = 0; ; i++) {
    const r = spawnSync(NODE, [CLI, '--version'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status === 0) return;
    if (i >= 12) throw new Error(`${CLI} --version fails:\n${r.stderr}`);
    log(`etransfer --version failed (dist/ being rebuilt?); retrying in 5 s`);
    await sleep(5000);
  }
}

/** Median wall clock of `etransfer --version`: what process start-up alone costs each copy. */
function measureCliStartup() {
  const times = [];
  for (let i = 0; i < 3; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(NODE, [CLI, '--version'], { cwd: ROOT, stdio: 'ignore' });
    if (r.status === 0) times.push(seconds(start, process.hrtime.bigint()));
  }
  return stats(times)?.median;
}

// ---------------------------------------------------------------------------------------------
// Output

/** Three significant digits, at least the units. */
function fmt(v) {
  if (v === undefined || v === null || !Number.isFinite(v)) return '-';
  if (v >= 99.5) return v.toFixed(0);
  if (v >= 9.95) return v.toFixed(1);
  return v.toFixed(2);
}

function formatValue(s, repeat) {
  if (!s) return 'FAILED';
  return repeat > 1 && s.min !== s.max ? `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})` : fmt(s.median);
}

/** Text table: `left` lists the columns aligned left (the others are numbers, aligned right). */
function table(rows, left = [0]) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row) =>
    row
      .map((cell, c) => (left.includes(c) ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join(' | ')
      .trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.slice(1).map(line)];
}

function sizeLabel(r) {
  return r.kind === 'small' ? `${r.files} × ${formatSize(r.fileSize)}` : formatSize(r.bytes);
}

function printTable(results, opts, startupSeconds, ctx) {
  const rows = [['scenario', 'size', 'streams', 'unit', 'etransfer', 'baseline', 'baseline value', 'ratio', 'baseline w/o sync']];
  const skips = new Map();
  for (const r of results) {
    const head = [r.name, sizeLabel(r), String(r.streams), r.unit, formatValue(r.etransfer.value, opts.repeat)];
    const bl = r.baselines.length > 0 ? r.baselines : [{ label: '-', skip: 'none' }];
    bl.forEach((b, i) => {
      const left = i === 0 ? head : ['', '', '', '', ''];
      if (b.skip) {
        rows.push([...left, b.label, 'skipped', '-', '']);
        const key = `${b.label}: ${b.skip}`;
        skips.set(key, [...(skips.get(key) ?? []), r.name]);
        return;
      }
      const noSync = b.noSyncValue ? formatValue(b.noSyncValue, opts.repeat) : '';
      rows.push([...left, b.label, formatValue(b.value, opts.repeat), b.ratio === null ? '-' : b.ratio.toFixed(2), noSync]);
    });
  }
  const out = table(rows, [0, 3, 5]);
  out.push('');
  out.push('MB = 10^6 bytes. ratio = etransfer / baseline (medians); > 1: etransfer faster.');
  if (opts.repeat > 1) out.push(`${opts.repeat} runs each: median (min–max).`);
  out.push(
    "etransfer = the copy's own timer, from connecting to both servers to the last file published; Node start-up (wall clock in the JSON) left out" +
      (startupSeconds === undefined ? '.' : ` (\`etransfer --version\` alone takes ${(startupSeconds * 1000).toFixed(0)} ms here).`),
  );
  out.push("raw pipe = sender starts connecting → receiver has every byte (disk: and has fsync'd); process start-up excluded.");
  out.push(
    'cp / rsync / scp: wall clock of the process, then of `sync FILE` (coreutils: fsync of that file) or, for the small files, `sync -f` (syncfs of the file system); "w/o sync" is the tool alone.',
  );
  if (results.some((r) => r.kind === 'wan'))
    out.push(
      `wanN: /dev/zero:(N × ${formatSize(opts.sizeWan)}) → /dev/null through the delay line (${formatSize(opts.wanWindow)} in flight per connection and direction, ${opts.wanDelayMs} ms: ≈ ${fmt(opts.wanWindow / 1e6 / (opts.wanDelayMs / 1000))} MB/s per connection); scp via emulator: a ${formatSize(opts.sizeWanScp)} file to a file, ${ctx.sshd?.cipher ?? 'default cipher'}.`,
    );
  if (results.some((r) => r.kind === 'small'))
    out.push(
      'small: before each timed run (every tool alike) an untimed `cp -a` of the same files into a throwaway folder warms the file system.',
    );
  if (ctx.sshd) out.push(`ssh: ${ctx.sshd.version}, default cipher ${ctx.sshd.cipher ?? '?'} (scp uses the SFTP protocol).`);
  for (const [why, names] of skips) out.push(`skipped (${names.join(', ')}): ${why}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

function printResources(results) {
  const rows = [['scenario', 'moved', 'server', 'role', 'peak RSS MiB', 'CPU s', 'CPU s/GiB']];
  const leftColumns = [0, 2, 3];
  const scopes = new Set();
  for (const r of results) {
    let first = true;
    for (const [name, s] of Object.entries(r.resources ?? {})) {
      scopes.add(s.peakRssScope);
      rows.push([
        first ? r.name : '',
        first ? formatSize(r.bytes) : '',
        name,
        s.role ?? '',
        s.peakRssKiB === null ? '-' : (s.peakRssKiB / 1024).toFixed(0),
        fmt(s.cpuSeconds),
        fmt(s.cpuSecondsPerGiB),
      ]);
      first = false;
    }
  }
  if (rows.length === 1) return;
  const out = ['resources of the etransfer servers (A: source; B / W: destination)', ...table(rows, leftColumns)];
  out.push('');
  out.push(
    scopes.has('since server start')
      ? 'peak RSS = VmHWM, which could not be reset here: the peak since the servers of the scenario started (fresh per scenario; warm-up copy included).'
      : 'peak RSS = VmHWM, reset (/proc/PID/clear_refs) before each run: the highest peak among the runs of the scenario (servers fresh per scenario, warmed up by one untimed copy).',
  );
  out.push(
    'CPU s = the server process during the copy (median of runs); CPU s/GiB = that per GiB moved (small files: 4 KiB files, per GiB of payload).',
  );
  const wan = results.filter((r) => r.emulatorCpuSeconds !== undefined);
  if (wan.length > 0)
    out.push(
      `the delay line itself (one Node process, same 2 cores) used ${wan.map((r) => `${r.name} ${fmt(r.emulatorCpuSeconds)} s`).join(', ')} of CPU during the copies (median).`,
    );
  process.stdout.write(`\n${out.join('\n')}\n`);
}

/** The issue's targets, PASS/FAIL with the numbers; n/a where a scenario or baseline did not run. */
function evaluateTargets(results) {
  const byName = Object.fromEntries(results.map((r) => [r.name, r]));
  const med = (s) => s?.median;
  const baseline = (name, key) => byName[name]?.baselines.find((b) => b.key === key && !b.skip);
  const targets = [];
  const ratioTarget = (label, name, key, min, strict = false) => {
    const r = byName[name];
    const b = baseline(name, key);
    const et = med(r?.etransfer.value);
    const base = med(b?.value);
    if (et === undefined || base === undefined) {
      targets.push({ label, verdict: 'n/a', numbers: !r ? `${name} not run` : !b ? `${key} baseline not available` : 'a side failed' });
      return;
    }
    const ratio = et / base;
    const pass = strict ? ratio > min : ratio >= min;
    const noSync = med(b.noSyncValue);
    targets.push({
      label,
      verdict: pass ? 'PASS' : 'FAIL',
      numbers: `${fmt(et)} / ${fmt(base)} ${r.unit} = ${ratio.toFixed(2)}${noSync ? ` (without the sync: ${fmt(et)} / ${fmt(noSync)} = ${(et / noSync).toFixed(2)})` : ''}`,
      ratio,
    });
  };
  ratioTarget('mem4 >= 0.85 × raw pipe', 'mem4', 'pipe', 0.85);
  ratioTarget('disk4 >= 2 × scp', 'disk4', 'scp', 2);
  ratioTarget('disk4 >= 1.4 × local rsync', 'disk4', 'rsync', 1.4);
  ratioTarget('wan8 >= 7 × wan1', 'wan8', 'wan1', 7);
  ratioTarget('wan8 >= 6 × scp via emulator', 'wan8', 'scp-wan', 6);
  ratioTarget('small: files/s > rsync -a', 'small', 'rsync', 1, true);
  const rss = results.filter((r) => r.streams === 16 && r.resources && Object.keys(r.resources).length > 0);
  if (rss.length === 0) {
    targets.push({ label: `peak RSS < ${RSS_TARGET_MIB} MiB per server, 16 streams`, verdict: 'n/a', numbers: 'mem16 / wan16 not run' });
  } else {
    const parts = [];
    let pass = true;
    for (const r of rss) {
      for (const [name, s] of Object.entries(r.resources)) {
        if (s.peakRssKiB === null) continue;
        const mib = s.peakRssKiB / 1024;
        if (mib >= RSS_TARGET_MIB) pass = false;
        parts.push(`${r.name} ${name} ${mib.toFixed(0)}`);
      }
    }
    targets.push({
      label: `peak RSS < ${RSS_TARGET_MIB} MiB per server, 16 streams`,
      verdict: pass ? 'PASS' : 'FAIL',
      numbers: `${parts.join(', ')} MiB`,
    });
  }
  return targets;
}

function printTargets(targets) {
  const rows = [['target (issue #4)', 'verdict', 'numbers'], ...targets.map((t) => [t.label, t.verdict, t.numbers])];
  process.stdout.write(`\ntargets\n${table(rows, [0, 1, 2]).join('\n')}\n`);
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  let opts;
  try {
    opts = parseOptions(process.argv.slice(2));
  } catch (err) {
    throw Object.assign(err, { usage: true });
  }
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) {
    log('dist/ is missing: running npm run build');
    const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm run build failed');
  }
  await waitForCli();

  const ctx = {
    scratch: fs.mkdtempSync(path.join(os.tmpdir(), 'etransfer-bench-')),
    servers: {},
    serverList: [],
    sources: {},
    tools: {},
    notes: {},
    cleanups: [],
  };
  let cleaned = false;
  const cleanupSync = () => {
    if (cleaned) return;
    cleaned = true;
    killAllChildren('SIGKILL');
    for (const fn of ctx.cleanups) {
      try {
        fn();
      } catch {
        // best effort
      }
    }
    fs.rmSync(ctx.scratch, { recursive: true, force: true });
  };
  const onSignal = (signal) => {
    log(`\n${signal}: stopping the servers, sshd and the emulator, removing ${ctx.scratch}`);
    cleanupSync();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  process.once('exit', cleanupSync);

  const results = [];
  const began = Date.now();
  let startupSeconds;
  let scpWan;
  let scpWanFailures;
  const kinds = new Set(opts.only.map((n) => SCENARIOS[n].kind));
  try {
    ctx.aclFile = path.join(ctx.scratch, 'acl.json');
    const acl = {
      users: {},
      rules: [
        { users: ['anonymous', '*'], allow: ['list', 'read', 'write'], paths: ['/tmp/**', `${ctx.scratch}/**`, '/dev/zero', '/dev/null'] },
      ],
    };
    fs.writeFileSync(ctx.aclFile, JSON.stringify(acl));

    // Tools: iperf3 only if present; rsync and sshd installed when missing (root + apt-get).
    if (kinds.has('mem')) {
      ctx.tools.iperf3 = which('iperf3');
      if (!ctx.tools.iperf3) log('iperf3 not installed: that baseline is skipped (the bench does not install it)');
    }
    if (kinds.has('disk') || kinds.has('small')) {
      const rsync = ensureTool('rsync', 'rsync', log);
      ctx.tools.rsync = rsync.path;
      ctx.notes.rsync = rsync.skip;
      if (rsync.skip) log(`rsync baselines skipped: ${rsync.skip}`);
    }
    if (kinds.has('disk') || kinds.has('wan') || kinds.has('small')) {
      const sshd = await startSshd({ scratch: ctx.scratch, log, onCleanup: (fn) => ctx.cleanups.push(fn) });
      if (sshd.skip) {
        ctx.notes.sshd = sshd.skip;
        log(`ssh baselines skipped: ${sshd.skip}`);
      } else {
        ctx.sshd = sshd;
        log(`sshd: 127.0.0.1:${sshd.port} (pid ${sshd.sshd.pid}), ${sshd.version}, cipher ${sshd.cipher}`);
      }
    }

    startupSeconds = measureCliStartup();

    for (const name of opts.only) {
      const sc = SCENARIOS[name];
      log(`${name}: ${sc.title}`);
      if (sc.kind === 'wan' && !ctx.wan) {
        await setUpWan(ctx, opts);
        scpWan = await runWanScp(ctx, opts);
        scpWan.value = stats(scpWan.runs.filter((r) => r.ok).map((r) => r.value));
        scpWan.failures = scpWan.runs.filter((r) => !r.ok).length;
        scpWanFailures = scpWan.failures;
      }
      await startScenarioServers(ctx, sc);
      let result;
      try {
        if (sc.kind === 'mem') result = await runMemScenario(ctx, name, opts);
        else if (sc.kind === 'disk') result = await runDiskScenario(ctx, name, opts);
        else if (sc.kind === 'small') result = await runSmallScenario(ctx, name, opts);
        else if (sc.kind === 'relay') result = await runRelayScenario(ctx, name, opts);
        else result = await runWanScenario(ctx, name, opts, scpWan);
      } finally {
        const memory = await stopScenarioServers(ctx);
        if (result) result.serversSinceStart = memory;
      }
      results.push(result);
    }
    addWanScaling(results);
    if (ctx.wan) ctx.wan.emulatorCpuSeconds = readCpuSeconds(ctx.wan.emulator.pid);
  } finally {
    await stopScenarioServers(ctx);
    if (ctx.wan) await stopChild(ctx.wan.emulator, 1000);
    if (ctx.sshd) await ctx.sshd.stop();
    cleanupSync();
  }

  printTable(results, opts, startupSeconds, ctx);
  printResources(results);
  const hashes = await measureHashes();
  process.stdout.write(`\n${formatHashes(hashes)}\n`);
  const targets = evaluateTargets(results);
  printTargets(targets);

  const report = {
    date: new Date().toISOString(),
    durationSeconds: (Date.now() - began) / 1000,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    git: gitInfo(),
    options: { ...opts, json: undefined },
    units: { mbps: 'MB/s, MB = 10^6 bytes', 'files/s': 'files per second', seconds: 'seconds (see notes)' },
    notes: [
      "etransfer seconds: the copy's own timer (connect, plan, transfer, publish); wallSeconds adds Node start-up",
      "raw pipe seconds: sender starts connecting -> receiver has every byte (disk: fsync'd); process start-up excluded",
      'cp, rsync, scp, iperf3: wall clock of the process (start-up and ssh handshake included); toolSeconds + syncSeconds where a sync follows',
      'sync after a disk baseline: `sync FILE` (coreutils >= 8.24: fsync of that file); after the small-file baselines: `sync -f DIR` (syncfs)',
      "disk source file is fsync'd before the runs and served from the page cache; destinations are fsync'd; a global `sync` (untimed) precedes each disk and small-file run",
      'serverCpuSeconds: CPU time used by each etransfer server during the copy (from /proc/PID/stat)',
      'servers are started afresh for each scenario and warmed up with one untimed /dev/zero copy (same stream count) before the runs',
      'peakRssKiB: VmHWM after the run; peakRssScope "run" when it was reset through /proc/PID/clear_refs just before, else "since server start"; serversSinceStart: VmHWM of the servers of the scenario over their whole life (warm-up included)',
      'wan: data path A -> emulator (127.0.0.3) -> W (127.0.0.2); each run checks the emulator carried at least the payload (emulator.up)',
    ],
    tools: {
      rsync: ctx.tools.rsync ? toolVersion(ctx.tools.rsync) : ctx.notes.rsync,
      ssh: ctx.sshd ? { version: ctx.sshd.version, cipher: ctx.sshd.cipher } : ctx.notes.sshd,
      iperf3: ctx.tools.iperf3 ? toolVersion(ctx.tools.iperf3) : kinds.has('mem') ? 'not installed' : undefined,
      cp: toolVersion('cp'),
    },
    wan: ctx.wan && {
      window: opts.wanWindow,
      delayMs: opts.wanDelayMs,
      capPerConnectionMBps: opts.wanWindow / 1e6 / (opts.wanDelayMs / 1000),
      emulatorCpuSeconds: ctx.wan.emulatorCpuSeconds,
    },
    cliStartupSeconds: startupSeconds,
    scenarios: results,
    targets,
    hashes,
  };
  fs.mkdirSync(path.dirname(opts.json), { recursive: true });
  fs.writeFileSync(opts.json, `${JSON.stringify(report, null, 2)}\n`);
  log(`results: ${path.relative(process.cwd(), opts.json) || opts.json} (${report.durationSeconds.toFixed(0)} s total)`);

  const failures = results.reduce(
    (n, r) => n + r.etransfer.failures + r.baselines.filter((b) => !b.derived && !b.shared).reduce((m, b) => m + (b.failures ?? 0), 0),
    scpWanFailures ?? 0,
  );
  if (failures > 0) {
    log(`${failures} run(s) failed`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  if (err?.usage) {
    process.stderr.write(`bench: ${err.message}\n(run with --help for usage)\n`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`bench: ${err?.stack ?? err}\n`);
  process.exitCode = 1;
});
