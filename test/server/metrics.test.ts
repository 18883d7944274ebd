/**
 * Issue 8: `GET /metrics` (Prometheus text) and `GET /healthz` on the control port, for the
 * addresses --metrics-allow admits. Scraped before and after a real copy, the counters show the
 * bytes and files moved, on each server in its own direction.
 */
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PeerAllowlist } from '../../src/common/peer-allowlist.js';
import { copy } from '../helpers/copy.js';
import { type Scratch, type TestServer, makeScratch, pubAcl, startTestServer, writeRandomFile } from '../helpers/servers.js';

function get(port: number, urlPath: string, localAddress = '127.0.0.1'): Promise<{ status: number; body: string; type: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, localAddress }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: String(res.headers['content-type']) }));
    });
    req.on('error', reject);
  });
}

/** The value of one sample line (`name{labels} value`), or 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('metrics and health', () => {
  let scratch: Scratch;
  let a: TestServer;
  let b: TestServer;
  let guarded: TestServer;

  beforeAll(async () => {
    scratch = await makeScratch();
    a = await startTestServer(pubAcl(scratch));
    b = await startTestServer(pubAcl(scratch));
    guarded = await startTestServer(pubAcl(scratch), { metricsAllow: PeerAllowlist.parse(['127.0.0.1/32'], '--metrics-allow') });
  });
  afterAll(async () => {
    for (const s of [a, b, guarded]) await s.close();
    await scratch.cleanup();
  });

  it('/healthz answers ok', async () => {
    const r = await get(a.port, '/healthz');
    expect(r).toMatchObject({ status: 200, body: 'ok\n' });
  });

  it('/metrics before and after a copy shows the bytes and files each server moved', async () => {
    const size = 3 * 1024 * 1024 + 11;
    const src = path.join(scratch.pub, 'm.bin');
    await writeRandomFile(src, size);
    const before = { a: (await get(a.port, '/metrics')).body, b: (await get(b.port, '/metrics')).body };
    const summary = await copy([a.at(src)], b.at(path.join(scratch.pub, 'm-copy.bin')));
    expect(summary.files[0]!.status).toBe('done');
    const after = await get(b.port, '/metrics');
    expect(after.status).toBe(200);
    expect(after.type).toContain('text/plain');
    const aAfter = (await get(a.port, '/metrics')).body;
    const delta = (text: string, was: string, series: string) => sample(text, series) - sample(was, series);
    expect(delta(after.body, before.b, 'etransfer_bytes_total{direction="received"}')).toBe(size);
    expect(delta(after.body, before.b, 'etransfer_files_total{direction="received"}')).toBe(1);
    expect(delta(after.body, before.b, 'etransfer_transfers_total{role="receive",outcome="done"}')).toBe(1);
    expect(delta(aAfter, before.a, 'etransfer_bytes_total{direction="sent"}')).toBe(size);
    expect(delta(after.body, before.b, 'etransfer_connections_total{kind="data"}')).toBe(4);
    for (const name of [
      'etransfer_active_transfers',
      'etransfer_active_data_streams',
      'etransfer_chunk_retransmits_total',
      'etransfer_uptime_seconds',
    ]) {
      expect(after.body).toContain(`# TYPE ${name}`);
    }
  });

  it('bytes are counted while a long file moves, not only when it is done', async () => {
    const size = 3 * 1024 * 1024 * 1024;
    const series = 'etransfer_bytes_total{direction="received"}';
    const base = sample((await get(b.port, '/metrics')).body, series);
    const running = copy([a.at(`/dev/zero:${size}`)], b.at('/dev/null'), { streams: 1 });
    let seenBetween = false;
    let done = false;
    void running.finally(() => {
      done = true;
    });
    while (!done) {
      const now = sample((await get(b.port, '/metrics')).body, series) - base;
      if (now > 0 && now < size) seenBetween = true;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await running).files[0]!.status).toBe('done');
    expect(seenBetween).toBe(true);
    expect(sample((await get(b.port, '/metrics')).body, series) - base).toBe(size);
  }, 60_000);

  it('an address outside --metrics-allow gets neither (the plain control-port refusal)', async () => {
    expect((await get(guarded.port, '/metrics', '127.0.0.1')).status).toBe(200);
    const refused = await get(guarded.port, '/metrics', '127.0.0.2');
    expect(refused.status).toBe(426);
    expect(refused.body).not.toContain('etransfer_');
    expect((await get(guarded.port, '/healthz', '127.0.0.2')).status).toBe(426);
  });
});
