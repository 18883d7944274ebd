/**
 * The benchmark's baseline: a raw TCP pipe between two Node processes, no framing beyond a
 * 16-byte header per connection, no protocol, no acknowledgements.
 *
 *   node bench/raw-pipe.mjs recv --size BYTES --streams N [--file PATH]
 *     listens on 127.0.0.1:0 and prints {"event":"listening","port":P}; accepts N connections,
 *     each starting with a header (offset u64 BE, length u64 BE); discards the bytes, or writes
 *     them to PATH with positional writes (coalesced to 4 MiB) and fsyncs it at the end; then
 *     prints {"event":"done","doneNs":...} with process.hrtime (CLOCK_MONOTONIC, comparable
 *     between processes on one machine).
 *
 *   node bench/raw-pipe.mjs send --port P --size BYTES --streams N [--file PATH]
 *     prints {"event":"started","startNs":...} just before it starts connecting, opens N
 *     connections and sends SIZE bytes split across them in 4 MiB-aligned contiguous ranges:
 *     from one reused zero buffer, or read from PATH with positional reads in 4 MiB chunks.
 *     Backpressure: write() return value and 'drain'.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import { open } from 'node:fs/promises';
import net from 'node:net';
import { parseArgs } from 'node:util';

const CHUNK = 4 * 1024 * 1024;
const HEADER_BYTES = 16;
const BUFFERS_PER_STREAM = 4;
const MAX_WRITES_IN_FLIGHT = 2;

const nowNs = () => process.hrtime.bigint();

function emit(event) {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

function usage() {
  const cpu = process.cpuUsage();
  return { maxRssKiB: process.resourceUsage().maxRSS, cpuMs: Math.round((cpu.user + cpu.system) / 1000) };
}

function fail(err) {
  process.stderr.write(`raw-pipe ${process.argv[2]}: ${err?.stack ?? err}\n`);
  process.exit(1);
}

/** Contiguous, CHUNK-aligned ranges, one per stream (a stream may get none when size is small). */
function splitRanges(size, streams) {
  const chunks = Math.ceil(size / CHUNK);
  const ranges = [];
  for (let i = 0; i < streams; i++) {
    const start = Math.min(size, Math.floor((i * chunks) / streams) * CHUNK);
    const end = Math.min(size, Math.floor(((i + 1) * chunks) / streams) * CHUNK);
    ranges.push({ offset: start, length: end - start });
  }
  return ranges;
}

// ---------------------------------------------------------------------------------------------
// Receiver

async function receive({ size, streams, file }) {
  const fd = file ? fs.openSync(file, 'w') : undefined;
  let received = 0;
  let finished = 0;
  let failed = false;

  const server = net.createServer({ noDelay: true }, (sock) => {
    let header = Buffer.alloc(0);
    let range;
    let got = 0;
    let ended = false;
    // File case: bytes waiting to be written, and writes in flight.
    let pending = [];
    let pendingBytes = 0;
    let writePos = 0;
    let inFlight = 0;

    const abort = (err) => {
      if (failed) return;
      failed = true;
      fail(err);
    };

    const maybeFinished = () => {
      if (!ended || inFlight > 0 || pendingBytes > 0) return;
      if (got !== range.length) return abort(new Error(`stream at offset ${range.offset}: got ${got} of ${range.length} bytes`));
      finished++;
      if (finished === streams) allDone();
    };

    const flush = () => {
      const bufs = pending;
      const bytes = pendingBytes;
      const pos = writePos;
      pending = [];
      pendingBytes = 0;
      writePos += bytes;
      inFlight++;
      if (inFlight >= MAX_WRITES_IN_FLIGHT) sock.pause();
      fs.writev(fd, bufs, pos, (err, written) => {
        inFlight--;
        if (err) return abort(err);
        if (written !== bytes) return abort(new Error(`short write: ${written} of ${bytes} bytes at ${pos}`));
        if (!ended) sock.resume();
        maybeFinished();
      });
    };

    const onPayload = (data) => {
      got += data.length;
      received += data.length;
      if (got > range.length) return abort(new Error(`stream at offset ${range.offset}: more than ${range.length} bytes`));
      if (fd === undefined) return;
      pending.push(data);
      pendingBytes += data.length;
      if (pendingBytes >= CHUNK) flush();
    };

    sock.on('data', (data) => {
      if (range) return onPayload(data);
      header = Buffer.concat([header, data]);
      if (header.length < HEADER_BYTES) return;
      const offset = Number(header.readBigUInt64BE(0));
      const length = Number(header.readBigUInt64BE(8));
      if (offset + length > size) return abort(new Error(`range ${offset}+${length} beyond ${size}`));
      range = { offset, length };
      writePos = offset;
      const rest = header.subarray(HEADER_BYTES);
      if (rest.length > 0) onPayload(rest);
    });
    sock.on('end', () => {
      ended = true;
      if (!range) return abort(new Error('connection ended before its header'));
      if (pendingBytes > 0) flush();
      maybeFinished();
    });
    sock.on('error', abort);
  });

  function allDone() {
    if (received !== size) return fail(new Error(`received ${received} of ${size} bytes`));
    if (fd !== undefined) {
      fs.fsyncSync(fd);
      fs.closeSync(fd);
    }
    const doneNs = nowNs();
    server.close();
    emit({ event: 'done', doneNs: String(doneNs), bytes: received, ...usage() });
    process.exit(0);
  }

  server.on('error', fail);
  server.listen(0, '127.0.0.1', () => emit({ event: 'listening', port: server.address().port }));
}

// ---------------------------------------------------------------------------------------------
// Sender

class BufferPool {
  constructor(count, size) {
    this.free = Array.from({ length: count }, () => Buffer.allocUnsafe(size));
    this.waiters = [];
  }
  acquire() {
    const buf = this.free.pop();
    if (buf) return Promise.resolve(buf);
    return new Promise((resolve) => this.waiters.push(resolve));
  }
  release(buf) {
    const waiter = this.waiters.shift();
    if (waiter) waiter(buf);
    else this.free.push(buf);
  }
}

async function sendRange(port, range, source) {
  const sock = net.connect({ host: '127.0.0.1', port, noDelay: true });
  await once(sock, 'connect');
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeBigUInt64BE(BigInt(range.offset), 0);
  header.writeBigUInt64BE(BigInt(range.length), 8);
  sock.write(header);

  const end = range.offset + range.length;
  // Up to BUFFERS_PER_STREAM chunks queued per socket, each freed when the kernel has taken it
  // (its write callback): a pipeline like etransfer's window, not stop-and-wait on 'drain'.
  const pool = new BufferPool(BUFFERS_PER_STREAM, CHUNK);
  for (let pos = range.offset; pos < end; pos += CHUNK) {
    const n = Math.min(CHUNK, end - pos);
    const buf = await pool.acquire();
    if (!source.zero) {
      const { bytesRead } = await source.handle.read(buf, 0, n, pos);
      if (bytesRead !== n) throw new Error(`short read: ${bytesRead} of ${n} bytes at ${pos}`);
    }
    sock.write(source.zero ? source.zero.subarray(0, n) : buf.subarray(0, n), () => pool.release(buf));
  }
  sock.end();
  await once(sock, 'close');
}

async function send({ port, size, streams, file }) {
  const source = file ? { handle: await open(file, 'r') } : { zero: Buffer.alloc(CHUNK) };
  const startNs = nowNs();
  emit({ event: 'started', startNs: String(startNs) });
  await Promise.all(splitRanges(size, streams).map((r) => sendRange(port, r, source)));
  await source.handle?.close();
  emit({ event: 'sent', bytes: size, ...usage() });
}

// ---------------------------------------------------------------------------------------------

function main() {
  const role = process.argv[2];
  const { values } = parseArgs({
    args: process.argv.slice(3),
    options: {
      port: { type: 'string' },
      size: { type: 'string' },
      streams: { type: 'string', default: '1' },
      file: { type: 'string' },
    },
    strict: true,
  });
  const size = Number(values.size);
  const streams = Number(values.streams);
  if (!Number.isSafeInteger(size) || size <= 0) throw new Error('--size must be a positive number of bytes');
  if (!Number.isSafeInteger(streams) || streams < 1) throw new Error('--streams must be a positive whole number');
  if (role === 'recv') return receive({ size, streams, file: values.file });
  if (role === 'send') {
    const port = Number(values.port);
    if (!Number.isSafeInteger(port) || port <= 0 || port > 65535) throw new Error('--port is required');
    return send({ port, size, streams, file: values.file });
  }
  throw new Error('usage: raw-pipe.mjs recv|send --size BYTES --streams N [--port P] [--file PATH]');
}

Promise.resolve().then(main).catch(fail);
