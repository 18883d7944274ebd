/**
 * `copy --files-from FILE`: sources read from a file rather than the command line.
 *
 * - A list: one source per line, each an endpoint exactly as on the command line
 *   (`[user@]host[#port]:/abs/path`, `et://...`, or a local path, relative to the current folder
 *   as on the command line, not to FILE). Leading and trailing blanks are ignored, and so are
 *   blank lines and lines whose first non-blank character is `#` (only whole lines: `host#port`
 *   is no comment). A line that is no valid endpoint, or holds a control character, is E_USAGE
 *   naming FILE and the line number.
 * - A manifest written by `--manifest` (the file starts with `{`): its entries whose status is
 *   not `done` (failed, skipped, or planned by a dry run), so a copy's failures are retried with
 *   `--files-from MANIFEST DST`. A local source whose name starts with `{` is written `./{...`.
 */
import { promises as fsp } from 'node:fs';
import { type Endpoint, parseEndpoint } from '../common/endpoint.js';
import { EtxError, toEtxError } from '../common/errors.js';
import { MANIFEST_FORMAT } from './manifest.js';

/** Bytes read from a --files-from file at most (about a million sources). */
export const MAX_FILES_FROM_BYTES = 256 * 1024 * 1024;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

function usage(label: string, where: string, message: string): EtxError {
  return new EtxError('E_USAGE', `--files-from ${label}: ${where}: ${message}`);
}

function parseSource(text: string, label: string, where: string): Endpoint {
  if (CONTROL.test(text)) throw usage(label, where, 'a control character in the source');
  try {
    return parseEndpoint(text);
  } catch (err) {
    throw usage(label, where, toEtxError(err).message);
  }
}

/** The sources of a list (see above); `label` names the file in errors. */
export function parseSourceList(text: string, label: string): Endpoint[] {
  const sources: Endpoint[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    sources.push(parseSource(line, label, `line ${i + 1}`));
  });
  return sources;
}

/** The sources of a manifest to do again: its entries whose status is not `done`. */
export function parseManifestSources(text: string, label: string): Endpoint[] {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch (err) {
    throw new EtxError('E_USAGE', `--files-from ${label}: starts with "{" but is no manifest (${(err as Error).message})`);
  }
  const m = manifest as { format?: unknown; files?: unknown };
  if (typeof m !== 'object' || m === null || m.format !== MANIFEST_FORMAT || !Array.isArray(m.files)) {
    throw new EtxError('E_USAGE', `--files-from ${label}: starts with "{" but is no ${MANIFEST_FORMAT} file`);
  }
  const sources: Endpoint[] = [];
  m.files.forEach((entry: unknown, i) => {
    const e = entry as { source?: unknown; status?: unknown };
    const where = `file entry ${i + 1}`;
    if (typeof e !== 'object' || e === null || typeof e.source !== 'string' || typeof e.status !== 'string') {
      throw usage(label, where, 'needs a "source" and a "status"');
    }
    if (e.status !== 'done') sources.push(parseSource(e.source, label, where));
  });
  return sources;
}

/** Reads FILE: a manifest if its first non-blank character is `{`, else a list. */
export async function readFilesFrom(file: string): Promise<Endpoint[]> {
  let text: string;
  try {
    const st = await fsp.stat(file);
    if (st.isDirectory()) throw new EtxError('E_USAGE', `--files-from ${file} is a folder`);
    if (st.size > MAX_FILES_FROM_BYTES) throw new EtxError('E_USAGE', `--files-from ${file} is larger than ${MAX_FILES_FROM_BYTES} bytes`);
    text = await fsp.readFile(file, 'utf8');
  } catch (err) {
    const e = toEtxError(err, `--files-from ${file}`);
    throw e.code === 'E_USAGE' ? e : new EtxError('E_USAGE', e.message);
  }
  return text.trimStart().startsWith('{') ? parseManifestSources(text, file) : parseSourceList(text, file);
}
