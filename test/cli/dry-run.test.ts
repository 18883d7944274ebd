/**
 * `copy --dry-run` through the real CLI: both ends judge the copy as for real (the source its
 * read rights, the destination its write rights, the write mode against existing files, its free
 * space) and report each file as to copy, skipped or refused with its code; nothing is moved and
 * nothing is created on either side: no file, no partial, no folder, no transfer, no claim.
 */
import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Acl } from '../../src/common/acl.js';
import { DEFAULT_SERVER_LIMITS } from '../../src/server/options.js';
import { runCli } from '../helpers/processes.js';
import { type Scratch, type TestServer, makeScratch, pubAcl, startTestServer, writeRandomFile } from '../helpers/servers.js';

type Event = Record<string, unknown> & { type: string };

function events(stdout: string): Event[] {
  return stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Event);
}

/** Every entry under `root` (hidden ones too): type, size, mode, mtime and content hash. */
async function snapshot(root: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string): Promise<void> {
    for (const name of (await fsp.readdir(dir)).sort()) {
      const p = path.join(dir, name);
      const st = await fsp.lstat(p);
      const rel = path.relative(root, p);
      if (st.isDirectory()) {
        out.push(`${rel}/ ${st.mode} ${st.mtimeMs}`);
        await walk(p);
      } else {
        const hash = st.isFile()
          ? createHash('sha256')
              .update(await fsp.readFile(p))
              .digest('hex')
          : '';
        out.push(`${rel} ${st.size} ${st.mode} ${st.mtimeMs} ${hash}`);
      }
    }
  }
  await walk(root);
  return out;
}

describe('copy --dry-run', () => {
  let scratch: Scratch;
  let a: TestServer;
  let b: TestServer;
  let src: string;
  let dst: string;
  let laptop: string;
  let before: string[];
  const sizes = { new1: 1024 * 1024 + 1, new2: 10, exists: 20, denied: 30 };

  beforeAll(async () => {
    scratch = await makeScratch();
    src = path.join(scratch.pub, 'src');
    dst = path.join(scratch.pub, 'dst');
    laptop = path.join(scratch.root, 'laptop');
    await Promise.all([fsp.mkdir(src), fsp.mkdir(dst), fsp.mkdir(laptop)]);
    for (const [name, size] of Object.entries(sizes)) await writeRandomFile(path.join(src, name), size);
    await fsp.writeFile(path.join(dst, 'exists'), 'old');
    await fsp.writeFile(path.join(laptop, 'exists'), 'old on the laptop');
    a = await startTestServer(pubAcl(scratch));
    b = await startTestServer(
      Acl.parse(
        {
          users: {},
          rules: [
            { users: ['anonymous'], allow: ['list', 'read', 'write'], paths: [`${scratch.pub}/**`, '/dev/zero', '/dev/null'] },
            { users: ['anonymous'], deny: ['write'], paths: [`${dst}/denied`] },
          ],
        },
        'test',
      ),
    );
    before = await snapshot(scratch.root);
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await scratch?.cleanup();
  });

  const sources = () => ['new1', 'new2', 'exists', 'denied'].map((n) => a.url(path.join(src, n)));

  it('--json: files to copy, an existing file (E_EXISTS in mode new), denied writes and reads, each with its code; exit 1', async () => {
    const r = await runCli(['copy', '--dry-run', '--json', ...sources(), a.url(scratch.sentinel), b.url(`${dst}/`)]);
    expect(r.code, r.stderr).toBe(1);
    const ev = events(r.stdout);
    expect(ev[0]).toMatchObject({ type: 'plan', dry_run: true });
    expect(ev.map((e) => e.type)).not.toContain('file_start');
    expect(ev.map((e) => e.type)).not.toContain('file_done');
    const outcome = Object.fromEntries(
      ev
        .filter((e) => e.type.startsWith('file_'))
        .map((e) => [path.basename(e.source as string), e.type === 'file_failed' ? e.code : e.type]),
    );
    expect(outcome).toEqual({
      new1: 'file_planned',
      new2: 'file_planned',
      exists: 'E_EXISTS',
      denied: 'E_ACL_DENIED',
      sentinel: 'E_ACL_DENIED', // the source may not be read
    });
    const planned = sizes.new1 + sizes.new2;
    expect(ev.at(-1)).toMatchObject({
      type: 'summary',
      dry_run: true,
      files: 5,
      planned: 2,
      planned_bytes: planned,
      done: 0,
      failed: 3,
      skipped: 0,
      bytes: 0,
      space_ok: true,
      needed_bytes: planned + DEFAULT_SERVER_LIMITS.freeSpaceMarginBytes,
      exit_code: 1,
    });
    expect(ev.at(-1)!.free_bytes as number).toBeGreaterThan(planned);
  });

  it('human-readable, --skip-existing: the existing file is skipped; the plan ends with the space verdict', async () => {
    const r = await runCli(['copy', '--dry-run', '--skip-existing', ...sources(), b.url(`${dst}/`)]);
    expect(r.code, r.stderr).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines.find((l) => l.includes('new1'))).toMatch(/-> .*\/dst\/new1: would copy 1\.00 MiB$/);
    expect(lines.find((l) => l.includes('/exists'))).toMatch(/dst\/exists: skipped \(.*exists\)$/);
    expect(lines.find((l) => l.includes('denied'))).toMatch(/src\/denied: would fail: E_ACL_DENIED /);
    expect(lines.at(-1)).toMatch(
      /^dry run, nothing moved: 2 to copy \(1\.00 MiB\), 1 skipped, 1 would fail; .* free at the destination, .* needed: enough$/,
    );
  });

  it('exit 0 when everything would go, into a folder that does not exist yet (which is not made)', async () => {
    const r = await runCli([
      'copy',
      '--dry-run',
      '--json',
      a.url(path.join(src, 'new1')),
      b.url(path.join(dst, 'new-folder', 'deeper', 'x')),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const ev = events(r.stdout);
    expect(ev.find((e) => e.type === 'file_planned')).toMatchObject({ destination: path.join(dst, 'new-folder', 'deeper', 'x') });
    expect(ev.at(-1)).toMatchObject({ type: 'summary', planned: 1, failed: 0, space_ok: true, exit_code: 0 });
  });

  it('reports a destination without the free space (exit 1), and nothing to write for /dev/null', async () => {
    const { bavail, bsize } = await fsp.statfs(dst);
    const tooBig = bavail * bsize + 1024 ** 3;
    const r = await runCli(['copy', '--dry-run', '--json', a.url(`/dev/zero:${tooBig}`), b.url(path.join(dst, 'huge'))]);
    expect(r.code, r.stderr).toBe(1);
    expect(events(r.stdout).at(-1)).toMatchObject({
      type: 'summary',
      planned: 1,
      planned_bytes: tooBig,
      failed: 0,
      space_ok: false,
      needed_bytes: tooBig + DEFAULT_SERVER_LIMITS.freeSpaceMarginBytes,
      exit_code: 1,
    });
    const human = await runCli(['copy', '--dry-run', a.url(`/dev/zero:${tooBig}`), b.url(path.join(dst, 'huge'))]);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('NOT ENOUGH');
    expect(human.stdout).toContain('E_NO_SPACE');

    const sink = await runCli(['copy', '--dry-run', '--json', a.url(`/dev/zero:${tooBig}`), b.url('/dev/null')]);
    expect(sink.code, sink.stderr).toBe(0);
    expect(events(sink.stdout).at(-1)).toMatchObject({ planned: 1, needed_bytes: 0, space_ok: true, exit_code: 0 });
  });

  it('a laptop end: pulling judges the local folder (an existing file, free space); pushing asks the server', async () => {
    const pull = await runCli(['copy', '--dry-run', '--json', ...sources().slice(0, 3), `${laptop}/`]);
    expect(pull.code, pull.stderr).toBe(1);
    const ev = events(pull.stdout);
    expect(ev.filter((e) => e.type === 'file_planned').map((e) => path.basename(e.destination as string))).toEqual(['new1', 'new2']);
    expect(ev.find((e) => e.type === 'file_failed')).toMatchObject({ code: 'E_EXISTS', destination: path.join(laptop, 'exists') });
    expect(ev.at(-1)).toMatchObject({ planned: 2, failed: 1, needed_bytes: sizes.new1 + sizes.new2, space_ok: true });
    expect(ev.at(-1)!.free_bytes as number).toBeGreaterThan(0);

    const push = await runCli(['copy', '--dry-run', '--json', '--skip-existing', path.join(laptop, 'exists'), b.url(`${dst}/`)]);
    expect(push.code, push.stderr).toBe(0);
    expect(events(push.stdout).find((e) => e.type.startsWith('file_'))).toMatchObject({ type: 'file_skipped' });
  });

  it('--manifest of a dry run lists the plan; --files-from that manifest takes the planned and refused files', async () => {
    const manifest = path.join(scratch.root, 'plan.json');
    const r = await runCli(['copy', '--dry-run', '--manifest', manifest, ...sources(), b.url(`${dst}/`)]);
    expect(r.code).toBe(1);
    const m = JSON.parse(await fsp.readFile(manifest, 'utf8'));
    expect(m.dry_run).toBe(true);
    expect(m.files.map((f: { status: string }) => f.status)).toEqual(['planned', 'planned', 'failed', 'failed']);
    const again = await runCli(['copy', '--dry-run', '--json', '--files-from', manifest, b.url(`${dst}/`)]);
    expect(events(again.stdout).at(-1)).toMatchObject({ files: 4, planned: 2, failed: 2 });
    await fsp.rm(manifest);
  });

  it('left both sides untouched: every file, partial and folder as before; no transfer, no claim on either server', async () => {
    expect(await snapshot(scratch.root)).toEqual(before);
    for (const s of [a, b]) {
      expect(s.server.registry.size).toBe(0);
      expect(s.server.registry.busy(path.join(dst, 'new1'))).toBe(false);
    }
  });
});
