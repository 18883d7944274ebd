/**
 * Where a receiver's bytes go. A real file is written as a hidden partial beside its final name
 * and published only when complete: fsync, then link (mode new: a racing creator gets E_EXISTS)
 * or rename (overwrite), then fsync of the folder. A failure never leaves a truncated file under
 * the final name, and an overwritten file stays intact until the new one is whole.
 */
import { constants, promises as fsp } from 'node:fs';
import path from 'node:path';
import { EtxError, toEtxError } from '../common/errors.js';
import type { WriteMode } from '../common/messages.js';

export interface FileSink {
  /** Writes the parts, in order, at `offset`. */
  write(offset: number, parts: readonly Buffer[]): Promise<void>;
  /** Makes the file durable and visible under its final name. */
  complete(): Promise<void>;
  /** Gives up: the partial is removed, the final name is untouched. */
  abort(): Promise<void>;
}

export const PARTIAL_SUFFIX = '.part';

/** `.NAME.etx-<id>.part`: hidden, and recognisable as ours by the sweeper and the lister. */
export function partialName(finalName: string, transferId: string): string {
  return `.${finalName}.etx-${transferId.slice(0, 16)}${PARTIAL_SUFFIX}`;
}

export function isPartialName(name: string): boolean {
  return /^\..+\.etx-[0-9a-f]{16}\.part$/.test(name);
}

/** Modes from a peer are masked to 0644 or 0755: never setuid, never group or world writable. */
export function publishedMode(peerMode: number): number {
  return peerMode & 0o111 ? 0o755 : 0o644;
}

export interface PartialFileOptions {
  /** The final path, already resolved and judged by the caller. */
  finalPath: string;
  mode: WriteMode;
  fileMode: number;
  transferId: string;
  /** How the path is shown in errors. */
  label: string;
}

export class PartialFileSink implements FileSink {
  private closed = false;

  private constructor(
    private readonly handle: fsp.FileHandle,
    private readonly partialPath: string,
    private readonly options: PartialFileOptions,
  ) {}

  static async create(options: PartialFileOptions): Promise<PartialFileSink> {
    const dir = path.dirname(options.finalPath);
    const partialPath = path.join(dir, partialName(path.basename(options.finalPath), options.transferId));
    try {
      // O_EXCL: never reuse or follow whatever sits under the partial's name.
      const handle = await fsp.open(partialPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
      return new PartialFileSink(handle, partialPath, options);
    } catch (err) {
      throw toEtxError(err, `creating ${options.label}`);
    }
  }

  async write(offset: number, parts: readonly Buffer[]): Promise<void> {
    let position = offset;
    let pending = parts;
    try {
      while (pending.length > 0) {
        const { bytesWritten } = await this.handle.writev(pending, position);
        position += bytesWritten;
        pending = dropBytes(pending, bytesWritten);
      }
    } catch (err) {
      throw toEtxError(err, `writing ${this.options.label}`);
    }
  }

  async complete(): Promise<void> {
    const { finalPath, label } = this.options;
    try {
      await this.handle.chmod(publishedMode(this.options.fileMode));
      await this.handle.sync();
      await this.closeHandle();
      if (this.options.mode === 'new') {
        // link() fails if the final name appeared meanwhile: no silent replacement.
        await fsp.link(this.partialPath, finalPath);
        await fsp.unlink(this.partialPath);
      } else {
        await fsp.rename(this.partialPath, finalPath);
      }
      await syncDirectory(path.dirname(finalPath));
    } catch (err) {
      await this.abort();
      const mapped = toEtxError(err, `publishing ${label}`);
      if (mapped.code === 'E_EXISTS') throw new EtxError('E_EXISTS', `${label} already exists`);
      throw mapped;
    }
  }

  async abort(): Promise<void> {
    await this.closeHandle();
    await fsp.unlink(this.partialPath).catch(() => {});
  }

  private async closeHandle(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close().catch(() => {});
  }
}

/** `/dev/null`: accepts and discards. */
export class NullSink implements FileSink {
  async write(): Promise<void> {}
  async complete(): Promise<void> {}
  async abort(): Promise<void> {}
}

export async function syncDirectory(dir: string): Promise<void> {
  const handle = await fsp.open(dir, constants.O_RDONLY | constants.O_DIRECTORY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function dropBytes(parts: readonly Buffer[], count: number): readonly Buffer[] {
  let remaining = count;
  let i = 0;
  while (i < parts.length && remaining >= parts[i]!.length) {
    remaining -= parts[i]!.length;
    i++;
  }
  if (i === parts.length) return [];
  const rest = parts.slice(i);
  if (remaining > 0) rest[0] = rest[0]!.subarray(remaining);
  return rest;
}
