/**
 * `npm run bench`: etransfer third-party throughput on loopback, each scenario beside a raw TCP
 * pipe between two Node processes (bench/raw-pipe.mjs) with the same size and stream count.
 *
 *   mem1   /dev/zero:SIZE-MEM  -> /dev/null, -p 1
 *   mem4   /dev/zero:SIZE-MEM  -> /dev/null, -p 4
 *   disk4  a SIZE-DISK file    -> another folder (--overwrite, fsync'd), -p 4
 *
 * Flags: --only mem1,mem4,disk4  --repeat N  --size-mem 2GiB  --size-disk 1GiB
 *        --json FILE (default bench/results/latest.json)
 *
 * The etransfer time is the copy's own timer (its summary line): from connecting to the servers
 * to the last file published, Node's start-up left out (the JSON also has the wall clock); the pipe time runs from the sender starting to
 * connect until the receiver has every byte (and, for the file, has fsync'd it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  freePorts,
  killAllChildren,
  readCpuSeconds,
  readMemory,
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

/** MB/s with MB = 10^6 bytes. */
const mbPerSecond = (bytes, seconds) => bytes / 1e6 / seconds;

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH_DIR);
const CLI = path.join(ROOT, 'bin', 'etransfer');
const RAW_PIPE = path.join(BENCH_DIR, 'raw-pipe.mjs');
const NODE = process.execPath;

const BLOCK = 16 * 1024 * 1024;
const VERIFY_WINDOW = 64 * 1024;
/** A run slower than this (plus a fixed allowance) is killed and counted as failed. */
const FLOOR_BYTES_PER_SECOND = 20e6;
const FIXED_ALLOWANCE_MS = 30_000;

const SCENARIOS = {
  mem1: { kind: 'mem', streams: 1, title: 'mem→mem /dev/zero→/dev/null -p 1' },
  mem4: { kind: 'mem', streams: 4, title: 'mem→mem /dev/zero→/dev/null -p 4' },
  disk4: { kind: 'disk', streams: 4, title: 'disk→disk file, fsync, -p 4' },
};

// ---------------------------------------------------------------------------------------------
// Arguments

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string', multiple: true },
      repeat: { type: 'string', default: '1' },
      'size-mem': { type: 'string', default: '2GiB' },
      'size-disk': { type: 'string', default: '1GiB' },
      json: { type: 'string', default: path.join(BENCH_DIR, 'results', 'latest.json') },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(
      'usage: node bench/run.mjs [--only mem1,mem4,disk4] [--repeat N] [--size-mem 2GiB] [--size-disk 1GiB] [--json FILE]\n',
    );
    process.exit(0);
  }
  const only = (values.only ?? Object.keys(SCENARIOS)).flatMap((s) => s.split(',')).filter(Boolean);
  for (const name of only) {
    if (!(name in SCENARIOS)) throw new Error(`--only: unknown scenario "${name}" (choose from ${Object.keys(SCENARIOS).join(', ')})`);
  }
  const repeat = Number(values.repeat);
  if (!Number.isSafeInteger(repeat) || repeat < 1) throw new Error(`--repeat must be a positive whole number, not "${values.repeat}"`);
  return {
    only: Object.keys(SCENARIOS).filter((name) => only.includes(name)),
    repeat,
    sizeMem: parseSize(values['size-mem']),
    sizeDisk: parseSize(values['size-disk']),
    json: path.resolve(values.json),
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers

const log = (text) => process.stderr.write(`${text}\n`);
const seconds = (startNs, endNs) => Number(endNs - startNs) / 1e9;
const timeoutFor = (bytes) => FIXED_ALLOWANCE_MS + Math.ceil((bytes / FLOOR_BYTES_PER_SECOND) * 1000);

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

// ---------------------------------------------------------------------------------------------
// One etransfer copy, one raw pipe

async function runEtransferCopy(ctx, args, bytes) {
  const cpuBefore = ctx.servers.map((s) => readCpuSeconds(s.pid));
  const startNs = process.hrtime.bigint();
  const proc = startChild('etransfer copy', NODE, [CLI, 'copy', ...args], { cwd: ROOT });
  const result = await waitWithTimeout(proc, timeoutFor(bytes));
  const wallSeconds = seconds(startNs, result.endNs);
  // The copy's own timer (its summary line, "N done: SIZE in X s"): from its first connect to the
  // last file published. Node's start-up, which the raw pipe does not pay either, is left out.
  const own = /done: .* in ([\d.]+) s/.exec(proc.stdout);
  const secs = own ? Number(own[1]) : wallSeconds;
  const cpuAfter = ctx.servers.map((s) => readCpuSeconds(s.pid));
  const serverCpuSeconds = Object.fromEntries(
    ctx.servers.map((s, i) => [
      s.name,
      cpuBefore[i] === undefined || cpuAfter[i] === undefined ? null : +(cpuAfter[i] - cpuBefore[i]).toFixed(2),
    ]),
  );
  if (result.code !== 0 || result.timedOut) {
    const why = result.timedOut ? `timed out after ${timeoutFor(bytes)} ms` : `exit code ${result.code}, signal ${result.signal}`;
    const detail = [
      `etransfer copy ${args.join(' ')}: ${why}`,
      `--- copy stdout ---\n${tail(proc.stdout)}`,
      `--- copy stderr ---\n${tail(proc.stderr)}`,
      ...ctx.servers.map((s) => `--- server ${s.name} stderr ---\n${tail(s.stderr)}`),
    ].join('\n');
    return { ok: false, seconds: secs, wallSeconds, error: detail, exitCode: result.code };
  }
  return { ok: true, seconds: secs, wallSeconds, mbps: mbPerSecond(bytes, secs), serverCpuSeconds };
}

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
      mbps: mbPerSecond(bytes, secs),
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

function describeRun(label, r) {
  if (!r.ok) return `${label} FAILED`;
  return `${label} ${r.seconds.toFixed(2)} s ${r.mbps.toFixed(0)} MB/s`;
}

async function runScenario(ctx, name, opts) {
  const sc = SCENARIOS[name];
  const bytes = sc.kind === 'mem' ? opts.sizeMem : opts.sizeDisk;
  const [a, b] = ctx.servers;
  const out = { name, title: sc.title, bytes, streams: sc.streams, etransfer: { runs: [] }, pipe: { runs: [] } };

  let etArgs;
  let pipeFiles = {};
  let etDest;
  let pipeDest;
  if (sc.kind === 'mem') {
    etArgs = ['-p', String(sc.streams), `127.0.0.1#${a.controlPort}:/dev/zero:${bytes}`, `127.0.0.1#${b.controlPort}:/dev/null`];
  } else {
    const source = ensureSourceFile(ctx, bytes);
    etDest = path.join(ctx.scratch, 'etransfer-dst', 'data.bin');
    pipeDest = path.join(ctx.scratch, 'pipe-dst', 'data.bin');
    fs.mkdirSync(path.dirname(etDest), { recursive: true });
    fs.mkdirSync(path.dirname(pipeDest), { recursive: true });
    etArgs = ['-p', String(sc.streams), '--overwrite', `127.0.0.1#${a.controlPort}:${source}`, `127.0.0.1#${b.controlPort}:${etDest}`];
    pipeFiles = { sourceFile: source, destFile: pipeDest };
  }

  const runEt = async () => {
    const et = await runEtransferCopy(ctx, etArgs, bytes);
    if (et.ok && etDest) {
      try {
        verifyCopy(ctx.sourceFile, etDest, bytes);
      } catch (err) {
        Object.assign(et, { ok: false, error: `etransfer copy verification: ${err.message}` });
      }
    }
    if (etDest) fs.rmSync(etDest, { force: true });
    return et;
  };
  const runPipe = async () => {
    const pipe = await runRawPipe(bytes, sc.streams, pipeFiles);
    if (pipe.ok && pipeDest) {
      try {
        verifyCopy(ctx.sourceFile, pipeDest, bytes);
      } catch (err) {
        Object.assign(pipe, { ok: false, error: `raw pipe verification: ${err.message}` });
      }
    }
    if (pipeDest) fs.rmSync(pipeDest, { force: true });
    return pipe;
  };

  for (let i = 1; i <= opts.repeat; i++) {
    // Alternate which side goes first, so neither always inherits the other's after-effects.
    const etFirst = i % 2 === 1;
    let et;
    let pipe;
    if (etFirst) {
      et = await runEt();
      pipe = await runPipe();
    } else {
      pipe = await runPipe();
      et = await runEt();
    }
    et.order = etFirst ? 1 : 2;
    pipe.order = etFirst ? 2 : 1;
    out.etransfer.runs.push(et);
    out.pipe.runs.push(pipe);

    log(`  ${name} #${i}: ${describeRun('etransfer', et)} | ${describeRun('raw pipe', pipe)}`);
    for (const r of [et, pipe]) if (!r.ok) log(r.error);
  }

  for (const side of [out.etransfer, out.pipe]) {
    side.mbps = stats(side.runs.filter((r) => r.ok).map((r) => r.mbps));
    side.failures = side.runs.filter((r) => !r.ok).length;
  }
  out.ratio = out.etransfer.mbps && out.pipe.mbps ? out.etransfer.mbps.median / out.pipe.mbps.median : null;
  return out;
}

function ensureSourceFile(ctx, bytes) {
  if (ctx.sourceFile) return ctx.sourceFile;
  const file = path.join(ctx.scratch, 'src', 'data.bin');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const start = process.hrtime.bigint();
  createSourceFile(file, bytes);
  log(
    `  created ${formatSize(bytes)} source file in ${seconds(start, process.hrtime.bigint()).toFixed(1)} s (fsync'd; stays in the page cache)`,
  );
  ctx.sourceFile = file;
  return file;
}

// ---------------------------------------------------------------------------------------------
// Servers

async function startServers(ctx) {
  const [ctlA, dataA, ctlB, dataB] = await freePorts(4);
  const spec = [
    { name: 'A', controlPort: ctlA, dataPort: dataA },
    { name: 'B', controlPort: ctlB, dataPort: dataB },
  ];
  for (const s of spec) {
    const proc = startChild(
      `server ${s.name}`,
      NODE,
      [
        CLI,
        'serve',
        '--control',
        `127.0.0.1:${s.controlPort}`,
        '--data',
        `127.0.0.1:${s.dataPort}`,
        '--acl',
        ctx.aclFile,
        '--log-level',
        'warn',
      ],
      { cwd: ROOT },
    );
    Object.assign(proc, s);
    ctx.servers.push(proc);
  }
  await Promise.all(ctx.servers.map((s) => waitForPort(s, s.controlPort, 15_000)));
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

function formatMbps(s, repeat) {
  if (!s) return 'FAILED';
  const median = s.median.toFixed(0);
  return repeat > 1 ? `${median} (${s.min.toFixed(0)}–${s.max.toFixed(0)})` : median;
}

function printTable(results, opts, startupSeconds) {
  const rows = [['scenario', 'size', 'streams', 'etransfer MB/s', 'raw pipe MB/s', 'ratio']];
  for (const r of results) {
    rows.push([
      r.name,
      formatSize(r.bytes),
      String(r.streams),
      formatMbps(r.etransfer.mbps, opts.repeat),
      formatMbps(r.pipe.mbps, opts.repeat),
      r.ratio === null ? '-' : r.ratio.toFixed(2),
    ]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ');
  const out = [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.slice(1).map(line)];
  out.push('');
  out.push('MB = 10^6 bytes. ratio = etransfer / raw pipe (medians).');
  if (opts.repeat > 1) out.push(`${opts.repeat} runs each: median (min–max).`);
  out.push(
    "etransfer = the copy's own timer, from connecting to both servers to the file published; Node start-up (wall clock in the JSON) left out" +
      (startupSeconds === undefined ? '.' : ` (\`etransfer --version\` alone takes ${(startupSeconds * 1000).toFixed(0)} ms here).`),
  );
  out.push("raw pipe = sender starts connecting → receiver has every byte (disk: and has fsync'd); process start-up excluded.");
  process.stdout.write(`${out.join('\n')}\n`);
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

  const ctx = { scratch: fs.mkdtempSync(path.join(os.tmpdir(), 'etransfer-bench-')), servers: [], sourceFile: undefined };
  let cleaned = false;
  const cleanupSync = () => {
    if (cleaned) return;
    cleaned = true;
    killAllChildren('SIGKILL');
    fs.rmSync(ctx.scratch, { recursive: true, force: true });
  };
  const onSignal = (signal) => {
    log(`\n${signal}: stopping the servers and removing ${ctx.scratch}`);
    cleanupSync();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  process.once('exit', cleanupSync);

  const results = [];
  const began = Date.now();
  let serverMemory = {};
  let startupSeconds;
  try {
    ctx.aclFile = path.join(ctx.scratch, 'acl.json');
    const acl = {
      users: {},
      rules: [
        { users: ['anonymous', '*'], allow: ['list', 'read', 'write'], paths: ['/tmp/**', `${ctx.scratch}/**`, '/dev/zero', '/dev/null'] },
      ],
    };
    fs.writeFileSync(ctx.aclFile, JSON.stringify(acl));

    await startServers(ctx);
    log(
      `servers: A control ${ctx.servers[0].controlPort} (pid ${ctx.servers[0].pid}), B control ${ctx.servers[1].controlPort} (pid ${ctx.servers[1].pid})`,
    );
    startupSeconds = measureCliStartup();

    for (const name of opts.only) {
      log(`${name}: ${SCENARIOS[name].title}`);
      results.push(await runScenario(ctx, name, opts));
    }
    serverMemory = Object.fromEntries(ctx.servers.map((s) => [s.name, { pid: s.pid, ...readMemory(s.pid) }]));
  } finally {
    for (const s of ctx.servers) {
      const r = await stopChild(s);
      if (r.code !== 0 && r.signal !== 'SIGTERM') log(`server ${s.name} exited with code ${r.code}, signal ${r.signal}\n${tail(s.stderr)}`);
    }
    cleanupSync();
  }

  printTable(results, opts, startupSeconds);
  const hashes = await measureHashes();
  process.stdout.write(`\n${formatHashes(hashes)}\n`);

  const report = {
    date: new Date().toISOString(),
    durationSeconds: (Date.now() - began) / 1000,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    git: gitInfo(),
    options: { ...opts, json: undefined },
    units: { mbps: 'MB/s, MB = 10^6 bytes', seconds: 'seconds (see notes)' },
    notes: [
      "etransfer seconds: the copy's own timer (connect, plan, transfer, publish); wallSeconds adds Node start-up",
      "raw pipe seconds: sender starts connecting -> receiver has every byte (disk: fsync'd); process start-up excluded",
      "disk source file is fsync'd before the runs and served from the page cache; destinations are fsync'd",
      'serverCpuSeconds: CPU time used by each etransfer server during the copy (from /proc/PID/stat)',
    ],
    cliStartupSeconds: startupSeconds,
    servers: serverMemory,
    scenarios: results,
    hashes,
  };
  fs.mkdirSync(path.dirname(opts.json), { recursive: true });
  fs.writeFileSync(opts.json, `${JSON.stringify(report, null, 2)}\n`);
  log(`results: ${path.relative(process.cwd(), opts.json) || opts.json} (${report.durationSeconds.toFixed(0)} s total)`);

  const failures = results.reduce((n, r) => n + r.etransfer.failures + r.pipe.failures, 0);
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
