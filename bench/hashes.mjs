/**
 * What integrity costs on this machine: throughput of the candidate chunk hashes on 4 MiB
 * chunks, and how much of each call the event loop itself pays (the rest runs on the thread
 * pool). etransfer hashes chunks with BLAKE3, native where it loads, else WebAssembly (see
 * src/transfer/chunk-hash.ts).
 */
import { createHash, randomBytes, webcrypto } from 'node:crypto';
import zlib from 'node:zlib';
import { blake3, loadWasmBlake3 } from '../dist/transfer/chunk-hash.js';

const CHUNK = 4 * 1024 * 1024;
const ROUNDS = 64;

function gbps(bytes, ms) {
  return bytes / 1e9 / (ms / 1000);
}

export async function measureHashes() {
  const data = randomBytes(CHUNK);
  const bytes = CHUNK * ROUNDS;
  const rows = [];
  const sync = (name, fn) => {
    fn();
    const t = performance.now();
    for (let i = 0; i < ROUNDS; i++) fn();
    const ms = performance.now() - t;
    rows.push({ name, gbPerSecond: +gbps(bytes, ms).toFixed(2), eventLoopMsPerChunk: +(ms / ROUNDS).toFixed(2) });
  };
  sync('crc32 (zlib)', () => zlib.crc32(data));
  sync('sha256 (createHash, on the event loop)', () => createHash('sha256').update(data).digest());
  sync('md5 (createHash)', () => createHash('md5').update(data).digest());
  const wasm = await loadWasmBlake3();
  for (const impl of blake3.name === 'native' ? [blake3, wasm] : [wasm]) {
    sync(`blake3 (${impl.name})${impl === blake3 ? ' [used]' : ''}`, () => impl.create().update(data).digest());
  }
  // WebCrypto: two digests in flight, as the sender and receiver keep them.
  let eventLoopMs = 0;
  const t = performance.now();
  const inflight = [];
  for (let i = 0; i < ROUNDS; i++) {
    const s = performance.now();
    inflight.push(webcrypto.subtle.digest('SHA-256', data));
    eventLoopMs += performance.now() - s;
    if (inflight.length >= 2) await inflight.shift();
  }
  await Promise.all(inflight);
  rows.push({
    name: 'sha256 (WebCrypto, thread pool)',
    gbPerSecond: +gbps(bytes, performance.now() - t).toFixed(2),
    eventLoopMsPerChunk: +(eventLoopMs / ROUNDS).toFixed(2),
  });
  return rows;
}

export function formatHashes(rows) {
  const out = [
    'hash (4 MiB chunks)                      | GB/s  | event-loop ms per chunk',
    '-----------------------------------------|-------|------------------------',
  ];
  for (const r of rows)
    out.push(`${r.name.padEnd(40)} | ${String(r.gbPerSecond).padStart(5)} | ${String(r.eventLoopMsPerChunk).padStart(6)}`);
  return out.join('\n');
}
