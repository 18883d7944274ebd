/**
 * Regression: an empty file copied into /dev/null hung alone (and failed beside other files): the
 * receiving server finished before the client had registered for the transfer's events, and the
 * client dropped events of transfers it did not know yet.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copy } from '../helpers/copy.js';
import { type Scratch, type TestServer, makeScratch, pubAcl, startTestServer, writeRandomFile } from '../helpers/servers.js';

describe('regression: events that arrive before the client listens', () => {
  let scratch: Scratch;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    scratch = await makeScratch();
    a = await startTestServer(pubAcl(scratch));
    b = await startTestServer(pubAcl(scratch));
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await scratch?.cleanup();
  });

  it('an empty file into /dev/null completes, alone and beside another file', async () => {
    const empty = path.join(scratch.pub, 'empty');
    await fsp.writeFile(empty, '');
    const other = path.join(scratch.pub, 'other');
    await writeRandomFile(other, 1000);
    for (let i = 0; i < 5; i++) {
      const alone = await copy([a.at(empty)], b.at('/dev/null'), { retries: 0 });
      expect(alone.files.map((f) => f.status)).toEqual(['done']);
      const both = await copy([a.at(empty), a.at(other)], b.at('/dev/null'), { retries: 0 });
      expect(both.files.map((f) => f.status)).toEqual(['done', 'done']);
    }
  }, 30_000);
});
