/**
 * `etransfer copy`: the coordinator. It asks the source what there is, asks the destination to
 * accept the writes (which mints the ticket), hands the ticket to the side that dials, and
 * follows the receiver's events to the end. In a third-party copy the bytes flow server to
 * server; with a local end the client itself is that end, and only ever dials out.
 */
import { randomBytes } from 'node:crypto';
import type { Endpoint } from '../common/endpoint.js';
import { EtxError, isRetryable, toEtxError } from '../common/errors.js';
import { fileTagKey } from '../common/file-tags.js';
import { formatHostPort } from '../common/host-port.js';
import type { ProxyChooser } from '../common/http-proxy.js';
import { relayKey } from '../common/relay-handshake.js';
import {
  type CodedError,
  type FileOutcome,
  type FileSpec,
  type MessageOf,
  TICKET_BYTES,
  TRANSFER_ID_BYTES,
  type TransferEvent,
  type WriteMode,
} from '../common/messages.js';
import { dialData } from '../transfer/data-connection.js';
import { isWebSocketDataAddress } from '../transfer/websocket-data.js';
import { relayThroughThisClient } from './client-relay.js';
import { DirectoryListings } from '../transfer/file-sink.js';
import type { DataSession } from '../transfer/data-session.js';
import { ReceiveSession } from '../transfer/receiver.js';
import { SendSession } from '../transfer/sender.js';
import { DEFAULT_SMALL_FILE_BYTES, type SessionObserver, type SessionOptions } from '../transfer/session-types.js';
import type { ControlClient } from './control-client.js';
import { CopyFolders } from './copy-folders.js';
import type { PlannedFile } from './copy-plan.js';
import { planSources } from './copy-sources.js';
import { reportDryRun } from './dry-run.js';
import { localSource, planLocalWrite } from './local-files.js';
import type { CopyReporter, CopySummary, DataRoute, FileResult } from './reporter.js';
import { TransferTracker, codedError } from './transfer-tracker.js';
import type { Ed25519PrivateKey } from '../common/ssh-keys.js';
import { type RemoteServer, connectAs } from './remote-session.js';

export type Direction = 'auto' | 'push' | 'pull' | 'relay';

export interface CopyOptions {
  streams: number;
  mode: WriteMode;
  direction: Direction;
  /** 0: the receiving server's default. */
  chunkSizeBytes: number;
  windowChunks: number;
  /** Bytes this client may have in flight when it sends (bounds memory). */
  maxInflightBytes: number;
  connectTimeoutMs: number;
  handshakeTimeoutMs: number;
  idleTimeoutMs: number;
  /** Times a chunk may fail its hash check before its file fails (this client's own sessions). */
  maxChunkAttempts: number;
  /** Files up to this size go whole, many per frame (this client's own sessions). */
  smallFileBytes: number;
  /** Further attempts for files that failed for a retryable reason. */
  retries: number;
  /** Delay before the first retry; each next one doubles it (capped at a minute). */
  retryDelayMs: number;
  /** The key for endpoints that name a user (`user@host:/path`); loaded once by the caller. */
  identity?: Ed25519PrivateKey;
  /** Where servers' TLS certificates are pinned; default `~/.config/etransfer/known_hosts`. */
  knownHostsFile?: string | undefined;
  /** `--via HOST`: the relay (a server with --allow-relay) to use when no direct direction works. */
  via?: RemoteServer | undefined;
  /** HTTP CONNECT proxy for this client's connections (control, and data when it is an end). */
  proxyFor?: ProxyChooser | undefined;
  /** Told when a server's certificate is pinned for the first time (the CLI prints it on stderr). */
  onNotice?: ((message: string) => void) | undefined;
  /** Plan only (`--dry-run`): report what would be copied, skipped or refused; move nothing. */
  dryRun?: boolean;
  /** `-r`: copy folders, with everything below them (links inside a tree are skipped, with a notice). */
  recursive?: boolean;
  reporter: CopyReporter;
}

export const DEFAULT_COPY_OPTIONS: Omit<CopyOptions, 'reporter'> = {
  streams: 4,
  mode: 'new',
  direction: 'auto',
  chunkSizeBytes: 0,
  windowChunks: 4,
  maxInflightBytes: 64 * 1024 * 1024,
  connectTimeoutMs: 10_000,
  handshakeTimeoutMs: 10_000,
  idleTimeoutMs: 60_000,
  maxChunkAttempts: 3,
  smallFileBytes: DEFAULT_SMALL_FILE_BYTES,
  retries: 3,
  retryDelayMs: 1000,
};

type Remote = Extract<Endpoint, { kind: 'remote' }>;

function sameServer(a: Remote, b: Remote): boolean {
  return a.host === b.host && a.port === b.port;
}

/**
 * Failures for want of a data route that come from how the sites are set up: both servers
 * answered, and neither takes inbound data connections (or a forced direction needs one that does
 * not, or the relay's --allow-relay list leaves this user out). A retry would print the same
 * error, so there is none. Dials that failed or timed out, or a relay that was busy or away, may
 * be passing faults: those are retried as before.
 */
const NO_ROUTE = new WeakSet<CodedError | EtxError>();

function noRoute(message: string): EtxError {
  const error = new EtxError('E_CONNECT', message);
  NO_ROUTE.add(error);
  return error;
}

function failedResult(
  file: { source: string; destination: string; size: number },
  error: { code: EtxError['code']; message: string },
): FileResult {
  return { source: file.source, destination: file.destination, size: file.size, status: 'failed', error, bytes: 0, seconds: 0 };
}

/** Applies the destination's per-file decisions; returns the accepted indices. */
function applyOutcomes(
  planned: readonly PlannedFile[],
  outcomes: readonly FileOutcome[],
  results: Array<FileResult | undefined>,
  reporter: CopyReporter,
): number[] {
  if (outcomes.length !== planned.length) throw new EtxError('E_PROTOCOL', 'the destination answered for a different number of files');
  const accepted: number[] = [];
  outcomes.forEach((outcome, i) => {
    const file = planned[i]!;
    const base = { source: file.source, destination: file.destination, size: file.size, bytes: 0, seconds: 0 };
    if (outcome.state === 'accepted') accepted.push(i);
    else {
      const result: FileResult =
        outcome.state === 'skipped'
          ? { ...base, status: 'skipped', reason: outcome.reason }
          : { ...base, status: 'failed', error: outcome.error };
      results[i] = result;
      reporter.fileFinished(i, result);
    }
  });
  return accepted;
}

export async function runCopy(sources: readonly Endpoint[], destination: Endpoint, options: CopyOptions): Promise<CopySummary> {
  if (sources.length === 0) throw new EtxError('E_USAGE', 'no source given');
  const first = sources[0]!;
  for (const s of sources) {
    if (s.kind !== first.kind || (s.kind === 'remote' && first.kind === 'remote' && !sameServer(s, first))) {
      throw new EtxError('E_USAGE', 'all sources of one copy must be on the same host');
    }
  }
  if (first.kind === 'local' && destination.kind === 'local') {
    throw new EtxError('E_USAGE', 'both ends are local: name a remote host as host:/path or et://host/path');
  }

  const clients: ControlClient[] = [];
  const started = performance.now();
  try {
    const src = first.kind === 'remote' ? await connectAs(first, options) : undefined;
    if (src) clients.push(src);
    const dst = destination.kind === 'remote' ? await connectAs(destination, options) : undefined;
    if (dst) clients.push(dst);

    // 1-2. What the sources are (the source server expands wildcards and, with -r, folders), and where they land.
    const plan = await planSources(src, dst, sources, destination, options.recursive === true);
    for (const s of plan.skipped) options.onNotice?.(`skipped ${s.source}: ${s.reason}`);
    const { planned, preFailed } = plan;
    const folders = new CopyFolders(plan.folders, options.reporter);
    const label = `${src ? src.server : 'local'} -> ${dst ? dst.server : 'local'}`;
    options.reporter.start(planned, label);
    for (const f of preFailed) options.reporter.fileFinished(-1, f);
    if (options.dryRun) {
      return await reportDryRun(dst, planned, preFailed, options, started, () => clients.reduce((n, c) => n + c.bytesOnWire, 0));
    }
    const results: Array<FileResult | undefined> = new Array(planned.length);

    // 3. Move them; retry what failed for a reason a retry can cure (THREATS rule 9).
    let pending = planned.map((_, i) => i);
    let movedBytes = 0;
    let ends = { src, dst };
    // A tree of empty folders has no file to move, but its folders are made all the same.
    for (let attempt = 0; pending.length > 0 || (attempt === 0 && folders.any); attempt++) {
      if (attempt > 0) {
        const delayMs = Math.min(options.retryDelayMs * 2 ** (attempt - 1), MAX_RETRY_DELAY_MS);
        options.reporter.retrying(pending.length, attempt, options.retries, delayMs);
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        ends = await reconnect(ends, first, destination, options, clients);
      }
      movedBytes += await moveSome(ends, planned, pending, results, options, folders);
      if (attempt >= options.retries) break;
      pending = pending.filter(
        (i) => results[i]?.status === 'failed' && isRetryable(results[i].error!.code) && !NO_ROUTE.has(results[i].error!),
      );
    }

    const files = [
      ...preFailed,
      ...folders.results(),
      ...results.map((r, i) => r ?? failedResult(planned[i]!, { code: 'E_INTERNAL', message: 'no result' })),
    ];
    const summary: CopySummary = {
      files,
      bytes: files.reduce((n, f) => n + (f.status === 'done' ? f.bytes : 0), 0),
      seconds: (performance.now() - started) / 1000,
      viaClient: !(src && dst) || options.direction === 'relay',
      controlBytes: clients.reduce((n, c) => n + c.bytesOnWire, 0),
      movedBytes,
    };
    options.reporter.finish(summary);
    return summary;
  } finally {
    for (const c of clients) c.close();
  }
}

const MAX_RETRY_DELAY_MS = 60_000;
/** Bounds on what a source may propose when this client receives (as servers bound clients). */
const MIN_CHUNK_BYTES = 64 * 1024;
const MAX_CHUNK_BYTES = 16 * 1024 * 1024;
const MAX_STREAMS = 64;

interface Ends {
  src: ControlClient | undefined;
  dst: ControlClient | undefined;
}

/** Fresh control connections for a retry (the old ones may have died with a server). */
async function reconnect(old: Ends, source: Endpoint, destination: Endpoint, options: CopyOptions, all: ControlClient[]): Promise<Ends> {
  old.src?.close();
  old.dst?.close();
  const ends: Ends = { src: undefined, dst: undefined };
  try {
    if (source.kind === 'remote') {
      ends.src = await connectAs(source, options);
      all.push(ends.src);
    }
    if (destination.kind === 'remote') {
      ends.dst = await connectAs(destination, options);
      all.push(ends.dst);
    }
  } catch (err) {
    // A certificate that changed (or a server that dropped TLS) is no passing failure: stop.
    if (toEtxError(err).code === 'E_HOST_KEY') throw err;
    // Otherwise left unconnected: this attempt's files fail with E_CONNECT, and a later attempt tries again.
  }
  return ends;
}

/**
 * Runs one attempt over the planned files `indices`, writing their results into `results`. A
 * failure of the whole attempt (a server gone, a dropped connection) fails each of its files.
 */
async function moveSome(
  ends: Ends,
  planned: readonly PlannedFile[],
  indices: readonly number[],
  results: Array<FileResult | undefined>,
  options: CopyOptions,
  folders: CopyFolders,
): Promise<number> {
  const subset = indices.map((i) => planned[i]!);
  let moved = 0;
  const subResults: Array<FileResult | undefined> = new Array(subset.length);
  const reporter: CopyReporter = {
    ...options.reporter,
    fileStarted: (j) => options.reporter.fileStarted(indices[j]!),
    progress: (j, bytes) => options.reporter.progress(indices[j]!, bytes),
    fileFinished: (j, result) => options.reporter.fileFinished(j < 0 ? j : indices[j]!, result),
    route: (route) => options.reporter.route(route),
  };
  const attemptOptions = { ...options, reporter };
  try {
    const { src, dst } = ends;
    if (src && dst) moved = await thirdParty(src, dst, subset, subResults, attemptOptions, folders);
    else if (dst) moved = await pushFromHere(dst, subset, subResults, attemptOptions, folders);
    else if (src) {
      // This client is the destination: its folders first, their times once the files are in.
      await folders.makeHere();
      try {
        moved = await pullToHere(src, subset, subResults, attemptOptions);
      } finally {
        await folders.setTimesHere();
      }
    } else throw new EtxError('E_CONNECT', 'could not reconnect to the servers');
  } catch (err) {
    const etx = toEtxError(err);
    const error = codedError(etx);
    if (NO_ROUTE.has(etx)) NO_ROUTE.add(error);
    subset.forEach((file, j) => {
      if (subResults[j]) return;
      subResults[j] = failedResult(file, error);
      reporter.fileFinished(j, subResults[j]);
    });
  }
  indices.forEach((i, j) => {
    results[i] = subResults[j];
  });
  return moved;
}

function specs(planned: readonly PlannedFile[], side: 'source' | 'destination'): FileSpec[] {
  return planned.map((f) =>
    f.mtimeMs ? { path: f[side], size: f.size, mode: f.mode, mtimeMs: f.mtimeMs } : { path: f[side], size: f.size, mode: f.mode },
  );
}

type DialEvent = Extract<TransferEvent, { kind: 'dataConnected' | 'dialFailed' }>;

/** The route's flag when the first data connection reached a control port's WebSocket. */
function overControlPort(outcome: DialEvent | 'ended' | undefined): { overControlPort?: true } {
  return outcome !== undefined && outcome !== 'ended' && outcome.kind === 'dataConnected' && isWebSocketDataAddress(outcome.address)
    ? { overControlPort: true }
    : {};
}

/** What a dialing end says about its data connections: one word per attempt, in order. */
class DialOutcomes {
  private readonly events: DialEvent[] = [];
  private readonly waiters: Array<(event: DialEvent) => void> = [];

  push(event: DialEvent): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter(event);
    else this.events.push(event);
  }

  /** The word about the next attempt. */
  next(): Promise<DialEvent> {
    const event = this.events.shift();
    if (event) return Promise.resolve(event);
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}

interface RelayContext {
  srcDial: DialOutcomes;
  dstDial: DialOutcomes;
  ended: Promise<'ended'>;
  /** `final`: the failure comes from how the sites are set up, and a retry could not cure it. */
  giveUp(message: string, final?: boolean): Promise<number>;
  finish(route: DataRoute): Promise<number>;
  /** Why no direct way worked. */
  why: string;
}

/**
 * Both ends dial out to the relay `via` (`serve --allow-relay`), which splices them: the source
 * dials end to end through it (checking the destination's certificate, when it has one), the
 * destination answers. The relay gets only the relay key (relay-handshake.ts), never the ticket.
 */
async function relayThrough(
  via: RemoteServer,
  src: ControlClient,
  dst: ControlClient,
  ready: MessageOf<'receiveReady'>,
  ctx: RelayContext,
  options: CopyOptions,
): Promise<number> {
  let relay: ControlClient;
  try {
    relay = await connectAs(via, options);
  } catch (err) {
    return ctx.giveUp(`${ctx.why}; and the relay ${formatHostPort(via.host, via.port)} could not be reached: ${toEtxError(err).message}`);
  }
  try {
    let relayAddresses: string[];
    try {
      const relayReady = await relay.request(
        { type: 'prepareRelay', transferId: ready.transferId, relayKey: relayKey(ready.ticket), streams: ready.streams },
        'relayReady',
      );
      relayAddresses = relayReady.dataAddresses;
    } catch (err) {
      const refusal = toEtxError(err);
      // Refused by its --allow-relay list: that will not change on a retry. Busy or failing: it may.
      return await ctx.giveUp(`${ctx.why}; and the relay ${relay.server} refused: ${refusal.message}`, refusal.code === 'E_ACL_DENIED');
    }
    const join = (end: ControlClient, peerCertificateSha256: Buffer | undefined) =>
      end.request(
        {
          type: 'connectData',
          transferId: ready.transferId,
          dialAddresses: relayAddresses,
          peerCertificateSha256,
          relay: true,
          relayCertificateSha256: relay.certificateSha256,
          fallback: true,
        },
        'ack',
      );
    if (!dst.certificateSha256) {
      // Without TLS between the ends the relay (like any router on the path) reads what it splices.
      // What it alters is caught (file digests are tagged with a key it lacks, file-tags.ts) and
      // never published, but it could spoil the copy. Say so.
      options.onNotice?.(
        `the data goes through the relay ${relay.server} without TLS between ${src.server} and ${dst.server}: ` +
          'the relay cannot pose as either end, and a file it altered would fail (E_CHECKSUM) rather than land, ' +
          'but it can read the bytes it splices; servers with --tls-cert keep it out',
      );
    }
    // The source checks, end to end, the destination's certificate; the destination answers with its own.
    await Promise.all([join(src, dst.certificateSha256), join(dst, undefined)]);
    const outcomes = await Promise.race([Promise.all([ctx.srcDial.next(), ctx.dstDial.next()]), ctx.ended]);
    const failed = outcomes === 'ended' ? undefined : outcomes.find((o) => o.kind === 'dialFailed');
    if (failed?.kind === 'dialFailed')
      return await ctx.giveUp(`${ctx.why}; and through the relay ${relay.server}: ${failed.error.message}`);
    return await ctx.finish({ direction: 'relay', via: relay.server, dialer: src.server, listener: dst.server, reason: ctx.why });
  } finally {
    relay.close();
  }
}

/** Fails the tracker's open files if a control connection drops mid-transfer. */
function watch(client: ControlClient, tracker: TransferTracker): void {
  client.onClosed((err) => tracker.end(codedError(err)));
}

async function thirdParty(
  src: ControlClient,
  dst: ControlClient,
  planned: PlannedFile[],
  results: Array<FileResult | undefined>,
  options: CopyOptions,
  folders: CopyFolders,
): Promise<number> {
  const ready = await dst.request(
    {
      type: 'prepareReceive',
      files: specs(planned, 'destination'),
      mode: options.mode,
      streams: options.streams,
      chunkSizeBytes: options.chunkSizeBytes,
      ...folders.request(),
    },
    'receiveReady',
  );
  folders.apply(ready.folders);
  const accepted = applyOutcomes(planned, ready.files, results, options.reporter);
  const tracker = new TransferTracker(planned, accepted, results, options.reporter);
  if (accepted.length === 0) return 0;
  // Which way the data goes is found by trying (DESIGN section 5): the dialing end says when its
  // first data connection is up, or (asked with `fallback`) that none could be made.
  const srcDial = new DialOutcomes();
  const dstDial = new DialOutcomes();
  dst.onTransferEvent(ready.transferId, (ev) => {
    if (ev.kind === 'dataConnected' || ev.kind === 'dialFailed') dstDial.push(ev);
    else tracker.onReceiverEvent(ev);
  });
  src.onTransferEvent(ready.transferId, (ev) => {
    if (ev.kind === 'dataConnected' || ev.kind === 'dialFailed') srcDial.push(ev);
    // The receiver reports each file; from the sender only a total failure matters.
    else if (ev.kind === 'transferFailed') {
      void dst.request({ type: 'cancel', transferId: ready.transferId }, 'ack').catch(() => {});
      tracker.end(ev.error);
    }
  });
  watch(src, tracker);
  watch(dst, tracker);
  const ended = tracker.finished.then(() => 'ended' as const);
  /** Ends the transfer on both servers: no way works (for good, if `final`). */
  const giveUp = async (message: string, final = false): Promise<number> => {
    for (const c of [src, dst]) void c.request({ type: 'cancel', transferId: ready.transferId }, 'ack').catch(() => {});
    const failure = { code: 'E_CONNECT' as const, message };
    if (final) NO_ROUTE.add(failure);
    tracker.end(failure);
    await tracker.finished;
    return tracker.movedBytes;
  };
  const finish = async (route: DataRoute): Promise<number> => {
    options.reporter.route(route);
    await tracker.finished;
    return tracker.movedBytes;
  };
  /**
   * Every direct way was tried: relay through --via if given, else say why nothing works.
   * `final`: no direct way can work as the servers are set up (neither takes inbound connections).
   */
  const lastResort = (why: string, final = false): Promise<number> => {
    if (!options.via) {
      return giveUp(
        `${why}; a relay can join them: copy --via HOST (a server running with --allow-relay), or --relay (through this client)`,
        final,
      );
    }
    return relayThrough(options.via, src, dst, ready, { srcDial, dstDial, ended, giveUp, finish, why }, options);
  };

  const auto = options.direction === 'auto';
  const dstTakesInbound = ready.dataAddresses.length > 0;
  if (options.direction === 'push' && !dstTakesInbound) {
    throw noRoute(`${dst.server} accepts no inbound data connections (it runs with --no-inbound): use --pull`);
  }
  const push = options.direction === 'push' || (auto && dstTakesInbound);
  const sendReady = await src.request(
    {
      type: 'prepareSend',
      transferId: ready.transferId,
      ticket: ready.ticket,
      files: specs(planned, 'source'),
      accepted,
      streams: ready.streams,
      chunkSizeBytes: ready.chunkSizeBytes,
      dialAddresses: push ? ready.dataAddresses : [],
      // The source dials the destination's data port: it must present the certificate this client pinned.
      peerCertificateSha256: push ? dst.certificateSha256 : undefined,
      // Automatic: if the source cannot reach the destination, the destination may reach the source.
      fallback: push && auto,
    },
    'sendReady',
  );
  const srcTakesInbound = sendReady.dataAddresses.length > 0;
  if (options.direction === 'relay') {
    // --relay: this client dials both and splices them (the data passes through it).
    const relay = relayThroughThisClient(
      { client: src, dataAddresses: sendReady.dataAddresses },
      { client: dst, dataAddresses: ready.dataAddresses },
      ready.transferId,
      ready.ticket,
      ready.streams,
      options,
    );
    try {
      const outcome = await Promise.race([relay.connected.then(() => 'connected' as const), ended]).catch((err: unknown) =>
        toEtxError(err),
      );
      if (outcome instanceof EtxError) return await giveUp(outcome.message);
      return await finish({ direction: 'relay', via: 'this client', dialer: src.server, listener: dst.server });
    } finally {
      relay.close();
    }
  }
  let pushFailure: string | undefined;
  if (push) {
    if (!auto) return finish({ direction: 'push', dialer: src.server, listener: dst.server });
    const outcome = await Promise.race([srcDial.next(), ended]);
    if (outcome === 'ended' || outcome.kind === 'dataConnected') {
      return finish({ direction: 'push', dialer: src.server, listener: dst.server, ...overControlPort(outcome) });
    }
    pushFailure = `${src.server} could not reach ${dst.server}'s data ports: ${outcome.error.message}`;
    if (!srcTakesInbound) return lastResort(`${pushFailure}; and ${src.server} accepts no inbound data connections`);
  } else if (!srcTakesInbound) {
    if (!auto) return giveUp(`${src.server} accepts no inbound data connections (it runs with --no-inbound): use --push`, true);
    return lastResort(`neither ${src.server} nor ${dst.server} accepts inbound data connections`, true);
  }
  // Pull: the destination dials the source.
  await dst.request(
    {
      type: 'connectData',
      transferId: ready.transferId,
      dialAddresses: sendReady.dataAddresses,
      peerCertificateSha256: src.certificateSha256,
      fallback: auto,
    },
    'ack',
  );
  const reason = pushFailure ?? (auto ? `${dst.server} accepts no inbound data connections` : undefined);
  let pulled: DialEvent | 'ended' | undefined;
  if (auto) {
    pulled = await Promise.race([dstDial.next(), ended]);
    if (pulled !== 'ended' && pulled.kind === 'dialFailed') {
      const pullFailure = `${dst.server} could not reach ${src.server}'s data ports: ${pulled.error.message}`;
      return lastResort(`no direction works: ${pushFailure ? `${pushFailure}; ` : ''}${pullFailure}`);
    }
  }
  return finish({ direction: 'pull', dialer: dst.server, listener: src.server, ...(reason ? { reason } : {}), ...overControlPort(pulled) });
}

function sessionOptions(transferId: string, chunkSizeBytes: number, ticket: Buffer, options: CopyOptions): SessionOptions {
  return {
    transferId,
    fileTagKey: fileTagKey(ticket),
    chunkSizeBytes,
    windowChunks: options.windowChunks,
    maxInflightBytes: options.maxInflightBytes,
    idleTimeoutMs: options.idleTimeoutMs,
    inactiveTimeoutMs: options.idleTimeoutMs * 2,
    maxMessageBytes: 1024,
    maxChunkAttempts: options.maxChunkAttempts,
    smallFileBytes: options.smallFileBytes,
  };
}

/**
 * Opens the data streams from this client to `server`; the session fails only if none can be
 * opened. With TLS they must meet the certificate its control connection presented.
 */
function dialStreams(
  session: DataSession,
  server: ControlClient,
  addresses: string[],
  ticket: Buffer,
  streams: number,
  options: CopyOptions,
): void {
  let failures = 0;
  const sha256 = server.certificateSha256;
  for (let i = 0; i < streams; i++) {
    dialData(addresses, session.transferId, ticket, {
      connectTimeoutMs: options.connectTimeoutMs,
      handshakeTimeoutMs: options.handshakeTimeoutMs,
      tls: sha256 ? { certificateSha256: sha256 } : undefined,
      proxyFor: options.proxyFor,
    }).then(
      (conn) => session.addConnection(conn),
      (err) => {
        if (++failures === streams) session.fail(toEtxError(err));
      },
    );
  }
}

async function pushFromHere(
  dst: ControlClient,
  planned: PlannedFile[],
  results: Array<FileResult | undefined>,
  options: CopyOptions,
  folders: CopyFolders,
): Promise<number> {
  const ready = await dst.request(
    {
      type: 'prepareReceive',
      files: specs(planned, 'destination'),
      mode: options.mode,
      streams: options.streams,
      chunkSizeBytes: options.chunkSizeBytes,
      ...folders.request(),
    },
    'receiveReady',
  );
  folders.apply(ready.folders);
  const accepted = applyOutcomes(planned, ready.files, results, options.reporter);
  const tracker = new TransferTracker(planned, accepted, results, options.reporter);
  if (accepted.length === 0) return 0;
  if (ready.dataAddresses.length === 0) throw noRoute(`${dst.server} accepts no inbound data connections`);
  dst.onTransferEvent(ready.transferId, (ev) => tracker.onReceiverEvent(ev));
  watch(dst, tracker);
  const observer: SessionObserver = {
    fileDone: () => {},
    fileFailed: () => {}, // the receiver reports it too, with the final word
    done: () => {},
    failed: (err) => {
      void dst.request({ type: 'cancel', transferId: ready.transferId }, 'ack').catch(() => {});
      tracker.end(codedError(err));
    },
  };
  const session = new SendSession(
    accepted.map((index) => ({ index, size: planned[index]!.size, ...localSource(planned[index]!.source, planned[index]!.size) })),
    sessionOptions(ready.transferId, ready.chunkSizeBytes, ready.ticket, options),
    observer,
  );
  session.start();
  dialStreams(session, dst, ready.dataAddresses, ready.ticket, ready.streams, options);
  await tracker.finished;
  if (!session.finished) session.cancel('the destination ended the transfer');
  return tracker.movedBytes;
}

async function pullToHere(
  src: ControlClient,
  planned: PlannedFile[],
  results: Array<FileResult | undefined>,
  options: CopyOptions,
): Promise<number> {
  const listings = new DirectoryListings();
  const plans = await Promise.all(planned.map((f) => planLocalWrite(f.destination, options.mode, f.mode, f.size, listings, f.mtimeMs)));
  let accepted = applyOutcomes(
    planned,
    plans.map((p) => p.outcome),
    results,
    options.reporter,
  );
  const tracker = new TransferTracker(planned, accepted, results, options.reporter);
  if (accepted.length === 0) return 0;
  // This client is the destination: it mints the ticket (DESIGN section 4.2).
  const transferId = randomBytes(TRANSFER_ID_BYTES).toString('hex');
  const ticket = randomBytes(TICKET_BYTES);
  // What the source proposes is a peer's word: bound it like any server bounds a client's.
  const chunkSizeBytes = options.chunkSizeBytes || src.hello.chunkSizeBytes;
  if (!Number.isInteger(chunkSizeBytes) || chunkSizeBytes < MIN_CHUNK_BYTES || chunkSizeBytes > MAX_CHUNK_BYTES) {
    throw new EtxError('E_PROTOCOL', `${src.server} proposed a chunk size of ${chunkSizeBytes} bytes`);
  }
  const streams = Math.max(1, Math.min(options.streams, src.hello.maxStreams || options.streams, MAX_STREAMS));
  const session = new ReceiveSession(
    accepted.map((index) => ({
      index,
      size: planned[index]!.size,
      openSink: () => plans[index]!.openSink!(transferId, chunkSizeBytes, options.smallFileBytes),
      mayResume: plans[index]!.mayResume === true,
      discard: plans[index]!.discard === true,
    })),
    sessionOptions(transferId, chunkSizeBytes, ticket, options),
    {
      fileDone: (i, bytes, digest) => tracker.fileDone(i, bytes, digest),
      fileFailed: (i, error) => tracker.fileFailed(i, error),
      done: (bytes) => tracker.end(undefined, bytes),
      failed: (err) => tracker.end(codedError(err)),
    },
  );
  // Earlier partials are re-hashed before the source is asked to send.
  const failedEarly = await session.prepare();
  for (const [index, error] of failedEarly) tracker.fileFailed(index, error);
  accepted = accepted.filter((index) => !failedEarly.has(index));
  if (accepted.length === 0) {
    await tracker.finished;
    return 0;
  }
  src.onTransferEvent(transferId, (ev) => {
    if (ev.kind === 'transferFailed') session.fail(new EtxError(ev.error.code, ev.error.message));
  });
  src.onClosed((err) => session.fail(err));
  const sendReady = await src.request(
    { type: 'prepareSend', transferId, ticket, files: specs(planned, 'source'), accepted, streams, chunkSizeBytes, dialAddresses: [] },
    'sendReady',
  );
  if (sendReady.dataAddresses.length === 0) throw noRoute(`${src.server} accepts no inbound data connections`);
  const progressTimer = setInterval(() => {
    for (const p of session.takeProgress()) tracker.progress(p.fileIndex, p.bytes);
  }, 200);
  try {
    session.start();
    dialStreams(session, src, sendReady.dataAddresses, ticket, streams, options);
    await tracker.finished;
    return tracker.movedBytes;
  } finally {
    clearInterval(progressTimer);
    if (!session.finished) session.cancel('the copy ended');
  }
}
