/**
 * The etransfer command starts Node with a thread pool of 64 (bin/etransfer, loaded as CommonJS so
 * that it runs before anything starts the pool): file system calls (opens, fsyncs, chunk reads and
 * writes) of parallel streams and small files do not queue behind Node's default 4 threads.
 * UV_THREADPOOL_SIZE in the environment still wins. Counted from /proc: Linux only.
 */
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ServerProcess, runCli, startServerProcess } from '../helpers/processes.js';

const threads = (pid: number) => readdirSync(`/proc/${pid}/task`).length;

describe.skipIf(!existsSync('/proc/self/task'))('the thread pool of an etransfer process', () => {
  async function poolOf(env: NodeJS.ProcessEnv): Promise<number> {
    const server: ServerProcess = await startServerProcess([], 0, env);
    try {
      // Any request that touches the file system has started the pool by now.
      const ls = await runCli(['ls', `127.0.0.1#${server.controlPort}:/tmp`]);
      expect(ls.code, ls.stderr).toBe(0);
      return threads(server.child.pid!);
    } finally {
      await server.stop();
    }
  }

  it('is 64 threads unless UV_THREADPOOL_SIZE says otherwise', async () => {
    const { UV_THREADPOOL_SIZE: _, ...inherited } = process.env;
    // The main thread, V8's and libuv's own few, and the pool.
    expect(await poolOf(inherited)).toBeGreaterThanOrEqual(64);
    const four = await poolOf({ ...inherited, UV_THREADPOOL_SIZE: '4' });
    expect(four).toBeLessThan(20);
  });
});
