/**
 * Opening exactly the path the ACL judged (DESIGN section 3, THREATS T2-T4).
 *
 * The ACL judges a resolved path; between that check and the open, someone with write access to
 * a parent folder could swap a component for a symbolic link (to /etc, say). Node has no openat,
 * so on Linux this pins things through /proc:
 *
 * - A destination folder is opened once (O_PATH | O_DIRECTORY) and the kernel is asked where that
 *   descriptor really is (readlink of /proc/self/fd/N). If it is not the judged folder, the open
 *   fails. Every later operation on files in it (create the partial, link or rename it to the
 *   final name, fsync the folder, unlink) goes through `/proc/self/fd/N/name`, i.e. inside the
 *   pinned folder itself, whatever its path has become since: a swap after the check can neither
 *   redirect the write nor the publish.
 * - A source file is opened with O_NOFOLLOW and the same readlink check on its descriptor: the
 *   bytes read are the judged file's, or nothing is read.
 *
 * Folders of one transfer share one pin (reference-counted), so 10,000 files in one folder cost
 * one extra open, and their folder fsyncs still group-commit. Where /proc/self/fd is not there
 * (a laptop on macOS pulling files), paths are used as they are: the laptop's own files, no ACL.
 */
import fs, { constants, promises as fsp } from 'node:fs';
import path from 'node:path';
import { EtxError, toEtxError } from '../common/errors.js';

/** O_PATH (Linux): a descriptor that names a folder without opening it for reading. */
const O_PATH = 0o10000000;
const USE_PROC_FD = process.platform === 'linux';

/**
 * Where descriptor `fd` really is, per the kernel; undefined if that cannot be told. Synchronous
 * on purpose: /proc answers from memory (never a disk), in microseconds, where a trip through the
 * thread pool cost ~190 us of CPU per call here, once per file of a transfer.
 */
function whereIs(fd: number): string | undefined {
  try {
    return fs.readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return undefined;
  }
}

function moved(label: string): EtxError {
  return new EtxError('E_PATH', `${label} changed while it was being opened (a folder on its path was moved or replaced by a link)`);
}

/** One pinned folder: its descriptor once open, and how many holders it has (counted at once, no await). */
interface Pin {
  ready: Promise<fsp.FileHandle>;
  users: number;
}

const pins = new Map<string, Pin>();

async function openPin(realDir: string, label: string): Promise<fsp.FileHandle> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(realDir, O_PATH | constants.O_DIRECTORY);
  } catch (err) {
    throw toEtxError(err, `opening the folder of ${label}`);
  }
  if (whereIs(handle.fd) !== realDir) {
    await handle.close().catch(() => {});
    throw moved(label);
  }
  return handle;
}

export class PinnedDirectory {
  private released = false;

  private constructor(
    /** The folder as the ACL judged it. */
    readonly realPath: string,
    /** How to reach it for file operations: `/proc/self/fd/N`, or `realPath` without /proc. */
    readonly viaPath: string,
    /** The shared pin this holder counts in (undefined without /proc). */
    private readonly pin?: Pin,
  ) {}

  /**
   * Pins `realDir` (a resolved, judged folder path). Fails with E_PATH if what is there now is
   * not that folder, with E_NOT_FOUND if it does not exist. A pin already held for that path is
   * shared only if its folder is still there: one moved away since (its holders keep it, they
   * were judged before the move) is left to them, and a fresh pin is opened.
   */
  static async pin(realDir: string, label: string): Promise<PinnedDirectory> {
    if (!USE_PROC_FD) return new PinnedDirectory(realDir, realDir);
    for (;;) {
      let pin = pins.get(realDir);
      const shared = pin !== undefined;
      if (pin) {
        pin.users++;
      } else {
        pin = { ready: openPin(realDir, label), users: 1 };
        pins.set(realDir, pin);
      }
      let handle: fsp.FileHandle;
      try {
        handle = await pin.ready;
      } catch (err) {
        releasePin(realDir, pin);
        throw err;
      }
      if (shared && whereIs(handle.fd) !== realDir) {
        // Regression: a reused pin was never checked again, so a folder renamed elsewhere while
        // pinned received files judged for its old path.
        if (pins.get(realDir) === pin) pins.delete(realDir);
        releasePin(realDir, pin);
        continue;
      }
      return new PinnedDirectory(realDir, `/proc/self/fd/${handle.fd}`, pin);
    }
  }

  /** The path of `name` inside the pinned folder. */
  entry(name: string): string {
    return path.join(this.viaPath, name);
  }

  /** Gives the pin back (once); the last holder closes the descriptor. */
  async release(): Promise<void> {
    if (this.released || !this.pin) return;
    this.released = true;
    releasePin(this.realPath, this.pin);
  }
}

/** One holder fewer; the last one closes the descriptor (and forgets the pin if it is still the current one). */
function releasePin(realDir: string, pin: Pin): void {
  if (--pin.users > 0) return;
  if (pins.get(realDir) === pin) pins.delete(realDir);
  pin.ready.then(
    (handle) => handle.close().catch(() => {}),
    () => {},
  );
}

/**
 * Opens the judged file `realPath` for reading, never through a symbolic link anywhere on its
 * path: the descriptor must be where the ACL looked.
 */
export async function openJudgedFile(realPath: string, label: string): Promise<fsp.FileHandle> {
  let handle: fsp.FileHandle;
  try {
    // O_NONBLOCK: a FIFO swapped in under the name must not hold a thread-pool thread forever
    // (the caller's fstat then refuses anything but a regular file).
    handle = await fsp.open(realPath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw moved(label);
    throw toEtxError(err, `opening ${label}`);
  }
  if (USE_PROC_FD && whereIs(handle.fd) !== realPath) {
    await handle.close().catch(() => {});
    throw moved(label);
  }
  return handle;
}

/**
 * openJudgedFile, synchronously, for a small file read whole at once: a raw descriptor the
 * caller closes.
 */
export function openJudgedFileSync(realPath: string, label: string): number {
  let fd: number;
  try {
    fd = fs.openSync(realPath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw moved(label);
    throw toEtxError(err, `opening ${label}`);
  }
  if (USE_PROC_FD && whereIs(fd) !== realPath) {
    fs.closeSync(fd);
    throw moved(label);
  }
  return fd;
}

/**
 * Resolves the symbolic links in absolute `p` once: a path that does not exist yet is resolved
 * through its deepest existing ancestor (so a write under a link to /etc is a write under /etc).
 * This is the path to judge, and the one the pins above then hold to.
 */
export async function resolveThroughExisting(p: string, label = p): Promise<string> {
  const components = p.split('/').filter((c) => c !== '');
  for (let keep = components.length; keep >= 0; keep--) {
    const prefix = `/${components.slice(0, keep).join('/')}`;
    try {
      const real = await fsp.realpath(prefix);
      const rest = components.slice(keep);
      return rest.length === 0 ? real : path.posix.join(real, ...rest);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw toEtxError(err, `resolving ${label}`);
    }
  }
  return p;
}

/** A path resolved by PathResolver, with what lstat said of it when that was asked anyway. */
export interface ResolvedPath {
  real: string;
  /** lstat of `real` when it exists and is not a link (so stat would say the same). */
  stats?: fs.Stats;
}

/**
 * resolveThroughExisting for the many paths of one request: each folder is resolved once, then
 * each path costs one lstat of its last component (a link there is followed as before). For
 * 10,000 files in one folder that is 10,000 lstats instead of 10,000-20,000 realpaths, each of
 * which walks every component. The answers are the same; like every resolution here, what they
 * name is checked again when pinned or opened.
 */
export class PathResolver {
  private readonly folders = new Map<string, Promise<string>>();

  async resolve(p: string, label = p): Promise<ResolvedPath> {
    const dir = path.posix.dirname(p);
    const name = path.posix.basename(p);
    if (dir === p || name === '' || name === '.' || name === '..') return { real: await resolveThroughExisting(p, label) };
    let realDir = this.folders.get(dir);
    if (!realDir) {
      realDir = resolveThroughExisting(dir, label);
      this.folders.set(dir, realDir);
    }
    const candidate = path.posix.join(await realDir, name);
    let stats: fs.Stats;
    try {
      stats = await fsp.lstat(candidate);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { real: candidate };
      throw toEtxError(err, `resolving ${label}`);
    }
    if (stats.isSymbolicLink()) return { real: await resolveThroughExisting(candidate, label) };
    return { real: candidate, stats };
  }
}

/**
 * `mkdir -p` of the judged folder `realDir`, never through a link: from its deepest existing
 * ancestor (pinned and checked), each missing folder is made inside the pinned one before it and
 * then pinned and checked in turn. A link planted on the way after the check fails with E_PATH and
 * nothing is made outside (a plain `mkdir -p` would follow it).
 */
export async function makeFolderPath(realDir: string, label: string, mode = 0o755): Promise<void> {
  const parts = realDir.split('/').filter((c) => c !== '');
  const pathOf = (n: number): string => `/${parts.slice(0, n).join('/')}`;
  let have = parts.length;
  for (; have > 0; have--) {
    try {
      if ((await fsp.lstat(pathOf(have))).isDirectory()) break;
      throw moved(label); // a link or a file where the judged path has a folder
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw toEtxError(err, `creating the folder of ${label}`);
    }
  }
  let current = await PinnedDirectory.pin(pathOf(have), label);
  try {
    for (let i = have; i < parts.length; i++) {
      await fsp.mkdir(current.entry(parts[i]!), { mode }).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'EEXIST') throw toEtxError(err, `creating the folder of ${label}`);
      });
      const next = await PinnedDirectory.pin(pathOf(i + 1), label);
      await current.release();
      current = next;
    }
  } finally {
    await current.release();
  }
}

/** Pins held right now (tests check that none leak). */
export function pinnedDirectoryCount(): number {
  return pins.size;
}
