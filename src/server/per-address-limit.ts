/**
 * How many connections one address may hold at once (THREATS X1): used for connections in their
 * handshake (a slow-loris client trickling bytes holds at most this many, each until its absolute
 * deadline) and for established control connections. Everyone else still gets in.
 */
export class PerAddressLimit {
  private readonly held = new Map<string, number>();

  constructor(private readonly maxPerAddress: number) {}

  /**
   * Admits one more connection from `address`, returning the function that gives its place back
   * (extra calls do nothing), or undefined when that address has its fill.
   */
  enter(address: string | undefined): (() => void) | undefined {
    const key = address ?? '?';
    const count = this.held.get(key) ?? 0;
    if (count >= this.maxPerAddress) return undefined;
    this.held.set(key, count + 1);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const now = (this.held.get(key) ?? 1) - 1;
      if (now === 0) this.held.delete(key);
      else this.held.set(key, now);
    };
  }

  /** Connections `address` holds now. */
  count(address: string): number {
    return this.held.get(address) ?? 0;
  }
}
