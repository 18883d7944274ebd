/** `etransfer status HOST` and `etransfer cancel HOST ID`. */
import { EtxError } from '../common/errors.js';
import type { ServerStatus, TransferStatus } from '../common/messages.js';
import { formatBytes, formatDuration, formatRate } from '../common/units.js';
import { type RemoteAccess, type RemoteServer, withServer } from './remote-session.js';

export interface StatusOutcome {
  transfers: TransferStatus[];
  /** The server itself (older servers do not say). */
  server?: ServerStatus | undefined;
}

export async function runStatus(server: RemoteServer, access: RemoteAccess): Promise<StatusOutcome> {
  return withServer(server, access, async (client) => {
    const reply = await client.request({ type: 'statusRequest' }, 'statusReply');
    return { transfers: reply.transfers, server: reply.server };
  });
}

/**
 * The server's own lines, as PoWA's collector page shows them: version and uptime, totals since
 * it started, then its last errors (oldest first; a code alone where their text is not ours to see).
 */
export function formatServerStatus(name: string, s: ServerStatus, nowMs = Date.now()): string {
  const lines = [
    `${name}: etransfer ${s.version}, up ${formatDuration(Math.max(0, nowMs - s.startedMs) / 1000)}, ${s.activeTransfers} transfer(s) now`,
    `since start: received ${formatBytes(s.bytesReceived)} in ${s.filesReceived} file(s), sent ${formatBytes(s.bytesSent)} in ${s.filesSent} file(s); ` +
      `transfers ${s.transfersDone} done, ${s.transfersFailed} failed`,
  ];
  if (s.errors.length > 0) {
    lines.push('last errors:');
    for (const e of s.errors) {
      const at = new Date(e.atMs).toISOString().replace('T', ' ').slice(0, 19);
      lines.push(`  ${at}  ${e.code.padEnd(16)} ${e.role} ${e.scope}${e.message ? `: ${e.message}` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export async function runCancel(server: RemoteServer, transferId: string, access: RemoteAccess): Promise<void> {
  if (!/^[0-9a-f]{32}$/.test(transferId))
    throw new EtxError('E_USAGE', `"${transferId}" is not a transfer id (32 hex digits, as status shows)`);
  await withServer(server, access, async (client) => {
    await client.request({ type: 'cancel', transferId }, 'ack');
  });
}

/** A table, one transfer a line, newest last; rates are averages since the transfer was prepared. */
export function formatStatus(transfers: readonly TransferStatus[], nowMs = Date.now()): string {
  if (transfers.length === 0) return 'no transfers\n';
  const rows = [...transfers]
    .sort((a, b) => a.startedMs - b.startedMs)
    .map((t) => {
      const seconds = Math.max((nowMs - t.startedMs) / 1000, 1e-3);
      const direction = `${t.role === 'send' ? 'send' : 'receive'} (${t.dials ? 'dials' : 'listens'})`;
      const percent = t.bytesTotal > 0 ? ` ${((100 * t.bytesDone) / t.bytesTotal).toFixed(0)}%` : '';
      return [
        t.transferId,
        t.owner,
        direction,
        `${t.files} file(s)`,
        `${formatBytes(t.bytesDone)}/${formatBytes(t.bytesTotal)}${percent}`,
        formatRate(t.bytesDone / seconds),
        `${t.streams} stream(s)${t.peers.length > 0 ? ` from/to ${[...new Set(t.peers.map((p) => p.replace(/:\d+$/, '')))].join(', ')}` : ''}`,
      ];
    });
  const header = ['ID', 'OWNER', 'DIRECTION', 'FILES', 'BYTES', 'RATE', 'STREAMS'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `${cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')}\n`;
  return line(header) + rows.map(line).join('');
}
