/**
 * An in-process TCP proxy on loopback that misbehaves on purpose, per connection: flip a bit at
 * a byte offset of the upstream stream, cut the connection (RST) after N bytes, or black-hole it
 * (stop forwarding, no FIN, no RST) after N bytes.
 */
import net from 'node:net';

export interface ConnectionScript {
  /** Flip `mask` in the byte at this offset of what the dialer sends. */
  flipAt?: { offset: number; mask: number };
  /** Destroy both sides once this many upstream bytes went through. */
  cutAfterBytes?: number;
  /** Silently stop forwarding (both ways) once this many upstream bytes went through. */
  blackHoleAfterBytes?: number;
}

export interface ChaosProxy {
  address: string;
  /** Bytes forwarded upstream, per connection, in accept order. */
  upstreamBytes: number[];
  close(): Promise<void>;
}

/** `scriptFor(n)` gives the behaviour of the n-th accepted connection (0-based). */
export async function startChaosProxy(target: string, scriptFor: (n: number) => ConnectionScript): Promise<ChaosProxy> {
  const [host, portText] = [target.slice(0, target.lastIndexOf(':')), target.slice(target.lastIndexOf(':') + 1)];
  const upstreamBytes: number[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((down) => {
    const n = upstreamBytes.length;
    upstreamBytes.push(0);
    const script = scriptFor(n);
    const up = net.connect({ host, port: Number(portText) });
    for (const s of [down, up]) {
      sockets.add(s);
      s.on('error', () => {});
      s.on('close', () => sockets.delete(s));
    }
    let holed = false;
    down.on('data', (data: Buffer) => {
      if (holed) return;
      const start = upstreamBytes[n]!;
      let out = data;
      const flip = script.flipAt;
      if (flip && flip.offset >= start && flip.offset < start + data.length) {
        out = Buffer.from(data);
        out[flip.offset - start]! ^= flip.mask;
      }
      upstreamBytes[n] = start + data.length;
      if (script.blackHoleAfterBytes !== undefined && upstreamBytes[n]! >= script.blackHoleAfterBytes) {
        holed = true;
        return;
      }
      up.write(out);
      if (script.cutAfterBytes !== undefined && upstreamBytes[n]! >= script.cutAfterBytes) {
        down.resetAndDestroy();
        up.resetAndDestroy();
      }
    });
    up.on('data', (data: Buffer) => {
      if (!holed) down.write(data);
    });
    down.on('end', () => up.end());
    up.on('end', () => down.end());
    down.on('close', () => up.destroy());
    up.on('close', () => {
      if (!holed) down.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    upstreamBytes,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
