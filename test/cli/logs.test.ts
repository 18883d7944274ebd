/**
 * Issue 8: a transfer's log lines, read as JSON from both servers: the transfer id links them,
 * file lines carry the path and digest, the summary lines bytes, seconds, rate, direction,
 * streams and peers; no ticket or key appears, even at debug. `--log-file` appends to a file
 * and SIGUSR2 reopens it (logrotate).
 */
import { spawn } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BIN, type ServerProcess, runCli, startServerProcess } from '../helpers/processes.js';
import { type Scratch, makeScratch, writeAclFile, writeRandomFile } from '../helpers/servers.js';

type Line = Record<string, unknown>;
const parse = (lines: readonly string[]): Line[] => lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Line);

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

describe('server logs', () => {
  let scratch: Scratch;
  let aclFile: string;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    scratch = await makeScratch();
    aclFile = await writeAclFile(scratch);
    [a, b] = await Promise.all([
      startServerProcess(['--acl', aclFile, '--log-level', 'debug']),
      startServerProcess(['--acl', aclFile, '--log-level', 'debug']),
    ]);
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await scratch?.cleanup();
  });

  it('link both servers by transfer id, with paths, digests and summaries, and hold no secret', async () => {
    const src = path.join(scratch.pub, 'logged.bin');
    await writeRandomFile(src, 2 * 1024 * 1024 + 1);
    const dest = path.join(scratch.pub, 'logged-copy.bin');
    const r = await runCli(['copy', `127.0.0.1#${a.controlPort}:${src}`, `127.0.0.1#${b.controlPort}:${dest}`]);
    expect(r.code, r.stderr).toBe(0);
    await vi.waitFor(() => expect(parse(a.log).some((l) => l.msg === 'transfer done')).toBe(true));
    await vi.waitFor(() => expect(parse(b.log).some((l) => l.msg === 'transfer done')).toBe(true));
    const sent = parse(a.log).find((l) => l.msg === 'transfer done')!;
    const received = parse(b.log).find((l) => l.msg === 'transfer done')!;
    expect(sent.transfer).toBe(received.transfer);
    expect(received).toMatchObject({ role: 'receive', direction: 'received', bytes: 2 * 1024 * 1024 + 1, streams: 4 });
    expect(sent).toMatchObject({ role: 'send', direction: 'sent', dials: true });
    for (const l of [sent, received]) {
      expect(typeof l.seconds).toBe('number');
      expect(String(l.rate)).toMatch(/B\/s/);
      expect((l.peers as string[]).length).toBeGreaterThan(0);
      expect(l.client).toBeDefined();
    }
    const fileLine = parse(b.log).find((l) => l.msg === 'file received' && l.transfer === received.transfer)!;
    expect(fileLine).toMatchObject({ path: dest, bytes: 2 * 1024 * 1024 + 1 });
    expect(String(fileLine.digest)).toMatch(/^blake3-tree:[0-9a-f]{64}$/);
    expect(typeof fileLine.seconds).toBe('number');
    expect(String(fileLine.rate)).toMatch(/B\/s/);
    expect(parse(a.log).find((l) => l.msg === 'file sent' && l.transfer === sent.transfer)).toMatchObject({ path: src });
    // The ticket is 32 random bytes: no line holds 64 hex digits other than a digest, nor a field named like a secret.
    for (const line of [...a.log, ...b.log]) {
      expect(line.replace(/blake3-tree:[0-9a-f]{64}/g, '')).not.toMatch(/[0-9a-f]{64}/i);
      expect(line).not.toMatch(/"(ticket|key|relayKey|privateKey)":"(?!\[redacted\])/);
    }
  });

  it('--log-file appends JSON lines, and SIGUSR2 reopens the file after logrotate moved it', async () => {
    const file = path.join(scratch.root, 'logs', 'etransfer.log');
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [BIN, 'serve', '--control', `127.0.0.1:${port}`, '--data', '127.0.0.1:0', '--acl', aclFile, '--log-file', file],
      {
        stdio: 'ignore',
      },
    );
    try {
      await vi.waitFor(async () => expect(await fsp.readFile(file, 'utf8')).toContain('etransfer server listening'), { timeout: 10_000 });
      const rotated = `${file}.1`;
      await fsp.rename(file, rotated);
      child.kill('SIGUSR2');
      await vi.waitFor(async () => expect(await fsp.readFile(file, 'utf8').catch(() => '')).toContain('log file reopened'), {
        timeout: 10_000,
      });
      const listed = await runCli(['ls', `127.0.0.1#${port}:${scratch.pub}`]);
      expect(listed.code, listed.stderr).toBe(0);
      const before = await fsp.readFile(rotated, 'utf8');
      expect(before).toContain('etransfer server listening');
      expect(before).not.toContain('log file reopened');
      for (const l of (await fsp.readFile(file, 'utf8')).trim().split('\n')) expect(() => JSON.parse(l)).not.toThrow();
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });
});
