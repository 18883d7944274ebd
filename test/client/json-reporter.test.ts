/**
 * The --json reporter on its own: one JSON object per line with a `type`, progress throttled to
 * a few events a second over the whole copy, and a summary whose counts and exit code match the
 * files. (test/cli/json.test.ts runs it end to end through the real CLI.)
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { JSON_PROGRESS_INTERVAL_MS, JsonReporter, listingJson } from '../../src/client/json-reporter.js';
import type { PlannedFile } from '../../src/client/copy-plan.js';
import { type CopySummary, type FileResult, summaryExitCode } from '../../src/client/reporter.js';

type Event = Record<string, unknown> & { type: string };

function capture(): { out: PassThrough; events: () => Event[] } {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d) => (text += d));
  return {
    out,
    events: () => {
      expect(text.endsWith('\n')).toBe(true);
      return text
        .slice(0, -1)
        .split('\n')
        .map((line) => JSON.parse(line) as Event);
    },
  };
}

const FILES: PlannedFile[] = [
  { source: '/src/a', destination: '/dst/a', size: 1000, mode: 0o644 },
  { source: '/src/b', destination: '/dst/b', size: 2000, mode: 0o644 },
  { source: '/src/c', destination: '/dst/c', size: 3, mode: 0o644 },
];

function summaryOf(files: FileResult[], extra: Partial<CopySummary> = {}): CopySummary {
  const bytes = files.reduce((n, f) => n + (f.status === 'done' ? f.bytes : 0), 0);
  return { files, bytes, seconds: 1.5, viaClient: false, controlBytes: 10, movedBytes: bytes, ...extra };
}

describe('JsonReporter', () => {
  it('emits plan, file_start, file_done, file_failed, file_skipped, retry and a matching summary', () => {
    const { out, events } = capture();
    let now = 0;
    const r = new JsonReporter(out, { now: () => now });
    r.start(FILES, 'a -> b');
    const missing: FileResult = {
      source: '/src/missing',
      destination: '/dst/',
      size: 0,
      status: 'failed',
      error: { code: 'E_NOT_FOUND', message: 'no such file' },
      bytes: 0,
      seconds: 0,
    };
    r.fileFinished(-1, missing);
    const skipped: FileResult = { ...FILES[2]!, status: 'skipped', reason: '/dst/c exists', bytes: 0, seconds: 0 };
    r.fileFinished(2, skipped);
    r.fileStarted(0);
    r.fileStarted(1);
    now = 1000;
    r.progress(0, 500);
    const done: FileResult = { ...FILES[0]!, status: 'done', bytes: 1000, seconds: 1.23456, digest: 'blake3-tree:00' };
    r.fileFinished(0, done);
    const failed: FileResult = { ...FILES[1]!, status: 'failed', error: { code: 'E_TIMEOUT', message: 'silent' }, bytes: 7, seconds: 2 };
    r.fileFinished(1, failed);
    r.retrying(1, 1, 3, 1000);
    r.fileStarted(1);
    const summary = summaryOf([missing, done, { ...failed }, skipped]);
    r.finish(summary);

    const ev = events();
    expect(ev.map((e) => e.type)).toEqual([
      'plan',
      'file_failed',
      'file_skipped',
      'file_start',
      'file_start',
      'progress',
      'file_done',
      'file_failed',
      'retry',
      'file_start',
      'summary',
    ]);
    expect(ev[0]).toEqual({
      type: 'plan',
      label: 'a -> b',
      files: FILES.map((f, index) => ({ index, source: f.source, destination: f.destination, size: f.size })),
      total_bytes: 3003,
    });
    // A source that failed before it was planned has no index.
    expect(ev[1]).toEqual({
      type: 'file_failed',
      source: '/src/missing',
      destination: '/dst/',
      size: 0,
      code: 'E_NOT_FOUND',
      message: 'no such file',
      bytes: 0,
      seconds: 0,
    });
    expect(ev[2]).toMatchObject({ type: 'file_skipped', index: 2, reason: '/dst/c exists' });
    expect(ev[3]).toEqual({ type: 'file_start', index: 0, source: '/src/a', destination: '/dst/a', size: 1000, attempt: 1 });
    expect(ev[5]).toEqual({
      type: 'progress',
      files: [
        { index: 0, bytes: 500, size: 1000 },
        { index: 1, bytes: 0, size: 2000 },
      ],
      bytes: 500,
      total_bytes: 3003,
      seconds: 1,
    });
    expect(ev[6]).toEqual({
      type: 'file_done',
      index: 0,
      source: '/src/a',
      destination: '/dst/a',
      size: 1000,
      bytes: 1000,
      seconds: 1.235,
      digest: 'blake3-tree:00',
    });
    expect(ev[7]).toMatchObject({ type: 'file_failed', index: 1, code: 'E_TIMEOUT', message: 'silent', bytes: 7 });
    expect(ev[8]).toEqual({ type: 'retry', files: 1, attempt: 1, retries: 3, delay_ms: 1000 });
    expect(ev[9]).toMatchObject({ type: 'file_start', index: 1, attempt: 2 });
    expect(ev[10]).toEqual({
      type: 'summary',
      files: 4,
      done: 1,
      failed: 2,
      skipped: 1,
      bytes: 1000,
      moved_bytes: 1000,
      seconds: 1.5,
      exit_code: 1,
    });
  });

  it('sends at most one progress event per interval over the whole copy, with the total of all files', () => {
    const { out, events } = capture();
    let now = 0;
    const r = new JsonReporter(out, { now: () => now });
    r.start(FILES, 'x');
    r.fileStarted(0);
    r.fileStarted(1);
    // 10 seconds of updates every 10 ms, alternating files: 1000 calls.
    for (let t = 0; t < 10_000; t += 10) {
      now = t;
      r.progress((t / 10) % 2, Math.min(1000, Math.floor(t / 10)));
    }
    const progress = events().filter((e) => e.type === 'progress');
    expect(progress.length).toBeLessThanOrEqual(10_000 / JSON_PROGRESS_INTERVAL_MS + 1);
    expect(progress.length).toBeGreaterThanOrEqual(10_000 / JSON_PROGRESS_INTERVAL_MS - 1);
    const times = progress.map((e) => e.seconds as number);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(JSON_PROGRESS_INTERVAL_MS / 1000);
    for (const e of progress) {
      const files = e.files as Array<{ bytes: number }>;
      expect(e.bytes).toBe(files.reduce((n, f) => n + f.bytes, 0));
    }
  });

  it('counts finished files in the progress total and ignores progress of files not started or finished', () => {
    const { out, events } = capture();
    let now = 0;
    const r = new JsonReporter(out, { now: () => now, minProgressIntervalMs: 0 });
    r.start(FILES, 'x');
    r.progress(0, 10); // not started: ignored
    r.fileStarted(0);
    r.fileStarted(1);
    r.fileFinished(0, { ...FILES[0]!, status: 'done', bytes: 1000, seconds: 1 });
    r.progress(0, 1000); // finished: ignored
    now = 1;
    r.progress(1, 300);
    const progress = events().filter((e) => e.type === 'progress');
    expect(progress).toHaveLength(1);
    expect(progress[0]).toMatchObject({ files: [{ index: 1, bytes: 300, size: 2000 }], bytes: 1300 });
  });

  it('a dry run: plan and summary say so; each file planned, skipped or failed; exit code 1 when the space is short', () => {
    const { out, events } = capture();
    const r = new JsonReporter(out, { dryRun: true });
    r.start(FILES, 'a -> b');
    const results: FileResult[] = [
      { ...FILES[0]!, status: 'planned', bytes: 0, seconds: 0 },
      { ...FILES[1]!, status: 'failed', error: { code: 'E_ACL_DENIED', message: 'no' }, bytes: 0, seconds: 0 },
      { ...FILES[2]!, status: 'skipped', reason: 'exists', bytes: 0, seconds: 0 },
    ];
    for (const [i, f] of results.entries()) r.fileFinished(i, f);
    const summary = summaryOf(results, { dryRun: { freeBytes: 100, neededBytes: 1000, spaceOk: false } });
    r.finish(summary);
    const ev = events();
    expect(ev.map((e) => e.type)).toEqual(['plan', 'file_planned', 'file_failed', 'file_skipped', 'summary']);
    expect(ev[0]).toMatchObject({ dry_run: true });
    expect(ev[1]).toEqual({ type: 'file_planned', index: 0, source: '/src/a', destination: '/dst/a', size: 1000 });
    expect(ev[4]).toMatchObject({
      dry_run: true,
      planned: 1,
      planned_bytes: 1000,
      failed: 1,
      skipped: 1,
      free_bytes: 100,
      needed_bytes: 1000,
      space_ok: false,
      exit_code: 1,
    });
    expect(summaryExitCode({ ...summary, files: [results[0]!], dryRun: { freeBytes: 1000, neededBytes: 1000, spaceOk: true } })).toBe(0);
  });

  it('ls --json: the listing as one line', () => {
    const line = listingJson('/data', {
      self: { name: 'data', type: 'directory', size: 0, mtimeMs: 5, mode: 0o755 },
      entries: [{ name: 'a', type: 'file', size: 3, mtimeMs: 6, mode: 0o644 }],
      truncated: false,
    });
    expect(line.endsWith('\n')).toBe(true);
    expect(line.indexOf('\n')).toBe(line.length - 1);
    expect(JSON.parse(line)).toEqual({
      type: 'listing',
      path: '/data',
      self: { name: 'data', type: 'directory', size: 0, mtime_ms: 5, mode: 0o755 },
      entries: [{ name: 'a', type: 'file', size: 3, mtime_ms: 6, mode: 0o644 }],
      truncated: false,
    });
  });
});
