/**
 * How many connections one address may have in their handshake at once (THREATS X1): a
 * slow-loris client opening hundreds of sockets and trickling bytes holds at most this many, each
 * until its absolute handshake deadline; everyone else still gets in.
 */
export class HandshakeGate {
  private readonly inHandshake = new Map<string, number>();

  constructor(private readonly maxPerAddress: number) {}

  /**
   * Admits one more handshaking connection from `address`, returning the function that ends
   * its handshake (call it once the connection proved itself or closed; extra calls do nothing),
   * or undefined when that address has its fill.
   */
  enter(address: string | undefined): (() => void) | undefined {
    const key = address ?? '?';
    const count = this.inHandshake.get(key) ?? 0;
    if (count >= this.maxPerAddress) return undefined;
    this.inHandshake.set(key, count + 1);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const now = (this.inHandshake.get(key) ?? 1) - 1;
      if (now === 0) this.inHandshake.delete(key);
      else this.inHandshake.set(key, now);
    };
  }

  /** Connections from `address` in their handshake now. */
  count(address: string): number {
    return this.inHandshake.get(address) ?? 0;
  }
}
