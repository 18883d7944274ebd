/**
 * The live transfers of a server, by transfer id. The same id can have a sending and a receiving
 * end here (a copy between two folders of one server); at most one of them accepts inbound data
 * connections, and only while its ticket is fresh or the transfer has begun.
 */
import type { DataSession } from '../transfer/data-session.js';

export type TransferRole = 'send' | 'receive';

/** One unit of a user's transfer quota: held by a prepare request, then by its transfer. */
export interface TransferSlot {
  readonly owner: string;
  /** A transfer holds it now (it is given back when the transfer is removed). */
  taken: boolean;
}

export interface RegisteredTransfer {
  id: string;
  slot?: TransferSlot;
  role: TransferRole;
  ticket: Buffer;
  session: DataSession;
  acceptsInbound: boolean;
  /** A ticket bounds the start of a transfer, not its length. */
  ticketExpiresAtMs: number;
  started: boolean;
  /** Data streams negotiated for this transfer. */
  streams: number;
  /** Final paths this transfer writes: no other transfer may write them meanwhile (E_BUSY). */
  writes: readonly string[];
  /** What `etransfer status` shows: files and bytes of the transfer, and when it was prepared. */
  files: number;
  bytesTotal: number;
  preparedAtMs: number;
  /** Set while this end dials its peer (pushing, or told to by connectData; cleared when every dial failed and the client may try again). */
  dialing?: boolean;
  /** connectData requests taken for it (at most 2: a pull, then a relay). */
  dialAttempts?: number;
}

export class TransferRegistry {
  private readonly transfers = new Map<string, RegisteredTransfer>();
  private readonly writers = new Map<string, RegisteredTransfer>();
  /** Final paths claimed by a request still being prepared (no await between check and claim). */
  private readonly reserved = new Set<string>();
  /** Slots held per owner (a user, or an anonymous address). */
  private readonly slots = new Map<string, number>();

  /** A quota slot for `owner`, or undefined when it holds `max` already. */
  claimSlot(owner: string, max: number): TransferSlot | undefined {
    const held = this.slots.get(owner) ?? 0;
    if (held >= max) return undefined;
    this.slots.set(owner, held + 1);
    return { owner, taken: false };
  }

  releaseSlot(slot: TransferSlot): void {
    const held = (this.slots.get(slot.owner) ?? 1) - 1;
    if (held <= 0) this.slots.delete(slot.owner);
    else this.slots.set(slot.owner, held);
  }

  private static key(id: string, role: TransferRole): string {
    return `${role}:${id}`;
  }

  /** Transfer ids (with their role) claimed by a prepare request still in progress. */
  private readonly preparing = new Set<string>();

  /**
   * Claims `id` for a prepare request (no await between check and claim): false if a transfer
   * with that id and role is registered or being prepared. Two prepares racing on one id used to
   * both pass, the second replacing the first, whose quota slot then leaked.
   */
  claimId(id: string, role: TransferRole): boolean {
    const key = TransferRegistry.key(id, role);
    if (this.transfers.has(key) || this.preparing.has(key)) return false;
    this.preparing.add(key);
    return true;
  }

  releaseId(id: string, role: TransferRole): void {
    this.preparing.delete(TransferRegistry.key(id, role));
  }

  add(transfer: RegisteredTransfer): void {
    this.preparing.delete(TransferRegistry.key(transfer.id, transfer.role));
    this.transfers.set(TransferRegistry.key(transfer.id, transfer.role), transfer);
    for (const p of transfer.writes) {
      this.writers.set(p, transfer);
      this.reserved.delete(p);
    }
  }

  /**
   * Claims `finalPath` for a request being prepared; false if a transfer writes it, or is still
   * cleaning up after writing it (it is released when the transfer is removed, after its files).
   */
  reserve(finalPath: string): boolean {
    if (this.writers.has(finalPath) || this.reserved.has(finalPath)) return false;
    this.reserved.add(finalPath);
    return true;
  }

  /** Whether `finalPath` is written or claimed now (what `reserve` would refuse), claiming nothing. */
  busy(finalPath: string): boolean {
    return this.writers.has(finalPath) || this.reserved.has(finalPath);
  }

  /** Gives back claims of a request that did not become a transfer. */
  release(finalPaths: Iterable<string>): void {
    for (const p of finalPaths) this.reserved.delete(p);
  }

  get(id: string, role: TransferRole): RegisteredTransfer | undefined {
    return this.transfers.get(TransferRegistry.key(id, role));
  }

  remove(transfer: RegisteredTransfer): void {
    const key = TransferRegistry.key(transfer.id, transfer.role);
    if (this.transfers.get(key) !== transfer) return;
    this.transfers.delete(key);
    for (const p of transfer.writes) if (this.writers.get(p) === transfer) this.writers.delete(p);
    if (transfer.slot) this.releaseSlot(transfer.slot);
  }

  /** The end of transfer `id` that takes inbound data connections right now, if any. */
  inbound(id: string, nowMs = Date.now()): RegisteredTransfer | undefined {
    for (const role of ['receive', 'send'] as const) {
      const t = this.transfers.get(TransferRegistry.key(id, role));
      if (t?.acceptsInbound && !t.session.finished && (t.started || nowMs < t.ticketExpiresAtMs)) return t;
    }
    return undefined;
  }

  get size(): number {
    return this.transfers.size;
  }

  all(): IterableIterator<RegisteredTransfer> {
    return this.transfers.values();
  }
}
