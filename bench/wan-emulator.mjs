/**
 * A TCP delay line standing in for a long, fat link (`tc netem` is not available here).
 *
 *   node bench/wan-emulator.mjs --forward LISTEN_HOST:PORT=TARGET_HOST:PORT [--forward ...]
 *                               [--window 256KiB] [--delay-ms 20]
 *
 * Each accepted connection is forwarded to its target. In each direction, separately, the line
 * holds at most WINDOW bytes in flight: a piece read from one side is released to the other
 * DELAY ms after it entered the line; a piece that finds the line full waits (unread, its socket
 * paused) until there is room, and is cut to fit so the window is never exceeded. A byte counts
 * as in flight until the kernel has taken it on the far side, so a slow receiver slows the sender
 * too. One connection is therefore capped near WINDOW / DELAY (256 KiB / 20 ms ≈ 13.1 MB/s), as
 * TCP is capped by its window on a link with a round trip of 2 x DELAY. Connection set-up is not
 * delayed, only payload. Half-close is forwarded once the line is empty; a reset closes both.
 *
 * stdout, one JSON line each: {"event":"listening","listen":"h:p","target":"h:p"} per --forward,
 * {"event":"closed","listen":...,"up":BYTES,"down":BYTES,"ms":...} per connection (up = towards
 * the target). SIGTERM / SIGINT: exit at once.
 */
import net from 'node:net';
import { parseArgs } from 'node:util';

const nowMs = () => performance.now();

function emit(event) {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

function fail(err) {
  process.stderr.write(`wan-emulator: ${err?.stack ?? err}\n`);
  process.exit(1);
}

/** "256KiB", "1MiB", "65536" → bytes. */
function parseBytes(text) {
  const m = /^(\d+(?:\.\d+)?)\s*(B|KiB|MiB|GiB|KB|MB|GB)?$/i.exec(String(text).trim());
  if (!m) throw new Error(`bad size "${text}"`);
  const unit = (m[2] ?? 'B').toLowerCase();
  const factor = { b: 1, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, kb: 1e3, mb: 1e6, gb: 1e9 }[unit];
  return Math.round(Number(m[1]) * factor);
}

function parseHostPort(text) {
  const i = text.lastIndexOf(':');
  const host = text.slice(0, i);
  const port = Number(text.slice(i + 1));
  if (i <= 0 || !Number.isSafeInteger(port) || port < 0 || port > 65535) throw new Error(`bad HOST:PORT "${text}"`);
  return { host, port };
}

/** One direction of one connection: src → (delay line) → dst. */
class DelayLine {
  constructor(src, dst, { window, delayMs }) {
    this.src = src;
    this.dst = dst;
    this.window = window;
    this.delayMs = delayMs;
    this.waiting = []; // read from src, not yet in the line (the line was full)
    this.line = []; // { buf, due }, in arrival order, so `due` never decreases
    this.held = 0; // bytes in the line plus bytes handed to dst that the kernel has not taken yet
    this.timer = undefined;
    this.ended = false;
    this.bytes = 0;
    src.on('data', (buf) => {
      this.waiting.push(buf);
      this.admit();
    });
    src.on('end', () => {
      this.ended = true;
      this.maybeEnd();
    });
  }

  admit() {
    while (this.waiting.length > 0 && this.held < this.window) {
      const room = this.window - this.held;
      let buf = this.waiting[0];
      if (buf.length > room) {
        this.waiting[0] = buf.subarray(room);
        buf = buf.subarray(0, room);
      } else {
        this.waiting.shift();
      }
      this.held += buf.length;
      this.line.push({ buf, due: nowMs() + this.delayMs });
    }
    if (this.waiting.length > 0) this.src.pause();
    else if (!this.ended) this.src.resume();
    this.schedule();
  }

  schedule() {
    if (this.timer !== undefined || this.line.length === 0) return;
    this.timer = setTimeout(() => this.release(), Math.max(0, this.line[0].due - nowMs()));
  }

  release() {
    this.timer = undefined;
    // setTimeout fires on whole milliseconds: release what is due within the next half one.
    const now = nowMs() + 0.5;
    while (this.line.length > 0 && this.line[0].due <= now) {
      const { buf } = this.line.shift();
      this.bytes += buf.length;
      if (this.dst.destroyed) return;
      this.dst.write(buf, (err) => {
        if (err) return;
        this.held -= buf.length;
        this.admit();
        this.maybeEnd();
      });
    }
    this.schedule();
  }

  maybeEnd() {
    if (this.ended && this.waiting.length === 0 && this.held === 0 && !this.dst.destroyed) {
      this.dst.end();
    }
  }
}

function forward(listen, target, opts) {
  const label = `${listen.host}:${listen.port}`;
  const server = net.createServer({ allowHalfOpen: true, noDelay: true }, (client) => {
    const started = nowMs();
    const upstream = net.connect({ host: target.host, port: target.port, allowHalfOpen: true, noDelay: true });
    const up = new DelayLine(client, upstream, opts);
    const down = new DelayLine(upstream, client, opts);
    let closed = 0;
    const onClose = () => {
      closed++;
      if (closed === 2) emit({ event: 'closed', listen: label, up: up.bytes, down: down.bytes, ms: Math.round(nowMs() - started) });
    };
    const destroyBoth = () => {
      client.destroy();
      upstream.destroy();
    };
    // A reset or error on either side tears the pair down; an orderly close of both ends is the
    // half-closes meeting in the middle.
    client.on('error', destroyBoth);
    upstream.on('error', destroyBoth);
    client.on('close', () => {
      if (!upstream.writableEnded || !upstream.readableEnded) upstream.destroy();
      onClose();
    });
    upstream.on('close', () => {
      if (!client.writableEnded || !client.readableEnded) client.destroy();
      onClose();
    });
  });
  server.on('error', fail);
  server.listen(listen.port, listen.host, () => {
    const addr = server.address();
    emit({ event: 'listening', listen: `${addr.address}:${addr.port}`, target: `${target.host}:${target.port}` });
  });
  return server;
}

function main() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      forward: { type: 'string', multiple: true },
      window: { type: 'string', default: '256KiB' },
      'delay-ms': { type: 'string', default: '20' },
    },
    strict: true,
  });
  if (!values.forward?.length)
    throw new Error('usage: wan-emulator.mjs --forward LISTEN_HOST:PORT=TARGET_HOST:PORT [--window 256KiB] [--delay-ms 20]');
  const window = parseBytes(values.window);
  const delayMs = Number(values['delay-ms']);
  if (!(window > 0)) throw new Error('--window must be positive');
  if (!(delayMs >= 0)) throw new Error('--delay-ms must be zero or more');
  for (const spec of values.forward) {
    const eq = spec.indexOf('=');
    if (eq < 0) throw new Error(`--forward "${spec}": expected LISTEN=TARGET`);
    forward(parseHostPort(spec.slice(0, eq)), parseHostPort(spec.slice(eq + 1)), { window, delayMs });
  }
}

for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
Promise.resolve().then(main).catch(fail);
