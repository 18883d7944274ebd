/**
 * Where each source lands, by the rules of cp and scp: into a destination folder when the
 * destination is one (or must be one: several sources, or a trailing '/'), else onto the
 * destination path itself. `/dev/null` takes everything.
 *
 * Recursive copies (`-r`) follow `cp -r` and `scp -r`: a folder onto an existing folder lands
 * inside it under its own name (`copy -r a/dir dst` gives `dst/dir/...`); onto a missing path it
 * becomes that path (`copy -r a/dir new` gives `new/...`), with or without a trailing '/' on
 * either side (`a/dir/` is the same source as `a/dir`: it is not rsync's "contents of").
 * Several sources (or several wildcard matches) need an existing destination folder. A folder
 * onto a file is E_NOT_A_DIRECTORY; a folder without `-r` is E_IS_A_DIRECTORY.
 */
import { EtxError } from '../common/errors.js';
import type { CodedError, ExpandRoot, FileInfo } from '../common/messages.js';
import { matchesPattern, parseSourcePattern } from '../common/source-glob.js';
import { isNullSink, parseZeroSource } from '../common/special-paths.js';

export interface PlannedSource {
  /** The path as the user gave it (on the source's side). */
  path: string;
  info: FileInfo;
}

export interface PlannedFile {
  source: string;
  destination: string;
  size: number;
  mode: number;
  /** The source's mtime (ms), given to the copy; unset: unknown. */
  mtimeMs?: number;
}

/** A folder a recursive copy creates (empty ones too), and the mtime it gets once its files are in. */
export interface PlannedFolder {
  source: string;
  destination: string;
  mtimeMs: number;
}

/** Something of the sources that will not be copied, and why. */
export interface PlanFailure {
  source: string;
  destination: string;
  error: CodedError;
}

export interface TreePlan {
  files: PlannedFile[];
  /** Parents before children. */
  folders: PlannedFolder[];
  /** Entries refused by the source (denied, unreadable, names the rules refuse), or placed nowhere. */
  failed: PlanFailure[];
  /** Entries left out on purpose (links inside a tree, special files): the CLI tells each. */
  skipped: Array<{ source: string; reason: string }>;
}

/** Strips trailing slashes (keeping '/'), and says whether there was one. */
export function splitTrailingSlash(p: string): { path: string; wantsFolder: boolean } {
  const stripped = p.replace(/\/+$/, '');
  return { path: stripped === '' ? '/' : stripped, wantsFolder: stripped !== p };
}

/** The name a source gets in a destination folder. */
export function sourceName(sourcePath: string): string {
  if (parseZeroSource(sourcePath) !== undefined) return 'zero';
  const { path } = splitTrailingSlash(sourcePath);
  const i = path.lastIndexOf('/');
  return path.slice(i + 1);
}

function joinUnder(dir: string, name: string, separator: string): string {
  return dir.endsWith(separator) ? `${dir}${name}` : `${dir}${separator}${name}`;
}

/**
 * @param destination the destination path, trailing slash stripped
 * @param destinationInfo what the destination is now
 * @param wantsFolder the user asked for a folder (trailing '/' or several sources)
 */
export function planDestinations(
  sources: readonly PlannedSource[],
  destination: string,
  destinationInfo: FileInfo,
  wantsFolder: boolean,
  separator = '/',
): PlannedFile[] {
  if (isNullSink(destination)) {
    return sources.map((s) => ({ source: s.path, destination, size: s.info.size, mode: s.info.mode }));
  }
  const isFolder = destinationInfo.type === 'directory';
  if (wantsFolder && !isFolder) {
    if (destinationInfo.type === 'missing') throw new EtxError('E_NOT_FOUND', `destination folder ${destination} does not exist`);
    throw new EtxError('E_NOT_A_DIRECTORY', `destination ${destination} is not a folder`);
  }
  return sources.map((s) => ({
    source: s.path,
    destination: isFolder ? joinUnder(destination, sourceName(s.path), separator) : destination,
    size: s.info.size,
    mode: s.info.mode,
  }));
}

/** `root` + `/` + a relative path ('' is the root itself). */
function joinRelative(root: string, rel: string, separator = '/'): string {
  if (rel === '') return root;
  const tail = separator === '/' ? rel : rel.split('/').join(separator);
  return joinUnder(root, tail, separator);
}

/**
 * Checks what a source answered against what was asked: each root belongs to a requested path,
 * and is that path or (a wildcard) a match of it in its folder. A server cannot slip in a root
 * the user did not name, nor a name that climbs out of the destination.
 */
function checkRoot(root: ExpandRoot, requested: readonly string[]): string {
  const asked = requested[root.source];
  if (asked === undefined) throw new EtxError('E_PROTOCOL', 'the source answered for a path that was not asked');
  if (root.error) return asked;
  const pattern = parseZeroSource(asked) === undefined ? parseSourcePattern(asked) : undefined;
  const fits = pattern
    ? root.path.startsWith(pattern.dir === '/' ? '/' : `${pattern.dir}/`) &&
      !root.path.slice(pattern.dir.length + 1).includes('/') &&
      matchesPattern(pattern.pattern, root.path.slice(pattern.dir === '/' ? 1 : pattern.dir.length + 1))
    : root.path === asked;
  if (!fits) throw new EtxError('E_PROTOCOL', `the source answered ${root.path} for ${asked}`);
  return asked;
}

export interface SortedRoots {
  /** Files, and folders when recursive, to plan. */
  ok: ExpandRoot[];
  failed: PlanFailure[];
}

/**
 * Which expanded sources can be copied: a source that failed, a folder without `-r`, anything
 * not a file or folder, and a file named with a trailing '/' fail on their own.
 * `trailingSlash[i]`: source `i` was written with a trailing '/'.
 */
export function sortRoots(
  roots: readonly ExpandRoot[],
  requested: readonly string[],
  trailingSlash: readonly boolean[],
  recursive: boolean,
  destination: string,
): SortedRoots {
  const sorted: SortedRoots = { ok: [], failed: [] };
  for (const root of roots) {
    const asked = checkRoot(root, requested);
    const fail = (code: CodedError['code'], message: string): void => {
      // An error root's path is the server's safe rendering of the path or match: for display only.
      sorted.failed.push({ source: root.path || asked, destination, error: { code, message } });
    };
    if (root.error) fail(root.error.code, root.error.message);
    else if (root.info?.type === 'directory' && !recursive) fail('E_IS_A_DIRECTORY', `${root.path} is a folder (use -r to copy it)`);
    else if (root.info?.type === 'directory') sorted.ok.push(root);
    else if (root.info?.type === 'missing') fail('E_NOT_FOUND', `${root.path}: no such file`);
    else if (root.info?.type !== 'file') fail('E_IO', `${root.path} is not a regular file`);
    else if (trailingSlash[root.source] && parseZeroSource(root.path) === undefined)
      fail('E_NOT_A_DIRECTORY', `${root.path}/: not a folder (no trailing "/" after a file)`);
    else sorted.ok.push(root);
  }
  return sorted;
}

/**
 * Plans a copy of expanded sources (files, and folder trees when recursive).
 * @param roots what sortRoots kept
 * @param destination the destination path, trailing slash stripped
 * @param destinationInfo what the destination is now
 * @param wantsFolder a trailing '/' on the destination
 * @param several several sources were named, or a wildcard matched several: the destination must be a folder
 */
export function planTree(
  roots: readonly ExpandRoot[],
  destination: string,
  destinationInfo: FileInfo,
  wantsFolder: boolean,
  several: boolean,
  separator = '/',
): TreePlan {
  const plan: TreePlan = { files: [], folders: [], failed: [], skipped: [] };
  const onlyFolder = roots.length === 1 && roots[0]!.info?.type === 'directory';
  // cp -r: a single folder onto a missing path creates it, trailing '/' or not.
  if (onlyFolder && !several && destinationInfo.type === 'missing' && !isNullSink(destination)) {
    addTree(plan, roots[0]!, destination, separator);
    return plan;
  }
  const files = roots.filter((r) => r.info?.type !== 'directory');
  const filePlan = planDestinations(
    files.map((r) => ({ path: r.path, info: r.info! })),
    destination,
    destinationInfo,
    wantsFolder || several,
    separator,
  );
  filePlan.forEach((f, i) => {
    const mtimeMs = files[i]!.info!.mtimeMs;
    plan.files.push(mtimeMs > 0 ? { ...f, mtimeMs } : f);
  });
  for (const root of roots) {
    if (root.info?.type !== 'directory') continue;
    if (isNullSink(destination)) {
      addTree(plan, root, destination, separator);
    } else if (destinationInfo.type === 'directory') {
      addTree(plan, root, joinUnder(destination, sourceName(root.path), separator), separator);
    } else {
      const error: CodedError =
        destinationInfo.type === 'missing'
          ? { code: 'E_NOT_FOUND', message: `destination folder ${destination} does not exist` }
          : { code: 'E_NOT_A_DIRECTORY', message: `cannot copy folder ${root.path} onto ${destination}: not a folder` };
      plan.failed.push({ source: root.path, destination, error });
    }
  }
  return plan;
}

/** A folder root and everything below it, onto `base`; `/dev/null` takes the files and no folders. */
function addTree(plan: TreePlan, root: ExpandRoot, base: string, separator: string): void {
  const toNull = isNullSink(base);
  if (!toNull) plan.folders.push({ source: root.path, destination: base, mtimeMs: root.info!.mtimeMs });
  for (const entry of root.entries) {
    const source = joinRelative(root.path, entry.path);
    const destination = toNull ? base : joinRelative(base, entry.path, separator);
    if (entry.error) plan.failed.push({ source, destination, error: entry.error });
    else if (entry.skipped !== undefined) plan.skipped.push({ source, reason: entry.skipped });
    else if (entry.info?.type === 'directory') {
      if (!toNull) plan.folders.push({ source, destination, mtimeMs: entry.info.mtimeMs });
    } else if (entry.info?.type === 'file') {
      const { size, mode, mtimeMs } = entry.info;
      plan.files.push(mtimeMs > 0 ? { source, destination, size, mode, mtimeMs } : { source, destination, size, mode });
    } else {
      plan.skipped.push({ source, reason: 'not a regular file or folder' });
    }
  }
}
