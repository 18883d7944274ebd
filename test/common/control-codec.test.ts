import { createHash } from 'node:crypto';
import fc from 'fast-check';
import Long from 'long';
import { describe, expect, it } from 'vitest';
import { decodeEnvelope, encodeEnvelope, safeUint } from '../../src/common/control-codec.js';
import { EtxError } from '../../src/common/errors.js';
import type { ControlMessage, Envelope } from '../../src/common/messages.js';
import { etransfer as pb } from '../../src/common/proto/control.js';
import { expectEtx } from '../helpers/expect-etx.js';

const MAX = 1024 * 1024;
const TID = '00112233445566778899aabbccddeeff';
const TICKET = Buffer.alloc(32, 0xab);
const NONCE = Buffer.alloc(32, 0x5c);
/** A file digest as a fileDone event carries it. */
const DIGEST = createHash('sha256').update('file contents').digest();

function varint(value: bigint | number): number[] {
  let v = BigInt(value);
  const out: number[] = [];
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return out;
}

/** A tag + length + payload field, wire type 2. */
function ld(field: number, payload: number[] | Uint8Array): number[] {
  return [...varint((field << 3) | 2), ...varint(payload.length), ...payload];
}

function str(text: string): number[] {
  return [...Buffer.from(text, 'utf8')];
}

const info = (name: string, type: 'file' | 'directory' | 'symlink' | 'other' | 'missing', size = 0) => ({
  name,
  type,
  size,
  mtimeMs: 1_700_000_000_123,
  mode: 0o644,
});

const MESSAGES: Array<[string, ControlMessage]> = [
  [
    'serverHello',
    {
      type: 'serverHello',
      protocolVersion: 1,
      serverVersion: '0.1.0',
      nonce: NONCE,
      dataAddresses: ['10.0.0.1:4005', '[::1]:4005'],
      maxStreams: 16,
      chunkSizeBytes: 4 * 1024 * 1024,
    },
  ],
  ['error', { type: 'error', error: { code: 'E_ACL_DENIED', message: 'no write right on /data' } }],
  ['statRequest', { type: 'statRequest', paths: ['/data/a', '/data/b c', '/dev/zero:1GiB'], right: 'read' }],
  ['statRequest write', { type: 'statRequest', paths: [], right: 'write' }],
  [
    'statReply',
    {
      type: 'statReply',
      entries: [
        { path: '/data/a', info: info('a', 'file', 12345) },
        { path: '/data/missing', error: { code: 'E_NOT_FOUND', message: 'no such file' } },
        { path: '/data', info: info('data', 'directory') },
        { path: '/data/nope', info: info('nope', 'missing') },
      ],
    },
  ],
  ['listRequest', { type: 'listRequest', path: '/data' }],
  ['statusRequest', { type: 'statusRequest' }],
  [
    'statusReply',
    {
      type: 'statusReply',
      transfers: [
        {
          transferId: 'ab'.repeat(16),
          owner: 'user alice',
          role: 'send',
          dials: true,
          files: 3,
          bytesTotal: 2 ** 40,
          bytesDone: 12345,
          startedMs: 1_790_000_000_000,
          peers: ['10.0.0.2:40000', '[::1]:40001'],
          streams: 2,
        },
      ],
    },
  ],
  ['authenticate', { type: 'authenticate', user: 'alice', publicKey: Buffer.alloc(32, 7), signature: Buffer.alloc(64, 9) }],
  [
    'listReply',
    {
      type: 'listReply',
      self: info('data', 'directory'),
      entries: [info('a', 'file', 2 ** 53 - 1), info('l', 'symlink'), info('s', 'other'), info('d', 'directory')],
      truncated: true,
    },
  ],
  [
    'prepareReceive',
    {
      type: 'prepareReceive',
      files: [
        { path: '/data/a', size: 0, mode: 0o600 },
        { path: '/data/b', size: 2 ** 53 - 1, mode: 0o7777 },
      ],
      mode: 'new',
      streams: 4,
      chunkSizeBytes: 1024 * 1024,
    },
  ],
  ...(['overwrite', 'resume', 'skip-existing'] as const).map((mode): [string, ControlMessage] => [
    `prepareReceive ${mode}`,
    { type: 'prepareReceive', files: [{ path: '/x', size: 1, mode: 0o644 }], mode, streams: 1, chunkSizeBytes: 65536 },
  ]),
  [
    'prepareReceive dry run',
    {
      type: 'prepareReceive',
      files: [{ path: '/x', size: 1, mode: 0o644 }],
      mode: 'skip-existing',
      streams: 4,
      chunkSizeBytes: 0,
      dryRun: true,
    },
  ],
  [
    'receivePlan',
    {
      type: 'receivePlan',
      files: [
        { state: 'accepted' },
        { state: 'skipped', reason: '/x exists' },
        { state: 'failed', error: { code: 'E_ACL_DENIED', message: 'anonymous may not write /y' } },
      ],
      freeBytes: 2 ** 53 - 1,
      neededBytes: 16 * 1024 * 1024 + 1,
    },
  ],
  ['receivePlan nothing to write', { type: 'receivePlan', files: [{ state: 'skipped', reason: '' }], freeBytes: 0, neededBytes: 0 }],
  [
    'receiveReady',
    {
      type: 'receiveReady',
      transferId: TID,
      ticket: TICKET,
      files: [
        { state: 'accepted' },
        { state: 'skipped', reason: 'exists' },
        { state: 'failed', error: { code: 'E_NO_SPACE', message: 'disk full' } },
      ],
      streams: 8,
      chunkSizeBytes: 8 * 1024 * 1024,
      dataAddresses: ['192.0.2.1:4005'],
    },
  ],
  [
    'prepareSend',
    {
      type: 'prepareSend',
      transferId: TID,
      ticket: TICKET,
      files: [
        { path: '/src/a', size: 10, mode: 0o644 },
        { path: '/src/b', size: 20, mode: 0o755 },
      ],
      accepted: [0, 1],
      streams: 2,
      chunkSizeBytes: 1024,
      dialAddresses: ['198.51.100.7:4005'],
    },
  ],
  [
    'prepareSend to a TLS peer',
    {
      type: 'prepareSend',
      transferId: TID,
      ticket: TICKET,
      files: [{ path: '/src/a', size: 10, mode: 0o644 }],
      accepted: [0],
      streams: 1,
      chunkSizeBytes: 1024,
      dialAddresses: ['198.51.100.7:4005'],
      peerCertificateSha256: Buffer.alloc(32, 0xc3),
    },
  ],
  [
    'sendReady',
    {
      type: 'sendReady',
      files: [{ state: 'accepted' }, { state: 'skipped', reason: '' }, { state: 'failed', error: { code: 'E_IO', message: 'EIO' } }],
      dataAddresses: [],
    },
  ],
  ['connectData', { type: 'connectData', transferId: TID, dialAddresses: ['a:1', 'b:2'] }],
  [
    'connectData to a TLS peer',
    { type: 'connectData', transferId: TID, dialAddresses: ['a:1'], peerCertificateSha256: createHash('sha256').update('cert').digest() },
  ],
  ['ack', { type: 'ack' }],
  [
    'event progress',
    {
      type: 'event',
      event: {
        transferId: TID,
        kind: 'progress',
        progress: [
          { fileIndex: 0, bytes: 100 },
          { fileIndex: 7, bytes: 2 ** 53 - 1 },
        ],
      },
    },
  ],
  ['event progress empty', { type: 'event', event: { transferId: TID, kind: 'progress', progress: [] } }],
  ['event fileDone', { type: 'event', event: { transferId: TID, kind: 'fileDone', fileIndex: 3, bytes: 4096, digest: DIGEST } }],
  [
    'event fileDone empty file',
    {
      type: 'event',
      event: { transferId: TID, kind: 'fileDone', fileIndex: 0, bytes: 0, digest: createHash('sha256').update('').digest() },
    },
  ],
  [
    'event fileDone extremes',
    {
      type: 'event',
      event: { transferId: TID, kind: 'fileDone', fileIndex: 0xffffffff, bytes: 2 ** 53 - 1, digest: Buffer.alloc(32, 0xff) },
    },
  ],
  // An all-zero digest: protobuf writes nothing for empty bytes, but 32 zero bytes are not empty.
  [
    'event fileDone zero digest',
    { type: 'event', event: { transferId: TID, kind: 'fileDone', fileIndex: 1, bytes: 1, digest: Buffer.alloc(32) } },
  ],
  [
    'event fileFailed',
    {
      type: 'event',
      event: { transferId: TID, kind: 'fileFailed', fileIndex: 2, error: { code: 'E_CHECKSUM', message: 'hash mismatch' } },
    },
  ],
  ['event transferDone', { type: 'event', event: { transferId: TID, kind: 'transferDone', bytes: 0 } }],
  [
    'event transferFailed',
    { type: 'event', event: { transferId: TID, kind: 'transferFailed', error: { code: 'E_CANCELLED', message: 'by user' } } },
  ],
  ['cancel', { type: 'cancel', transferId: TID }],
  [
    'prepareReceive with folders and mtimes',
    {
      type: 'prepareReceive',
      files: [{ path: '/d/t/a b', size: 3, mode: 0o644, mtimeMs: 1_700_000_000_123 }],
      mode: 'new',
      streams: 2,
      chunkSizeBytes: 65536,
      folders: [{ path: '/d/t', mtimeMs: 2 ** 53 - 1 }, { path: '/d/t/empty' }],
    },
  ],
  [
    'receiveReady with folders',
    {
      type: 'receiveReady',
      transferId: TID,
      ticket: TICKET,
      files: [],
      streams: 1,
      chunkSizeBytes: 65536,
      dataAddresses: [],
      folders: [{ state: 'accepted' }, { state: 'failed', error: { code: 'E_ACL_DENIED', message: 'no' } }],
    },
  ],
  ['expandRequest', { type: 'expandRequest', paths: ['/data/*.vdif', '/data/run 1'], recursive: true, right: 'read' }],
  ['expandRequest list', { type: 'expandRequest', paths: [], recursive: false, right: 'list' }],
  [
    'expandReply',
    {
      type: 'expandReply',
      roots: [
        {
          source: 0,
          path: '/data/run',
          info: info('run', 'directory'),
          entries: [
            { path: 'a.vdif', info: info('a.vdif', 'file', 10) },
            { path: 'empty', info: info('empty', 'directory') },
            { path: 'ünï/-x y', info: info('-x y', 'file', 2 ** 53 - 1) },
            { path: 'link', info: info('link', 'symlink'), skipped: 'a symbolic link' },
            { path: 'private', error: { code: 'E_ACL_DENIED', message: 'no list' } },
          ],
        },
        { source: 1, path: '/data/../x', error: { code: 'E_PATH', message: '".." component' }, entries: [] },
        { source: 1, path: '/', info: info('/', 'directory'), entries: [] },
      ],
    },
  ],
  ['expandReply empty', { type: 'expandReply', roots: [] }],
];

describe('control codec round trip', () => {
  it('covers every message type', () => {
    const types = new Set(MESSAGES.map(([, m]) => m.type));
    expect([...types].sort()).toEqual(
      [
        'authenticate',
        'statusRequest',
        'statusReply',
        'serverHello',
        'error',
        'statRequest',
        'statReply',
        'listRequest',
        'listReply',
        'prepareReceive',
        'receiveReady',
        'receivePlan',
        'prepareSend',
        'sendReady',
        'connectData',
        'ack',
        'event',
        'cancel',
        'expandRequest',
        'expandReply',
      ].sort(),
    );
  });

  it.each(MESSAGES)('%s', (_name, msg) => {
    for (const id of [0, 1, 42, 0xffffffff]) {
      const env: Envelope = { id, msg };
      const bytes = encodeEnvelope(env);
      expect(decodeEnvelope(bytes, MAX)).toEqual(env);
    }
  });

  it.each(MESSAGES)('%s: every strict prefix is E_PROTOCOL', (_name, msg) => {
    const bytes = encodeEnvelope({ id: 7, msg });
    for (let n = 0; n < bytes.length; n++) {
      expectEtx(() => decodeEnvelope(bytes.subarray(0, n), MAX), 'E_PROTOCOL');
    }
  });

  it('refuses to encode a transfer id of the wrong length', () => {
    expectEtx(() => encodeEnvelope({ id: 1, msg: { type: 'cancel', transferId: 'abcd' } }), 'E_PROTOCOL');
  });
});

describe('decodeEnvelope on hostile input (THREATS D4-D8, D10)', () => {
  it('random bytes throw only E_PROTOCOL or E_TOO_LARGE', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 0, max: 400 }), (bytes, max) => {
        try {
          decodeEnvelope(bytes, max);
        } catch (err) {
          if (!(err instanceof EtxError)) throw err;
          if (err.code !== 'E_PROTOCOL' && err.code !== 'E_TOO_LARGE') throw err;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('mutated valid messages throw only E_PROTOCOL', () => {
    const valid = MESSAGES.map(([, msg]) => encodeEnvelope({ id: 9, msg }));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: valid.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        (which, edits) => {
          const bytes = Buffer.from(valid[which]!);
          for (const [pos, value] of edits) bytes[pos % bytes.length] = value;
          try {
            decodeEnvelope(bytes, MAX);
          } catch (err) {
            if (!(err instanceof EtxError) || err.code !== 'E_PROTOCOL') throw err;
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a message over maxMessageBytes is E_TOO_LARGE without decoding it', () => {
    const bytes = encodeEnvelope({ id: 1, msg: { type: 'listRequest', path: '/data/x' } });
    expect(decodeEnvelope(bytes, bytes.length).msg).toEqual({ type: 'listRequest', path: '/data/x' });
    expectEtx(() => decodeEnvelope(bytes, bytes.length - 1), 'E_TOO_LARGE');
    // Garbage that would be E_PROTOCOL if decoded is refused on its size alone.
    expectEtx(() => decodeEnvelope(new Uint8Array(101).fill(0xff), 100), 'E_TOO_LARGE');
    const original = pb.Envelope.decode;
    let calls = 0;
    pb.Envelope.decode = ((...args: Parameters<typeof original>) => {
      calls++;
      return original(...args);
    }) as typeof original;
    try {
      expectEtx(() => decodeEnvelope(bytes, 2), 'E_TOO_LARGE');
      expect(calls).toBe(0);
      decodeEnvelope(bytes, MAX);
      expect(calls).toBe(1);
    } finally {
      pb.Envelope.decode = original;
    }
  });

  it('an empty body is E_PROTOCOL', () => {
    expectEtx(() => decodeEnvelope(new Uint8Array(0), MAX), 'E_PROTOCOL');
    expectEtx(() => decodeEnvelope(pb.Envelope.encode({ id: 5 }).finish(), MAX), 'E_PROTOCOL');
    // An unknown field only (field 16) is no body either.
    expectEtx(() => decodeEnvelope(Uint8Array.from(ld(16, [1, 2, 3])), MAX), 'E_PROTOCOL');
  });

  it('D4: 100 000 group-start bytes are E_PROTOCOL, never a RangeError', () => {
    const bytes = new Uint8Array(100_000).fill(0x1b);
    const err = expectEtx(() => decodeEnvelope(bytes, MAX), 'E_PROTOCOL', 'max depth exceeded');
    expect(err.message).not.toMatch(/call stack/i);
  });

  it('D4: 20 000 nested groups (start then end tags) are E_PROTOCOL', () => {
    const depth = 20_000;
    // Field 16, wire type 3 (start) = varint 0x83 0x01; wire type 4 (end) = 0x84 0x01.
    const bytes = new Uint8Array(depth * 4);
    for (let i = 0; i < depth; i++) {
      bytes[2 * i] = 0x83;
      bytes[2 * i + 1] = 0x01;
      bytes[2 * depth + 2 * i] = 0x84;
      bytes[2 * depth + 2 * i + 1] = 0x01;
    }
    const err = expectEtx(() => decodeEnvelope(bytes, MAX), 'E_PROTOCOL', 'max depth exceeded');
    expect(err.message).not.toMatch(/call stack/i);
  });

  /** `depth` messages, each the only field (`tags[i % tags.length]`, wire type 2) of the one around it. */
  function nested(depth: number, tagFor: (level: number) => number, inner: number[] = []): Uint8Array {
    const sizes = new Array<number>(depth + 1);
    sizes[depth] = inner.length;
    for (let level = depth - 1; level >= 0; level--) {
      const size = sizes[level + 1]!;
      sizes[level] = varint(tagFor(level)).length + varint(size).length + size;
    }
    const out = new Uint8Array(sizes[0]!);
    let pos = 0;
    for (let level = 0; level < depth; level++) {
      for (const b of varint(tagFor(level))) out[pos++] = b;
      for (const b of varint(sizes[level + 1]!)) out[pos++] = b;
    }
    out.set(inner, pos);
    return out;
  }

  it('D4: 20 000 nested length-delimited messages are E_PROTOCOL, never a RangeError', () => {
    const depth = 20_000;
    const cases = [
      // Unknown field 16 all the way down: skipped as bytes, leaving no body.
      nested(depth, () => (16 << 3) | 2),
      // Envelope.event (14) -> TransferEvent.status (6) -> Status, then unknown field 3 below: the
      // event has no transfer id.
      nested(depth, (level) => (level === 0 ? (14 << 3) | 2 : level === 1 ? (6 << 3) | 2 : (3 << 3) | 2)),
      // Envelope.statReply (5) -> StatReply.entries (1) -> StatEntry.info (3) -> FileInfo, then
      // FileInfo.name (1) holds the rest as a string, which is not valid UTF-8 (nor has the info a type).
      nested(depth, (level) => [(5 << 3) | 2, (1 << 3) | 2, (3 << 3) | 2][level] ?? (1 << 3) | 2),
    ];
    for (const bytes of cases) {
      expect(bytes.length).toBeGreaterThan(depth * 2);
      const err = expectEtx(() => decodeEnvelope(bytes, MAX), 'E_PROTOCOL');
      expect(err.message).not.toMatch(/call stack/i);
    }
  });

  describe('D6: 64-bit values past 2^53', () => {
    const TOO_BIG = [
      ['2^53', 2n ** 53n],
      ['2^53+1', 2n ** 53n + 1n],
      ['uint64 max', 2n ** 64n - 1n],
    ] as const;

    function longOf(value: bigint): Long {
      return Long.fromString(value.toString(), true);
    }

    it.each(TOO_BIG)('FileSpec size %s, encoded with a Long, is E_PROTOCOL', (_name, value) => {
      const prepareReceive = pb.Envelope.encode({
        id: 1,
        prepareReceive: { files: [{ path: '/x', size: longOf(value), mode: 0o644 }] },
      }).finish();
      expectEtx(() => decodeEnvelope(prepareReceive, MAX), 'E_PROTOCOL', 'out of range');
      const prepareSend = pb.Envelope.encode({
        id: 1,
        prepareSend: { transferId: Buffer.from(TID, 'hex'), ticket: TICKET, files: [{ path: '/x', size: longOf(value) }] },
      }).finish();
      expectEtx(() => decodeEnvelope(prepareSend, MAX), 'E_PROTOCOL', 'out of range');
    });

    it.each(TOO_BIG)('FileSpec size %s, varint written by hand, is E_PROTOCOL', (_name, value) => {
      const spec = [...ld(1, str('/x')), 0x10, ...varint(value)];
      const bytes = Uint8Array.from([0x08, 0x01, ...ld(8, ld(1, spec))]);
      expectEtx(() => decodeEnvelope(bytes, MAX), 'E_PROTOCOL', 'out of range');
    });

    it('2^53 - 1 is still accepted', () => {
      const spec = [...ld(1, str('/x')), 0x10, ...varint(2n ** 53n - 1n)];
      const env = decodeEnvelope(Uint8Array.from(ld(8, ld(1, spec))), MAX);
      expect(env.msg).toEqual({
        type: 'prepareReceive',
        files: [{ path: '/x', size: 2 ** 53 - 1, mode: 0 }],
        mode: 'new',
        streams: 0,
        chunkSizeBytes: 0,
      });
    });

    it('an over-long (11-byte) varint is E_PROTOCOL', () => {
      const spec = [...ld(1, str('/x')), 0x10, ...new Array<number>(10).fill(0xff), 0x01];
      expectEtx(() => decodeEnvelope(Uint8Array.from(ld(8, ld(1, spec))), MAX), 'E_PROTOCOL');
    });

    it.each(TOO_BIG)('every other uint64 field at %s is E_PROTOCOL', (_name, value) => {
      const big = longOf(value);
      const transferId = Buffer.from(TID, 'hex');
      const fileInfo = { name: 'a', type: pb.FileType.FILE_TYPE_FILE };
      const envelopes: pb.Envelope.$Properties[] = [
        { listReply: { self: { ...fileInfo, size: big } } },
        { listReply: { self: fileInfo, entries: [{ ...fileInfo, mtimeMs: big }] } },
        { statReply: { entries: [{ path: '/a', info: { ...fileInfo, size: big } }] } },
        { event: { transferId, kind: pb.EventKind.EVENT_KIND_FILE_DONE, bytes: big, digest: DIGEST } },
        { event: { transferId, kind: pb.EventKind.EVENT_KIND_TRANSFER_DONE, bytes: big } },
        { event: { transferId, kind: pb.EventKind.EVENT_KIND_PROGRESS, progressFiles: [1], progressBytes: [big] } },
      ];
      for (const env of envelopes) {
        expectEtx(() => decodeEnvelope(pb.Envelope.encode(env).finish(), MAX), 'E_PROTOCOL', 'out of range');
      }
    });

    it('safeUint', () => {
      expect(safeUint(null, 'x')).toBe(0);
      expect(safeUint(undefined, 'x')).toBe(0);
      expect(safeUint(0, 'x')).toBe(0);
      expect(safeUint(2 ** 53 - 1, 'x')).toBe(2 ** 53 - 1);
      expect(safeUint(Long.fromBits(0xffffffff, 0x1fffff, true), 'x')).toBe(2 ** 53 - 1);
      expect(safeUint(Long.fromBits(5, 0, true), 'x')).toBe(5);
      for (const bad of [2 ** 53, 2 ** 53 + 2, -1, Number.NaN, Number.POSITIVE_INFINITY, 1.5, Number('1e309')]) {
        expectEtx(() => safeUint(bad, 'x'), 'E_PROTOCOL');
      }
      for (const bad of [Long.fromBits(0, 0x200000, true), Long.MAX_UNSIGNED_VALUE, Long.fromInt(-1, false)]) {
        expectEtx(() => safeUint(bad, 'x'), 'E_PROTOCOL');
      }
    });
  });

  it('a transfer id of the wrong length is E_PROTOCOL', () => {
    for (const length of [0, 15, 17, 32]) {
      const transferId = new Uint8Array(length).fill(1);
      for (const env of [
        { cancel: { transferId } },
        { connectData: { transferId } },
        { event: { transferId, kind: pb.EventKind.EVENT_KIND_TRANSFER_DONE } },
        { receiveReady: { transferId, ticket: TICKET } },
        { prepareSend: { transferId, ticket: TICKET } },
      ] satisfies pb.Envelope.$Properties[]) {
        expectEtx(() => decodeEnvelope(pb.Envelope.encode(env).finish(), MAX), 'E_PROTOCOL', 'transfer id');
      }
    }
  });

  it('a fileDone digest of the wrong length (or none) is E_PROTOCOL', () => {
    const transferId = Buffer.from(TID, 'hex');
    const fileDone = { transferId, kind: pb.EventKind.EVENT_KIND_FILE_DONE, fileIndex: 2, bytes: 10 };
    for (const length of [1, 16, 31, 33, 64]) {
      const bytes = pb.Envelope.encode({ event: { ...fileDone, digest: new Uint8Array(length).fill(7) } }).finish();
      expectEtx(() => decodeEnvelope(bytes, MAX), 'E_PROTOCOL', 'digest');
    }
    for (const digest of [undefined, null, new Uint8Array(0)]) {
      const bytes = pb.Envelope.encode({ event: { ...fileDone, digest } }).finish();
      expectEtx(() => decodeEnvelope(bytes, MAX), 'E_PROTOCOL', 'digest');
    }
    // The digest field written by hand: Envelope.event (14) -> TransferEvent.digest (8), 31 and 33 bytes.
    for (const length of [31, 33]) {
      const event = [...ld(1, transferId), 0x10, pb.EventKind.EVENT_KIND_FILE_DONE, ...ld(8, new Uint8Array(length))];
      expectEtx(() => decodeEnvelope(Uint8Array.from(ld(14, event)), MAX), 'E_PROTOCOL', 'digest');
    }
    // A wrong-length digest handed to the encoder does not survive the trip either.
    for (const digest of [Buffer.alloc(31), Buffer.alloc(33)]) {
      const msg: ControlMessage = { type: 'event', event: { transferId: TID, kind: 'fileDone', fileIndex: 0, bytes: 0, digest } };
      let bytes: Uint8Array;
      try {
        bytes = encodeEnvelope({ id: 0, msg });
      } catch (err) {
        // Refusing to encode it is fine too.
        expect(err).toBeInstanceOf(EtxError);
        continue;
      }
      expectEtx(() => decodeEnvelope(bytes, MAX), 'E_PROTOCOL', 'digest');
    }
  });

  it('a fileDone digest of exactly 32 bytes decodes, whatever the bytes', () => {
    const transferId = Buffer.from(TID, 'hex');
    for (const digest of [Buffer.alloc(32), Buffer.alloc(32, 0xff), DIGEST]) {
      const bytes = pb.Envelope.encode({
        event: { transferId, kind: pb.EventKind.EVENT_KIND_FILE_DONE, fileIndex: 4, bytes: 5, digest },
      }).finish();
      expect(decodeEnvelope(bytes, MAX).msg).toEqual({
        type: 'event',
        event: { transferId: TID, kind: 'fileDone', fileIndex: 4, bytes: 5, digest },
      });
    }
  });

  it('peer_certificate_sha256 is empty (plain TCP) or 32 bytes, whatever they are; any other length is E_PROTOCOL', () => {
    const transferId = Buffer.from(TID, 'hex');
    const bodies = (peerCertificateSha256: Uint8Array | undefined): pb.Envelope.$Properties[] => [
      { prepareSend: { transferId, ticket: TICKET, dialAddresses: ['a:1'], peerCertificateSha256 } },
      { connectData: { transferId, dialAddresses: ['a:1'], peerCertificateSha256 } },
    ];
    for (const sha of [undefined, new Uint8Array(0)]) {
      for (const env of bodies(sha)) {
        expect(decodeEnvelope(pb.Envelope.encode(env).finish(), MAX).msg).toMatchObject({ peerCertificateSha256: undefined });
      }
    }
    for (const sha of [Buffer.alloc(32), Buffer.alloc(32, 0xff), DIGEST]) {
      for (const env of bodies(sha)) {
        expect(decodeEnvelope(pb.Envelope.encode(env).finish(), MAX).msg).toMatchObject({ peerCertificateSha256: sha });
      }
    }
    for (const length of [1, 16, 31, 33, 64]) {
      for (const env of bodies(new Uint8Array(length).fill(9))) {
        expectEtx(() => decodeEnvelope(pb.Envelope.encode(env).finish(), MAX), 'E_PROTOCOL', 'peer certificate sha256');
      }
    }
    // Nor does the encoder write one of the wrong length.
    for (const sha of [Buffer.alloc(0), Buffer.alloc(31), Buffer.alloc(33)]) {
      const msg: ControlMessage = { type: 'connectData', transferId: TID, dialAddresses: ['a:1'], peerCertificateSha256: sha };
      expectEtx(() => encodeEnvelope({ id: 1, msg }), 'E_PROTOCOL', 'peer certificate sha256');
    }
  });

  it('a ticket or nonce of the wrong length is E_PROTOCOL', () => {
    const transferId = Buffer.from(TID, 'hex');
    for (const env of [
      { receiveReady: { transferId, ticket: new Uint8Array(31) } },
      { prepareSend: { transferId } },
      { serverHello: { nonce: new Uint8Array(33) } },
    ] satisfies pb.Envelope.$Properties[]) {
      expectEtx(() => decodeEnvelope(pb.Envelope.encode(env).finish(), MAX), 'E_PROTOCOL');
    }
  });

  it('unknown enum values, rights and event kinds are E_PROTOCOL', () => {
    const transferId = Buffer.from(TID, 'hex');
    for (const env of [
      { statRequest: { paths: ['/a'], right: 'admin' } },
      { statRequest: { paths: ['/a'] } },
      { prepareReceive: { mode: 99 as pb.WriteMode } },
      { listReply: { self: { name: 'a', type: pb.FileType.FILE_TYPE_UNKNOWN } } },
      { listReply: { self: { name: 'a', type: 42 as pb.FileType } } },
      { listReply: {} },
      { event: { transferId, kind: pb.EventKind.EVENT_KIND_UNKNOWN } },
      { event: { transferId, kind: pb.EventKind.EVENT_KIND_PROGRESS, progressFiles: [1, 2], progressBytes: [3] } },
    ] satisfies pb.Envelope.$Properties[]) {
      expectEtx(() => decodeEnvelope(pb.Envelope.encode(env).finish(), MAX), 'E_PROTOCOL');
    }
  });

  it('an unknown error code string in an ErrorReply is mapped to the E_PROTOCOL code', () => {
    for (const code of ['E_NOPE', '', 'e_not_found', '__proto__', 'constructor', 'SKIPPED']) {
      const bytes = pb.Envelope.encode({ id: 3, error: { code, message: 'peer said so' } }).finish();
      expect(decodeEnvelope(bytes, MAX)).toEqual({ id: 3, msg: { type: 'error', error: { code: 'E_PROTOCOL', message: 'peer said so' } } });
    }
    // The same mapping applies wherever a peer sends a code.
    const transferId = Buffer.from(TID, 'hex');
    const failed = pb.Envelope.encode({
      event: { transferId, kind: pb.EventKind.EVENT_KIND_TRANSFER_FAILED, status: { code: 'E_WHATEVER', message: 'm' } },
    }).finish();
    expect(decodeEnvelope(failed, MAX).msg).toEqual({
      type: 'event',
      event: { transferId: TID, kind: 'transferFailed', error: { code: 'E_PROTOCOL', message: 'm' } },
    });
    const sendReady = pb.Envelope.encode({ sendReady: { files: [{ code: 'E_BOGUS', message: 'x' }] } }).finish();
    expect(decodeEnvelope(sendReady, MAX).msg).toEqual({
      type: 'sendReady',
      files: [{ state: 'failed', error: { code: 'E_PROTOCOL', message: 'x' } }],
      dataAddresses: [],
    });
  });

  it('D8: __proto__ and friends in a statRequest are plain data', () => {
    const paths = ['__proto__', 'constructor', 'prototype', '__proto__/admin', '{"__proto__":{"admin":true}}'];
    const bytes = encodeEnvelope({ id: 1, msg: { type: 'statRequest', paths, right: 'read' } });
    const env = decodeEnvelope(bytes, MAX);
    expect(env.msg).toEqual({ type: 'statRequest', paths, right: 'read' });
    if (env.msg.type !== 'statRequest') throw new Error('unreachable');
    expect(Array.isArray(env.msg.paths)).toBe(true);
    expect(Object.getPrototypeOf(env.msg.paths)).toBe(Array.prototype);
    expect(Object.getPrototypeOf(env.msg)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>)['admin']).toBeUndefined();
  });

  it('D8: a hand-written "__proto__" field name in JSON-like text stays inert', () => {
    // An unknown field whose bytes spell out a pollution attempt, next to a valid statRequest.
    const bytes = Uint8Array.from([
      ...ld(4, [...ld(1, str('__proto__')), ...ld(2, str('read'))]),
      ...ld(99, str('{"__proto__":{"admin":true}}')),
    ]);
    const env = decodeEnvelope(bytes, MAX);
    expect(env.msg).toEqual({ type: 'statRequest', paths: ['__proto__'], right: 'read' });
    expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
  });
});

describe('expanded paths from a peer (a laptop builds destination paths from them)', () => {
  const reply = (path: string, root = '/data') =>
    encodeEnvelope({
      id: 1,
      msg: {
        type: 'expandReply',
        roots: [{ source: 0, path: root, info: info('x', 'directory'), entries: [{ path, info: info('y', 'file') }] }],
      },
    });

  it.each(['..', '../x', 'a/../../x', '/etc/passwd', 'a//b', 'a/', './a', 'a/.', 'a\u0000b', 'a\nb', 'a\u009bb'])(
    'entry %j is E_PROTOCOL',
    (bad) => {
      expectEtx(() => decodeEnvelope(reply(bad), MAX), 'E_PROTOCOL');
    },
  );

  it.each(['relative', '/data/..', '//x', '/a/./b', '/a\u0001'])('root %j is E_PROTOCOL', (bad) => {
    expectEtx(() => decodeEnvelope(reply('ok', bad), MAX), 'E_PROTOCOL');
  });

  it('names with spaces, unicode, dots and leading dashes pass', () => {
    for (const ok of ['a b', 'ü/ファイル', '-x', '.hidden/..x', 'a..b']) {
      const env = decodeEnvelope(reply(ok), MAX);
      expect(env.msg.type === 'expandReply' && env.msg.roots[0]!.entries[0]!.path).toBe(ok);
    }
  });
});
