import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DIALER_HELLO_BYTES,
  DIALER_PROOF_BYTES,
  decodeDialerHello,
  encodeDialerHello,
  encodeDialerProof,
  encodeListenerProof,
  HANDSHAKE_VERSION,
  LISTENER_PROOF_BYTES,
  NONCE_BYTES,
  newNonce,
  verifyDialerProof,
  verifyListenerProof,
} from '../../src/common/data-handshake.js';
import { TICKET_BYTES, TRANSFER_ID_BYTES } from '../../src/common/messages.js';
import { expectEtx } from '../helpers/expect-etx.js';

const TRANSFER_ID = randomBytes(TRANSFER_ID_BYTES).toString('hex');

/** Flips one bit of a copy. */
function tampered(bytes: Buffer, index: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[index] = copy[index]! ^ 0x01;
  return copy;
}

interface Exchange {
  ticket: Buffer;
  dialerNonce: Buffer;
  listenerNonce: Buffer;
  hello: Buffer;
  listenerProof: Buffer;
  dialerProof: Buffer;
}

/**
 * Runs the three-message handshake with each side holding its own ticket, checking each step as
 * the real ends do. Returns the messages sent.
 */
function handshake(dialerTicket: Buffer, listenerTicket: Buffer = dialerTicket): Exchange {
  // Dialer: hello.
  const dialerNonce = newNonce();
  const hello = encodeDialerHello({ transferId: TRANSFER_ID, nonce: dialerNonce });
  // Listener: reads the hello, proves it holds the ticket.
  const got = decodeDialerHello(hello);
  expect(got.transferId).toBe(TRANSFER_ID);
  expect(got.nonce.equals(dialerNonce)).toBe(true);
  const listenerNonce = newNonce();
  const listenerProof = encodeListenerProof({
    ticket: listenerTicket,
    transferId: got.transferId,
    dialerNonce: got.nonce,
    listenerNonce,
  });
  // Dialer: checks the listener, proves itself.
  const seenListenerNonce = verifyListenerProof(listenerProof, dialerTicket, TRANSFER_ID, dialerNonce);
  expect(seenListenerNonce.equals(listenerNonce)).toBe(true);
  const dialerProof = encodeDialerProof({ ticket: dialerTicket, transferId: TRANSFER_ID, dialerNonce, listenerNonce: seenListenerNonce });
  // Listener: checks the dialer.
  verifyDialerProof(dialerProof, { ticket: listenerTicket, transferId: got.transferId, dialerNonce: got.nonce, listenerNonce });
  return { ticket: dialerTicket, dialerNonce, listenerNonce, hello, listenerProof, dialerProof };
}

describe('data handshake (DESIGN 4.3)', () => {
  it('a full dialer/listener exchange verifies both ways', () => {
    const ticket = randomBytes(TICKET_BYTES);
    const ex = handshake(ticket);
    expect(ex.hello.length).toBe(DIALER_HELLO_BYTES);
    expect(ex.listenerProof.length).toBe(LISTENER_PROOF_BYTES);
    expect(ex.dialerProof.length).toBe(DIALER_PROOF_BYTES);
    expect([DIALER_HELLO_BYTES, LISTENER_PROOF_BYTES, DIALER_PROOF_BYTES]).toEqual([56, 72, 36]);
    expect(ex.hello.subarray(0, 5).toString('latin1')).toBe(`ETXD${String.fromCharCode(HANDSHAKE_VERSION)}`);
    expect(ex.listenerProof.subarray(0, 4).toString('latin1')).toBe('ETXL');
    expect(ex.dialerProof.subarray(0, 4).toString('latin1')).toBe('ETXP');
  });

  it('fresh nonces make every exchange different', () => {
    const ticket = randomBytes(TICKET_BYTES);
    const a = handshake(ticket);
    const b = handshake(ticket);
    expect(newNonce().length).toBe(NONCE_BYTES);
    expect(a.dialerNonce.equals(b.dialerNonce)).toBe(false);
    expect(a.listenerProof.equals(b.listenerProof)).toBe(false);
    expect(a.dialerProof.equals(b.dialerProof)).toBe(false);
  });

  it('a listener with the wrong ticket is refused by the dialer (E_TICKET)', () => {
    const ticket = randomBytes(TICKET_BYTES);
    const dialerNonce = newNonce();
    const listenerProof = encodeListenerProof({
      ticket: randomBytes(TICKET_BYTES),
      transferId: TRANSFER_ID,
      dialerNonce,
      listenerNonce: newNonce(),
    });
    expectEtx(() => verifyListenerProof(listenerProof, ticket, TRANSFER_ID, dialerNonce), 'E_TICKET');
    expectEtx(() => handshake(ticket, tampered(ticket, 31)), 'E_TICKET');
  });

  it('a dialer with the wrong ticket is refused by the listener (E_TICKET)', () => {
    const ticket = randomBytes(TICKET_BYTES);
    const dialerNonce = newNonce();
    const listenerNonce = newNonce();
    const proof = encodeDialerProof({ ticket: randomBytes(TICKET_BYTES), transferId: TRANSFER_ID, dialerNonce, listenerNonce });
    expectEtx(() => verifyDialerProof(proof, { ticket, transferId: TRANSFER_ID, dialerNonce, listenerNonce }), 'E_TICKET');
  });

  it('a proof for another transfer id or other nonces is refused (E_TICKET)', () => {
    const ex = handshake(randomBytes(TICKET_BYTES));
    const other = randomBytes(TRANSFER_ID_BYTES).toString('hex');
    expectEtx(() => verifyListenerProof(ex.listenerProof, ex.ticket, other, ex.dialerNonce), 'E_TICKET');
    expectEtx(() => verifyListenerProof(ex.listenerProof, ex.ticket, TRANSFER_ID, newNonce()), 'E_TICKET');
    const input = { ticket: ex.ticket, transferId: TRANSFER_ID, dialerNonce: ex.dialerNonce, listenerNonce: ex.listenerNonce };
    expectEtx(() => verifyDialerProof(ex.dialerProof, { ...input, transferId: other }), 'E_TICKET');
    expectEtx(() => verifyDialerProof(ex.dialerProof, { ...input, dialerNonce: newNonce() }), 'E_TICKET');
    expectEtx(() => verifyDialerProof(ex.dialerProof, { ...input, listenerNonce: newNonce() }), 'E_TICKET');
  });

  it('any tampered nonce or mac byte of the listener proof is E_TICKET', () => {
    const ex = handshake(randomBytes(TICKET_BYTES));
    for (let i = 0; i < LISTENER_PROOF_BYTES; i++) {
      if (i >= 5 && i < 8) continue; // reserved bytes, not checked
      expectEtx(() => verifyListenerProof(tampered(ex.listenerProof, i), ex.ticket, TRANSFER_ID, ex.dialerNonce), 'E_TICKET');
    }
  });

  it('any tampered byte of the dialer proof is E_TICKET', () => {
    const ex = handshake(randomBytes(TICKET_BYTES));
    const input = { ticket: ex.ticket, transferId: TRANSFER_ID, dialerNonce: ex.dialerNonce, listenerNonce: ex.listenerNonce };
    for (let i = 0; i < DIALER_PROOF_BYTES; i++) {
      expectEtx(() => verifyDialerProof(tampered(ex.dialerProof, i), input), 'E_TICKET');
    }
  });

  it('a tampered dialer nonce in the hello makes the listener proof fail at the dialer', () => {
    const ticket = randomBytes(TICKET_BYTES);
    const dialerNonce = newNonce();
    const hello = tampered(encodeDialerHello({ transferId: TRANSFER_ID, nonce: dialerNonce }), 8 + TRANSFER_ID_BYTES);
    const got = decodeDialerHello(hello);
    const proof = encodeListenerProof({ ticket, transferId: got.transferId, dialerNonce: got.nonce, listenerNonce: newNonce() });
    expectEtx(() => verifyListenerProof(proof, ticket, TRANSFER_ID, dialerNonce), 'E_TICKET');
  });

  it('proofs of the wrong size are E_TICKET', () => {
    const ex = handshake(randomBytes(TICKET_BYTES));
    const input = { ticket: ex.ticket, transferId: TRANSFER_ID, dialerNonce: ex.dialerNonce, listenerNonce: ex.listenerNonce };
    for (const bytes of [Buffer.alloc(0), ex.listenerProof.subarray(0, -1), Buffer.concat([ex.listenerProof, Buffer.alloc(1)])]) {
      expectEtx(() => verifyListenerProof(bytes, ex.ticket, TRANSFER_ID, ex.dialerNonce), 'E_TICKET');
    }
    for (const bytes of [Buffer.alloc(0), ex.dialerProof.subarray(0, -1), Buffer.concat([ex.dialerProof, Buffer.alloc(1)])]) {
      expectEtx(() => verifyDialerProof(bytes, input), 'E_TICKET');
    }
  });

  it('a hello with a bad magic, version or size is E_PROTOCOL', () => {
    const hello = encodeDialerHello({ transferId: TRANSFER_ID, nonce: newNonce() });
    for (let i = 0; i < 4; i++) expectEtx(() => decodeDialerHello(tampered(hello, i)), 'E_PROTOCOL');
    for (const version of [0, 1, HANDSHAKE_VERSION + 1, 0xff]) {
      const bad = Buffer.from(hello);
      bad[4] = version;
      expectEtx(() => decodeDialerHello(bad), 'E_PROTOCOL');
    }
    expectEtx(() => decodeDialerHello(hello.subarray(0, -1)), 'E_PROTOCOL');
    expectEtx(() => decodeDialerHello(Buffer.concat([hello, Buffer.alloc(1)])), 'E_PROTOCOL');
    expectEtx(() => decodeDialerHello(Buffer.alloc(0)), 'E_PROTOCOL');
    // Something else entirely (an HTTP request) is not a hello.
    expectEtx(() => decodeDialerHello(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'.padEnd(DIALER_HELLO_BYTES, ' '))), 'E_PROTOCOL');
  });

  it("the listener's proof cannot be replayed as the dialer's proof, nor the other way", () => {
    const ex = handshake(randomBytes(TICKET_BYTES));
    const input = { ticket: ex.ticket, transferId: TRANSFER_ID, dialerNonce: ex.dialerNonce, listenerNonce: ex.listenerNonce };
    const listenerMac = ex.listenerProof.subarray(8 + NONCE_BYTES);
    const dialerMac = ex.dialerProof.subarray(4);
    expect(listenerMac.equals(dialerMac)).toBe(false);
    // The listener's MAC reflected back under the dialer's magic.
    expectEtx(() => verifyDialerProof(Buffer.concat([Buffer.from('ETXP', 'latin1'), listenerMac]), input), 'E_TICKET');
    // The listener's whole message, or its tail, sent as the dialer proof.
    expectEtx(() => verifyDialerProof(ex.listenerProof, input), 'E_TICKET');
    expectEtx(() => verifyDialerProof(ex.listenerProof.subarray(LISTENER_PROOF_BYTES - DIALER_PROOF_BYTES), input), 'E_TICKET');
    // The dialer's MAC placed in a listener proof.
    const forged = Buffer.from(ex.listenerProof);
    dialerMac.copy(forged, 8 + NONCE_BYTES);
    expectEtx(() => verifyListenerProof(forged, ex.ticket, TRANSFER_ID, ex.dialerNonce), 'E_TICKET');
  });

  it('S5: the ticket never appears in the handshake messages', () => {
    for (let run = 0; run < 20; run++) {
      const ticket = randomBytes(TICKET_BYTES);
      const ex = handshake(ticket);
      const wire = Buffer.concat([ex.hello, ex.listenerProof, ex.dialerProof]);
      expect(wire.indexOf(ticket)).toBe(-1);
      // Not even an 8-byte run of it, nor its hex or base64 text.
      for (let i = 0; i + 8 <= TICKET_BYTES; i++) expect(wire.indexOf(ticket.subarray(i, i + 8))).toBe(-1);
      expect(wire.indexOf(Buffer.from(ticket.toString('hex')))).toBe(-1);
      expect(wire.indexOf(Buffer.from(ticket.toString('hex').slice(0, 16)))).toBe(-1);
      expect(wire.indexOf(Buffer.from(ticket.toString('base64')))).toBe(-1);
    }
    // A ticket of all zeros (or any constant) is not leaked either.
    const zeros = Buffer.alloc(TICKET_BYTES);
    const ex = handshake(zeros);
    for (const msg of [ex.hello, ex.listenerProof, ex.dialerProof]) expect(msg.indexOf(zeros)).toBe(-1);
  });
});
