/**
 * One short conversation with a server (`ls`, `status`, `cancel`): connect (TLS pinned as for a
 * copy), prove the user if the endpoint names one, run the requests, close.
 */
import { EtxError } from '../common/errors.js';
import type { Ed25519PrivateKey } from '../common/ssh-keys.js';
import { ControlClient, type ControlClientOptions, DEFAULT_CONTROL_CLIENT_OPTIONS } from './control-client.js';

export interface RemoteServer {
  host: string;
  port: number;
  user: string | undefined;
}

export interface RemoteAccess extends Pick<ControlClientOptions, 'knownHostsFile' | 'onNotice' | 'proxyFor'> {
  connectTimeoutMs?: number;
  identity?: Ed25519PrivateKey | undefined;
}

/** Connects to `server` and, if it names a user, proves it; the connection is closed on failure. */
export async function connectAs(server: RemoteServer, access: RemoteAccess): Promise<ControlClient> {
  const client = await ControlClient.connect(server.host, server.port, {
    ...DEFAULT_CONTROL_CLIENT_OPTIONS,
    connectTimeoutMs: access.connectTimeoutMs ?? DEFAULT_CONTROL_CLIENT_OPTIONS.connectTimeoutMs,
    knownHostsFile: access.knownHostsFile,
    onNotice: access.onNotice,
    proxyFor: access.proxyFor,
  });
  if (server.user === undefined) return client;
  try {
    if (!access.identity) throw new EtxError('E_CONFIG', `${server.user}@${server.host} needs a key (--identity FILE)`);
    await client.authenticate(server.user, access.identity);
    return client;
  } catch (err) {
    client.close();
    throw err;
  }
}

export async function withServer<T>(server: RemoteServer, access: RemoteAccess, run: (client: ControlClient) => Promise<T>): Promise<T> {
  const client = await connectAs(server, access);
  try {
    return await run(client);
  } finally {
    client.close();
  }
}
