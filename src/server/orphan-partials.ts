/**
 * Partials nobody comes back for. Every partial this server creates is listed in
 * `<state-dir>/partials.log`; at start-up, listed partials older than the grace period are
 * removed with their journals (THREATS F15). Only listed paths are ever touched, and only if
 * they still look like our partials: a user's file that happens to look like one is safe.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { isPartialName } from '../transfer/file-sink.js';
import type { Logger } from './logger.js';

const LOG_NAME = 'partials.log';

export class PartialRegistry {
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly stateDir: string) {}

  /** Appends a partial's path (one per line; paths with a newline are never created by us). */
  record(partialPath: string): void {
    if (partialPath.includes('\n')) return;
    this.writing = this.writing.then(() =>
      fsp.appendFile(path.join(this.stateDir, LOG_NAME), `${partialPath}\n`, { mode: 0o600 }).catch(() => {}),
    );
  }

  /** Removes listed partials older than `graceMs`; keeps listing the younger ones. */
  async sweep(graceMs: number, logger: Logger, nowMs = Date.now()): Promise<{ removed: number; kept: number }> {
    const logPath = path.join(this.stateDir, LOG_NAME);
    const text = await fsp.readFile(logPath, 'utf8').catch(() => '');
    const keep: string[] = [];
    let removed = 0;
    for (const partial of new Set(text.split('\n').filter((l) => l.startsWith('/')))) {
      const st = await fsp.lstat(partial).catch(() => undefined);
      if (!st?.isFile() || !isPartialName(path.basename(partial)) || !partial.endsWith('.part')) continue;
      if (nowMs - st.mtimeMs < graceMs) {
        keep.push(partial);
        continue;
      }
      await fsp.unlink(partial).catch(() => {});
      await fsp.unlink(`${partial.slice(0, -'.part'.length)}.journal`).catch(() => {});
      logger.info({ partial }, 'removed an abandoned partial file');
      removed++;
    }
    const fresh = `${logPath}.new`;
    await fsp.writeFile(fresh, keep.map((p) => `${p}\n`).join(''), { mode: 0o600 });
    await fsp.rename(fresh, logPath);
    return { removed, kept: keep.length };
  }
}
