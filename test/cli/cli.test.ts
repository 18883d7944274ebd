/**
 * The command line as a user runs it: real `etransfer` processes, real servers, and the exit
 * codes of DESIGN section 2 (0 all done, 1 some files failed, 2 usage, 3 could not connect).
 */
import { promises as fsp } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Scratch, makeScratch, sha256File, writeRandomFile, writeAclFile } from '../helpers/servers.js';
import { type ServerProcess, runCli, startServerProcess } from '../helpers/processes.js';

describe('etransfer CLI', () => {
  let scratch: Scratch;
  let a: ServerProcess;
  let b: ServerProcess;
  let aclFile: string;

  beforeAll(async () => {
    scratch = await makeScratch();
    aclFile = await writeAclFile(scratch);
    [a, b] = await Promise.all([startServerProcess(['--acl', aclFile, '--log-level', 'info']), startServerProcess(['--acl', aclFile])]);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await scratch?.cleanup();
  });

  const at = (s: ServerProcess, p: string) => `127.0.0.1#${s.controlPort}:${p}`;

  it('exit 0: a third-party copy, with a result line per file', async () => {
    const src = path.join(scratch.pub, 'one.bin');
    const hash = await writeRandomFile(src, 5 * 1024 * 1024);
    const dst = path.join(scratch.pub, 'one.copy');
    const r = await runCli(['copy', '-p', '2', at(a, src), at(b, dst)]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/one\.copy: 5\.00 MiB in .* s \(.*B\/s\) blake3-tree:[0-9a-f]{64}/);
    // Regression: a fresh copy never claims its bytes were "already there" (moved bytes counted
    // even when the file's result comes before the transfer's end).
    expect(r.stdout).not.toContain('already there');
    expect(await sha256File(dst)).toBe(hash);
  });

  it('exit 1: a file that exists already is named, with its code; the others land', async () => {
    const dir = path.join(scratch.pub, 'into');
    await fsp.mkdir(dir);
    await fsp.writeFile(path.join(scratch.pub, 'x1'), 'x1');
    await fsp.writeFile(path.join(scratch.pub, 'x2'), 'x2');
    await fsp.writeFile(path.join(dir, 'x2'), 'old');
    const r = await runCli(['copy', at(a, path.join(scratch.pub, 'x1')), at(a, path.join(scratch.pub, 'x2')), at(b, `${dir}/`)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('E_EXISTS');
    expect(r.stdout).toContain('x2');
    expect(await fsp.readFile(path.join(dir, 'x1'), 'utf8')).toBe('x1');
    expect(await fsp.readFile(path.join(dir, 'x2'), 'utf8')).toBe('old');
  });

  it('exit 1: a denied source', async () => {
    const r = await runCli(['copy', at(a, scratch.sentinel), at(b, path.join(scratch.pub, 'stolen'))]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('E_ACL_DENIED');
  });

  it.each([
    [['copy', '--bogus', 'a', 'b']],
    [['copy', 'only-one']],
    [['copy', '-p', '0', 'h:/a', 'h:/b']],
    [['copy', 'h#99999:/a', 'h:/b']],
    [['copy', '--mode', 'sideways', 'h:/a', 'h:/b']],
    [['copy', 'a', 'b']],
    [['nonsense']],
    [['serve', '--control', 'nope']],
  ])('exit 2: usage error %j', async (args) => {
    const r = await runCli(args);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.length).toBeGreaterThan(0);
  });

  it('exit 2: serve refuses a broken ACL file', async () => {
    const bad = path.join(scratch.root, 'bad-acl.json');
    await fsp.writeFile(bad, '{"rules": [{"users": ["anonymous"], "allow": ["fly"], "paths": ["/x/**"]}]}');
    const r = await runCli(['serve', '--control', '127.0.0.1:0', '--data', '127.0.0.1:0', '--acl', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E_CONFIG');
  });

  it('exit 2: serve refuses a control message limit above 1 MiB (a whole message is buffered before decoding)', async () => {
    const r = await runCli(['serve', '--control', '127.0.0.1:0', '--data', '127.0.0.1:0', '--max-control-message-bytes', '2000000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('at most 1048576');
  });

  it('exit 2: serve --allow-relay with a malformed user name, naming the option', async () => {
    for (const list of ['alice,,bob', 'false']) {
      const r = await runCli(['serve', '--control', '127.0.0.1:0', '--data', '127.0.0.1:0', '--allow-relay', list]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--allow-relay');
      expect(r.stderr).toContain('E_USAGE');
    }
  });

  it('exit 3: nothing listens at the control port', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const r = await runCli(['copy', `127.0.0.1#${port}:/tmp/x`, './x']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`127.0.0.1:${port}`);
    expect(r.stderr).toContain('E_CONNECT');
  });

  it('ls -l lists a folder', async () => {
    const r = await runCli(['ls', '-l', at(b, path.join(scratch.pub, 'into'))]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^-rw-r--r-- .* x1$/m);
  });

  it('regression: ls host:/folder/ with a trailing slash (as the help shows it) lists the folder', async () => {
    const r = await runCli(['ls', at(b, `${path.join(scratch.pub, 'into')}/`)]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^x1$/m);
  });

  it('regression: a closed stdout (etransfer copy | head -1) gives no stack trace (EPIPE)', async () => {
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('../helpers/processes.js');
    const src = path.join(scratch.pub, 'epipe.bin');
    await writeRandomFile(src, 1000);
    const child = spawn(process.execPath, [BIN, 'copy', at(a, src), at(b, `${src}.copy`)], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader is gone before the first line
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('Unhandled');
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });

  it('--help lists the commands, with examples', async () => {
    const r = await runCli(['copy', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('--streams');
  });
});
