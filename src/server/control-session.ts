/**
 * One client's control connection: greets it, answers its requests (stat, list, prepare a
 * receive or a send, connect, cancel), forwards its transfers' events, and, when the client goes
 * away, stops every transfer it started (a transfer belongs to the client that started it).
 */
import { randomBytes } from 'node:crypto';
import type tls from 'node:tls';
import pMap from 'p-map';
import type { WebSocket } from 'ws';
import { ANONYMOUS, type Acl, type Principal } from '../common/acl.js';
import { verifyAuthentication } from '../common/auth-proof.js';
import { decodeEnvelope, encodeEnvelope } from '../common/control-codec.js';
import { EtxError, toEtxError } from '../common/errors.js';
import { fileTagKey } from '../common/file-tags.js';
import {
  type ControlMessage,
  type FileOutcome,
  type FileSpec,
  type MessageOf,
  PROTOCOL_VERSION,
  TICKET_BYTES,
  TRANSFER_ID_BYTES,
  type TransferEvent,
  type ServerStatus,
  type TransferStatus,
} from '../common/messages.js';
import { displayPath } from '../common/path-rules.js';
import { formatBytes, formatRate } from '../common/units.js';
import { formatDigest } from '../transfer/chunk-hash.js';
import { type RelayDial, dialData } from '../transfer/data-connection.js';
import type { ServerMetrics } from './metrics.js';
import type { RelayHub } from './relay-hub.js';
import { DirectoryListings } from '../transfer/file-sink.js';
import { PathResolver } from '../transfer/pinned-directory.js';
import type { DataSession } from '../transfer/data-session.js';
import { ReceiveSession, type ReceiveFile } from '../transfer/receiver.js';
import { type SendFile, SendSession } from '../transfer/sender.js';
import type { SessionObserver, SessionOptions } from '../transfer/session-types.js';
import type { WritePlan } from '../transfer/write-plan.js';
import { type FoldersMade, type FsAccess, PLANNING_CONCURRENCY, setFolderTimes, withFolderTimes } from './fs-access.js';
import type { Logger } from './logger.js';
import type { ServerLimits } from './options.js';
import type { RegisteredTransfer, TransferRegistry, TransferRole, TransferSlot } from './transfer-registry.js';

export interface ServerContext {
  limits: ServerLimits;
  /** SIGTERM was received: running transfers finish, new ones are refused. */
  draining: () => boolean;
  /** The ACL in force (SIGHUP may replace it): rules and users' keys. */
  acl: () => Acl;
  fs: FsAccess;
  registry: TransferRegistry;
  /** Data addresses advertised to peers, in dialing order. */
  dataAddresses: () => string[];
  /** With `--allow-relay`: the transfers this server splices for others. */
  relays?: RelayHub | undefined;
  /** Totals, last errors and Prometheus metrics since start. */
  metrics?: ServerMetrics | undefined;
  /** With TLS: this server's certificate and key (answering an end-to-end TLS handshake through a relay). */
  secureContext?: tls.SecureContext | undefined;
  logger: Logger;
  version: string;
}

const MIN_CHUNK_BYTES = 64 * 1024;

/** The bytes the accepted writes put on disk (not /dev/null), and the first file written there. */
function diskWrites(msg: MessageOf<'prepareReceive'>, plans: readonly WritePlan[]): { bytes: number; firstWrite: FileSpec | undefined } {
  const bytes = msg.files.reduce((sum, f, i) => (plans[i]!.outcome.state === 'accepted' && plans[i]!.finalPath ? sum + f.size : sum), 0);
  return { bytes, firstWrite: msg.files.find((_, i) => plans[i]!.finalPath !== undefined) };
}

/** One registered transfer as `etransfer status` shows it. */
function statusOf(t: RegisteredTransfer): TransferStatus {
  return {
    transferId: t.id,
    owner: t.slot?.owner ?? '',
    role: t.role,
    dials: t.dialing === true,
    files: t.files,
    bytesTotal: t.bytesTotal,
    bytesDone: t.session.bytesDone,
    startedMs: t.preparedAtMs,
    peers: t.session.peers,
    streams: t.session.streamCount,
  };
}

export class ControlSession {
  private who: Principal = ANONYMOUS;
  /** This connection's ServerHello nonce: what an Authenticate must sign. */
  private readonly nonce = randomBytes(32);
  private requestsSeen = 0;
  private readonly owned = new Set<RegisteredTransfer>();
  /** Transfers this connection asked this server to relay (ended when it goes away). */
  private readonly ownedRelays = new Set<string>();
  private log: Logger;
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly ctx: ServerContext,
    peer: string,
    /** The client's address: anonymous clients' quota is counted per address. */
    private readonly address: string,
    /** Ends the connection's handshake deadline (called at its first request). */
    private readonly handshakeDone: () => void,
  ) {
    this.log = ctx.logger.child({ client: peer });
    ws.on('message', (data, isBinary) => this.onMessage(data as Buffer, isBinary));
    ws.on('close', () => this.onClose());
    ws.on('error', (err) => this.log.debug({ err: err.message }, 'control connection error'));
    this.send(0, {
      type: 'serverHello',
      protocolVersion: PROTOCOL_VERSION,
      serverVersion: ctx.version,
      nonce: this.nonce,
      dataAddresses: ctx.dataAddresses(),
      maxStreams: ctx.limits.maxStreamsPerTransfer,
      chunkSizeBytes: ctx.limits.chunkSizeBytes,
    });
  }

  private send(id: number, msg: ControlMessage): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(encodeEnvelope({ id, msg }));
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    let id = 0;
    try {
      if (!isBinary) throw new EtxError('E_PROTOCOL', 'control messages are binary protobuf');
      const env = decodeEnvelope(data, this.ctx.limits.maxControlMessageBytes);
      id = env.id;
      if (id === 0) throw new EtxError('E_PROTOCOL', 'a request needs a non-zero id');
      this.requestsSeen++;
      if (this.requestsSeen === 1) this.handshakeDone();
      if (env.msg.type === 'authenticate') {
        this.authenticate(id, env.msg);
        return;
      }
      this.handle(env.msg).then(
        (reply) => this.send(id, reply),
        (err) => this.replyError(id, err),
      );
    } catch (err) {
      // Garbage on the control channel ends this connection, and only this one.
      const e = toEtxError(err);
      this.log.warn({ code: e.code, err: e.message }, 'bad control message');
      this.replyError(id, e);
      this.ws.close(1002, e.code);
    }
  }

  /**
   * Proves a user name, as the first request only. A failure says nothing of why (unknown user,
   * wrong key, bad signature) and ends the connection: no second guess on the same nonce.
   */
  private authenticate(id: number, msg: MessageOf<'authenticate'>): void {
    if (this.requestsSeen !== 1) throw new EtxError('E_PROTOCOL', 'authenticate must be the first request');
    const keys = this.ctx.acl().keysOf(msg.user);
    if (!verifyAuthentication(keys, msg.user, this.nonce, msg.publicKey, msg.signature)) {
      this.log.warn({ user: displayPath(msg.user, 64) }, 'authentication failed');
      this.replyError(id, new EtxError('E_AUTH', 'authentication failed'));
      this.ws.close(1008, 'E_AUTH');
      return;
    }
    this.who = Object.freeze({ name: msg.user, authenticated: true });
    this.log = this.log.child({ user: msg.user });
    this.log.info('authenticated');
    this.send(id, { type: 'ack' });
  }

  private replyError(id: number, err: unknown): void {
    const e = toEtxError(err);
    if (e.code === 'E_IO' || e.code === 'E_INTERNAL') this.log.error({ code: e.code, err: e.message }, 'request failed');
    this.send(id, { type: 'error', error: { code: e.code, message: e.message } });
  }

  private async handle(msg: ControlMessage): Promise<ControlMessage> {
    switch (msg.type) {
      case 'statRequest':
        return this.stat(msg);
      case 'listRequest': {
        const r = await this.ctx.fs.list(this.who, msg.path, this.ctx.limits.maxListEntries);
        return { type: 'listReply', ...r };
      }
      case 'expandRequest':
        return this.expand(msg);
      case 'prepareReceive':
        // A dry run holds nothing, so it takes no quota slot either.
        if (msg.dryRun) return this.planReceive(msg);
        return this.withTransferSlot((slot) => this.prepareReceive(msg, slot));
      case 'prepareSend':
        return this.withTransferSlot((slot) => this.prepareSend(msg, slot));
      case 'connectData':
        return this.connectData(msg);
      case 'prepareRelay':
        return this.withTransferSlot((slot) => this.prepareRelay(msg, slot));
      case 'cancel':
        return this.cancel(msg.transferId);
      case 'statusRequest':
        // Only the caller's own: an id seen in someone else's status could be raced to a server first.
        return {
          type: 'statusReply',
          transfers: [...this.ctx.registry.all()].filter((t) => t.slot?.owner === this.ownerKey()).map(statusOf),
          server: this.serverStatus(),
        };
      default:
        throw new EtxError('E_PROTOCOL', `unexpected ${msg.type} from a client`);
    }
  }

  private async stat(msg: MessageOf<'statRequest'>): Promise<ControlMessage> {
    if (msg.paths.length > this.ctx.limits.maxFilesPerRequest) throw new EtxError('E_TOO_LARGE', 'too many paths in one request');
    const paths = new PathResolver();
    const entries = await pMap(
      msg.paths,
      async (path) => {
        try {
          const info =
            msg.right === 'read' ? await this.ctx.fs.statSource(this.who, path, paths) : await this.ctx.fs.statDestination(this.who, path);
          return { path, info };
        } catch (err) {
          const e = toEtxError(err);
          return { path, error: { code: e.code, message: e.message } };
        }
      },
      { concurrency: PLANNING_CONCURRENCY },
    );
    return { type: 'statReply', entries };
  }

  private negotiate(streams: number, chunkSizeBytes: number): { streams: number; chunkSizeBytes: number } {
    const { limits } = this.ctx;
    if (!Number.isInteger(streams) || streams < 1) throw new EtxError('E_PROTOCOL', 'streams must be at least 1');
    const chunk = chunkSizeBytes === 0 ? limits.chunkSizeBytes : chunkSizeBytes;
    if (chunk < MIN_CHUNK_BYTES || chunk > limits.maxChunkSizeBytes) {
      throw new EtxError('E_PROTOCOL', `chunk size must be between ${MIN_CHUNK_BYTES} and ${limits.maxChunkSizeBytes} bytes`);
    }
    return { streams: Math.min(streams, limits.maxStreamsPerTransfer), chunkSizeBytes: chunk };
  }

  private sessionOptions(transferId: string, chunkSizeBytes: number, ticket: Buffer): SessionOptions {
    const { limits } = this.ctx;
    return {
      transferId,
      fileTagKey: fileTagKey(ticket),
      chunkSizeBytes,
      windowChunks: limits.windowChunks,
      maxInflightBytes: limits.maxInflightBytes,
      idleTimeoutMs: limits.idleTimeoutMs,
      inactiveTimeoutMs: limits.inactiveTimeoutMs,
      maxMessageBytes: 1024,
      maxChunkAttempts: limits.maxChunkAttempts,
      smallFileBytes: limits.smallFileBytes,
    };
  }

  /**
   * Stops a transfer this connection started, or (from `etransfer cancel`, another connection) one
   * the same user started: the same authenticated name, or for anonymous the same address.
   */
  private cancel(transferId: string): ControlMessage {
    const owner = this.ownerKey();
    const mine = [...this.ctx.registry.all()].filter(
      (t) => t.id === transferId && (this.owned.has(t) || (t.slot !== undefined && t.slot.owner === owner)),
    );
    if (mine.length === 0) throw new EtxError('E_NOT_FOUND', `no transfer ${transferId} of yours on this server`);
    for (const t of mine) t.session.cancel(this.owned.has(t) ? 'cancelled by the client' : `cancelled by ${owner}`);
    this.log.info({ transfer: transferId }, 'transfer cancelled');
    return { type: 'ack' };
  }

  /** Whose quota a transfer counts against, and who may cancel it. */
  /**
   * The server itself, for `etransfer status`: version, uptime, totals since start, the last
   * errors. Their messages may name other users' paths: only clients from --metrics-allow
   * addresses (the operators') see them; others get the codes.
   */
  private serverStatus(): ServerStatus | undefined {
    const metrics = this.ctx.metrics;
    if (!metrics) return undefined;
    const trusted = this.ctx.limits.metricsAllow.allowsAddress(this.address);
    return {
      version: this.ctx.version,
      startedMs: metrics.startedAtMs,
      ...metrics.totals,
      activeTransfers: this.ctx.registry.size,
      errors: metrics.recentErrors().map((e) => ({ ...e, message: trusted ? e.message : '' })),
    };
  }

  private ownerKey(): string {
    return this.who.authenticated ? `user ${this.who.name}` : `anonymous at ${this.address}`;
  }

  /**
   * Runs a prepare request under the per-user transfer quota (THREATS X3): the slot is held from
   * the request on, by the transfer once registered, and given back if none was.
   */
  private async withTransferSlot(prepare: (slot: TransferSlot) => Promise<ControlMessage>): Promise<ControlMessage> {
    const { registry, limits } = this.ctx;
    if (this.ctx.draining())
      throw new EtxError('E_BUSY', 'this server is shutting down (finishing its running transfers); try again later');
    const owner = this.ownerKey();
    const slot = registry.claimSlot(owner, limits.maxTransfersPerUser);
    if (!slot) {
      throw new EtxError('E_QUOTA', `${owner} already runs ${limits.maxTransfersPerUser} transfers on this server; wait for one to end`);
    }
    try {
      return await prepare(slot);
    } finally {
      if (!slot.taken) registry.releaseSlot(slot);
    }
  }

  /** Source expansion for a copy (files need read) or `ls -r` (list), bounded per request (THREATS X4). */
  private async expand(msg: MessageOf<'expandRequest'>): Promise<ControlMessage> {
    const { limits, fs } = this.ctx;
    if (msg.right !== 'read' && msg.right !== 'list') throw new EtxError('E_PROTOCOL', 'expansion is for reading or listing');
    if (msg.paths.length > limits.maxFilesPerRequest) throw new EtxError('E_TOO_LARGE', 'too many paths in one request');
    const bound =
      msg.right === 'read'
        ? { maxEntries: limits.maxFilesPerRequest, optionName: '--max-files-per-request' }
        : { maxEntries: limits.maxListEntries, optionName: '--max-list-entries' };
    return { type: 'expandReply', roots: await fs.expand(this.who, msg.paths, msg.recursive, msg.right, bound) };
  }

  private async prepareReceive(msg: MessageOf<'prepareReceive'>, slot: TransferSlot): Promise<ControlMessage> {
    const { limits, fs } = this.ctx;
    const folderSpecs = msg.folders ?? [];
    if (msg.files.length === 0 && folderSpecs.length === 0) throw new EtxError('E_PROTOCOL', 'no files to receive');
    if (msg.files.length + folderSpecs.length > limits.maxFilesPerRequest)
      throw new EtxError('E_TOO_LARGE', `more than ${limits.maxFilesPerRequest} files and folders in one request`);
    const { streams, chunkSizeBytes } = this.negotiate(msg.streams, msg.chunkSizeBytes);
    // A recursive copy's folders (empty ones too) exist before any file is planned in them.
    const folders = await fs.makeFolders(this.who, folderSpecs);

    const plans: WritePlan[] = [];
    const finals = new Set<string>();
    const listings = new DirectoryListings();
    try {
      // Planned several at once; claimed in request order.
      const paths = new PathResolver();
      const planned = await pMap(msg.files, (spec) => fs.planWrite(this.who, spec, msg.mode, listings, paths), {
        concurrency: PLANNING_CONCURRENCY,
      });
      for (const [i, spec] of msg.files.entries()) {
        const plan = planned[i]!;
        if (plan.finalPath !== undefined) {
          const why = finals.has(plan.finalPath) ? 'is written twice in this transfer' : 'is being written by another transfer';
          // One writer per destination path: checked and claimed in one step.
          if (finals.has(plan.finalPath) || !this.ctx.registry.reserve(plan.finalPath)) {
            plans.push({ outcome: { state: 'failed', error: { code: 'E_BUSY', message: `${displayPath(spec.path)} ${why}` } } });
            continue;
          }
          finals.add(plan.finalPath);
        }
        plans.push(plan);
      }
      return await this.acceptWrites(msg, plans, finals, streams, chunkSizeBytes, slot, folders);
    } finally {
      // Claims that became a transfer were moved to it; the rest are given back.
      this.ctx.registry.release(finals);
    }
  }

  /**
   * `copy --dry-run`: judges everything a prepare judges (paths, ACL, write modes, one writer per
   * path, free space) and does nothing it does: no ticket, no claim, no quota slot, no transfer,
   * no file or folder created.
   */
  private async planReceive(msg: MessageOf<'prepareReceive'>): Promise<ControlMessage> {
    const { limits, fs, registry } = this.ctx;
    if (msg.files.length === 0) throw new EtxError('E_PROTOCOL', 'no files to receive');
    if (msg.files.length > limits.maxFilesPerRequest)
      throw new EtxError('E_TOO_LARGE', `more than ${limits.maxFilesPerRequest} files in one request`);
    this.negotiate(msg.streams, msg.chunkSizeBytes);
    const plans: WritePlan[] = [];
    const finals = new Set<string>();
    const listings = new DirectoryListings();
    for (const spec of msg.files) {
      const plan = await fs.planWrite(this.who, spec, msg.mode, listings);
      if (plan.finalPath !== undefined) {
        if (finals.has(plan.finalPath) || registry.busy(plan.finalPath)) {
          const why = finals.has(plan.finalPath) ? 'is written twice in this transfer' : 'is being written by another transfer';
          plans.push({ outcome: { state: 'failed', error: { code: 'E_BUSY', message: `${displayPath(spec.path)} ${why}` } } });
          continue;
        }
        finals.add(plan.finalPath);
      }
      plans.push(plan);
    }
    const { bytes, firstWrite } = diskWrites(msg, plans);
    const freeBytes = firstWrite && bytes > 0 ? await fs.freeBytesFor(firstWrite.path) : 0;
    const neededBytes = bytes > 0 ? bytes + limits.freeSpaceMarginBytes : 0;
    this.log.info({ files: msg.files.length, bytes, freeBytes }, 'dry run planned');
    return { type: 'receivePlan', files: plans.map((p) => p.outcome), freeBytes, neededBytes };
  }

  private async acceptWrites(
    msg: MessageOf<'prepareReceive'>,
    plans: WritePlan[],
    finals: Set<string>,
    streams: number,
    chunkSizeBytes: number,
    slot: TransferSlot,
    folders: FoldersMade,
  ): Promise<ControlMessage> {
    const { limits, fs } = this.ctx;
    // Refuse before minting a ticket when the bytes cannot fit (THREATS X5).
    const { bytes: acceptedBytes, firstWrite } = diskWrites(msg, plans);
    if (firstWrite && acceptedBytes > 0) {
      const free = await fs.freeBytesFor(firstWrite.path);
      if (free < acceptedBytes + limits.freeSpaceMarginBytes) {
        throw new EtxError(
          'E_NO_SPACE',
          `${formatBytes(acceptedBytes)} to write but only ${formatBytes(free)} free at ${displayPath(firstWrite.path)}`,
        );
      }
    }

    const transferId = randomBytes(TRANSFER_ID_BYTES).toString('hex');
    const ticket = randomBytes(TICKET_BYTES);
    const files: ReceiveFile[] = [];
    msg.files.forEach((spec, index) => {
      const plan = plans[index]!;
      if (plan.outcome.state === 'accepted' && plan.openSink) {
        const openSink = plan.openSink;
        files.push({
          index,
          size: spec.size,
          openSink: () => openSink(transferId, chunkSizeBytes, this.ctx.limits.smallFileBytes),
          mayResume: plan.mayResume === true,
          discard: plan.discard === true,
        });
      }
    });
    if (files.length > 0) {
      const observer = withFolderTimes(
        this.observer(transferId, 'receive', (i) => msg.files[i]?.path ?? '?', streams),
        folders.times,
      );
      const session = new ReceiveSession(files, this.sessionOptions(transferId, chunkSizeBytes, ticket), observer);
      // Earlier partials are re-hashed now, before any data connection waits on them.
      for (const [index, error] of await session.prepare()) plans[index] = { outcome: { state: 'failed', error } };
      if (this.closed) {
        // The client left while earlier partials were examined: release them (kept for a resume).
        session.cancel('the client went away');
        throw new EtxError('E_CANCELLED', 'the client went away');
      }
      const bytes = files.reduce((n, f) => n + f.size, 0);
      this.register(transferId, 'receive', ticket, session, true, streams, { files: files.length, bytes }, [...finals], slot);
      // After the reply is on its way, so the client knows the transfer before its first event.
      setImmediate(() => session.start());
    } else {
      await setFolderTimes(folders.times);
    }
    return {
      type: 'receiveReady',
      transferId,
      ticket,
      files: plans.map((p) => p.outcome),
      streams,
      chunkSizeBytes,
      dataAddresses: this.ctx.dataAddresses(),
      ...(msg.folders ? { folders: folders.outcomes } : {}),
    };
  }

  private async prepareSend(msg: MessageOf<'prepareSend'>, slot: TransferSlot): Promise<ControlMessage> {
    const { limits } = this.ctx;
    if (msg.files.length > limits.maxFilesPerRequest)
      throw new EtxError('E_TOO_LARGE', `more than ${limits.maxFilesPerRequest} files in one request`);
    if (!this.ctx.registry.claimId(msg.transferId, 'send')) throw new EtxError('E_TICKET', 'this transfer is already being sent');
    try {
      return await this.prepareClaimedSend(msg, slot);
    } finally {
      this.ctx.registry.releaseId(msg.transferId, 'send');
    }
  }

  private async prepareClaimedSend(msg: MessageOf<'prepareSend'>, slot: TransferSlot): Promise<ControlMessage> {
    const { fs } = this.ctx;
    const { streams, chunkSizeBytes } = this.negotiate(msg.streams, msg.chunkSizeBytes);
    const accepted = new Set(msg.accepted);
    const outcomes: FileOutcome[] = [];
    const files: SendFile[] = [];
    // Judged several at once; reported in request order.
    const paths = new PathResolver();
    const plans = await pMap(
      msg.files.entries(),
      async ([index, spec]) => {
        if (!accepted.has(index)) return undefined;
        try {
          return await fs.planRead(this.who, spec, paths);
        } catch (err) {
          return toEtxError(err);
        }
      },
      { concurrency: PLANNING_CONCURRENCY },
    );
    for (const [index, spec] of msg.files.entries()) {
      const plan = plans[index];
      if (plan === undefined) {
        outcomes.push({ state: 'skipped', reason: 'not accepted by the destination' });
      } else if (plan instanceof EtxError) {
        const error = { code: plan.code, message: plan.message };
        files.push({ index, size: spec.size, open: () => Promise.reject(plan), refused: error });
        outcomes.push({ state: 'failed', error });
      } else {
        files.push({ index, size: plan.size, open: plan.open, ...(plan.readWhole ? { readWhole: plan.readWhole } : {}) });
        outcomes.push({ state: 'accepted' });
      }
    }
    const dial = msg.dialAddresses.length > 0;
    // Dialing with a fallback (automatic direction): inbound data connections are welcome too, in
    // case the client has to ask the destination to dial here instead.
    const accepts = !dial || msg.fallback === true;
    const session = new SendSession(
      files,
      this.sessionOptions(msg.transferId, chunkSizeBytes, msg.ticket),
      this.observer(msg.transferId, 'send', (i) => msg.files[i]?.path ?? '?', streams),
    );
    const bytes = files.reduce((n, f) => n + (f.refused ? 0 : f.size), 0);
    this.register(msg.transferId, 'send', msg.ticket, session, accepts, streams, { files: files.length, bytes }, [], slot);
    const registered = this.ctx.registry.get(msg.transferId, 'send')!;
    registered.dialing = dial;
    setImmediate(() => {
      session.start();
      if (dial) {
        this.dialStreams(session, msg.dialAddresses, msg.ticket, streams, msg.peerCertificateSha256, msg.fallback === true, () => {
          // The client may try another way (a relay): let it ask again.
          registered.dialing = false;
        });
      }
    });
    return { type: 'sendReady', files: outcomes, dataAddresses: accepts ? this.ctx.dataAddresses() : [] };
  }

  /**
   * Relays transfer `transferId` for the client (`serve --allow-relay`): both ends will dial in
   * and be spliced. Held under the client's transfer quota until it ends (its connections close,
   * none came within the ticket lifetime, or this control connection goes away).
   */
  private async prepareRelay(msg: MessageOf<'prepareRelay'>, slot: TransferSlot): Promise<ControlMessage> {
    const { relays, limits } = this.ctx;
    if (!relays || !limits.relayUsers) throw new EtxError('E_ACL_DENIED', 'this server does not relay (it runs without --allow-relay)');
    if (!limits.relayUsers.includes(this.who)) {
      const you = this.who.authenticated ? `user ${this.who.name}` : 'an anonymous client (copy --identity/user@host to authenticate)';
      throw new EtxError('E_ACL_DENIED', `this server relays only for ${limits.relayUsers.shown}, not for ${you}`);
    }
    if (this.ctx.dataAddresses().length === 0) throw new EtxError('E_CONNECT', 'this server has no data port to relay on');
    const streams = Math.max(1, Math.min(msg.streams, limits.maxStreamsPerTransfer));
    relays.register(msg.transferId, msg.relayKey, streams, limits.ticketLifetimeMs, () => {
      this.ownedRelays.delete(msg.transferId);
      this.ctx.registry.releaseSlot(slot);
    });
    slot.taken = true;
    this.ownedRelays.add(msg.transferId);
    this.log.info({ transfer: msg.transferId, streams }, 'relay prepared');
    return { type: 'relayReady', dataAddresses: this.ctx.dataAddresses() };
  }

  private async connectData(msg: MessageOf<'connectData'>): Promise<ControlMessage> {
    // Either end may be told to dial through a relay; only the destination is told to dial the source.
    const transfer = [...this.owned].find((t) => t.id === msg.transferId && (t.role === 'receive' || msg.relay === true));
    if (!transfer) throw new EtxError('E_TICKET', 'no such transfer on this connection');
    if (msg.dialAddresses.length === 0) throw new EtxError('E_PROTOCOL', 'no address to dial');
    if (transfer.dialing) throw new EtxError('E_PROTOCOL', 'this transfer is already connecting');
    // A pull, then a relay: no more. Asking again and again would make this server a port
    // scanner timed by its DIAL_FAILED answers (THREATS S4).
    transfer.dialAttempts = (transfer.dialAttempts ?? 0) + 1;
    if (transfer.dialAttempts > 2) throw new EtxError('E_PROTOCOL', 'this transfer was told where to connect twice already');
    // This end dials: it takes no inbound data connections (the source is the listener now).
    transfer.dialing = true;
    transfer.acceptsInbound = false;
    this.dialStreams(
      transfer.session,
      msg.dialAddresses,
      transfer.ticket,
      transfer.streams,
      msg.peerCertificateSha256,
      msg.fallback === true,
      () => {
        // The client may try another way (a relay): let it ask again.
        transfer.dialing = false;
      },
      msg.relay
        ? {
            side: transfer.role === 'send' ? 1 : 2,
            hopCertificateSha256: msg.relayCertificateSha256,
            listenerTls: this.ctx.secureContext,
          }
        : undefined,
    );
    return { type: 'ack' };
  }

  /**
   * Opens `streams` data connections in parallel; the transfer fails only if none can be made.
   * With `peerCertificateSha256` (the client pinned the peer's certificate on its control
   * connection there) they are TLS and the peer must present exactly that certificate. The
   * client hears when the first is up (DATA_CONNECTED: this direction works); with `fallback`,
   * none at all is a DIAL_FAILED event (the client tries another way) instead of a failure.
   */
  private dialStreams(
    session: DataSession,
    addresses: string[],
    ticket: Buffer,
    streams: number,
    peerCertificateSha256: Buffer | undefined,
    fallback = false,
    onAllFailed?: () => void,
    relay?: RelayDial,
  ): void {
    const { limits } = this.ctx;
    const transferId = session.transferId;
    let failures = 0;
    let connected = false;
    for (let i = 0; i < streams; i++) {
      dialData(addresses, session.transferId, ticket, {
        connectTimeoutMs: limits.connectTimeoutMs,
        handshakeTimeoutMs: limits.handshakeTimeoutMs,
        allowPeers: limits.allowPeers,
        proxyFor: limits.proxy ? () => limits.proxy : undefined,
        relay,
        tls: peerCertificateSha256 ? { certificateSha256: peerCertificateSha256 } : undefined,
      }).then(
        (conn) => {
          session.addConnection(conn);
          if (!connected) {
            connected = true;
            this.send(0, { type: 'event', event: { transferId, kind: 'dataConnected', address: conn.address } });
          }
        },
        (err) => {
          const e = toEtxError(err);
          // The client gets only the generic error; why each address failed (refused by
          // --allow-peer, connection refused, timed out, not an etransfer port) is for the operator.
          const causes = e.cause instanceof AggregateError ? e.cause.errors.map((c) => String(c)) : [String(e.cause ?? e.message)];
          this.log.debug({ transfer: session.transferId, code: e.code, err: e.message, causes }, 'data dial failed');
          if (++failures < streams || connected) return;
          // Every stream failed: the operator sees why, each address (the client sees the generic error).
          this.log.warn({ transfer: transferId, code: e.code, err: e.message, causes }, 'no data connection could be made');
          if (!fallback) {
            session.fail(e);
            return;
          }
          onAllFailed?.();
          this.send(0, { type: 'event', event: { transferId, kind: 'dialFailed', error: { code: e.code, message: e.message } } });
        },
      );
    }
  }

  private register(
    id: string,
    role: TransferRole,
    ticket: Buffer,
    session: DataSession,
    acceptsInbound: boolean,
    streams: number,
    size: { files: number; bytes: number },
    writes: string[],
    slot: TransferSlot,
  ): void {
    slot.taken = true;
    const transfer: RegisteredTransfer = {
      slot,
      files: size.files,
      bytesTotal: size.bytes,
      preparedAtMs: Date.now(),
      id,
      role,
      ticket,
      session,
      acceptsInbound,
      ticketExpiresAtMs: Date.now() + this.ctx.limits.ticketLifetimeMs,
      started: false,
      streams,
      writes,
    };
    this.ctx.registry.add(transfer);
    this.owned.add(transfer);
    this.log.info({ transfer: id, role, files: size.files, bytes: size.bytes }, 'transfer prepared');
  }

  /**
   * The transfer's observer: events to the client, metrics, and the transfer's log lines. Every
   * line carries the transfer id (the same on both servers: it links their logs), the role, and,
   * from this connection's logger, the client and the user; file lines carry the path, the
   * summary lines the data peers.
   */
  private observer(transferId: string, role: TransferRole, pathOf: (fileIndex: number) => string, streams: number): SessionObserver {
    const started = Date.now();
    const log = this.log.child({ transfer: transferId, role });
    const session = (): DataSession | undefined => this.ctx.registry.get(transferId, role)?.session;
    // Bytes moved go to the metrics as they move (each second, and at the end).
    const direction = role === 'send' ? 'sent' : 'received';
    let counted = 0;
    const countMoved = (): void => {
      const moved = session()?.movedBytes ?? counted;
      this.ctx.metrics?.moved(direction, moved - counted);
      counted = Math.max(counted, moved);
    };
    const metricsTimer = setInterval(countMoved, 1000);
    metricsTimer.unref();
    const summary = (bytes: number) => {
      const seconds = (Date.now() - started) / 1000;
      const s = session();
      return {
        bytes,
        seconds,
        rate: formatRate(bytes / Math.max(seconds, 1e-3)),
        direction: role === 'send' ? 'sent' : 'received',
        dials: this.ctx.registry.get(transferId, role)?.dialing === true,
        streams: s?.maxStreams ?? 0,
        streamsGranted: streams,
        peers: s ? [...s.peersSeen] : [],
      };
    };
    const emit = (event: TransferEvent): void => this.send(0, { type: 'event', event });
    let progressTimer: NodeJS.Timeout | undefined;
    const end = (): void => {
      clearInterval(progressTimer);
      clearInterval(metricsTimer);
      const t = this.ctx.registry.get(transferId, role);
      if (t) {
        this.ctx.registry.remove(t);
        this.owned.delete(t);
      }
    };
    if (role === 'receive') {
      progressTimer = setInterval(() => {
        const t = this.ctx.registry.get(transferId, role);
        const progress = t ? (t.session as ReceiveSession).takeProgress() : [];
        if (progress.length > 0) emit({ transferId, kind: 'progress', progress });
      }, this.ctx.limits.progressIntervalMs);
      progressTimer.unref();
    }
    return {
      retransmitted: (chunks) => this.ctx.metrics?.retransmitted(chunks),
      fileDone: (fileIndex, bytes, digest, fileSeconds = 0) => {
        this.ctx.metrics?.fileDone(direction);
        log.info(
          {
            file: fileIndex,
            path: displayPath(pathOf(fileIndex)),
            bytes,
            // From its first chunk; files overlap on the streams. atSeconds: when, from the transfer's start.
            seconds: fileSeconds,
            rate: formatRate(bytes / Math.max(fileSeconds, 1e-3)),
            atSeconds: (Date.now() - started) / 1000,
            digest: formatDigest(digest),
          },
          role === 'receive' ? 'file received' : 'file sent',
        );
        if (role === 'receive') emit({ transferId, kind: 'fileDone', fileIndex, bytes, digest });
      },
      fileFailed: (fileIndex, error) => {
        this.ctx.metrics?.failed('file', role, error);
        log.warn({ file: fileIndex, path: displayPath(pathOf(fileIndex)), code: error.code, err: error.message }, 'file failed');
        emit({ transferId, kind: 'fileFailed', fileIndex, error });
      },
      done: (bytes) => {
        countMoved();
        this.ctx.metrics?.transferEnded(role, true);
        log.info(summary(bytes), 'transfer done');
        end();
        emit({ transferId, kind: 'transferDone', bytes });
      },
      failed: (error) => {
        countMoved();
        this.ctx.metrics?.failed('transfer', role, { code: error.code, message: error.message });
        this.ctx.metrics?.transferEnded(role, false);
        log.warn({ ...summary(session()?.bytesDone ?? 0), code: error.code, err: error.message }, 'transfer failed');
        end();
        emit({ transferId, kind: 'transferFailed', error: { code: error.code, message: error.message } });
      },
    };
  }

  private onClose(): void {
    this.closed = true;
    for (const t of [...this.owned]) t.session.cancel('the client that started the transfer went away');
    for (const id of [...this.ownedRelays]) this.ctx.relays?.end(id, 'the client that set it up went away');
  }
}
