/**
 * The control protocol as the rest of the code sees it: plain, validated values. The codec
 * (control-codec.ts) converts between these and the protobuf wire form; nothing else touches
 * the generated code.
 */
import type { Right } from './acl.js';
import type { ErrorCode } from './errors.js';

// 2: data frames carry file tags (file-tags.ts; data handshake version 2).
export const PROTOCOL_VERSION = 2;

export interface CodedError {
  code: ErrorCode;
  message: string;
}

export type FileType = 'file' | 'directory' | 'symlink' | 'other' | 'missing';

export interface FileInfo {
  name: string;
  type: FileType;
  size: number;
  mtimeMs: number;
  mode: number;
}

export interface StatEntry {
  path: string;
  error?: CodedError;
  info?: FileInfo;
}

export type WriteMode = 'new' | 'overwrite' | 'resume' | 'skip-existing';

/** A file as both ends of a transfer know it: its path on that end and its announced size. */
export interface FileSpec {
  path: string;
  size: number;
  mode: number;
  /** The source's mtime (ms): the receiver gives the published file this mtime and atime; unset or 0: unknown. */
  mtimeMs?: number;
}

/** A folder a recursive copy creates on the destination; its mtime is set once the files are in (best effort). */
export interface FolderSpec {
  path: string;
  mtimeMs?: number;
}

/** One entry below an expanded root: `path` is relative to the root ('/'-separated; '' is the root). */
export interface ExpandEntry {
  path: string;
  info?: FileInfo;
  /** Denied, unreadable, or a name the path rules refuse: never opened. */
  error?: CodedError;
  /** Left out on purpose (a link, a special file): why. `info` says what it is. */
  skipped?: string;
}

/** A source path, or one match of its wildcard, and (recursive) everything below it, depth first by name. */
export interface ExpandRoot {
  /** Index of the request path it comes from. */
  source: number;
  /** Absolute, on the server: the requested path, or the wildcard's match. */
  path: string;
  info?: FileInfo;
  error?: CodedError;
  entries: ExpandEntry[];
}

/** What an end decided about one file of a request. */
export type FileOutcome = { state: 'accepted' } | { state: 'skipped'; reason: string } | { state: 'failed'; error: CodedError };

export type TransferEvent = { transferId: string } & (
  | { kind: 'progress'; progress: Array<{ fileIndex: number; bytes: number }> }
  | { kind: 'fileDone'; fileIndex: number; bytes: number; digest: Buffer }
  | { kind: 'fileFailed'; fileIndex: number; error: CodedError }
  | { kind: 'transferDone'; bytes: number }
  | { kind: 'transferFailed'; error: CodedError }
  /** From the dialing end: its first data connection is up. */
  | { kind: 'dataConnected'; address: string }
  /** From the dialing end, asked with `fallback`: no data connection could be made. */
  | { kind: 'dialFailed'; error: CodedError }
);

/** One live transfer as `etransfer status` shows it. */
/** `etransfer status`: the server itself, for operators. */
export interface ServerStatus {
  version: string;
  startedMs: number;
  bytesSent: number;
  bytesReceived: number;
  filesSent: number;
  filesReceived: number;
  transfersDone: number;
  transfersFailed: number;
  activeTransfers: number;
  /** The last failures, oldest first; `message` empty where the caller may not see it. */
  errors: Array<{ atMs: number; code: string; message: string; scope: string; role: string }>;
}

export interface TransferStatus {
  transferId: string;
  owner: string;
  role: 'send' | 'receive';
  dials: boolean;
  files: number;
  bytesTotal: number;
  bytesDone: number;
  startedMs: number;
  peers: string[];
  streams: number;
}

export type ControlMessage =
  | {
      type: 'serverHello';
      protocolVersion: number;
      serverVersion: string;
      nonce: Buffer;
      dataAddresses: string[];
      maxStreams: number;
      chunkSizeBytes: number;
    }
  | { type: 'error'; error: CodedError }
  | { type: 'statRequest'; paths: string[]; right: Right }
  | { type: 'statReply'; entries: StatEntry[] }
  | { type: 'listRequest'; path: string }
  | { type: 'listReply'; self: FileInfo; entries: FileInfo[]; truncated: boolean }
  | {
      type: 'prepareReceive';
      files: FileSpec[];
      mode: WriteMode;
      streams: number;
      chunkSizeBytes: number;
      /** Plan only (`copy --dry-run`): judge and check space, mint no ticket, create nothing. */
      dryRun?: boolean;
      /** Folders to create first, parents before children (a recursive copy); unset: none. */
      folders?: FolderSpec[];
    }
  | {
      type: 'receiveReady';
      transferId: string;
      ticket: Buffer;
      files: FileOutcome[];
      streams: number;
      chunkSizeBytes: number;
      dataAddresses: string[];
      /** One per requested folder, same order (set when folders were asked for). */
      folders?: FileOutcome[];
    }
  | {
      type: 'prepareSend';
      transferId: string;
      ticket: Buffer;
      files: FileSpec[];
      accepted: number[];
      streams: number;
      chunkSizeBytes: number;
      dialAddresses: string[];
      /** The SHA-256 of the TLS certificate the dialed peer must present; undefined: plain TCP. */
      peerCertificateSha256?: Buffer | undefined;
      /** The client has another way: a dial failing on every stream is reported, and this end also accepts. */
      fallback?: boolean;
    }
  /**
   * The answer to a dry-run prepareReceive (on the wire: a ReceiveReady with dry_run set): what
   * would happen to each file, the free bytes there, and the free bytes the accepted writes need.
   */
  | { type: 'receivePlan'; files: FileOutcome[]; freeBytes: number; neededBytes: number }
  | { type: 'sendReady'; files: FileOutcome[]; dataAddresses: string[] }
  | {
      type: 'connectData';
      transferId: string;
      dialAddresses: string[];
      peerCertificateSha256?: Buffer | undefined;
      /** As in prepareSend: a dial failing on every stream is reported (dialFailed), not fatal. */
      fallback?: boolean;
      /** The addresses are a relay's: join it, then the data handshake with the other end through it. */
      relay?: boolean;
      /** The relay's data port certificate (TLS hop); undefined: plain. */
      relayCertificateSha256?: Buffer | undefined;
    }
  | { type: 'prepareRelay'; transferId: string; relayKey: Buffer; streams: number }
  | { type: 'relayReady'; dataAddresses: string[] }
  | { type: 'ack' }
  | { type: 'event'; event: TransferEvent }
  | { type: 'cancel'; transferId: string }
  | { type: 'authenticate'; user: string; publicKey: Buffer; signature: Buffer }
  | { type: 'statusRequest' }
  | { type: 'statusReply'; transfers: TransferStatus[]; server?: ServerStatus | undefined }
  /** `right`: what files need ("read" for a copy, "list" for `ls -r`); folders always need "list". */
  | { type: 'expandRequest'; paths: string[]; recursive: boolean; right: Right }
  | { type: 'expandReply'; roots: ExpandRoot[] };

export type MessageType = ControlMessage['type'];
export type MessageOf<T extends MessageType> = Extract<ControlMessage, { type: T }>;

export interface Envelope {
  /** Request id: non-zero on requests and their replies, 0 on events. */
  id: number;
  msg: ControlMessage;
}

/** Transfer ids are 16 random bytes, written as 32 lowercase hex digits. */
export const TRANSFER_ID_BYTES = 16;
/** Tickets are 256 random bits (DESIGN section 4). */
export const TICKET_BYTES = 32;
/** A TLS certificate is named by the SHA-256 of its DER encoding. */
export const CERTIFICATE_SHA256_BYTES = 32;
