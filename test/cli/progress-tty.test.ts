/**
 * The progress display under a real pseudo-terminal (`script` allocates one): it redraws in place
 * (cursor movement, no line per update), stays small however long the copy runs, and ends with
 * the summary.
 */
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, type ServerProcess, startServerProcess } from '../helpers/processes.js';
import { type Scratch, makeScratch, writeAclFile } from '../helpers/servers.js';

const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;

/** Runs `etransfer ARGS` attached to a pseudo-terminal; resolves with everything it drew. */
function runInTerminal(args: string[]): Promise<{ code: number | null; screen: string }> {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, COLUMNS: '120' },
  });
  let screen = '';
  child.stdout.on('data', (d) => (screen += d));
  child.stderr.on('data', (d) => (screen += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, screen })));
}

describe.skipIf(!hasScript)('progress on a terminal', () => {
  let scratch: Scratch;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    scratch = await makeScratch();
    const acl = await writeAclFile(scratch, ['/dev/zero', '/dev/null']);
    [a, b] = await Promise.all([startServerProcess(['--acl', acl]), startServerProcess(['--acl', acl])]);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await scratch?.cleanup();
  });

  it('redraws in place, does not spam, and ends with the summary', async () => {
    const started = Date.now();
    const { code, screen } = await runInTerminal([
      'copy',
      '-p',
      '1',
      `127.0.0.1#${a.controlPort}:/dev/zero:3GiB`,
      `127.0.0.1#${b.controlPort}:/dev/null`,
    ]);
    const seconds = (Date.now() - started) / 1000;
    expect(code, screen).toBe(0);
    // In place: every line a redraw goes down is gone back up (cursor up), so the screen does not scroll.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escape sequences are the point
    expect(screen).toMatch(/\x1b\[\d*[AGK]/);
    const redraws = (screen.match(/total: 1 file/g) ?? []).length;
    const newlines = (screen.match(/\n/g) ?? []).length;
    const ups = screen.split('\x1b[1A').length - 1;
    expect(redraws).toBeGreaterThan(2);
    expect(newlines - ups).toBeLessThan(10);
    // Not spamming: at most ~10 redraws a second (the display runs at 8 fps).
    expect(redraws).toBeLessThan(12 * Math.max(seconds, 1));
    expect(screen.trimEnd().split('\n').pop()).toMatch(/1 done/);
  });
});
