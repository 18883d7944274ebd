/**
 * Pure codec for control messages: bytes in, validated messages out, and back. It bounds the
 * frame before decoding, turns every malformed input into E_PROTOCOL, and converts 64-bit
 * values only when they are safe integers (THREATS D4, D6).
 */
import type Long from 'long';
import { EtxError, type ErrorCode, isErrorCode } from './errors.js';
import type {
  CodedError,
  ControlMessage,
  Envelope,
  ExpandEntry,
  ExpandRoot,
  FileInfo,
  FileOutcome,
  FileSpec,
  FileType,
  FolderSpec,
  StatEntry,
  TransferEvent,
  WriteMode,
} from './messages.js';
import { CERTIFICATE_SHA256_BYTES, type ServerStatus, TICKET_BYTES, TRANSFER_ID_BYTES, type TransferStatus } from './messages.js';
import { RELAY_KEY_BYTES } from './relay-handshake.js';
import { etransfer as pb } from './proto/control.js';
import type { Right } from './acl.js';

const RIGHTS: readonly Right[] = ['list', 'read', 'write', 'delete'];
const SKIPPED = 'SKIPPED';
/** User names in the ACL are at most 256 characters; an Authenticate naming a longer one is refused. */
const MAX_USER_NAME_CHARS = 256;

function protocolError(what: string): EtxError {
  return new EtxError('E_PROTOCOL', `malformed control message: ${what}`);
}

/** A uint64 from the wire as a number, refusing anything past 2^53 - 1. */
export function safeUint(value: number | Long | null | undefined, what: string): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) throw protocolError(`${what} out of range`);
    return value;
  }
  // Long: unsigned 64-bit; the high word must leave the value below 2^53.
  const high = value.high >>> 0;
  const low = value.low >>> 0;
  if (high >= 0x200000) throw protocolError(`${what} out of range`);
  return high * 0x100000000 + low;
}

function bytesField(value: Uint8Array | null | undefined, length: number, what: string): Buffer {
  if (!value || value.length !== length) throw protocolError(`${what} must be ${length} bytes`);
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

function transferIdFrom(value: Uint8Array | null | undefined): string {
  return bytesField(value, TRANSFER_ID_BYTES, 'transfer id').toString('hex');
}

function transferIdTo(id: string): Buffer {
  const bytes = Buffer.from(id, 'hex');
  if (bytes.length !== TRANSFER_ID_BYTES) throw protocolError('transfer id');
  return bytes;
}

/** A peer certificate's SHA-256: 32 bytes, or none at all (empty on the wire: plain TCP). */
function certificateSha256From(value: Uint8Array | null | undefined): Buffer | undefined {
  if (!value || value.length === 0) return undefined;
  return bytesField(value, CERTIFICATE_SHA256_BYTES, 'peer certificate sha256');
}

function certificateSha256To(value: Buffer | undefined): Buffer | undefined {
  if (value !== undefined && value.length !== CERTIFICATE_SHA256_BYTES) {
    throw protocolError(`peer certificate sha256 must be ${CERTIFICATE_SHA256_BYTES} bytes`);
  }
  return value;
}

function codedErrorFrom(code: string | null | undefined, message: string | null | undefined): CodedError {
  const c = code ?? '';
  return { code: isErrorCode(c) ? c : ('E_PROTOCOL' as ErrorCode), message: message ?? '' };
}

const FILE_TYPES: Record<number, FileType> = {
  [pb.FileType.FILE_TYPE_FILE]: 'file',
  [pb.FileType.FILE_TYPE_DIRECTORY]: 'directory',
  [pb.FileType.FILE_TYPE_SYMLINK]: 'symlink',
  [pb.FileType.FILE_TYPE_OTHER]: 'other',
  [pb.FileType.FILE_TYPE_MISSING]: 'missing',
};
const FILE_TYPE_CODES: Record<FileType, pb.FileType> = {
  file: pb.FileType.FILE_TYPE_FILE,
  directory: pb.FileType.FILE_TYPE_DIRECTORY,
  symlink: pb.FileType.FILE_TYPE_SYMLINK,
  other: pb.FileType.FILE_TYPE_OTHER,
  missing: pb.FileType.FILE_TYPE_MISSING,
};

const WRITE_MODES: Record<number, WriteMode> = {
  [pb.WriteMode.WRITE_MODE_NEW]: 'new',
  [pb.WriteMode.WRITE_MODE_OVERWRITE]: 'overwrite',
  [pb.WriteMode.WRITE_MODE_RESUME]: 'resume',
  [pb.WriteMode.WRITE_MODE_SKIP_EXISTING]: 'skip-existing',
};
const WRITE_MODE_CODES: Record<WriteMode, pb.WriteMode> = {
  new: pb.WriteMode.WRITE_MODE_NEW,
  overwrite: pb.WriteMode.WRITE_MODE_OVERWRITE,
  resume: pb.WriteMode.WRITE_MODE_RESUME,
  'skip-existing': pb.WriteMode.WRITE_MODE_SKIP_EXISTING,
};

function fileInfoFrom(info: pb.FileInfo.$Properties | null | undefined): FileInfo {
  if (!info) throw protocolError('missing file info');
  const type = FILE_TYPES[info.type ?? 0];
  if (!type) throw protocolError('unknown file type');
  return {
    name: info.name ?? '',
    type,
    size: safeUint(info.size, 'size'),
    mtimeMs: safeUint(info.mtimeMs, 'mtime'),
    mode: (info.mode ?? 0) & 0o7777,
  };
}

function fileInfoTo(info: FileInfo): pb.FileInfo.$Properties {
  return {
    name: info.name,
    type: FILE_TYPE_CODES[info.type],
    size: info.size,
    mtimeMs: Math.max(0, Math.floor(info.mtimeMs)),
    mode: info.mode,
  };
}

function fileSpecFrom(spec: pb.FileSpec.$Properties): FileSpec {
  const result: FileSpec = { path: spec.path ?? '', size: safeUint(spec.size, 'file size'), mode: (spec.mode ?? 0) & 0o7777 };
  const mtimeMs = safeUint(spec.mtimeMs, 'mtime');
  if (mtimeMs > 0) result.mtimeMs = mtimeMs;
  return result;
}

function folderSpecFrom(spec: pb.FolderSpec.$Properties): FolderSpec {
  const mtimeMs = safeUint(spec.mtimeMs, 'mtime');
  return mtimeMs > 0 ? { path: spec.path ?? '', mtimeMs } : { path: spec.path ?? '' };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHAR_RE = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * An expanded path from a peer: '/'-separated components, none empty, '.' or '..', no control
 * characters; relative ('' is the root itself) or absolute. A client builds destination paths
 * from these (a laptop pulling a tree too), so nothing here may climb out of where it is put.
 */
function expandedPathFrom(value: string | null | undefined, absolute: boolean): string {
  const p = value ?? '';
  if (!absolute && p === '') return p;
  if (absolute !== p.startsWith('/') || CONTROL_CHAR_RE.test(p)) throw protocolError('bad expanded path');
  if (p === '/') return p;
  for (const c of (absolute ? p.slice(1) : p).split('/')) {
    if (c === '' || c === '.' || c === '..') throw protocolError('bad expanded path');
  }
  return p;
}

function statusTo(error: CodedError | undefined, skipped: string | undefined): pb.Status.$Properties | null {
  if (error) return { code: error.code, message: error.message };
  return skipped !== undefined ? { code: SKIPPED, message: skipped } : null;
}

function expandEntryFrom(entry: pb.ExpandEntry.$Properties): ExpandEntry {
  const result: ExpandEntry = { path: expandedPathFrom(entry.path, false) };
  const code = entry.status?.code;
  if (code && code !== SKIPPED) result.error = codedErrorFrom(code, entry.status?.message);
  else {
    result.info = fileInfoFrom(entry.info);
    if (code === SKIPPED) result.skipped = entry.status?.message ?? '';
  }
  return result;
}

function expandEntryTo(entry: ExpandEntry): pb.ExpandEntry.$Properties {
  return { path: entry.path, status: statusTo(entry.error, entry.skipped), info: entry.info ? fileInfoTo(entry.info) : null };
}

function expandRootFrom(root: pb.ExpandRoot.$Properties): ExpandRoot {
  const code = root.status?.code;
  const source = root.source ?? 0;
  if (code) return { source, path: root.path ?? '', error: codedErrorFrom(code, root.status?.message), entries: [] };
  return {
    source,
    path: expandedPathFrom(root.path, true),
    info: fileInfoFrom(root.info),
    entries: (root.entries ?? []).map(expandEntryFrom),
  };
}

function expandRootTo(root: ExpandRoot): pb.ExpandRoot.$Properties {
  return {
    source: root.source,
    path: root.path,
    status: statusTo(root.error, undefined),
    info: root.info ? fileInfoTo(root.info) : null,
    entries: root.entries.map(expandEntryTo),
  };
}

function outcomeFrom(status: pb.Status.$Properties): FileOutcome {
  if (!status.code) return { state: 'accepted' };
  if (status.code === SKIPPED) return { state: 'skipped', reason: status.message ?? '' };
  return { state: 'failed', error: codedErrorFrom(status.code, status.message) };
}

function outcomeTo(outcome: FileOutcome): pb.Status.$Properties {
  switch (outcome.state) {
    case 'accepted':
      return {};
    case 'skipped':
      return { code: SKIPPED, message: outcome.reason };
    case 'failed':
      return { code: outcome.error.code, message: outcome.error.message };
  }
}

function statEntryFrom(entry: pb.StatEntry.$Properties): StatEntry {
  const result: StatEntry = { path: entry.path ?? '' };
  if (entry.status?.code) result.error = codedErrorFrom(entry.status.code, entry.status.message);
  else result.info = fileInfoFrom(entry.info);
  return result;
}

function statEntryTo(entry: StatEntry): pb.StatEntry.$Properties {
  return {
    path: entry.path,
    status: entry.error ? { code: entry.error.code, message: entry.error.message } : null,
    info: entry.info ? fileInfoTo(entry.info) : null,
  };
}

function eventFrom(ev: pb.TransferEvent.$Properties): TransferEvent {
  const transferId = transferIdFrom(ev.transferId);
  const fileIndex = ev.fileIndex ?? 0;
  switch (ev.kind) {
    case pb.EventKind.EVENT_KIND_PROGRESS: {
      const files = ev.progressFiles ?? [];
      const bytes = ev.progressBytes ?? [];
      if (files.length !== bytes.length) throw protocolError('progress lists differ in length');
      return {
        transferId,
        kind: 'progress',
        progress: files.map((f, i) => ({ fileIndex: f, bytes: safeUint(bytes[i], 'progress') })),
      };
    }
    case pb.EventKind.EVENT_KIND_FILE_DONE:
      return { transferId, kind: 'fileDone', fileIndex, bytes: safeUint(ev.bytes, 'bytes'), digest: bytesField(ev.digest, 32, 'digest') };
    case pb.EventKind.EVENT_KIND_FILE_FAILED:
      return { transferId, kind: 'fileFailed', fileIndex, error: codedErrorFrom(ev.status?.code, ev.status?.message) };
    case pb.EventKind.EVENT_KIND_TRANSFER_DONE:
      return { transferId, kind: 'transferDone', bytes: safeUint(ev.bytes, 'bytes') };
    case pb.EventKind.EVENT_KIND_TRANSFER_FAILED:
      return { transferId, kind: 'transferFailed', error: codedErrorFrom(ev.status?.code, ev.status?.message) };
    case pb.EventKind.EVENT_KIND_DATA_CONNECTED:
      return { transferId, kind: 'dataConnected', address: ev.address ?? '' };
    case pb.EventKind.EVENT_KIND_DIAL_FAILED:
      return { transferId, kind: 'dialFailed', error: codedErrorFrom(ev.status?.code, ev.status?.message) };
    default:
      throw protocolError('unknown event kind');
  }
}

function eventTo(ev: TransferEvent): pb.TransferEvent.$Properties {
  const transferId = transferIdTo(ev.transferId);
  switch (ev.kind) {
    case 'progress':
      return {
        transferId,
        kind: pb.EventKind.EVENT_KIND_PROGRESS,
        progressFiles: ev.progress.map((p) => p.fileIndex),
        progressBytes: ev.progress.map((p) => p.bytes),
      };
    case 'fileDone':
      return { transferId, kind: pb.EventKind.EVENT_KIND_FILE_DONE, fileIndex: ev.fileIndex, bytes: ev.bytes, digest: ev.digest };
    case 'fileFailed':
      return { transferId, kind: pb.EventKind.EVENT_KIND_FILE_FAILED, fileIndex: ev.fileIndex, status: ev.error };
    case 'transferDone':
      return { transferId, kind: pb.EventKind.EVENT_KIND_TRANSFER_DONE, bytes: ev.bytes };
    case 'transferFailed':
      return { transferId, kind: pb.EventKind.EVENT_KIND_TRANSFER_FAILED, status: ev.error };
    case 'dataConnected':
      return { transferId, kind: pb.EventKind.EVENT_KIND_DATA_CONNECTED, address: ev.address };
    case 'dialFailed':
      return { transferId, kind: pb.EventKind.EVENT_KIND_DIAL_FAILED, status: ev.error };
  }
}

function rightFrom(value: string | null | undefined): Right {
  const right = RIGHTS.find((r) => r === value);
  if (!right) throw protocolError('unknown right');
  return right;
}

/** A status reply's server part; a bounded list of errors (a peer's word). */
function serverStatusFrom(s: pb.IServerStatus): ServerStatus {
  const errors = s.errors ?? [];
  if (errors.length > 100) throw protocolError('too many recent errors');
  return {
    version: s.version ?? '',
    startedMs: safeUint(s.startedMs, 'started'),
    bytesSent: safeUint(s.bytesSent, 'bytes sent'),
    bytesReceived: safeUint(s.bytesReceived, 'bytes received'),
    filesSent: safeUint(s.filesSent, 'files sent'),
    filesReceived: safeUint(s.filesReceived, 'files received'),
    transfersDone: safeUint(s.transfersDone, 'transfers done'),
    transfersFailed: safeUint(s.transfersFailed, 'transfers failed'),
    activeTransfers: s.activeTransfers ?? 0,
    errors: errors.map((e) => ({
      atMs: safeUint(e.atMs, 'error time'),
      code: e.code ?? '',
      message: e.message ?? '',
      scope: e.scope ?? '',
      role: e.role ?? '',
    })),
  };
}

function transferStatusFrom(t: pb.ITransferStatus): TransferStatus {
  if (t.role !== 'send' && t.role !== 'receive') throw protocolError('unknown transfer role');
  return {
    transferId: transferIdFrom(t.transferId),
    owner: t.owner ?? '',
    role: t.role,
    dials: t.dials ?? false,
    files: t.files ?? 0,
    bytesTotal: safeUint(t.bytesTotal, 'bytes total'),
    bytesDone: safeUint(t.bytesDone, 'bytes done'),
    startedMs: safeUint(t.startedMs, 'start time'),
    peers: t.peers ?? [],
    streams: t.streams ?? 0,
  };
}

function messageFrom(env: pb.Envelope): ControlMessage {
  switch (env.body) {
    case 'serverHello': {
      const m = env.serverHello!;
      return {
        type: 'serverHello',
        protocolVersion: m.protocolVersion ?? 0,
        serverVersion: m.serverVersion ?? '',
        nonce: bytesField(m.nonce, 32, 'nonce'),
        dataAddresses: m.dataAddresses ?? [],
        maxStreams: m.maxStreams ?? 0,
        chunkSizeBytes: m.chunkSizeBytes ?? 0,
      };
    }
    case 'error':
      return { type: 'error', error: codedErrorFrom(env.error!.code, env.error!.message) };
    case 'statRequest':
      return { type: 'statRequest', paths: env.statRequest!.paths ?? [], right: rightFrom(env.statRequest!.right) };
    case 'statReply':
      return { type: 'statReply', entries: (env.statReply!.entries ?? []).map(statEntryFrom) };
    case 'listRequest':
      return { type: 'listRequest', path: env.listRequest!.path ?? '' };
    case 'listReply': {
      const m = env.listReply!;
      return {
        type: 'listReply',
        self: fileInfoFrom(m.self),
        entries: (m.entries ?? []).map(fileInfoFrom),
        truncated: m.truncated ?? false,
      };
    }
    case 'prepareReceive': {
      const m = env.prepareReceive!;
      const mode = WRITE_MODES[m.mode ?? 0];
      if (!mode) throw protocolError('unknown write mode');
      return {
        type: 'prepareReceive',
        files: (m.files ?? []).map(fileSpecFrom),
        mode,
        streams: m.streams ?? 0,
        chunkSizeBytes: m.chunkSizeBytes ?? 0,
        ...(m.dryRun ? { dryRun: true } : {}),
        ...(m.folders?.length ? { folders: m.folders.map(folderSpecFrom) } : {}),
      };
    }
    case 'receiveReady': {
      const m = env.receiveReady!;
      if (m.dryRun) {
        return {
          type: 'receivePlan',
          files: (m.files ?? []).map(outcomeFrom),
          freeBytes: safeUint(m.freeBytes, 'free bytes'),
          neededBytes: safeUint(m.neededBytes, 'needed bytes'),
        };
      }
      return {
        type: 'receiveReady',
        transferId: transferIdFrom(m.transferId),
        ticket: bytesField(m.ticket, TICKET_BYTES, 'ticket'),
        files: (m.files ?? []).map(outcomeFrom),
        streams: m.streams ?? 0,
        chunkSizeBytes: m.chunkSizeBytes ?? 0,
        dataAddresses: m.dataAddresses ?? [],
        ...(m.folders?.length ? { folders: m.folders.map(outcomeFrom) } : {}),
      };
    }
    case 'prepareSend': {
      const m = env.prepareSend!;
      return {
        type: 'prepareSend',
        transferId: transferIdFrom(m.transferId),
        ticket: bytesField(m.ticket, TICKET_BYTES, 'ticket'),
        files: (m.files ?? []).map(fileSpecFrom),
        accepted: m.accepted ?? [],
        streams: m.streams ?? 0,
        chunkSizeBytes: m.chunkSizeBytes ?? 0,
        dialAddresses: m.dialAddresses ?? [],
        peerCertificateSha256: certificateSha256From(m.peerCertificateSha256),
        ...(m.fallback ? { fallback: true } : {}),
      };
    }
    case 'sendReady':
      return {
        type: 'sendReady',
        files: (env.sendReady!.files ?? []).map(outcomeFrom),
        dataAddresses: env.sendReady!.dataAddresses ?? [],
      };
    case 'connectData':
      return {
        type: 'connectData',
        transferId: transferIdFrom(env.connectData!.transferId),
        dialAddresses: env.connectData!.dialAddresses ?? [],
        peerCertificateSha256: certificateSha256From(env.connectData!.peerCertificateSha256),
        ...(env.connectData!.fallback ? { fallback: true } : {}),
        ...(env.connectData!.relay ? { relay: true } : {}),
        relayCertificateSha256: certificateSha256From(env.connectData!.relayCertificateSha256),
      };
    case 'ack':
      return { type: 'ack' };
    case 'event':
      return { type: 'event', event: eventFrom(env.event!) };
    case 'cancel':
      return { type: 'cancel', transferId: transferIdFrom(env.cancel!.transferId) };
    case 'authenticate': {
      const m = env.authenticate!;
      const user = m.user ?? '';
      if (user === '' || user.length > MAX_USER_NAME_CHARS) throw protocolError('bad user name');
      return {
        type: 'authenticate',
        user,
        publicKey: bytesField(m.publicKey, 32, 'public key'),
        signature: bytesField(m.signature, 64, 'signature'),
      };
    }
    case 'statusRequest':
      return { type: 'statusRequest' };
    case 'statusReply': {
      const server = env.statusReply!.server;
      return {
        type: 'statusReply',
        transfers: (env.statusReply!.transfers ?? []).map(transferStatusFrom),
        ...(server ? { server: serverStatusFrom(server) } : {}),
      };
    }
    case 'expandRequest': {
      const m = env.expandRequest!;
      return { type: 'expandRequest', paths: m.paths ?? [], recursive: m.recursive ?? false, right: rightFrom(m.right) };
    }
    case 'expandReply':
      return { type: 'expandReply', roots: (env.expandReply!.roots ?? []).map(expandRootFrom) };
    case 'prepareRelay': {
      const m = env.prepareRelay!;
      return {
        type: 'prepareRelay',
        transferId: transferIdFrom(m.transferId),
        relayKey: bytesField(m.relayKey, RELAY_KEY_BYTES, 'relay key'),
        streams: m.streams ?? 0,
      };
    }
    case 'relayReady':
      return { type: 'relayReady', dataAddresses: env.relayReady!.dataAddresses ?? [] };
    default:
      throw protocolError('empty or unknown message');
  }
}

function messageTo(msg: ControlMessage): pb.Envelope.$Properties {
  switch (msg.type) {
    case 'serverHello':
      return {
        serverHello: {
          protocolVersion: msg.protocolVersion,
          serverVersion: msg.serverVersion,
          nonce: msg.nonce,
          dataAddresses: msg.dataAddresses,
          maxStreams: msg.maxStreams,
          chunkSizeBytes: msg.chunkSizeBytes,
        },
      };
    case 'error':
      return { error: { code: msg.error.code, message: msg.error.message } };
    case 'statRequest':
      return { statRequest: { paths: msg.paths, right: msg.right } };
    case 'statReply':
      return { statReply: { entries: msg.entries.map(statEntryTo) } };
    case 'listRequest':
      return { listRequest: { path: msg.path } };
    case 'listReply':
      return {
        listReply: { self: fileInfoTo(msg.self), entries: msg.entries.map(fileInfoTo), truncated: msg.truncated },
      };
    case 'prepareReceive':
      return {
        prepareReceive: {
          files: msg.files,
          mode: WRITE_MODE_CODES[msg.mode],
          streams: msg.streams,
          chunkSizeBytes: msg.chunkSizeBytes,
          dryRun: msg.dryRun === true,
          folders: msg.folders ?? [],
        },
      };
    case 'receivePlan':
      return {
        receiveReady: { dryRun: true, files: msg.files.map(outcomeTo), freeBytes: msg.freeBytes, neededBytes: msg.neededBytes },
      };
    case 'receiveReady':
      return {
        receiveReady: {
          transferId: transferIdTo(msg.transferId),
          ticket: msg.ticket,
          files: msg.files.map(outcomeTo),
          streams: msg.streams,
          chunkSizeBytes: msg.chunkSizeBytes,
          dataAddresses: msg.dataAddresses,
          folders: (msg.folders ?? []).map(outcomeTo),
        },
      };
    case 'prepareSend':
      return {
        prepareSend: {
          transferId: transferIdTo(msg.transferId),
          ticket: msg.ticket,
          files: msg.files,
          accepted: msg.accepted,
          streams: msg.streams,
          chunkSizeBytes: msg.chunkSizeBytes,
          dialAddresses: msg.dialAddresses,
          peerCertificateSha256: certificateSha256To(msg.peerCertificateSha256),
          fallback: msg.fallback === true,
        },
      };
    case 'sendReady':
      return { sendReady: { files: msg.files.map(outcomeTo), dataAddresses: msg.dataAddresses } };
    case 'connectData':
      return {
        connectData: {
          transferId: transferIdTo(msg.transferId),
          dialAddresses: msg.dialAddresses,
          peerCertificateSha256: certificateSha256To(msg.peerCertificateSha256),
          fallback: msg.fallback === true,
          relay: msg.relay === true,
          relayCertificateSha256: certificateSha256To(msg.relayCertificateSha256),
        },
      };
    case 'ack':
      return { ack: {} };
    case 'event':
      return { event: eventTo(msg.event) };
    case 'cancel':
      return { cancel: { transferId: transferIdTo(msg.transferId) } };
    case 'authenticate':
      return { authenticate: { user: msg.user, publicKey: msg.publicKey, signature: msg.signature } };
    case 'expandRequest':
      return { expandRequest: { paths: msg.paths, recursive: msg.recursive, right: msg.right } };
    case 'expandReply':
      return { expandReply: { roots: msg.roots.map(expandRootTo) } };
    case 'prepareRelay':
      return { prepareRelay: { transferId: transferIdTo(msg.transferId), relayKey: msg.relayKey, streams: msg.streams } };
    case 'relayReady':
      return { relayReady: { dataAddresses: msg.dataAddresses } };
    case 'statusRequest':
      return { statusRequest: {} };
    case 'statusReply':
      return {
        statusReply: {
          transfers: msg.transfers.map((t) => ({
            transferId: transferIdTo(t.transferId),
            owner: t.owner,
            role: t.role,
            dials: t.dials,
            files: t.files,
            bytesTotal: t.bytesTotal,
            bytesDone: t.bytesDone,
            startedMs: t.startedMs,
            peers: t.peers,
            streams: t.streams,
          })),
          ...(msg.server ? { server: msg.server } : {}),
        },
      };
  }
}

export function encodeEnvelope(envelope: Envelope): Uint8Array {
  return pb.Envelope.encode({ id: envelope.id, ...messageTo(envelope.msg) }).finish();
}

/**
 * Decodes one control message. The length is checked before protobufjs sees the bytes; any
 * decoding failure (truncation, bad wire type, nesting past protobufjs's recursion limit) is
 * E_PROTOCOL, never a crash.
 */
export function decodeEnvelope(bytes: Uint8Array, maxMessageBytes: number): Envelope {
  if (bytes.length > maxMessageBytes) {
    throw new EtxError('E_TOO_LARGE', `control message of ${bytes.length} bytes exceeds ${maxMessageBytes}`);
  }
  let env: pb.Envelope;
  try {
    env = pb.Envelope.decode(bytes);
  } catch (err) {
    throw protocolError(err instanceof Error ? err.message : 'undecodable');
  }
  return { id: env.id >>> 0, msg: messageFrom(env) };
}
