/**
 * `etransfer ls`: one listing request, formatted like `ls` (or `ls -l`). With `-r`, or a
 * wildcard in the last component, the server expands the path (the same expansion a copy
 * uses, with the list right) and each entry is printed as its path relative to the listed
 * folder, one a line, folders with a trailing '/' (like `find`); `-l` adds the usual columns.
 */
import type { Endpoint } from '../common/endpoint.js';
import { EtxError } from '../common/errors.js';
import type { CodedError, ExpandRoot, FileInfo } from '../common/messages.js';
import { displayPath } from '../common/path-rules.js';
import { isPattern } from '../common/source-glob.js';
import type { Ed25519PrivateKey } from '../common/ssh-keys.js';
import { formatBytes } from '../common/units.js';
import { type ControlClient, type ControlClientOptions, DEFAULT_CONTROL_CLIENT_OPTIONS } from './control-client.js';
import { splitTrailingSlash } from './copy-plan.js';
import { withServer } from './remote-session.js';

export interface ListOutcome {
  self: FileInfo;
  entries: FileInfo[];
  truncated: boolean;
}

type HostKeys = Pick<ControlClientOptions, 'knownHostsFile' | 'onNotice' | 'proxyFor'>;

async function withClient<T>(
  endpoint: Endpoint,
  connectTimeoutMs: number,
  identity: Ed25519PrivateKey | undefined,
  hostKeys: HostKeys,
  run: (client: ControlClient, path: string) => Promise<T>,
): Promise<T> {
  if (endpoint.kind !== 'remote') throw new EtxError('E_USAGE', 'ls takes a remote endpoint: host:/path or et://host/path');
  // `ls host:/data/` as the help shows it: the server validates paths strictly (no trailing '/').
  const path = splitTrailingSlash(endpoint.path).path;
  return withServer(endpoint, { connectTimeoutMs, identity, ...hostKeys }, (client) => run(client, path));
}

export async function runList(
  endpoint: Endpoint,
  connectTimeoutMs = DEFAULT_CONTROL_CLIENT_OPTIONS.connectTimeoutMs,
  identity?: Ed25519PrivateKey,
  /** known_hosts and the first-pin notice, as for a copy (TLS servers' certificates are pinned on first use). */
  hostKeys: HostKeys = {},
): Promise<ListOutcome> {
  return withClient(endpoint, connectTimeoutMs, identity, hostKeys, async (client, path) => {
    const reply = await client.request({ type: 'listRequest', path }, 'listReply');
    return { self: reply.self, entries: reply.entries, truncated: reply.truncated };
  });
}

/** Whether `ls` of this endpoint needs the server's expansion even without -r (a wildcard in its last component). */
export function listNeedsExpansion(endpoint: Endpoint): boolean {
  const { path } = splitTrailingSlash(endpoint.path);
  return isPattern(path.slice(path.lastIndexOf('/') + 1));
}

/** One line of a tree listing: a path relative to the listed folder, or what went wrong there. */
export interface TreeLine {
  path: string;
  info?: FileInfo;
  error?: CodedError;
}

export interface TreeOutcome {
  lines: TreeLine[];
}

/** `ls -r URL` (or `ls 'host:/data/*.x'`): the server's expansion, as lines relative to the folder listed. */
export async function runListTree(
  endpoint: Endpoint,
  recursive: boolean,
  connectTimeoutMs = DEFAULT_CONTROL_CLIENT_OPTIONS.connectTimeoutMs,
  identity?: Ed25519PrivateKey,
  hostKeys: HostKeys = {},
): Promise<TreeOutcome> {
  return withClient(endpoint, connectTimeoutMs, identity, hostKeys, async (client, path) => {
    const reply = await client.request({ type: 'expandRequest', paths: [path], recursive, right: 'list' }, 'expandReply');
    const wildcard = listNeedsExpansion(endpoint);
    // The path itself refused (denied, missing, E_PATH): an error of the command, as for plain ls.
    const [only] = reply.roots;
    if (!wildcard && reply.roots.length === 1 && only?.error) throw new EtxError(only.error.code, only.error.message);
    return { lines: treeLines(reply.roots, wildcard) };
  });
}

/**
 * Lines for the roots of one listed path. A folder named as is lists what it holds (the folder
 * itself is not a line); a file is its own line; wildcard matches are lines of their own, with
 * what a matched folder holds under its name.
 */
export function treeLines(roots: readonly ExpandRoot[], wildcard: boolean): TreeLine[] {
  const lines: TreeLine[] = [];
  for (const root of roots) {
    const name = root.path.slice(root.path.lastIndexOf('/') + 1) || '/';
    if (root.error) {
      lines.push({ path: wildcard ? name : root.path, error: root.error });
      continue;
    }
    const info = root.info!;
    const prefix = wildcard ? `${name}/` : info.type === 'directory' ? '' : undefined;
    if (prefix === undefined || wildcard) lines.push({ path: name, info });
    for (const entry of root.entries) {
      const path = `${prefix ?? ''}${entry.path}`;
      lines.push(entry.error ? { path, error: entry.error } : { path, info: entry.info! });
    }
  }
  return lines;
}

const TYPE_CHAR: Record<FileInfo['type'], string> = { file: '-', directory: 'd', symlink: 'l', other: '?', missing: '!' };

function modeString(info: FileInfo): string {
  const bits = 'rwxrwxrwx';
  let out = TYPE_CHAR[info.type];
  for (let i = 0; i < 9; i++) out += info.mode & (1 << (8 - i)) ? bits[i] : '-';
  return out;
}

function formatLine(e: FileInfo, shownName: string, long: boolean): string {
  const name = e.type === 'directory' ? `${shownName}/` : shownName;
  if (!long) return name;
  const mtime = new Date(e.mtimeMs).toISOString().replace('T', ' ').slice(0, 19);
  return `${modeString(e)} ${formatBytes(e.size).padStart(10)} ${mtime} ${name}`;
}

/** A tree listing: the lines for stdout, and the refused entries for stderr (`ls` exits 1 then). */
export function formatTree(outcome: TreeOutcome, long: boolean): { out: string; errors: string } {
  const out: string[] = [];
  const errors: string[] = [];
  for (const line of outcome.lines) {
    if (line.error) errors.push(`${displayPath(line.path)}: ${line.error.code}: ${line.error.message}`);
    else out.push(formatLine(line.info!, displayPath(line.path, 4096), long));
  }
  return { out: out.length > 0 ? `${out.join('\n')}\n` : '', errors: errors.length > 0 ? `${errors.join('\n')}\n` : '' };
}

export function formatListing(outcome: ListOutcome, long: boolean): string {
  const entries = outcome.self.type === 'directory' ? outcome.entries : [outcome.self];
  const lines = entries.map((e) => formatLine(e, e.name, long));
  if (outcome.truncated) lines.push(`(listing truncated at ${entries.length} entries)`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** A tree listing as one JSON object on one line (`ls -r --json`). */
export function treeJson(path: string, outcome: TreeOutcome): string {
  const entries = outcome.lines.map((l) =>
    l.error
      ? { path: l.path, error: l.error }
      : { path: l.path, type: l.info!.type, size: l.info!.size, mtimeMs: l.info!.mtimeMs, mode: l.info!.mode },
  );
  return `${JSON.stringify({ path, entries })}\n`;
}
