/**
 * What a server has done since it started, for its operators: Prometheus metrics (`GET /metrics`
 * on the control port, prom-client's text format), and the totals and last errors that
 * `etransfer status` shows. Counted from the transfers' observers and the listeners; gauges are
 * read at scrape time from what is live.
 */
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { CodedError } from '../common/messages.js';

export type MetricsDirection = 'sent' | 'received';

/** One failure as `etransfer status` shows it. */
export interface RecentError {
  atMs: number;
  code: string;
  message: string;
  /** `file` (one file of a transfer) or `transfer`. */
  scope: 'file' | 'transfer';
  role: 'send' | 'receive';
}

/** How many recent errors are kept for `status`. */
const RECENT_ERRORS = 20;

export interface LiveCounts {
  transfers(): number;
  dataStreams(): number;
  controlConnections(): number;
  relayedTransfers(): number;
}

export class ServerMetrics {
  readonly registry = new Registry();
  readonly startedAtMs = Date.now();
  private readonly bytes: Counter<'direction'>;
  private readonly files: Counter<'direction'>;
  private readonly errors: Counter<'code' | 'scope'>;
  private readonly transfers: Counter<'role' | 'outcome'>;
  private readonly retransmits: Counter;
  private readonly connections: Counter<'kind'>;
  private readonly recent: RecentError[] = [];
  /** Totals since start, for `status` (prom-client counters are read asynchronously). */
  readonly totals = { bytesSent: 0, bytesReceived: 0, filesSent: 0, filesReceived: 0, transfersDone: 0, transfersFailed: 0 };

  constructor(live: LiveCounts) {
    const registers = [this.registry];
    this.bytes = new Counter({
      name: 'etransfer_bytes_total',
      help: 'File bytes moved, by direction',
      labelNames: ['direction'],
      registers,
    });
    this.files = new Counter({ name: 'etransfer_files_total', help: 'Files moved, by direction', labelNames: ['direction'], registers });
    this.errors = new Counter({
      name: 'etransfer_errors_total',
      help: 'Failures by error code; scope: file (one file of a transfer) or transfer',
      labelNames: ['code', 'scope'],
      registers,
    });
    this.transfers = new Counter({
      name: 'etransfer_transfers_total',
      help: 'Transfers ended, by role and outcome',
      labelNames: ['role', 'outcome'],
      registers,
    });
    this.retransmits = new Counter({
      name: 'etransfer_chunk_retransmits_total',
      help: 'Chunks sent again: refused by the receiver hash check, or lost with a broken stream',
      registers,
    });
    this.connections = new Counter({
      name: 'etransfer_connections_total',
      help: 'Connections accepted, by kind (control, data)',
      labelNames: ['kind'],
      registers,
    });
    const gauge = (name: string, help: string, read: () => number): void => {
      new Gauge({
        name,
        help,
        registers,
        collect() {
          this.set(read());
        },
      });
    };
    gauge('etransfer_active_transfers', 'Transfers prepared or running on this server', () => live.transfers());
    gauge('etransfer_active_data_streams', 'Data connections of running transfers', () => live.dataStreams());
    gauge('etransfer_control_connections', 'Control connections open now', () => live.controlConnections());
    gauge('etransfer_relayed_transfers', 'Transfers this server relays now (--allow-relay)', () => live.relayedTransfers());
    gauge('etransfer_uptime_seconds', 'Seconds since the server started', () => (Date.now() - this.startedAtMs) / 1000);
    collectDefaultMetrics({ register: this.registry, prefix: 'etransfer_process_' });
  }

  /** File bytes that crossed the network (counted as they move, so a long file is no step). */
  moved(direction: MetricsDirection, bytes: number): void {
    if (bytes <= 0) return;
    this.bytes.inc({ direction }, bytes);
    if (direction === 'sent') this.totals.bytesSent += bytes;
    else this.totals.bytesReceived += bytes;
  }

  fileDone(direction: MetricsDirection): void {
    this.files.inc({ direction });
    if (direction === 'sent') this.totals.filesSent++;
    else this.totals.filesReceived++;
  }

  failed(scope: 'file' | 'transfer', role: 'send' | 'receive', error: CodedError): void {
    this.errors.inc({ code: error.code, scope });
    this.recent.push({ atMs: Date.now(), code: error.code, message: error.message, scope, role });
    if (this.recent.length > RECENT_ERRORS) this.recent.shift();
  }

  transferEnded(role: 'send' | 'receive', ok: boolean): void {
    this.transfers.inc({ role, outcome: ok ? 'done' : 'failed' });
    if (ok) this.totals.transfersDone++;
    else this.totals.transfersFailed++;
  }

  retransmitted(chunks: number): void {
    if (chunks > 0) this.retransmits.inc(chunks);
  }

  connectionAccepted(kind: 'control' | 'data'): void {
    this.connections.inc({ kind });
  }

  /** The last errors, oldest first. */
  recentErrors(): readonly RecentError[] {
    return this.recent;
  }
}
