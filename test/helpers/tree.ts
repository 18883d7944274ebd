/**
 * Folder trees for recursive-copy tests: a few hundred small files in nested folders, an empty
 * folder, names with spaces, unicode (NFC) and leading dashes, links inside the tree, a hidden
 * etransfer partial, and set modification times (with milliseconds) on files and folders.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';

export interface TreeSpec {
  /** Folders of `d<i>/s<j>` with `files` files each. */
  dirs: number;
  subdirs: number;
  files: number;
}

export const DEFAULT_TREE: TreeSpec = { dirs: 8, subdirs: 3, files: 12 };

/** A time in the past with milliseconds, different per name. */
function timeFor(name: string): number {
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return 1_500_000_000_000 + (h % 100_000_000) * 1000 + (h % 997);
}

async function setTime(p: string): Promise<void> {
  const ms = timeFor(p);
  await fsp.utimes(p, ms / 1000, ms / 1000);
}

/**
 * Makes the tree under `root` (created). Returns the number of regular files in it. Links:
 * `link-to-file` (to a file in the tree) and `d0/link-out` (to `outside`, a folder out of the tree).
 */
export async function makeTree(root: string, outside: string, spec: TreeSpec = DEFAULT_TREE): Promise<number> {
  let files = 0;
  const folders: string[] = [root];
  const write = async (p: string, bytes: number): Promise<void> => {
    await fsp.writeFile(p, randomBytes(bytes));
    await setTime(p);
    files++;
  };
  await fsp.mkdir(root, { recursive: true });
  for (let i = 0; i < spec.dirs; i++) {
    const d = path.join(root, `d${i}`);
    await fsp.mkdir(d);
    folders.push(d);
    for (let j = 0; j < spec.subdirs; j++) {
      const s = path.join(d, `s${j}`);
      await fsp.mkdir(s);
      folders.push(s);
      for (let k = 0; k < spec.files; k++) await write(path.join(s, `f${k}.dat`), (i * 997 + j * 131 + k * 17) % 3000);
    }
  }
  const special: Array<[string, number]> = [
    ['with space/file one.txt', 100],
    ['ünïcødé/ファイル.txt', 200],
    ['-dash/-x.bin', 300],
    ['-dash/--y', 0],
    ['top.bin', 70_000],
    ['.hidden/.dotfile', 5],
  ];
  for (const [rel, bytes] of special) {
    const dir = path.join(root, path.dirname(rel));
    if (!folders.includes(dir)) {
      await fsp.mkdir(dir, { recursive: true });
      folders.push(dir);
    }
    await write(path.join(root, rel), bytes);
  }
  for (const empty of ['empty dir', `d${Math.min(1, spec.dirs - 1)}/empty`]) {
    await fsp.mkdir(path.join(root, empty));
    folders.push(path.join(root, empty));
  }
  await fsp.symlink('top.bin', path.join(root, 'link-to-file'));
  await fsp.mkdir(outside, { recursive: true });
  await fsp.writeFile(path.join(outside, 'secret'), 'outside the tree');
  await fsp.symlink(outside, path.join(root, 'd0', 'link-out'));
  // A hidden partial of some earlier transfer: never listed, never copied.
  await fsp.writeFile(path.join(root, 'd0', '.f0.dat.etx-0123456789abcdef.part'), 'partial');
  // Folder times last, children before parents (their own writes changed them).
  for (const f of folders.reverse()) await setTime(f);
  return files;
}

export interface TreeEntry {
  type: 'file' | 'directory' | 'symlink' | 'other';
  size: number;
  mtimeMs: number;
  content?: Buffer;
}

/** Every entry below `root` by relative path (links not followed, partials left out). */
export async function readTree(root: string): Promise<Map<string, TreeEntry>> {
  const out = new Map<string, TreeEntry>();
  const walk = async (rel: string): Promise<void> => {
    for (const name of (await fsp.readdir(path.join(root, rel))).sort()) {
      if (/\.etx-[0-9a-f]{16}\.(part|journal)$/.test(name)) continue;
      const r = rel === '' ? name : `${rel}/${name}`;
      const st = await fsp.lstat(path.join(root, r));
      const type = st.isFile() ? 'file' : st.isDirectory() ? 'directory' : st.isSymbolicLink() ? 'symlink' : 'other';
      const entry: TreeEntry = { type, size: st.isFile() ? st.size : 0, mtimeMs: Math.floor(st.mtimeMs) };
      if (st.isFile()) entry.content = await fsp.readFile(path.join(root, r));
      out.set(r, entry);
      if (st.isDirectory()) await walk(r);
    }
  };
  await walk('');
  return out;
}

/**
 * What a recursive copy of `source` must produce: every file and folder, same bytes, same
 * mtime (to the millisecond), no links. Returns a list of differences (empty: identical).
 */
export async function compareTrees(source: string, copy: string, options: { folderTimes?: boolean } = {}): Promise<string[]> {
  const a = await readTree(source);
  const b = await readTree(copy);
  const diffs: string[] = [];
  for (const [rel, e] of a) {
    if (e.type === 'symlink' || e.type === 'other') {
      if (b.has(rel)) diffs.push(`${rel}: a link was copied`);
      continue;
    }
    const c = b.get(rel);
    if (!c) diffs.push(`${rel}: missing`);
    else if (c.type !== e.type) diffs.push(`${rel}: ${c.type}, not ${e.type}`);
    else if (e.type === 'file' && !c.content!.equals(e.content!)) diffs.push(`${rel}: content differs`);
    else if ((e.type === 'file' || options.folderTimes !== false) && c.mtimeMs !== e.mtimeMs) {
      diffs.push(`${rel}: mtime ${c.mtimeMs}, not ${e.mtimeMs}`);
    }
  }
  for (const rel of b.keys()) if (!a.has(rel)) diffs.push(`${rel}: not in the source`);
  return diffs;
}
