/**
 * Child processes for the benchmark: spawn with captured (bounded) output, remember every live
 * child so a signal handler can kill them all, wait for a TCP port, read /proc figures.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

const MAX_CAPTURE_CHARS = 256 * 1024;
const live = new Set();

/** Keeps the last MAX_CAPTURE_CHARS characters of a stream. */
class Capture {
  constructor() {
    this.text = '';
    this.dropped = 0;
  }
  push(chunk) {
    this.text += chunk;
    if (this.text.length > MAX_CAPTURE_CHARS) {
      const cut = this.text.length - MAX_CAPTURE_CHARS;
      this.dropped += cut;
      this.text = this.text.slice(cut);
    }
  }
  toString() {
    return this.dropped > 0 ? `[... ${this.dropped} characters dropped]\n${this.text}` : this.text;
  }
}

/**
 * Spawns `command args`; returns { name, child, pid, stdout, stderr, exited, onLine }. `exited`
 * resolves to { code, signal, endNs } and never rejects (a spawn error becomes code -1).
 */
export function startChild(name, command, args, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  const stdout = new Capture();
  const stderr = new Capture();
  const lineListeners = [];
  let partial = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    stdout.push(chunk);
    partial += chunk;
    const lines = partial.split('\n');
    partial = lines.pop();
    for (const line of lines) for (const listener of lineListeners) listener(line);
  });
  child.stderr.on('data', (chunk) => stderr.push(chunk));
  live.add(child);
  const exited = new Promise((resolve) => {
    child.on('error', (err) => {
      stderr.push(`spawn error: ${err.message}\n`);
      live.delete(child);
      resolve({ code: -1, signal: null, endNs: process.hrtime.bigint() });
    });
    child.on('exit', (code, signal) => {
      const endNs = process.hrtime.bigint();
      live.delete(child);
      resolve({ code, signal, endNs });
    });
  });
  return {
    name,
    child,
    pid: child.pid,
    stdout,
    stderr,
    exited,
    onLine: (listener) => lineListeners.push(listener),
  };
}

/** Resolves with the first stdout line that parses as JSON with `event === wanted`; rejects if the child exits first. */
export function waitForEvent(proc, wanted, timeoutMs) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${proc.name}: no "${wanted}" within ${timeoutMs} ms`)), timeoutMs);
    proc.onLine((line) => {
      let msg;
      try {
        msg = JSON.parse(line);
      } catch {
        return;
      }
      if (msg?.event === wanted) {
        clearTimeout(timer);
        resolve(msg);
      }
    });
    proc.exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${proc.name} exited (code ${code}, signal ${signal}) before "${wanted}"`));
    });
  });
}

/** Sends `signal` to every live child (synchronous; for signal and exit handlers). */
export function killAllChildren(signal = 'SIGKILL') {
  for (const child of live) {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** SIGTERM, then SIGKILL after graceMs; resolves when the child is gone. */
export async function stopChild(proc, graceMs = 3000) {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return proc.exited;
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), graceMs);
  const result = await proc.exited;
  clearTimeout(timer);
  return result;
}

/** Kills the child after timeoutMs; returns the exit result and whether it timed out. */
export async function waitWithTimeout(proc, timeoutMs) {
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    proc.child.kill('SIGKILL');
  }, timeoutMs);
  const result = await proc.exited;
  clearTimeout(timer);
  return { ...result, timedOut };
}

/** `count` distinct free loopback ports (all bound at once, then released). */
export async function freePorts(count) {
  const servers = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = net.createServer();
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolve);
      });
      servers.push(server);
    }
    return servers.map((s) => s.address().port);
  } finally {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  }
}

function tryConnect(port) {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

/** Polls until 127.0.0.1:port accepts TCP; fails if the process exits or after timeoutMs. */
export async function waitForPort(proc, port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  proc.exited.then(() => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${proc.name} exited before listening on ${port}:\n${proc.stderr}`);
    if (await tryConnect(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${proc.name} did not accept TCP on port ${port} within ${timeoutMs} ms:\n${proc.stderr}`);
}

/** VmHWM / VmRSS in KiB from /proc/PID/status; undefined where unreadable. */
export function readMemory(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => {
      const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
      return m ? Number(m[1]) : undefined;
    };
    return { vmHWMKiB: field('VmHWM'), vmRSSKiB: field('VmRSS') };
  } catch {
    return { vmHWMKiB: undefined, vmRSSKiB: undefined };
  }
}

/** CPU time (user + system) in seconds from /proc/PID/stat, assuming the usual 100 ticks/s. */
export function readCpuSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the ")" that closes the command name: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** The last `maxChars` characters of a text, for error reports. */
export function tail(text, maxChars = 4000) {
  const s = String(text);
  if (s.trim() === '') return '(empty)';
  return s.length > maxChars ? `[...]\n${s.slice(-maxChars)}` : s;
}

/**
 * Resets the peak RSS (VmHWM) of a process to its current RSS (writes 5 to /proc/PID/clear_refs,
 * Linux 4.0+, needs to own the process). Returns false where that is not possible: VmHWM then
 * stays the peak since the process started.
 */
export function resetPeakRss(pid) {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

function listenOn(host, port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, host, () => resolve(server));
  });
}

/** One port number free on every host in `hosts` (loopback addresses), e.g. 127.0.0.2 and 127.0.0.3. */
export async function freePortOnHosts(hosts, attempts = 50) {
  for (let i = 0; i < attempts; i++) {
    const servers = [];
    try {
      const first = await listenOn(hosts[0], 0);
      if (!first) throw new Error(`cannot listen on ${hosts[0]}`);
      servers.push(first);
      const port = first.address().port;
      let ok = true;
      for (const host of hosts.slice(1)) {
        const s = await listenOn(host, port);
        if (!s) {
          ok = false;
          break;
        }
        servers.push(s);
      }
      if (ok) return port;
    } finally {
      await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    }
  }
  throw new Error(`no port free on all of ${hosts.join(', ')} after ${attempts} attempts`);
}

/**
 * Runs `command args` to completion with a time limit; resolves (never rejects) to
 * { ok, seconds, code, signal, timedOut, stdout, stderr, error } where seconds is the wall clock
 * from spawning to exit and error a readable account of a failure.
 */
export async function runCommand(name, command, args, { timeoutMs = 60_000, ...options } = {}) {
  const startNs = process.hrtime.bigint();
  const proc = startChild(name, command, args, options);
  const r = await waitWithTimeout(proc, timeoutMs);
  const seconds = Number(r.endNs - startNs) / 1e9;
  const stdout = String(proc.stdout);
  const stderr = String(proc.stderr);
  const ok = r.code === 0 && !r.timedOut;
  const why = r.timedOut ? `timed out after ${timeoutMs} ms` : `exit code ${r.code}, signal ${r.signal}`;
  const error = ok ? undefined : `${name} (${[command, ...args].join(' ').slice(0, 300)}): ${why}\n--- stderr ---\n${tail(stderr)}`;
  return { ok, seconds, code: r.code, signal: r.signal, timedOut: r.timedOut, stdout, stderr, error };
}
