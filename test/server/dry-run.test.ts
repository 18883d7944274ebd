/**
 * A dry-run prepareReceive (`copy --dry-run`) on the wire: the server judges each file as for a
 * real prepare (path rules, ACL, write mode, one writer per path) and answers with the free space,
 * but takes no quota slot, claims no path, registers no transfer and creates nothing.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ControlClient } from '../../src/client/control-client.js';
import type { FileSpec, WriteMode } from '../../src/common/messages.js';
import { DEFAULT_SERVER_LIMITS } from '../../src/server/options.js';
import { type Scratch, type TestServer, listNames, makeScratch, pubAcl, startTestServer } from '../helpers/servers.js';

describe('prepareReceive dry run', () => {
  let scratch: Scratch;
  let server: TestServer;

  beforeAll(async () => {
    scratch = await makeScratch();
    // One transfer at a time per user: a dry run must not need a slot.
    server = await startTestServer(pubAcl(scratch), { maxTransfersPerUser: 1 });
  });
  afterAll(async () => {
    await server?.close();
    await scratch?.cleanup();
  });

  const spec = (p: string, size = 1000): FileSpec => ({ path: p, size, mode: 0o644 });
  const prepare = (client: ControlClient, files: FileSpec[], mode: WriteMode = 'new') =>
    client.request({ type: 'prepareReceive', files, mode, streams: 2, chunkSizeBytes: 0 }, 'receiveReady');
  const plan = (client: ControlClient, files: FileSpec[], mode: WriteMode = 'new') =>
    client.request({ type: 'prepareReceive', files, mode, streams: 2, chunkSizeBytes: 0, dryRun: true }, 'receivePlan');

  it('judges every file as a prepare would, and holds nothing: no slot, no claim, no transfer, no file or folder', async () => {
    const busy = path.join(scratch.pub, 'busy.bin');
    const free = path.join(scratch.pub, 'free.bin');
    const existing = path.join(scratch.pub, 'existing.bin');
    const deep = path.join(scratch.pub, 'no', 'such', 'folder', 'x.bin');
    await fsp.writeFile(existing, 'old');
    const writer = await ControlClient.connect('127.0.0.1', server.port);
    const planner = await ControlClient.connect('127.0.0.1', server.port);
    try {
      expect((await prepare(writer, [spec(busy)])).files[0]!.state).toBe('accepted');
      const before = await listNames(scratch.pub);

      const reply = await plan(planner, [
        spec(busy),
        spec(free, 5000),
        spec(free, 5000),
        spec(existing),
        spec(deep, 7),
        spec(path.join(scratch.outside, 'nope')),
        spec(`${scratch.pub}/a/../b`),
      ]);
      const codes = reply.files.map((o) => (o.state === 'failed' ? o.error.code : o.state));
      expect(codes).toEqual(['E_BUSY', 'accepted', 'E_BUSY', 'E_EXISTS', 'accepted', 'E_ACL_DENIED', 'E_PATH']);
      expect(reply.neededBytes).toBe(5000 + 7 + DEFAULT_SERVER_LIMITS.freeSpaceMarginBytes);
      expect(reply.freeBytes).toBeGreaterThan(reply.neededBytes);

      // Nothing held: still the writer's one transfer, the planned path is free, nothing on disk.
      expect(server.server.registry.size).toBe(1);
      expect(server.server.registry.busy(free)).toBe(false);
      expect(await listNames(scratch.pub)).toEqual(before);
      // The quota slot is the writer's: a real prepare is refused, a dry run is not.
      await expect(prepare(planner, [spec(free)])).rejects.toMatchObject({ code: 'E_QUOTA' });
      expect((await plan(planner, [spec(free)], 'skip-existing')).files).toEqual([{ state: 'accepted' }]);
      expect((await plan(planner, [spec(existing)], 'skip-existing')).files[0]!.state).toBe('skipped');
      expect((await plan(planner, [spec('/dev/null', 10 ** 15)])).neededBytes).toBe(0);
      await expect(plan(planner, [])).rejects.toMatchObject({ code: 'E_PROTOCOL' });
    } finally {
      writer.close();
      planner.close();
    }
  });
});
