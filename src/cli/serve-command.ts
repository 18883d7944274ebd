/** `etransfer serve`: resolves every option once, starts the server, handles signals. */
import { promises as fsp } from 'node:fs';
import { Acl, DEFAULT_ACL_JSON, type UserList, compileUserList } from '../common/acl.js';
import { EtxError } from '../common/errors.js';
import { parseProxyUrl } from '../common/http-proxy.js';
import { type HostPort, parseHostPort } from '../common/host-port.js';
import { PeerAllowlist, parseAllowPeers } from '../common/peer-allowlist.js';
import { parseSize } from '../common/units.js';
import { type LogLevel, LOG_LEVELS, createServerLog } from '../server/logger.js';
import { DEFAULT_SERVER_LIMITS, type ServerLimits, type ServerTls } from '../server/options.js';
import { startServer } from '../server/server.js';

export interface ServeFlags {
  control: string;
  data: string[];
  proxy?: string;
  /** true: the flag alone (any authenticated user); a string: the users named. */
  allowRelay?: boolean | string;
  metricsAllow: string[];
  relayPairTimeoutMs: string;
  connectTimeoutMs: string;
  /** false with --no-inbound. */
  inbound: boolean;
  acl?: string;
  stateDir?: string;
  advertise?: string;
  /** `--allow-peer`, repeatable: CIDRs, addresses or host names this server may dial. */
  allowPeer: string[];
  logLevel: string;
  logFile?: string;
  maxStreams: string;
  chunkSize: string;
  idleTimeoutMs: string;
  inactiveTimeoutMs: string;
  orphanGraceMs: string;
  maxInflightBytes: string;
  smallFileBytes: string;
  handshakeTimeoutMs: string;
  maxHandshakesPerAddress: string;
  maxControlConnectionsPerAddress: string;
  maxTransfersPerUser: string;
  ticketLifetimeMs: string;
  maxControlMessageBytes: string;
  maxListEntries: string;
  drainTimeoutMs: string;
  maxFilesPerRequest: string;
  /** `--tls-cert FILE --tls-key FILE`: both or neither. */
  tlsCert?: string;
  tlsKey?: string;
}

function positiveInt(text: string, flag: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
    throw new EtxError('E_USAGE', `${flag} must be a positive whole number, not "${text}"`);
  }
  return Number(text);
}

/**
 * Reads `--tls-cert` and `--tls-key` once, here; startServer checks that they are PEM and belong
 * together (E_CONFIG: the server does not start without the TLS it was asked for).
 */
async function readTlsFiles(flags: ServeFlags): Promise<ServerTls | undefined> {
  if (flags.tlsCert === undefined && flags.tlsKey === undefined) return undefined;
  if (flags.tlsCert === undefined || flags.tlsKey === undefined) {
    throw new EtxError('E_USAGE', '--tls-cert and --tls-key go together: give both, or neither for plain text');
  }
  const read = async (file: string, flag: string): Promise<Buffer> => {
    try {
      return await fsp.readFile(file);
    } catch (err) {
      throw new EtxError('E_CONFIG', `${flag} ${file}: ${(err as Error).message}`, { cause: err });
    }
  };
  return { cert: await read(flags.tlsCert, '--tls-cert'), key: await read(flags.tlsKey, '--tls-key') };
}

export async function serve(flags: ServeFlags): Promise<void> {
  if (!LOG_LEVELS.includes(flags.logLevel as LogLevel)) {
    throw new EtxError('E_USAGE', `--log-level must be one of ${LOG_LEVELS.join(', ')}`);
  }
  const log = createServerLog(flags.logLevel as LogLevel, { file: flags.logFile, pretty: !flags.logFile && process.stderr.isTTY === true });
  const logger = log.logger;
  // logrotate's postrotate: `kill -USR2 $MAINPID` (see examples/).
  process.on('SIGUSR2', () => {
    log.reopen();
    logger.info({ file: flags.logFile }, 'log file reopened');
  });
  const control = parseHostPort(flags.control);
  if (!flags.inbound && flags.data.length > 0) throw new EtxError('E_USAGE', '--no-inbound listens on no data port: drop --data');
  // --no-inbound: no data listener at all; peers are told no address, and this server only dials.
  const data: HostPort[] = flags.inbound ? (flags.data.length > 0 ? flags.data : ['127.0.0.1:8008']).map((d) => parseHostPort(d)) : [];
  const limits: ServerLimits = {
    ...DEFAULT_SERVER_LIMITS,
    maxStreamsPerTransfer: positiveInt(flags.maxStreams, '--max-streams'),
    chunkSizeBytes: parseSize(flags.chunkSize),
    idleTimeoutMs: positiveInt(flags.idleTimeoutMs, '--idle-timeout-ms'),
    inactiveTimeoutMs: positiveInt(flags.inactiveTimeoutMs, '--inactive-timeout-ms'),
    orphanGraceMs: positiveInt(flags.orphanGraceMs, '--orphan-grace-ms'),
    maxInflightBytes: parseSize(flags.maxInflightBytes),
    smallFileBytes: parseSize(flags.smallFileBytes),
    handshakeTimeoutMs: positiveInt(flags.handshakeTimeoutMs, '--handshake-timeout-ms'),
    maxHandshakesPerAddress: positiveInt(flags.maxHandshakesPerAddress, '--max-handshakes-per-address'),
    maxControlConnectionsPerAddress: positiveInt(flags.maxControlConnectionsPerAddress, '--max-control-connections-per-address'),
    maxTransfersPerUser: positiveInt(flags.maxTransfersPerUser, '--max-transfers-per-user'),
    ticketLifetimeMs: positiveInt(flags.ticketLifetimeMs, '--ticket-lifetime-ms'),
    maxControlMessageBytes: positiveInt(flags.maxControlMessageBytes, '--max-control-message-bytes'),
    maxListEntries: positiveInt(flags.maxListEntries, '--max-list-entries'),
    maxFilesPerRequest: positiveInt(flags.maxFilesPerRequest, '--max-files-per-request'),
    // Parsed before anything listens: a misread list must stop the server, not widen what it dials.
    allowPeers: parseAllowPeers(flags.allowPeer),
    proxy: flags.proxy === undefined ? undefined : parseProxyUrl(flags.proxy, '--proxy'),
    relayUsers: parseRelayUsers(flags.allowRelay),
    relayPairTimeoutMs: positiveInt(flags.relayPairTimeoutMs, '--relay-pair-timeout-ms'),
    connectTimeoutMs: positiveInt(flags.connectTimeoutMs, '--connect-timeout-ms'),
    metricsAllow:
      flags.metricsAllow.length > 0 ? PeerAllowlist.parse(flags.metricsAllow, '--metrics-allow') : DEFAULT_SERVER_LIMITS.metricsAllow,
  };
  if (limits.maxControlMessageBytes > 1024 * 1024) {
    // A WebSocket message is buffered whole before it is decoded: keep that bounded (THREATS D1).
    throw new EtxError('E_USAGE', '--max-control-message-bytes can be at most 1048576 (1 MiB)');
  }
  if (limits.chunkSizeBytes < 64 * 1024 || limits.chunkSizeBytes > limits.maxChunkSizeBytes) {
    throw new EtxError('E_USAGE', '--chunk-size must be between 64KiB and 16MiB');
  }
  const loadAcl = async (): Promise<Acl> =>
    flags.acl ? Acl.load(flags.acl) : Acl.parse(DEFAULT_ACL_JSON, 'the built-in ACL (/tmp/** for anyone)');
  const acl = await loadAcl();
  const tls = await readTlsFiles(flags);
  if (flags.stateDir) {
    await fsp.mkdir(flags.stateDir, { recursive: true, mode: 0o700 }).catch((err) => {
      throw new EtxError('E_CONFIG', `--state-dir ${flags.stateDir}: ${(err as Error).message}`);
    });
  }
  if (limits.proxy) logger.info({ proxy: limits.proxy.display }, 'data dials go through the HTTP proxy');
  if (limits.allowPeers) logger.info({ allowPeers: limits.allowPeers.entries }, 'dialing only peers in --allow-peer');
  const drainTimeoutMs = positiveInt(flags.drainTimeoutMs, '--drain-timeout-ms');
  const server = await startServer({ control, data, advertiseHost: flags.advertise, acl, stateDir: flags.stateDir, limits, logger, tls });
  logger.info(
    {
      acl: flags.acl ?? 'built-in (/tmp/** for anyone)',
      rules: acl.ruleCount,
      users: acl.userCount,
      metricsAllow: limits.metricsAllow.entries,
    },
    'ACL in force',
  );

  process.on('SIGHUP', () => {
    loadAcl().then(
      (next) => {
        server.setAcl(next);
        logger.info({ acl: flags.acl ?? 'built-in' }, 'ACL reloaded');
      },
      (err) => logger.error({ err: (err as Error).message }, 'ACL reload failed; keeping the previous ACL'),
    );
  });
  let stopping = false;
  // SIGINT, or a second SIGTERM: stop now (running transfers keep their partials for a resume).
  const stopNow = (signal: string): void => {
    logger.info({ signal }, 'stopping now');
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // SIGTERM: take no new work, let running transfers finish (DESIGN section 3), then stop.
  process.on('SIGTERM', () => {
    if (stopping) return stopNow('SIGTERM');
    stopping = true;
    logger.info({ drainTimeoutMs }, 'draining: no new transfers; stopping when the running ones end');
    server.drain(drainTimeoutMs).then(
      (cut) => {
        if (cut > 0) logger.warn({ transfers: cut }, 'drain timed out; running transfers were stopped (their partials are kept)');
        logger.info('stopped');
        process.exit(0);
      },
      () => process.exit(1),
    );
  });
  process.once('SIGINT', () => stopNow('SIGINT'));
}

/**
 * `--allow-relay [USERS]`: alone, any authenticated user (`*`); with a value, the users it names
 * (comma-separated, in the ACL's words: names, `*`, `anonymous`). A relay carries anyone's bytes,
 * so it serves anonymous clients only when told to.
 */
function parseRelayUsers(flag: boolean | string | undefined): UserList | undefined {
  if (flag === undefined || flag === false) return undefined;
  const users = flag === true ? ['*'] : flag.split(',').map((u) => u.trim());
  // "true"/"false" are what a config file's boolean looks like quoted: never user names here.
  const boolean = users.find((u) => u === 'true' || u === 'false');
  if (boolean)
    throw new EtxError(
      'E_USAGE',
      `--allow-relay: "${boolean}" is not a user; give the flag alone (any authenticated user) or name the users`,
    );
  return compileUserList(users, '--allow-relay');
}
