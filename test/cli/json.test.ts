/**
 * Machine-readable output through the real CLI: `--json` prints only NDJSON on stdout (every line
 * parses, the summary matches the files, a failed file carries its code, progress is throttled),
 * `--manifest` records each file's result, and `--files-from MANIFEST` retries the failures only
 * until the job is complete. Exit codes stay those of DESIGN section 2.
 */
import { promises as fsp } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Acl } from '../../src/common/acl.js';
import { runCli } from '../helpers/processes.js';
import { type Scratch, type TestServer, makeScratch, pubAcl, sha256File, startTestServer, writeRandomFile } from '../helpers/servers.js';

type Event = Record<string, unknown> & { type: string };

/** Every stdout line as JSON (any line that is not is a test failure), each with a string `type`. */
function events(stdout: string): Event[] {
  expect(stdout.endsWith('\n')).toBe(true);
  return stdout
    .slice(0, -1)
    .split('\n')
    .map((line) => {
      const e = JSON.parse(line) as Event;
      expect(typeof e.type).toBe('string');
      return e;
    });
}

const of = (list: Event[], type: string) => list.filter((e) => e.type === type);

describe('copy --json, --manifest, --files-from', () => {
  let scratch: Scratch;
  let a: TestServer;
  let b: TestServer;
  let srcDir: string;

  /** B's ACL: everything under pub, but no write of `into/denied`. */
  function denyingAcl(): Acl {
    return Acl.parse(
      {
        users: {},
        rules: [
          { users: ['anonymous'], allow: ['list', 'read', 'write'], paths: [`${scratch.pub}/**`, '/dev/zero', '/dev/null'] },
          { users: ['anonymous'], deny: ['write'], paths: [`${scratch.pub}/into/denied`] },
        ],
      },
      'test',
    );
  }

  beforeAll(async () => {
    scratch = await makeScratch();
    srcDir = path.join(scratch.pub, 'src');
    await fsp.mkdir(srcDir);
    a = await startTestServer(pubAcl(scratch));
    // Progress events every 10 ms from B: the client's --json must thin them out.
    b = await startTestServer(denyingAcl(), { progressIntervalMs: 10 });
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await scratch?.cleanup();
  });

  it('every line parses, the summary matches the files, failures carry their codes; the manifest lists them and --files-from MANIFEST completes the job', async () => {
    const into = path.join(scratch.pub, 'into');
    await fsp.mkdir(into);
    const hashes: Record<string, string> = {
      big: await writeRandomFile(path.join(srcDir, 'big'), 3 * 1024 * 1024 + 5),
      small: await writeRandomFile(path.join(srcDir, 'small'), 100),
      exists: await writeRandomFile(path.join(srcDir, 'exists'), 10),
      denied: await writeRandomFile(path.join(srcDir, 'denied'), 20),
    };
    await fsp.writeFile(path.join(into, 'exists'), 'old');
    const names = ['big', 'small', 'exists', 'denied', 'later'];
    const manifest = path.join(scratch.root, 'run.json');
    const r = await runCli(['copy', '--json', '--manifest', manifest, ...names.map((n) => a.url(path.join(srcDir, n))), b.url(`${into}/`)]);
    expect(r.code, r.stderr).toBe(1);
    const ev = events(r.stdout);
    expect(ev[0]!.type).toBe('plan');
    expect(ev.at(-1)!.type).toBe('summary');
    const plan = ev[0] as unknown as { files: Array<{ index: number; source: string; size: number }>; total_bytes: number };
    // 'later' does not exist: it fails before it is planned.
    expect(plan.files.map((f) => path.basename(f.source))).toEqual(['big', 'small', 'exists', 'denied']);
    expect(plan.total_bytes).toBe(plan.files.reduce((n, f) => n + f.size, 0));

    const done = of(ev, 'file_done');
    const failed = of(ev, 'file_failed');
    expect(done.map((e) => path.basename(e.destination as string)).sort()).toEqual(['big', 'small']);
    for (const e of done) {
      expect(e.digest).toMatch(/^blake3-tree:[0-9a-f]{64}$/);
      expect(e.bytes).toBe(e.size);
      expect(typeof e.seconds).toBe('number');
    }
    expect(Object.fromEntries(failed.map((e) => [path.basename(e.source as string), e.code]))).toEqual({
      exists: 'E_EXISTS',
      denied: 'E_ACL_DENIED',
      later: 'E_NOT_FOUND',
    });
    for (const e of failed) expect(typeof e.message).toBe('string');
    expect(
      of(ev, 'file_start')
        .map((e) => path.basename(e.source as string))
        .sort(),
    ).toEqual(['big', 'small']);
    const summary = ev.at(-1)!;
    expect(summary).toMatchObject({ files: 5, done: 2, failed: 3, skipped: 0, exit_code: 1 });
    expect(summary.bytes).toBe(done.reduce((n, e) => n + (e.bytes as number), 0));
    expect(r.stderr).toBe('');

    const m = JSON.parse(await fsp.readFile(manifest, 'utf8'));
    expect(m).toMatchObject({ format: 'etransfer-manifest', version: 1, dry_run: false, summary: { done: 2, failed: 3, exit_code: 1 } });
    const byName = Object.fromEntries(
      (m.files as Array<{ source: string; status: string; code?: string }>).map((f) => [path.basename(f.source), f]),
    );
    expect(Object.keys(byName).sort()).toEqual([...names].sort());
    expect(byName.big).toMatchObject({
      source: a.url(path.join(srcDir, 'big')),
      destination: b.url(path.join(into, 'big')),
      status: 'done',
    });
    expect(byName.exists).toMatchObject({ status: 'failed', code: 'E_EXISTS' });
    expect(byName.denied).toMatchObject({ status: 'failed', code: 'E_ACL_DENIED' });
    expect(byName.later).toMatchObject({ status: 'failed', code: 'E_NOT_FOUND' });
    expect((await fsp.readdir(scratch.root)).filter((n) => n.includes('run.json') && n !== 'run.json')).toEqual([]);

    // Fix the causes, then retry from the manifest, in mode new: a file done before would now be
    // E_EXISTS, so the retry completing proves it took only the failures.
    await fsp.rm(path.join(into, 'exists'));
    b.server.setAcl(pubAcl(scratch));
    hashes.later = await writeRandomFile(path.join(srcDir, 'later'), 1234);
    const retry = await runCli(['copy', '--json', '--manifest', manifest, '--files-from', manifest, b.url(`${into}/`)]);
    expect(retry.code, retry.stderr + retry.stdout).toBe(0);
    const again = events(retry.stdout);
    expect(
      of(again, 'file_done')
        .map((e) => path.basename(e.source as string))
        .sort(),
    ).toEqual(['denied', 'exists', 'later']);
    expect(again.at(-1)).toMatchObject({ type: 'summary', files: 3, done: 3, failed: 0, exit_code: 0 });
    for (const [name, hash] of Object.entries(hashes)) expect(await sha256File(path.join(into, name))).toBe(hash);
    // The new manifest has nothing left to do: retrying it again is an empty, successful copy.
    const nothing = await runCli(['copy', '--json', '--files-from', manifest, b.url(`${into}/`)]);
    expect(nothing.code, nothing.stderr).toBe(0);
    expect(events(nothing.stdout).at(-1)).toMatchObject({ type: 'summary', files: 0, exit_code: 0 });
  });

  it('progress events come at most about four times a second, with per-file and total bytes', async () => {
    const r = await runCli(['copy', '--json', '-p', '1', a.url('/dev/zero:2GiB'), b.url('/dev/null')]);
    expect(r.code, r.stderr).toBe(0);
    const ev = events(r.stdout);
    const progress = of(ev, 'progress') as Array<Event & { seconds: number; bytes: number; total_bytes: number }>;
    const summary = ev.at(-1)!;
    expect(summary).toMatchObject({ type: 'summary', done: 1, bytes: 2 ** 31, exit_code: 0 });
    // B reports every 10 ms; the client passes the first on, then at most one every 250 ms.
    if ((summary.seconds as number) > 0.1) expect(progress.length).toBeGreaterThan(0);
    expect(progress.length).toBeLessThanOrEqual(Math.ceil((summary.seconds as number) * 4) + 1);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]!.seconds - progress[i - 1]!.seconds).toBeGreaterThanOrEqual(0.249);
      expect(progress[i]!.bytes).toBeGreaterThanOrEqual(progress[i - 1]!.bytes);
    }
    for (const p of progress) {
      expect(p.total_bytes).toBe(2 ** 31);
      expect(p.files).toEqual([{ index: 0, bytes: p.bytes, size: 2 ** 31 }]);
    }
  });

  it('--files-from a list: comments and blank lines are skipped; a bad line is exit 2 naming it', async () => {
    const out = path.join(scratch.pub, 'listed');
    await fsp.mkdir(out);
    const one = await writeRandomFile(path.join(srcDir, 'l1'), 10);
    const two = await writeRandomFile(path.join(srcDir, 'l2'), 20);
    const list = path.join(scratch.root, 'list.txt');
    await fsp.writeFile(
      list,
      `# tonight's files\n\n${a.url(path.join(srcDir, 'l1'))}\n   \n  # indented comment\n  ${a.url(path.join(srcDir, 'l2'))}  \n`,
    );
    const r = await runCli(['copy', '--files-from', list, b.url(`${out}/`)]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2 done');
    expect(await sha256File(path.join(out, 'l1'))).toBe(one);
    expect(await sha256File(path.join(out, 'l2'))).toBe(two);

    await fsp.writeFile(list, `# ok so far\n${a.url(path.join(srcDir, 'l1'))}\nbad host:/x\n`);
    const bad = await runCli(['copy', '--files-from', list, b.url(`${out}/`)]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('E_USAGE');
    expect(bad.stderr).toContain('line 3');
    // With --json the same, and one `error` line on stdout for scripts.
    const badJson = await runCli(['copy', '--json', '--files-from', list, b.url(`${out}/`)]);
    expect(badJson.code).toBe(2);
    const [error, ...rest] = events(badJson.stdout);
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ type: 'error', code: 'E_USAGE', exit_code: 2 });
    expect(error!.message).toContain('line 3');
  });

  it('--json: an error that ends the command early is one `error` line with the exit code (3: no server)', async () => {
    const closed = await new Promise<number>((resolve) => {
      const srv = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = srv.address() as net.AddressInfo;
        srv.close(() => resolve(port));
      });
    });
    const r = await runCli(['copy', '--json', '--connect-timeout-ms', '2000', `127.0.0.1#${closed}:/x`, b.url('/dev/null')]);
    expect(r.code).toBe(3);
    expect(events(r.stdout)).toEqual([expect.objectContaining({ type: 'error', code: 'E_CONNECT', exit_code: 3 })]);
    expect(r.stderr).toContain('E_CONNECT');
    const usage = await runCli(['copy', '--json', '--bogus', 'x', 'y']);
    expect(usage.code).toBe(2);
    expect(events(usage.stdout)).toEqual([expect.objectContaining({ type: 'error', code: 'E_USAGE', exit_code: 2 })]);
  });

  it('ls --json: the listing as one JSON object', async () => {
    const dir = path.join(scratch.pub, 'lsdir');
    await fsp.mkdir(path.join(dir, 'sub'), { recursive: true });
    await fsp.writeFile(path.join(dir, 'f'), 'abc');
    const r = await runCli(['ls', '--json', a.url(dir)]);
    expect(r.code, r.stderr).toBe(0);
    const [listing, ...rest] = events(r.stdout);
    expect(rest).toEqual([]);
    expect(listing).toMatchObject({ type: 'listing', path: dir, truncated: false, self: { type: 'directory' } });
    expect((listing!.entries as Array<{ name: string; type: string; size: number }>).map((e) => [e.name, e.type, e.size])).toEqual([
      ['f', 'file', 3],
      ['sub', 'directory', 0],
    ]);
  });
});
