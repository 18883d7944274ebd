/**
 * The relay (`serve --allow-relay`, `copy --via HOST`, DESIGN section 5): two sites that both
 * refuse inbound connections each dial out to this server, which splices one's data connection
 * to the other's. It checks each connection against the transfer's relay key (relay-handshake.ts)
 * like any endpoint checks a ticket, stores nothing, and cannot read what the ends send each
 * other inside their own TLS. Every waiting connection, and every transfer set up but not used,
 * is dropped after a timeout: garbage, a wrong key, or one side that never comes cost nothing
 * for long.
 */
import type net from 'node:net';
import { EtxError } from '../common/errors.js';
import type { RelaySide } from '../common/relay-handshake.js';
import type { RelayedConnection } from '../transfer/data-connection.js';
import { spliceConnections } from '../transfer/splice.js';
import type { Logger } from './logger.js';

export interface RelayHubOptions {
  /** How long a connection waits for its partner from the other side. */
  pairTimeoutMs: number;
  /** A spliced pair silent this long (both ways) is closed, as any data connection would be. */
  idleTimeoutMs: number;
  logger: Logger;
}

interface RelayedTransfer {
  id: string;
  key: Buffer;
  /** Pairs allowed at once (the transfer's streams). */
  streams: number;
  waiting: Map<RelaySide, Array<{ conn: RelayedConnection; timer: NodeJS.Timeout }>>;
  /** Sockets of the pairs spliced now. */
  spliced: Set<net.Socket>;
  pairsMade: number;
  expiry: NodeJS.Timeout;
  onEnd: () => void;
  ended: boolean;
}

export interface RelayStats {
  transfers: number;
  waiting: number;
  splicedPairs: number;
  bytesRelayed: number;
}

export class RelayHub {
  private readonly transfers = new Map<string, RelayedTransfer>();
  private bytes = 0;

  constructor(private readonly options: RelayHubOptions) {}

  /**
   * Sets up transfer `id` for relaying with `key`, at most `streams` pairs at once. Unused for
   * `lifetimeMs`, it is dropped. `onEnd` runs once, whenever it ends (for the caller's quota).
   */
  register(id: string, key: Buffer, streams: number, lifetimeMs: number, onEnd: () => void): void {
    if (this.transfers.has(id)) throw new EtxError('E_BUSY', 'this transfer is already relayed here');
    const transfer: RelayedTransfer = {
      id,
      key,
      streams,
      waiting: new Map([
        [1, []],
        [2, []],
      ]),
      spliced: new Set(),
      pairsMade: 0,
      expiry: setTimeout(() => {
        if (transfer.pairsMade === 0) this.end(id, 'no connection pair within the ticket lifetime');
      }, lifetimeMs),
      onEnd,
      ended: false,
    };
    transfer.expiry.unref();
    this.transfers.set(id, transfer);
  }

  keyFor(id: string): Buffer | undefined {
    return this.transfers.get(id)?.key;
  }

  /** A proven end: spliced to a waiting connection of the other side, or left to wait for one. */
  join(conn: RelayedConnection): void {
    const transfer = this.transfers.get(conn.transferId);
    if (!transfer || transfer.ended) {
      conn.socket.destroy();
      return;
    }
    const other = transfer.waiting.get(conn.side === 1 ? 2 : 1)!.shift();
    if (other) {
      clearTimeout(other.timer);
      this.splice(transfer, conn, other.conn);
      return;
    }
    const mine = transfer.waiting.get(conn.side)!;
    if (mine.length + transfer.spliced.size / 2 >= transfer.streams) {
      // No more connections than the transfer's streams: each holds sockets and buffers here.
      conn.socket.destroy();
      return;
    }
    const entry = {
      conn,
      timer: setTimeout(() => {
        const list = transfer.waiting.get(conn.side)!;
        const at = list.indexOf(entry);
        if (at >= 0) list.splice(at, 1);
        conn.socket.destroy();
        this.options.logger.debug({ transfer: transfer.id, side: conn.side }, 'relay: no partner came; connection dropped');
      }, this.options.pairTimeoutMs),
    };
    entry.timer.unref();
    conn.socket.on('close', () => {
      clearTimeout(entry.timer);
      const list = transfer.waiting.get(conn.side)!;
      const at = list.indexOf(entry);
      if (at >= 0) list.splice(at, 1);
    });
    mine.push(entry);
  }

  /** Pipes `a` and `b` into each other (with what each sent past its handshake); one closing closes both. */
  private splice(transfer: RelayedTransfer, a: RelayedConnection, b: RelayedConnection): void {
    transfer.pairsMade++;
    const sockets = [a.socket, b.socket];
    for (const s of sockets) {
      transfer.spliced.add(s);
      s.setTimeout(this.options.idleTimeoutMs, () => s.destroy());
    }
    spliceConnections(
      a,
      b,
      (bytes) => {
        this.bytes += bytes;
      },
      () => {
        for (const s of sockets) transfer.spliced.delete(s);
        // The transfer's last pair gone: nothing of it is left here.
        if (transfer.spliced.size === 0) this.end(transfer.id, 'its connections closed');
      },
    );
    this.options.logger.debug({ transfer: transfer.id, pairs: transfer.spliced.size / 2 }, 'relay: pair spliced');
  }

  /** Drops transfer `id`: its waiting and spliced connections are closed. */
  end(id: string, why: string): void {
    const transfer = this.transfers.get(id);
    if (!transfer || transfer.ended) return;
    transfer.ended = true;
    this.transfers.delete(id);
    clearTimeout(transfer.expiry);
    for (const list of transfer.waiting.values()) {
      for (const { conn, timer } of list) {
        clearTimeout(timer);
        conn.socket.destroy();
      }
    }
    for (const s of transfer.spliced) s.destroy();
    this.options.logger.info({ transfer: id, pairs: transfer.pairsMade, why }, 'relay ended');
    transfer.onEnd();
  }

  endAll(why: string): void {
    for (const id of [...this.transfers.keys()]) this.end(id, why);
  }

  stats(): RelayStats {
    let waiting = 0;
    let spliced = 0;
    for (const t of this.transfers.values()) {
      for (const list of t.waiting.values()) waiting += list.length;
      spliced += t.spliced.size / 2;
    }
    return { transfers: this.transfers.size, waiting, splicedPairs: spliced, bytesRelayed: this.bytes };
  }
}
