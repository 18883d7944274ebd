/**
 * `copy -r`, source wildcards and `ls -r` as a user runs them: real `etransfer` processes and
 * servers. Links skipped in a tree are told on stderr; names with spaces, unicode and leading
 * dashes go through; denied folders and bad wildcards exit 1 with their codes.
 */
import { spawn } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, type CliResult, type ServerProcess, runCli, startServerProcess } from '../helpers/processes.js';
import { type Scratch, makeScratch } from '../helpers/servers.js';
import { compareTrees, makeTree } from '../helpers/tree.js';

/** `etransfer ARGS` run in `cwd` (for relative local paths such as `-dash`). */
function runIn(cwd: string, args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('etransfer copy -r and ls -r', () => {
  let scratch: Scratch;
  let a: ServerProcess;
  let b: ServerProcess;
  let tree: string;
  let laptop: string;

  beforeAll(async () => {
    scratch = await makeScratch();
    const aclFile = path.join(scratch.root, 'acl.json');
    await fsp.writeFile(
      aclFile,
      JSON.stringify({
        users: {},
        rules: [
          { users: ['anonymous'], allow: ['list', 'read', 'write'], paths: [`${scratch.pub}/**`] },
          { users: ['anonymous'], deny: ['list', 'read'], paths: [`${scratch.pub}/tree/private/**`] },
        ],
      }),
    );
    [a, b] = await Promise.all([startServerProcess(['--acl', aclFile]), startServerProcess(['--acl', aclFile])]);
    tree = path.join(scratch.pub, 'tree');
    await makeTree(tree, path.join(scratch.outside, 'linked'), { dirs: 2, subdirs: 2, files: 3 });
    laptop = path.join(scratch.root, 'laptop');
    await fsp.mkdir(laptop);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await scratch?.cleanup();
  });

  const at = (s: ServerProcess, p: string) => `127.0.0.1#${s.controlPort}:${p}`;

  it('copy -r: exit 0, the tree arrives, each skipped link is told on stderr', async () => {
    const dst = path.join(scratch.pub, 'copied');
    const r = await runCli(['copy', '-r', at(a, tree), at(b, dst)]);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(await compareTrees(tree, dst)).toEqual([]);
    expect(r.stderr).toContain(`etransfer: skipped ${tree}/link-to-file: a symbolic link`);
    expect(r.stderr).toContain(`etransfer: skipped ${tree}/d0/link-out: a symbolic link`);
    expect(r.stdout).toContain('ファイル.txt');
  });

  it('copy -r with a denied folder inside: the rest arrives, the folder is named with E_ACL_DENIED, exit 1', async () => {
    await fsp.mkdir(path.join(tree, 'private'), { recursive: true });
    await fsp.writeFile(path.join(tree, 'private', 'key'), 'secret');
    try {
      const dst = path.join(scratch.pub, 'copied-private');
      const r = await runCli(['copy', '-r', at(a, tree), at(b, dst)]);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/private: FAILED E_ACL_DENIED/);
      await expect(fsp.stat(path.join(dst, 'private'))).rejects.toThrow();
      expect((await fsp.stat(path.join(dst, 'top.bin'))).isFile()).toBe(true);
      // The denied folder as the source (G2).
      const whole = await runCli(['copy', '-r', at(a, path.join(tree, 'private')), at(b, path.join(scratch.pub, 'stolen'))]);
      expect(whole.code).toBe(1);
      expect(whole.stdout).toContain('E_ACL_DENIED');
      const ls = await runCli(['ls', at(a, path.join(tree, 'private'))]);
      expect(ls.code).toBe(1);
      expect(ls.stderr).toContain('E_ACL_DENIED');
      const lsr = await runCli(['ls', '-r', at(a, path.join(tree, 'private'))]);
      expect(lsr.code).toBe(1);
      expect(lsr.stderr).toContain('E_ACL_DENIED');
    } finally {
      await fsp.rm(path.join(tree, 'private'), { recursive: true });
    }
  });

  it('without -r a folder fails with E_IS_A_DIRECTORY and a hint', async () => {
    const r = await runCli(['copy', at(a, tree), at(b, path.join(scratch.pub, 'no-r'))]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('E_IS_A_DIRECTORY');
    expect(r.stdout).toContain('use -r');
  });

  it('names with leading dashes: remote endpoints, and local ones after --', async () => {
    const r = await runCli(['copy', at(a, path.join(tree, '-dash', '-x.bin')), at(b, path.join(scratch.pub, '-copied-x'))]);
    expect(r.code, r.stderr).toBe(0);
    expect((await fsp.stat(path.join(scratch.pub, '-copied-x'))).size).toBe(300);
    await fsp.cp(path.join(tree, '-dash'), path.join(laptop, '-dash'), { recursive: true, preserveTimestamps: true });
    const push = await runIn(laptop, ['copy', '-r', '--', '-dash', at(b, path.join(scratch.pub, '-pushed'))]);
    expect(push.code, push.stderr + push.stdout).toBe(0);
    expect(await compareTrees(path.join(laptop, '-dash'), path.join(scratch.pub, '-pushed'))).toEqual([]);
    const pull = await runIn(laptop, ['copy', '-r', at(a, path.join(tree, '-dash')), '--', '-pulled']);
    expect(pull.code, pull.stderr + pull.stdout).toBe(0);
    expect(await compareTrees(path.join(tree, '-dash'), path.join(laptop, '-pulled'))).toEqual([]);
    // `.` is named after the folder it is.
    const dot = path.join(scratch.pub, 'dot');
    await fsp.mkdir(dot);
    const fromDot = await runIn(path.join(laptop, '-dash'), ['copy', '-r', '.', at(b, `${dot}/`)]);
    expect(fromDot.code, fromDot.stderr + fromDot.stdout).toBe(0);
    expect(await compareTrees(path.join(laptop, '-dash'), path.join(dot, '-dash'))).toEqual([]);
  });

  it('ls -r lists every path relative to the folder, folders with a trailing /', async () => {
    const r = await runCli(['ls', '-r', at(a, path.join(tree, 'd0'))]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      'link-out',
      's0/',
      's0/f0.dat',
      's0/f1.dat',
      's0/f2.dat',
      's1/',
      's1/f0.dat',
      's1/f1.dat',
      's1/f2.dat',
    ]);
  });

  it('ls -r -l adds type, mode, size and time; unicode and spaces are shown as they are', async () => {
    const r = await runCli(['ls', '-r', '-l', at(a, tree)]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^-rw-r--r-- +200 B \d{4}-\d\d-\d\d \d\d:\d\d:\d\d ünïcødé\/ファイル\.txt$/));
    expect(lines).toContainEqual(expect.stringMatching(/^d.* with space\/$/));
    expect(lines).toContainEqual(expect.stringMatching(/^l.* link-to-file$/));
  });

  it('ls of a wildcard lists its matches; a bad one is E_PATH, exit 1', async () => {
    const r = await runCli(['ls', at(a, path.join(tree, 'd0', 's0', 'f?.dat'))]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('f0.dat\nf1.dat\nf2.dat\n');
    const bad = await runCli(['ls', at(a, path.join(tree, '{a,b}*'))]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('E_PATH');
  });

  it("copy 'host:/dir/*.dat' copies exactly the matches", async () => {
    const dst = path.join(scratch.pub, 'glob-copy');
    await fsp.mkdir(dst);
    const r = await runCli(['copy', at(a, path.join(tree, 'd1', 's1', '*.dat')), at(b, `${dst}/`)]);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect((await fsp.readdir(dst)).sort()).toEqual(['f0.dat', 'f1.dat', 'f2.dat']);
    const bad = await runCli(['copy', at(a, `${tree}/*(*(*(a|b)))`), at(b, `${dst}/`)]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('E_PATH');
  });
});
