/**
 * A real HTTP CONNECT proxy on 127.0.0.1 for tests: node:http parses the CONNECT request, node:net
 * dials the target, and the two sockets are piped both ways. Optional Basic credentials (407
 * otherwise), an allowlist of target ports (403 otherwise), and counters of what went through.
 */
import http from 'node:http';
import net from 'node:net';

export interface ConnectProxyOptions {
  /** When set, CONNECT without exactly these Basic credentials gets 407 with Proxy-Authenticate. */
  credentials?: { username: string; password: string };
  /** When set, CONNECT to any other port gets 403. */
  allowedPorts?: readonly number[];
}

export interface ConnectProxy {
  host: string;
  port: number;
  /** `http://127.0.0.1:PORT`, no credentials. */
  url: string;
  /** CONNECT requests received, whatever the answer. */
  readonly requests: number;
  /** Tunnels opened (the proxy answered 200). */
  readonly tunnels: number;
  /** Statuses answered, in order. */
  readonly statuses: readonly number[];
  /** The CONNECT request targets (`host:port`, `[v6]:port`), in order. */
  readonly targets: readonly string[];
  /** Payload bytes forwarded client to target, and target to client (the client's head included). */
  readonly bytesUp: number;
  readonly bytesDown: number;
  /** Stops listening and destroys every tunnel and pending connection. */
  close(): Promise<void>;
}

/** `host:port` or `[v6]:port` of a CONNECT request, or undefined when it is not that. */
function parseTarget(requestTarget: string): { host: string; port: number } | undefined {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(requestTarget);
  if (!match) return undefined;
  const port = Number(match[3]);
  return port >= 1 && port <= 65535 ? { host: (match[1] ?? match[2])!, port } : undefined;
}

function answer(socket: net.Socket, status: number, reason: string, headers: string[] = []): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${headers.map((h) => `${h}\r\n`).join('')}Content-Length: 0\r\nConnection: close\r\n\r\n`);
}

export async function startConnectProxy(options: ConnectProxyOptions = {}): Promise<ConnectProxy> {
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket): void => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  };
  const expectedAuth = options.credentials
    ? `Basic ${Buffer.from(`${options.credentials.username}:${options.credentials.password}`).toString('base64')}`
    : undefined;
  const stats = { requests: 0, tunnels: 0, bytesUp: 0, bytesDown: 0, statuses: [] as number[], targets: [] as string[] };
  const reply = (socket: net.Socket, status: number, reason: string, headers?: string[]): void => {
    stats.statuses.push(status);
    answer(socket, status, reason, headers);
  };

  const server = http.createServer((_req, res) => {
    res.writeHead(405, { Allow: 'CONNECT' }).end();
  });
  server.on('connection', track);
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    stats.requests++;
    stats.targets.push(req.url ?? '');
    if (expectedAuth !== undefined && req.headers['proxy-authorization'] !== expectedAuth) {
      reply(client, 407, 'Proxy Authentication Required', ['Proxy-Authenticate: Basic realm="etransfer-test"']);
      return;
    }
    const target = parseTarget(req.url ?? '');
    if (!target) {
      reply(client, 400, 'Bad Request');
      return;
    }
    if (options.allowedPorts && !options.allowedPorts.includes(target.port)) {
      reply(client, 403, 'Forbidden');
      return;
    }
    const upstream = net.connect({ host: target.host, port: target.port });
    track(upstream);
    upstream.once('error', () => {
      if (!client.writableEnded) reply(client, 502, 'Bad Gateway');
    });
    upstream.once('connect', () => {
      stats.tunnels++;
      stats.statuses.push(200);
      client.write('HTTP/1.1 200 Connection established\r\n\r\n');
      if (head.length > 0) {
        stats.bytesUp += head.length;
        upstream.write(head);
      }
      client.on('data', (data: Buffer) => {
        stats.bytesUp += data.length;
      });
      upstream.on('data', (data: Buffer) => {
        stats.bytesDown += data.length;
      });
      client.pipe(upstream);
      upstream.pipe(client);
      // A reset on either side takes the other down too, as a real proxy would.
      client.once('close', () => upstream.destroy());
      upstream.once('close', () => client.destroy());
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return stats.requests;
    },
    get tunnels() {
      return stats.tunnels;
    },
    get statuses() {
      return stats.statuses;
    },
    get targets() {
      return stats.targets;
    },
    get bytesUp() {
      return stats.bytesUp;
    },
    get bytesDown() {
      return stats.bytesDown;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
