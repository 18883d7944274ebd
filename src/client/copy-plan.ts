/**
 * Where each source lands, by the rules of cp and scp: into a destination folder when the
 * destination is one (or must be one: several sources, or a trailing '/'), else onto the
 * destination path itself. `/dev/null` takes everything.
 */
import { EtxError } from '../common/errors.js';
import type { FileInfo } from '../common/messages.js';
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
