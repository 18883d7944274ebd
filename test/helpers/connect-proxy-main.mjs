#!/usr/bin/env node
/**
 * A standalone HTTP CONNECT proxy process, for tests that run it somewhere a function cannot go (a
 * network namespace: test/helpers/netns.ts). Plain JavaScript so that `node` runs it as is; the
 * same behaviour as the in-process test/helpers/connect-proxy.ts.
 *
 *   node connect-proxy-main.mjs --listen HOST:PORT [--auth USER:PASSWORD]
 *
 * With --auth, a CONNECT without exactly these Basic credentials gets 407 (Proxy-Authenticate).
 * Everything it does is one JSON line on stdout, for the test to count:
 *   {"event":"listening","host":H,"port":P}
 *   {"event":"connect","target":"host:port","status":200|400|407|502}   (one per CONNECT request)
 *   {"event":"closed","target":"host:port","up":BYTES,"down":BYTES}    (a tunnel ended; up: client to target)
 * SIGTERM (or SIGINT) closes every tunnel and exits 0.
 */
import http from 'node:http';
import net from 'node:net';

function usage(message) {
  process.stderr.write(`connect-proxy-main: ${message}\nusage: connect-proxy-main.mjs --listen HOST:PORT [--auth USER:PASSWORD]\n`);
  process.exit(2);
}

let listen;
let auth;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const value = argv[i + 1];
  if (argv[i] === '--listen' && value !== undefined) listen = value;
  else if (argv[i] === '--auth' && value !== undefined) auth = value;
  else usage(`unexpected argument ${JSON.stringify(argv[i])}`);
  i++;
}
const listenMatch = /^(.+):(\d{1,5})$/.exec(listen ?? '');
if (!listenMatch) usage('--listen HOST:PORT is required');
if (auth !== undefined && !auth.includes(':')) usage('--auth takes USER:PASSWORD');
const expectedAuth = auth === undefined ? undefined : `Basic ${Buffer.from(auth, 'utf8').toString('base64')}`;

const log = (entry) => process.stdout.write(`${JSON.stringify(entry)}\n`);

/** `host:port` or `[v6]:port` of a CONNECT request, or undefined when it is not that. */
function parseTarget(requestTarget) {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(requestTarget);
  if (!match) return undefined;
  const port = Number(match[3]);
  return port >= 1 && port <= 65535 ? { host: match[1] ?? match[2], port } : undefined;
}

const sockets = new Set();
const track = (socket) => {
  sockets.add(socket);
  socket.on('error', () => {});
  socket.on('close', () => sockets.delete(socket));
};

function answer(socket, target, status, reason, headers = []) {
  log({ event: 'connect', target, status });
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${headers.map((h) => `${h}\r\n`).join('')}Content-Length: 0\r\nConnection: close\r\n\r\n`);
}

const server = http.createServer((_req, res) => {
  res.writeHead(405, { Allow: 'CONNECT' }).end();
});
server.on('connection', track);
server.on('connect', (req, client, head) => {
  const targetText = req.url ?? '';
  if (expectedAuth !== undefined && req.headers['proxy-authorization'] !== expectedAuth) {
    answer(client, targetText, 407, 'Proxy Authentication Required', ['Proxy-Authenticate: Basic realm="etransfer-test"']);
    return;
  }
  const target = parseTarget(targetText);
  if (!target) {
    answer(client, targetText, 400, 'Bad Request');
    return;
  }
  const upstream = net.connect({ host: target.host, port: target.port });
  track(upstream);
  upstream.once('error', () => {
    if (!client.writableEnded) answer(client, targetText, 502, 'Bad Gateway');
  });
  upstream.once('connect', () => {
    log({ event: 'connect', target: targetText, status: 200 });
    const bytes = { up: head.length, down: 0 };
    client.write('HTTP/1.1 200 Connection established\r\n\r\n');
    if (head.length > 0) upstream.write(head);
    client.on('data', (data) => {
      bytes.up += data.length;
    });
    upstream.on('data', (data) => {
      bytes.down += data.length;
    });
    client.pipe(upstream);
    upstream.pipe(client);
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      log({ event: 'closed', target: targetText, ...bytes });
      // A reset on either side takes the other down too, as a real proxy would.
      client.destroy();
      upstream.destroy();
    };
    client.once('close', close);
    upstream.once('close', close);
  });
});

server.listen(Number(listenMatch[2]), listenMatch[1], () => {
  const address = server.address();
  log({ event: 'listening', host: address.address, port: address.port });
});
server.on('error', (err) => {
  process.stderr.write(`connect-proxy-main: ${err.message}\n`);
  process.exit(1);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    for (const socket of sockets) socket.destroy();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 500).unref();
  });
}
