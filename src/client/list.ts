/** `etransfer ls`: one listing request, formatted like `ls` (or `ls -l`). */
import type { Endpoint } from '../common/endpoint.js';
import { EtxError } from '../common/errors.js';
import type { FileInfo } from '../common/messages.js';
import type { Ed25519PrivateKey } from '../common/ssh-keys.js';
import { formatBytes } from '../common/units.js';
import { ControlClient, type ControlClientOptions, DEFAULT_CONTROL_CLIENT_OPTIONS } from './control-client.js';
import { splitTrailingSlash } from './copy-plan.js';

export interface ListOutcome {
  self: FileInfo;
  entries: FileInfo[];
  truncated: boolean;
}

export async function runList(
  endpoint: Endpoint,
  connectTimeoutMs = DEFAULT_CONTROL_CLIENT_OPTIONS.connectTimeoutMs,
  identity?: Ed25519PrivateKey,
  /** known_hosts and the first-pin notice, as for a copy (TLS servers' certificates are pinned on first use). */
  hostKeys: Pick<ControlClientOptions, 'knownHostsFile' | 'onNotice'> = {},
): Promise<ListOutcome> {
  if (endpoint.kind !== 'remote') throw new EtxError('E_USAGE', 'ls takes a remote endpoint: host:/path or et://host/path');
  const client = await ControlClient.connect(endpoint.host, endpoint.port, {
    ...DEFAULT_CONTROL_CLIENT_OPTIONS,
    connectTimeoutMs,
    knownHostsFile: hostKeys.knownHostsFile,
    onNotice: hostKeys.onNotice,
  });
  try {
    if (endpoint.user !== undefined) {
      if (!identity) throw new EtxError('E_CONFIG', `${endpoint.user}@${endpoint.host} needs a key (--identity FILE)`);
      await client.authenticate(endpoint.user, identity);
    }
    // `ls host:/data/` as the help shows it: the server validates paths strictly (no trailing '/').
    const { path } = splitTrailingSlash(endpoint.path);
    const reply = await client.request({ type: 'listRequest', path }, 'listReply');
    return { self: reply.self, entries: reply.entries, truncated: reply.truncated };
  } finally {
    client.close();
  }
}

const TYPE_CHAR: Record<FileInfo['type'], string> = { file: '-', directory: 'd', symlink: 'l', other: '?', missing: '!' };

function modeString(info: FileInfo): string {
  const bits = 'rwxrwxrwx';
  let out = TYPE_CHAR[info.type];
  for (let i = 0; i < 9; i++) out += info.mode & (1 << (8 - i)) ? bits[i] : '-';
  return out;
}

export function formatListing(outcome: ListOutcome, long: boolean): string {
  const entries = outcome.self.type === 'directory' ? outcome.entries : [outcome.self];
  const lines = entries.map((e) => {
    const name = e.type === 'directory' ? `${e.name}/` : e.name;
    if (!long) return name;
    const mtime = new Date(e.mtimeMs).toISOString().replace('T', ' ').slice(0, 19);
    return `${modeString(e)} ${formatBytes(e.size).padStart(10)} ${mtime} ${name}`;
  });
  if (outcome.truncated) lines.push(`(listing truncated at ${entries.length} entries)`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
